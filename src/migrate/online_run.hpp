#pragma once

// One migration run on the live database: its segments (segments.hpp) executed through the
// dialect's StepExecutor, each with its version row write, all or nothing per transaction.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/segments.hpp"
#include "migrate/version_store.hpp"
#include "tempest/dialect.hpp"
#include "tempest/migration.hpp"

namespace tempest {

struct OnlineContext {
  VersionStore& store;
  StepExecutor& executor;
  std::ostream* log = nullptr;  // RunnerOptions::log: a line per table rebuilt
};

enum class RunOutcome { Done, Skipped };

// What the version row of the migration is expected to say before the run.
struct RowBefore {
  std::size_t steps_done = 0;     // up: steps already done (a partly applied migration)
  std::int64_t execution_ms = 0;  // time already spent on them
};

// Applies `migration` (its up rendered as `steps`), resuming after `before.steps_done` steps.
// Returns Skipped when, inside the first transaction, the version row shows that another
// runner has applied the migration meanwhile. Throws MigrationStepError when a statement fails
// (the failing transaction rolled back), MigrationError when the row changed unexpectedly.
RunOutcome run_up(OnlineContext& context, const Migration& migration,
                  const std::vector<RenderedStep>& steps, const RowBefore& before,
                  const std::string& checksum, std::string_view applied_at);

// Reverts `migration` (its down rendered as `steps`), resuming after `down_steps_done` steps;
// Skipped when another runner reverted it meanwhile.
RunOutcome run_down(OnlineContext& context, const Migration& migration,
                    const std::vector<RenderedStep>& steps, std::size_t down_steps_done);

}  // namespace tempest
