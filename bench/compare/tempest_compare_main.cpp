// The tempest side of bench/compare-alembic. bench/compare/run.py drives it; URL is
// sqlite:PATH or a postgresql:// URL.
//   tempest_compare prepare URL TABLES        creates synthetic_schema(TABLES) in the database
//   tempest_compare autogenerate URL TABLES empty|add-column RUNS
//                                             the live database against the models, RUNS times
//   tempest_compare upgrade URL COUNT         MigrationRunner::upgrade of small_migrations(COUNT)
//   tempest_compare upgrade-sql sqlite|postgresql COUNT
//                                             the same upgrade as a script, from base
//   tempest_compare cli COUNT ARGS...         run_migration_cli(ARGS) (history, heads...) of an
//                                             application with small_migrations(COUNT) built in
//   tempest_compare cli-runs COUNT RUNS ARGS...
//                                             the same RUNS times in one process, timed
// The timed commands print one JSON object: the wall and CPU ms of each run, and what the
// last run found.
//
// The models of autogenerate are bench/synthetic_schema.hpp, the Schema IR that
// bench/compare/models.py also builds as SQLAlchemy MetaData. An application's models are C++
// structs that reflect_schema turns into that IR; 1,000 model structs are replaced here by
// their reflected IR, built before timing as the Python side builds its MetaData before timing.

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "small_migrations.hpp"
#include "synthetic_schema.hpp"
#include "tempest/cli.hpp"
#include "tempest/codegen.hpp"
#include "tempest/dialect.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/postgres.hpp"
#include "tempest/runner.hpp"
#include "tempest/sqlite.hpp"

namespace {

using namespace tempest;
using Clock = std::chrono::steady_clock;

// Steps per transaction while creating tables: one PostgreSQL transaction for 1,000 tables
// would hold a lock per table and index, past max_locks_per_transaction.
constexpr std::size_t kStepsPerTransaction = 200;

std::unique_ptr<Driver> open_database(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) return SqliteDriver::open(url.substr(7));
  if (url.rfind("postgresql://", 0) == 0) return PostgresDriver::connect(url);
  throw Error("unsupported URL \"" + url + "\": give sqlite:PATH or postgresql://...");
}

double cpu_ms() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// Wall and CPU milliseconds of each run of a timed command.
class RunTimes {
 public:
  void start() {
    start_ = Clock::now();
    cpu_start_ = cpu_ms();
  }
  void stop() {
    cpu_.push_back(cpu_ms() - cpu_start_);
    wall_.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start_).count());
  }
  // The JSON members "runs_ms" and "runs_cpu_ms".
  [[nodiscard]] std::string json() const {
    return "\"runs_ms\": " + list(wall_) + ", \"runs_cpu_ms\": " + list(cpu_);
  }

 private:
  static std::string list(const std::vector<double>& values) {
    std::string text = "[";
    for (double value : values) text += (text.size() > 1 ? ", " : "") + std::to_string(value);
    return text + "]";
  }

  Clock::time_point start_;
  double cpu_start_ = 0;
  std::vector<double> wall_;
  std::vector<double> cpu_;
};

std::string json_string(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (c == '\n') {
      quoted += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      quoted += ' ';
    } else {
      quoted += c;
    }
  }
  return quoted + "\"";
}

void prepare(const std::string& url, int tables) {
  const std::unique_ptr<Driver> driver = open_database(url);
  const std::vector<RenderedStep> steps =
      render_schema(dialect_for(driver->dialect()), bench::synthetic_schema(tables));
  for (std::size_t first = 0; first < steps.size(); first += kStepsPerTransaction) {
    Transaction transaction(*driver);
    for (std::size_t i = first; i < steps.size() && i < first + kStepsPerTransaction; ++i) {
      for (const std::string& statement : steps[i].statements) driver->execute(statement);
    }
    transaction.commit();
  }
}

// The models: synthetic_schema(tables), with mode "add-column" one nullable text column
// "extra" appended to table_<tables / 2> (as bench/compare/models.py does).
Schema models(int tables, const std::string& mode) {
  Schema schema = bench::synthetic_schema(tables);
  if (mode == "empty") return schema;
  if (mode != "add-column") throw Error("unknown autogenerate mode \"" + mode + "\"");
  Table* table = find_table(schema, "table_" + std::to_string(tables / 2));
  if (table == nullptr) throw Error("no table to add a column to");
  Column extra;
  extra.name = "extra";
  extra.type.kind = TypeKind::Text;
  extra.nullable = true;
  table->columns.push_back(extra);
  return schema;
}

