#include "tempest/migration.hpp"

#include <string>
#include <utility>
#include <vector>

#include "tempest/error.hpp"
#include "tempest/operations.hpp"

namespace tempest {

Migration make_migration(std::string revision, std::vector<std::string> down_revisions,
                         std::string label, std::vector<Operation> up) {
  std::vector<Operation> down;
  try {
    down = invert(up);
  } catch (const MigrationError& e) {
    throw MigrationError("migration \"" + revision + "\": " + e.what());
  }
  return Migration{std::move(revision), std::move(down_revisions), std::move(label), std::move(up),
                   std::move(down)};
}

}  // namespace tempest
