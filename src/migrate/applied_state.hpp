#pragma once

// The version table's rows checked against the code: every recorded revision must exist, and
// an applied migration must still have the checksum recorded for it.

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "migrate/migration_render.hpp"
#include "tempest/migration.hpp"
#include "tempest/runner.hpp"

namespace tempest {

struct AppliedState {
  std::vector<AppliedRevision> rows;
  // Counted as applied when planning: rows without steps_done (partly reverted ones included).
  std::vector<std::string> complete;
  std::unordered_set<std::string> complete_set;

  // The row of `revision`, or nullptr.
  [[nodiscard]] const AppliedRevision* find(const std::string& revision) const;

 private:
  friend AppliedState make_applied_state(std::vector<AppliedRevision> rows,
                                         const MigrationGraph& graph, const std::string& table);
  std::unordered_map<std::string, std::size_t> by_revision_;
};

// Throws MigrationError naming every recorded revision missing from `graph` (and how to get
// out: restore the files, or stamp).
[[nodiscard]] AppliedState make_applied_state(std::vector<AppliedRevision> rows,
                                              const MigrationGraph& graph,
                                              const std::string& table);

struct ChecksumChange {
  std::string revision;
  std::string recorded;
  std::string now;
};

// The recorded migrations whose checksum differs from migration_checksum of the code.
[[nodiscard]] std::vector<ChecksumChange> changed_checksums(
    const AppliedState& state, const std::vector<Migration>& migrations,
    const RevisionIndex& index);

// The MigrationError for `changes` (not empty): names each migration and says how to accept.
[[nodiscard]] MigrationError checksum_error(const std::vector<ChecksumChange>& changes);

// Throws MigrationError when a row is partly applied (`up` true) or partly reverted (false),
// saying which command finishes it.
void require_no_partial(const AppliedState& state, bool up);

}  // namespace tempest