// What `revision --autogenerate` against a live database amounts to: connect, introspect,
// normalise the models for the engine (as check_drift does), diff, and write the migration's
// C++ source (up and its derived down). Prints the wall and CPU time of each run as JSON.
void autogenerate(const std::string& url, int tables, const std::string& mode, int runs) {
  const Schema target = models(tables, mode);
  RunTimes times;
  std::size_t operations = 0;
  std::size_t chars = 0;
  for (int run = 0; run < runs; ++run) {
    times.start();
    const std::unique_ptr<Driver> driver = open_database(url);
    const Dialect& dialect = dialect_for(driver->dialect());
    const Schema live = dialect.introspect(*driver);
    std::vector<Operation> ops = diff_schema(live, dialect.normalize(target));
    operations = ops.size();
    const std::string source = generate_migration({.revision = "0002_autogenerate",
                                                   .down_revisions = {"0001_init"},
                                                   .label = "autogenerate",
                                                   .operations = std::move(ops)});
    chars = source.size();
    times.stop();
  }
  std::printf("{%s, \"operations\": %zu, \"chars\": %zu}\n", times.json().c_str(), operations,
              chars);
}

void upgrade(const std::string& url, int count) {
  const std::vector<Migration> migrations = bench::small_migrations(count);
  const std::unique_ptr<Driver> driver = open_database(url);
  const std::vector<std::string> applied =
      MigrationRunner(*driver).upgrade(migrations, "2024-01-01T00:00:00Z");
  if (applied.size() != migrations.size()) {
    throw Error("applied " + std::to_string(applied.size()) + " of " +
                std::to_string(migrations.size()) + " migrations");
  }
}

// Offline from "base": the connection is never used, so an in-memory SQLite one serves both
// dialects.
void upgrade_sql(const std::string& dialect_name, int count) {
  const Dialect& dialect = dialect_name == "postgresql" ? postgres_dialect() : sqlite_dialect();
  const std::unique_ptr<SqliteDriver> unused = SqliteDriver::open(":memory:");
  // The floor runs what the online run executes: without the scripts' version table checks.
  MigrationRunner(*unused, dialect, {.script_guards = false})
      .upgrade_sql(bench::small_migrations(count), std::cout, "base");
}

// An application's migration tool with its migrations compiled in: collected_migrations()
// builds them at start-up as small_migrations does here.
int cli(int count, const std::vector<std::string>& args) {
  CliConfig config;
  config.migrations = bench::small_migrations(count);
  return run_migration_cli(args, config);
}

// cli() RUNS times in one process, the output captured: start-up left out, as the in-process
// Alembic side leaves out the interpreter's.
int cli_runs(int count, int runs, const std::vector<std::string>& args) {
  RunTimes times;
  std::string output;
  for (int run = 0; run < runs; ++run) {
    times.start();
    std::ostringstream out;
    CliConfig config;
    config.migrations = bench::small_migrations(count);
    config.out = &out;
    if (run_migration_cli(args, config) != kCliOk) return 1;
    times.stop();
    output = out.str();  // outside the timing, as the Alembic side reads its StringIO
  }
  std::printf("{%s, \"output\": %s}\n", times.json().c_str(), json_string(output).c_str());
  return 0;
}

int usage() {
  std::cerr << "usage: tempest_compare prepare URL TABLES | autogenerate URL TABLES "
               "empty|add-column RUNS | upgrade URL COUNT | upgrade-sql sqlite|postgresql "
               "COUNT | cli COUNT ARGS... | cli-runs COUNT RUNS ARGS...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  try {
    const std::string& command = args[0];
    if (command == "prepare" && args.size() == 3) {
      prepare(args[1], std::stoi(args[2]));
    } else if (command == "autogenerate" && args.size() == 5) {
      autogenerate(args[1], std::stoi(args[2]), args[3], std::stoi(args[4]));
    } else if (command == "upgrade" && args.size() == 3) {
      upgrade(args[1], std::stoi(args[2]));
    } else if (command == "upgrade-sql" && args.size() == 3) {
      upgrade_sql(args[1], std::stoi(args[2]));
    } else if (command == "cli" && args.size() >= 3) {
      return cli(std::stoi(args[1]), {args.begin() + 2, args.end()});
    } else if (command == "cli-runs" && args.size() >= 4) {
      return cli_runs(std::stoi(args[1]), std::stoi(args[2]), {args.begin() + 3, args.end()});
    } else {
      return usage();
    }
  } catch (const std::exception& e) {
    std::cerr << "tempest_compare: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
