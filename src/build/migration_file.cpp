// The check the generated collected_migrations() makes on each migration file.

#include "tempest/migration_file.hpp"

#include <string>
#include <string_view>
#include <utility>

#include "tempest/error.hpp"

namespace tempest::detail {

Migration checked_migration_file(Migration migration, std::string_view file_name) {
  std::string_view stem = file_name;
  if (stem.ends_with(".cpp")) stem.remove_suffix(4);
  if (migration.revision != stem) {
    // The function name comes from the file name and the revision from the file's contents:
    // when they disagree, generating the next migration or renaming a file goes wrong later.
    throw MigrationError("migration file " + std::string(file_name) + ": its revision is \"" +
                         migration.revision + "\"; a migration file must be named <revision>.cpp");
  }
  return migration;
}

}  // namespace tempest::detail
