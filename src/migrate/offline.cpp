// MigrationRunner::upgrade_sql and downgrade_sql: the run written as a script (offline mode).

#include <ostream>
#include <string>
#include <vector>

#include "migrate/applied_state.hpp"
#include "migrate/migration_render.hpp"
#include "migrate/run_plan.hpp"
#include "migrate/script_writer.hpp"
#include "migrate/version_store.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"

namespace tempest {

namespace {

struct OfflineStart {
  AppliedState state;
  std::vector<ChecksumChange> accepted;  // to record in the script
};

// The state the script starts from: the database's version table for an empty `from` (read,
// never created), else `from` and its ancestors applied ("base": nothing), without any IO.
OfflineStart starting_state(std::string_view from, const MigrationGraph& graph,
                            const std::vector<Migration>& migrations, const RevisionIndex& index,
                            VersionStore& store, const RunnerOptions& options) {
  OfflineStart start;
  if (from.empty()) {
    start.state = make_applied_state(store.read_all(), graph, store.table());
    start.accepted = changed_checksums(start.state, migrations, index);
    if (!start.accepted.empty() && !options.accept_changed_checksums) {
      throw checksum_error(start.accepted);
    }
    return start;
  }
  std::vector<AppliedRevision> rows;
  if (from != "base") {
    for (std::string& revision : graph.ancestors(resolve_revision(graph, from))) {
      AppliedRevision row;
      row.revision = std::move(revision);
      rows.push_back(std::move(row));
    }
  }
  start.state = make_applied_state(std::move(rows), graph, store.table());
  return start;
}

std::string title(const Dialect& dialect, const char* command, std::string_view from,
                  std::string_view target) {
  return "tempest-db " + std::string(command) + " script for " + std::string(dialect.name()) +
         ": from " + (from.empty() ? std::string("the database's state") : std::string(from)) +
         " to " + std::string(target);
}

}  // namespace

void MigrationRunner::upgrade_sql(const std::vector<Migration>& migrations, std::ostream& out,
                                  std::string_view from, std::string_view target) {
  const MigrationGraph graph(migrations);
  const RevisionIndex index = index_revisions(migrations);
  VersionStore store(from.empty() ? &driver_ : nullptr, dialect_, options_.version_table);
  const OfflineStart start = starting_state(from, graph, migrations, index, store, options_);
  require_no_partial(start.state, false);
  std::vector<std::string> plan = plan_upgrade(graph, start.state.complete, target);
  finish_partial_first(plan, start.state, Direction::Up);

  Schema schema = replay_applied(migrations, graph, start.state.complete_set);
  ScriptWriter writer(out, dialect_, store, options_.script_guards);
  writer.begin_script(title(dialect_, "upgrade", from, target));
  for (const ChecksumChange& change : start.accepted) {
    writer.statement(store.set_checksum_sql(change.revision, change.now));
  }
  for (const std::string& revision : plan) {
    const Migration& migration = migrations[index.at(revision)];
    const std::vector<RenderedStep> steps =
        render_migration(dialect_, migration, Direction::Up, schema);
    const std::size_t done =
        steps_already_done(start.state, migration, Direction::Up, steps.size());
    writer.up(migration, steps, done, migration_checksum(migration));
    advance_schema(schema, migration, Direction::Up);
  }
  writer.end_script();
}

void MigrationRunner::downgrade_sql(const std::vector<Migration>& migrations, std::ostream& out,
                                    std::string_view from, std::string_view target) {
  const MigrationGraph graph(migrations);
  const RevisionIndex index = index_revisions(migrations);
  VersionStore store(from.empty() ? &driver_ : nullptr, dialect_, options_.version_table);
  const OfflineStart start = starting_state(from, graph, migrations, index, store, options_);
  require_no_partial(start.state, true);
  std::vector<std::string> plan = plan_downgrade(graph, start.state.complete, target);
  require_reversible(plan, migrations, index);
  finish_partial_first(plan, start.state, Direction::Down);

  Schema schema = replay_applied(migrations, graph, start.state.complete_set);
  ScriptWriter writer(out, dialect_, store, options_.script_guards);
  writer.begin_script(title(dialect_, "downgrade", from, target));
  for (const ChecksumChange& change : start.accepted) {
    writer.statement(store.set_checksum_sql(change.revision, change.now));
  }
  for (const std::string& revision : plan) {
    const std::size_t position = index.at(revision);
    const Migration& migration = migrations[position];
    const std::vector<RenderedStep> steps =
        render_migration(dialect_, migration, Direction::Down, schema);
    const std::size_t done =
        steps_already_done(start.state, migration, Direction::Down, steps.size());
    std::vector<std::string> children;
    for (const std::size_t child : graph.child_indexes(position)) {
      children.push_back(migrations[child].revision);
    }
    writer.down(migration, steps, done, children);
    advance_schema(schema, migration, Direction::Down);
  }
  writer.end_script();
}

}  // namespace tempest
