#pragma once

// Migration files: the editable C++ source of one migration. The loop, once the application
// compiles its migrations/ directory with tempest_add_migrations() (migration_file.hpp):
//
//   1. change a model;
//   2. ops = diff_schema(replay_schema(collected_migrations()), reflect_schema(models...));
//      write generate_migration({.revision = "0002_post_published",
//                                .down_revisions = {"0001_init"},
//                                .label = "add published to posts", .operations = ops})
//      to migrations/0002_post_published.cpp (review it, edit it if need be);
//   3. rebuild: the new file is compiled in and collected_migrations() returns it;
//   4. upgrade with the runner.

#include <string>
#include <string_view>
#include <vector>

#include "tempest/operations.hpp"

namespace tempest {

// The default member initializers let designated initializers leave fields out without
// -Wmissing-field-initializers: generate_migration({.revision = "0001_init", .operations = ops}).
struct MigrationSource {
  std::string revision;
  std::vector<std::string> down_revisions = {};  // empty: a root; two or more: a merge
  std::string label = {};
  std::vector<Operation> operations = {};  // the migration's up
};

// The text of a C++ source file, to be saved as <revision>.cpp in the directory given to
// tempest_add_migrations() (cmake/TempestMigrations.cmake), that defines
//
//   tempest::Migration tempest_migration_<revision>();  // see migration_function_name
//
// returning a Migration with the given revision, down revisions and label, `up` the given
// operations and `down` their inverse, both written as calls of the tempest::build API (one per
// operation, laid out in the style of clang-format's Google style at 100 columns). The file
// includes only <tempest/migration_file.hpp> and reads as hand-written code, so it can be
// edited: add an execute() data step, change a default...
//
// When an operation cannot be inverted (an execute() without reverse SQL), `down` is written
// empty with a comment naming the operation: a migration whose down is empty while its up is
// not is irreversible, and the runner refuses to downgrade it.
//
// Compiling the file gives back the operations exactly, up to ColumnType::raw (the builders
// set the canonical spelling) and the canonical order of tables' named objects. The output is
// a function of `source` alone. Throws MigrationError for an empty revision and ModelError,
// naming the table and column, for a type the build API cannot spell (a varchar without a
// length, a numeric scale without a precision).
[[nodiscard]] std::string generate_migration(const MigrationSource& source);

// The name of the function a migration file defines: "tempest_migration_" followed by
// `revision` with every byte other than [A-Za-z0-9_] replaced by '_'
// ("0002_post-published" -> "tempest_migration_0002_post_published").
[[nodiscard]] std::string migration_function_name(std::string_view revision);

}  // namespace tempest
