#pragma once

// What a migration file includes (see generate_migration): the build API it is written in and
// the Migration it returns. Also declares the list of an application's migrations, which
// tempest_add_migrations() (cmake/TempestMigrations.cmake) generates for each target:
//
//   tempest_add_migrations(my_app ${CMAKE_CURRENT_SOURCE_DIR}/migrations)
//
// compiles every migrations/*.cpp into my_app and defines collected_migrations() in it.
//
// A migration file named <revision>.cpp must define
//
//   tempest::Migration tempest_migration_<revision>();  // see migration_function_name
//
// returning a Migration whose revision is <revision>. A migration whose down is empty while
// its up is not is irreversible: the runner refuses to downgrade it.

#include <string_view>
#include <vector>

#include "tempest/build.hpp"
#include "tempest/migration.hpp"

namespace tempest {

// Every migration of the application, in file name order. Defined in the source file that
// tempest_add_migrations() generates for the target; a target that did not call it fails to
// link. Throws MigrationError when a file returns a migration whose revision is not its name.
[[nodiscard]] std::vector<Migration> collected_migrations();

namespace detail {

// Used by the generated collected_migrations(): returns `migration`, or throws MigrationError
// naming `file_name` when `migration.revision` is not `file_name` without its ".cpp".
[[nodiscard]] Migration checked_migration_file(Migration migration, std::string_view file_name);

}  // namespace detail

}  // namespace tempest
