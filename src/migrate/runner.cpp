// MigrationRunner: online upgrade and downgrade, and the version table queries.

#include "tempest/runner.hpp"

#include <algorithm>
#include <chrono>
#include <ostream>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "migrate/applied_state.hpp"
#include "migrate/migration_render.hpp"
#include "migrate/online_run.hpp"
#include "migrate/run_plan.hpp"
#include "migrate/version_store.hpp"
#include "tempest/error.hpp"

namespace tempest {

namespace {

using Clock = std::chrono::steady_clock;

void require_outside_transaction(Driver& driver, const char* command) {
  if (driver.in_transaction()) {
    throw MigrationError(std::string(command) +
                         ": the driver is in a transaction; the runner runs each migration in "
                         "a transaction of its own, call it outside any");
  }
}

// Records the new checksums when told to accept changes, else throws naming them.
void check_checksums(const AppliedState& state, const std::vector<Migration>& migrations,
                     const RevisionIndex& index, const RunnerOptions& options,
                     VersionStore& store) {
  const std::vector<ChecksumChange> changes = changed_checksums(state, migrations, index);
  if (changes.empty()) return;
  if (!options.accept_changed_checksums) throw checksum_error(changes);
  for (const ChecksumChange& change : changes) {
    store.set_checksum(change.revision, change.now);
    if (options.log != nullptr) {
      *options.log << "accepted the changed checksum of " << change.revision << "\n";
    }
  }
}

void log_line(const RunnerOptions& options, const char* verb, const Migration& migration,
              RunOutcome outcome, Clock::time_point start) {
  if (options.log == nullptr) return;
  if (outcome == RunOutcome::Skipped) {
    *options.log << "skipped " << migration.revision << " (" << migration.label << "): " << verb
                 << " by another runner\n";
    return;
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  *options.log << verb << " " << migration.revision << " (" << migration.label << ") in "
               << ms.count() << " ms\n";
}

}  // namespace

MigrationRunner::MigrationRunner(Driver& driver, const Dialect& dialect, RunnerOptions options)
    : driver_(driver), dialect_(dialect), options_(std::move(options)) {}

MigrationRunner::MigrationRunner(Driver& driver, RunnerOptions options)
    : MigrationRunner(driver, dialect_for(driver.dialect()), std::move(options)) {}

std::vector<std::string> MigrationRunner::upgrade(const std::vector<Migration>& migrations,
                                                  std::string_view applied_at,
                                                  std::string_view target) {
  const MigrationGraph graph(migrations);
  const RevisionIndex index = index_revisions(migrations);
  require_outside_transaction(driver_, "upgrade");
  VersionStore store(&driver_, dialect_, options_.version_table);
  const RunLock lock(store);
  store.create();
  const AppliedState state = make_applied_state(store.read_all(), graph, store.table());
  check_checksums(state, migrations, index, options_, store);
  require_no_partial(state, false);
  std::vector<std::string> plan = plan_upgrade(graph, state.complete, target);
  finish_partial_first(plan, state, Direction::Up);

  Schema schema = replay_applied(migrations, graph, state.complete_set);
  const std::unique_ptr<StepExecutor> executor = dialect_.step_executor(driver_);
  OnlineContext context{store, *executor, options_.log};
  std::vector<std::string> applied;
  for (const std::string& revision : plan) {
    const Migration& migration = migrations[index.at(revision)];
    const Clock::time_point start = Clock::now();
    const std::vector<RenderedStep> steps =
        render_migration(dialect_, migration, Direction::Up, schema);
    RowBefore before;
    before.steps_done = steps_already_done(state, migration, Direction::Up, steps.size());
    if (const AppliedRevision* row = state.find(revision)) before.execution_ms = row->execution_ms;
    const RunOutcome outcome =
        run_up(context, migration, steps, before, migration_checksum(migration), applied_at);
    advance_schema(schema, migration, Direction::Up);
    log_line(options_, "applied", migration, outcome, start);
    if (outcome == RunOutcome::Done) applied.push_back(revision);
  }
  return applied;
}

std::vector<std::string> MigrationRunner::downgrade(const std::vector<Migration>& migrations,
                                                    std::string_view target) {
  const MigrationGraph graph(migrations);
  const RevisionIndex index = index_revisions(migrations);
  require_outside_transaction(driver_, "downgrade");
  VersionStore store(&driver_, dialect_, options_.version_table);
  const RunLock lock(store);
  store.create();
  const AppliedState state = make_applied_state(store.read_all(), graph, store.table());
  check_checksums(state, migrations, index, options_, store);
  require_no_partial(state, true);
  std::vector<std::string> plan = plan_downgrade(graph, state.complete, target);
  require_reversible(plan, migrations, index);
  finish_partial_first(plan, state, Direction::Down);

  Schema schema = replay_applied(migrations, graph, state.complete_set);
  const std::unique_ptr<StepExecutor> executor = dialect_.step_executor(driver_);
  OnlineContext context{store, *executor, options_.log};
  std::vector<std::string> reverted;
  for (const std::string& revision : plan) {
    const Migration& migration = migrations[index.at(revision)];
    const Clock::time_point start = Clock::now();
    const std::vector<RenderedStep> steps =
        render_migration(dialect_, migration, Direction::Down, schema);
    const std::size_t done = steps_already_done(state, migration, Direction::Down, steps.size());
    const RunOutcome outcome = run_down(context, migration, steps, done);
    advance_schema(schema, migration, Direction::Down);
    log_line(options_, "reverted", migration, outcome, start);
    if (outcome == RunOutcome::Done) reverted.push_back(revision);
  }
  return reverted;
}

std::vector<AppliedRevision> MigrationRunner::applied() {
  VersionStore store(&driver_, dialect_, options_.version_table);
  return store.read_all();
}

std::vector<std::string> MigrationRunner::current(const std::vector<Migration>& migrations) {
  const MigrationGraph graph(migrations);
  VersionStore store(&driver_, dialect_, options_.version_table);
  const AppliedState state = make_applied_state(store.read_all(), graph, store.table());
  std::unordered_set<std::string> parents;
  for (const std::string& revision : state.complete) {
    for (const std::string& parent : graph.parents(revision)) parents.insert(parent);
  }
  std::vector<std::string> heads;
  for (const std::string& revision : state.complete) {
    if (!parents.contains(revision)) heads.push_back(revision);
  }
  std::sort(heads.begin(), heads.end());
  return heads;
}

std::vector<std::string> MigrationRunner::heads(const std::vector<Migration>& migrations) {
  return MigrationGraph(migrations).heads();
}

}  // namespace tempest
