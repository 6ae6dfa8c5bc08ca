#include "migrate/run_plan.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "tempest/error.hpp"

namespace tempest {

namespace {

std::optional<int> progress(const AppliedRevision& row, Direction direction) {
  return direction == Direction::Up ? row.steps_done : row.down_steps_done;
}

}  // namespace

void finish_partial_first(std::vector<std::string>& plan, const AppliedState& state,
                          Direction direction) {
  std::stable_partition(plan.begin(), plan.end(), [&](const std::string& revision) {
    const AppliedRevision* row = state.find(revision);
    return row != nullptr && progress(*row, direction).has_value();
  });
}

void require_reversible(const std::vector<std::string>& plan,
                        const std::vector<Migration>& migrations, const RevisionIndex& index) {
  for (const std::string& revision : plan) {
    const Migration& migration = migrations[index.at(revision)];
    if (migration.down.empty() && !migration.up.empty()) {
      throw MigrationError("migration \"" + revision + "\" (" + migration.label +
                           ") is irreversible: its down is empty; nothing was reverted");
    }
  }
}

std::size_t steps_already_done(const AppliedState& state, const Migration& migration,
                               Direction direction, std::size_t step_count) {
  const AppliedRevision* row = state.find(migration.revision);
  if (row == nullptr) return 0;
  const std::optional<int> done = progress(*row, direction);
  if (!done) return 0;
  if (*done < 0 || static_cast<std::size_t>(*done) > step_count) {
    throw MigrationError("migration \"" + migration.revision + "\": the version table records " +
                         std::to_string(*done) + (direction == Direction::Up ? "" : " down") +
                         " steps done, but it now renders " + std::to_string(step_count) +
                         ": the migration changed while partly applied");
  }
  return static_cast<std::size_t>(*done);
}

}  // namespace tempest
