#pragma once

// The parts of a run's plan that depend on the version table's state, shared by the online
// run and the offline script.

#include <cstddef>
#include <string>
#include <vector>

#include "migrate/applied_state.hpp"
#include "migrate/migration_render.hpp"
#include "migrate/segments.hpp"
#include "tempest/migration.hpp"

namespace tempest {

// Moves the partly applied (up) or partly reverted (down) migrations of `plan` to its front,
// keeping the order otherwise: they are finished before anything else starts. Their
// ancestors (up) or descendants (down) are already done, so the order stays valid.
void finish_partial_first(std::vector<std::string>& plan, const AppliedState& state,
                          Direction direction);

// Throws MigrationError, before anything runs, naming the first migration of `plan` whose
// down is empty while its up is not.
void require_reversible(const std::vector<std::string>& plan,
                        const std::vector<Migration>& migrations, const RevisionIndex& index);

// The steps of `migration` already done in `direction` according to its row (0 without one).
// Throws MigrationError when the row counts more steps than the migration now renders.
[[nodiscard]] std::size_t steps_already_done(const AppliedState& state, const Migration& migration,
                                             Direction direction, std::size_t step_count);

}  // namespace tempest
