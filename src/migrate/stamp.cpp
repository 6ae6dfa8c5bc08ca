// MigrationRunner::stamp: the version table set to a revision without running migrations.

#include <string>
#include <unordered_set>
#include <vector>

#include "migrate/migration_render.hpp"
#include "migrate/version_store.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"
#include "tempest/target.hpp"

namespace tempest {

namespace {

// The revisions applied once the table says `target`: its ancestors and itself.
std::vector<std::string> stamped(const MigrationGraph& graph, std::string_view target) {
  if (target == "base") return {};
  if (target == "heads") return graph.topological_order();
  return graph.ancestors(resolve_revision(graph, target));
}

// The row writes that make `rows` say exactly `wanted`, inside the current transaction.
void rewrite(VersionStore& store, const std::vector<AppliedRevision>& rows,
             const std::vector<std::string>& wanted, const std::vector<Migration>& migrations,
             const RevisionIndex& index, std::string_view applied_at) {
  const std::unordered_set<std::string> keep(wanted.begin(), wanted.end());
  std::unordered_set<std::string> present;
  for (const AppliedRevision& row : rows) {
    if (!keep.contains(row.revision)) {
      store.remove(row.revision);
      continue;
    }
    present.insert(row.revision);
    const std::string checksum = migration_checksum(migrations[index.at(row.revision)]);
    if (row.checksum != checksum) store.set_checksum(row.revision, checksum);
    if (row.steps_done) store.set_progress(row.revision, std::nullopt, row.execution_ms);
    if (row.down_steps_done) store.set_down_progress(row.revision, std::nullopt);
  }
  for (const std::string& revision : wanted) {
    if (present.contains(revision)) continue;
    const Migration& migration = migrations[index.at(revision)];
    store.insert({revision, migration.label, std::string(applied_at), migration_checksum(migration),
                  0, std::nullopt, std::nullopt});
  }
}

}  // namespace

void MigrationRunner::stamp(const std::vector<Migration>& migrations, std::string_view target,
                            std::string_view applied_at) {
  const MigrationGraph graph(migrations);
  const RevisionIndex index = index_revisions(migrations);
  const std::vector<std::string> wanted = stamped(graph, target);
  if (driver_.in_transaction()) {
    throw MigrationError("stamp: the driver is in a transaction; call it outside any");
  }
  VersionStore store(&driver_, dialect_, options_.version_table);
  const RunLock lock(store);
  store.create();
  const std::unique_ptr<StepExecutor> executor = dialect_.step_executor(driver_);
  executor->begin({});
  try {
    // Read inside the transaction: on SQLite it holds the write lock (BEGIN IMMEDIATE).
    rewrite(store, store.read_all(), wanted, migrations, index, applied_at);
    executor->commit();
  } catch (...) {
    executor->rollback();
    throw;
  }
  if (options_.log != nullptr) {
    *options_.log << "stamped " << target << ": " << wanted.size() << " revision"
                  << (wanted.size() == 1 ? "" : "s") << " recorded as applied\n";
  }
}

}  // namespace tempest
