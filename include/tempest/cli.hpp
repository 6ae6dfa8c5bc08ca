#pragma once

// run_migration_cli: Alembic's commands for an application's migrations, as a library
// function that the application's own executable calls with its database, migrations and
// models:
//
//   int main(int argc, char** argv) {
//     tempest::CliConfig config{
//         .open_driver = [] { return tempest::SqliteDriver::open("app.db"); },
//         .dialect = tempest::DialectKind::Sqlite,
//         .migrations = tempest::collected_migrations(),
//         .models = tempest::reflect_schema(user_model(), post_model()),
//         .migrations_dir = "migrations"};
//     return tempest::run_migration_cli({argv + 1, argv + argc}, config);
//   }
//
// Commands (each has --help):
//   revision -m MSG [--autogenerate] [--rev-id ID] [--head H] [--depends-on R]
//                                        --autogenerate warns about risky operations
//                                        (assess_risks, tempest/risks.hpp)
//   upgrade [TARGET] [--sql [FROM:TO]] [--accept-changed-checksums]
//                                        TARGET: heads (default), head, REV or prefix,
//                                        REV@head, +N; --sql prints the script, changes nothing
//   downgrade TARGET [--sql] [--accept-changed-checksums]
//                                        N or -N (the last N), REV (stays applied), base
//   current [--json]    heads [--json]    branches
//   history [-r FROM:TO] [--verbose] [--json]
//                                        the graph in lanes, as git log --graph draws it;
//                                        --verbose: operations, and applied state and date
//   show REV    merge -m MSG REV...|heads    stamp REV
//   check [--json]                       models vs replay of the migrations; no database
//   drift [--json]                       live database vs models (check_drift)
// Global: --quiet (errors and the command's own result only), --verbose (also the SQL as it
// runs, each statement echoed before it runs), --color=auto|always|never (auto: colour only
// when the stream is std::cout or std::cerr on a terminal, NO_COLOR is unset or empty and
// TERM is not "dumb"): errors red, warnings yellow, applied revisions green, heads bold.
//
// Exit codes: 0 success; 1 check or drift found differences (or several heads for check);
// 2 any error: bad arguments, unknown or ambiguous revision, database error. Errors print one
// line "error: ..." to `err`, naming the revision, file or object and what to do next.

#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "tempest/driver.hpp"
#include "tempest/migration.hpp"
#include "tempest/schema.hpp"

namespace tempest {

struct CliConfig {
  // The database: an open connection, or, when null, open_driver, called the first time a
  // command reads or writes the database, so that history (without --verbose), heads,
  // branches, show, check, revision, merge, --help and upgrade/downgrade --sql FROM:TO never
  // connect (nor create a SQLite file). With neither, those commands still run; the others
  // say they need one. Either must be of `dialect`: a driver of the other engine is an error.
  Driver* driver = nullptr;
  std::function<std::unique_ptr<Driver>()> open_driver = {};
  DialectKind dialect = DialectKind::Sqlite;
  std::vector<Migration> migrations = {};     // collected_migrations() of the application
  Schema models = {};                         // reflect_schema(...) of the application's models
  std::filesystem::path migrations_dir = {};  // where revision and merge write files
  std::string version_table = "tempest_db_migrations";
  std::ostream* out = &std::cout;
  std::ostream* err = &std::cerr;
  // The applied_at recorded by upgrade and stamp; default: the current UTC
  // time, ISO 8601.
  std::function<std::string()> now = {};
};

inline constexpr int kCliOk = 0;
inline constexpr int kCliDifferences = 1;
inline constexpr int kCliError = 2;

// Runs one command; `args` is the command line without the program name. Never
// throws.
[[nodiscard]] int run_migration_cli(const std::vector<std::string>& args, const CliConfig& config);

}  // namespace tempest
