#include "migrate/applied_state.hpp"

#include <string>
#include <utility>
#include <vector>

#include "schema/quoted.hpp"
#include "tempest/error.hpp"

namespace tempest {

const AppliedRevision* AppliedState::find(const std::string& revision) const {
  auto it = by_revision_.find(revision);
  return it == by_revision_.end() ? nullptr : &rows[it->second];
}

AppliedState make_applied_state(std::vector<AppliedRevision> rows, const MigrationGraph& graph,
                                const std::string& table) {
  AppliedState state;
  state.rows = std::move(rows);
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < state.rows.size(); ++i) {
    const AppliedRevision& row = state.rows[i];
    if (!graph.contains(row.revision)) missing.push_back(quoted(row.revision));
    state.by_revision_.emplace(row.revision, i);
    if (!row.steps_done) {
      state.complete.push_back(row.revision);
      state.complete_set.insert(row.revision);
    }
  }
  if (!missing.empty()) {
    std::string names;
    for (const std::string& name : missing) names += (names.empty() ? "" : ", ") + name;
    throw MigrationError(
        std::string(missing.size() == 1 ? "revision " : "revisions ") + names +
        (missing.size() == 1 ? " is" : " are") + " applied in the database (version table " +
        quoted(table) +
        ") but missing from the migrations: restore the migration files, or stamp the "
        "database to a revision of the code");
  }
  return state;
}

std::vector<ChecksumChange> changed_checksums(const AppliedState& state,
                                              const std::vector<Migration>& migrations,
                                              const RevisionIndex& index) {
  std::vector<ChecksumChange> changes;
  for (const AppliedRevision& row : state.rows) {
    const std::string now = migration_checksum(migrations[index.at(row.revision)]);
    if (now != row.checksum) changes.push_back({row.revision, row.checksum, now});
  }
  return changes;
}

MigrationError checksum_error(const std::vector<ChecksumChange>& changes) {
  std::string names;
  for (const ChecksumChange& change : changes) {
    names += (names.empty() ? "" : ", ") + quoted(change.revision) + " (recorded " +
             change.recorded.substr(0, 12) + ", now " + change.now.substr(0, 12) + ")";
  }
  return MigrationError(
      std::string(changes.size() == 1 ? "migration " : "migrations ") + names +
      (changes.size() == 1 ? " has" : " have") +
      " changed since applied: revert the edit, or accept the change "
      "(RunnerOptions::accept_changed_checksums, --accept-changed-checksums in the CLI), which "
      "records the new checksum without running anything");
}

void require_no_partial(const AppliedState& state, bool up) {
  for (const AppliedRevision& row : state.rows) {
    const std::optional<int>& done = up ? row.steps_done : row.down_steps_done;
    if (!done) continue;
    throw MigrationError("migration " + quoted(row.revision) + " is partly " +
                         (up ? "applied" : "reverted") + " (" + std::to_string(*done) +
                         (up ? " steps" : " down steps") + " done): run " +
                         (up ? "upgrade" : "downgrade") + " to finish it first");
  }
}

}  // namespace tempest
