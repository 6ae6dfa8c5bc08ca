#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "drift/issue_text.hpp"
#include "tempest/dialect.hpp"
#include "tempest/diff.hpp"
#include "tempest/drift.hpp"
#include "tempest/error.hpp"
#include "tempest/migration.hpp"
#include "tempest/runner.hpp"

namespace tempest {
namespace {

// One issue per operation of diff_schema(found, expected): each operation is the fix.
void add_issues(std::vector<DriftIssue>& issues, DriftKind kind, const Schema& found,
                const Schema& expected) {
  for (Operation& op : diff_schema(found, expected)) {
    IssueText text = issue_text(op);
    issues.push_back(DriftIssue{kind, std::move(text.object), std::move(text.expected),
                                std::move(text.found), std::move(op)});
  }
}

// The revisions the database has fully applied. Partly applied ones (steps_done set) are left
// out, as the runner's planning does: an upgrade finishes them.
std::set<std::string> applied_revisions(Driver& driver, const MigrationGraph& graph,
                                        const DriftOptions& options) {
  RunnerOptions runner_options;
  runner_options.version_table = options.version_table;
  MigrationRunner runner(driver, runner_options);
  std::set<std::string> applied;
  for (const AppliedRevision& row : runner.applied()) {
    if (!graph.contains(row.revision)) {
      throw MigrationError("check_drift: revision \"" + row.revision +
                           "\" is recorded in the database's version table \"" +
                           options.version_table +
                           "\" but no migration has it; add its migration file back, or stamp "
                           "the database to a known revision");
    }
    if (!row.steps_done) applied.insert(row.revision);
  }
  return applied;
}

// replay_schema of the applied migrations alone, parents outside the set dropped so that the
// sub-history is a graph of its own (they are applied, so ancestors normally are too).
Schema replay_applied(const std::vector<Migration>& migrations, const MigrationGraph& graph,
                      const std::set<std::string>& applied) {
  std::vector<Migration> subset;
  subset.reserve(applied.size());
  for (std::size_t index : graph.topological_indexes()) {
    const Migration& migration = migrations[index];
    if (!applied.contains(migration.revision)) continue;
    Migration copy;
    copy.revision = migration.revision;
    copy.label = migration.label;
    copy.up = migration.up;
    for (const std::string& parent : migration.down_revisions) {
      if (applied.contains(parent)) copy.down_revisions.push_back(parent);
    }
    subset.push_back(std::move(copy));
  }
  return replay_schema(subset);
}

}  // namespace

std::vector<DriftIssue> check_drift(Driver& driver, const Schema& models,
                                    const std::vector<Migration>& migrations,
                                    const DriftOptions& options) {
  const Dialect& dialect = dialect_for(driver.dialect());
  const Schema live = dialect.introspect(driver);  // already normalised
  const Schema wanted = dialect.normalize(models);
  std::vector<DriftIssue> issues;
  if (migrations.empty()) {
    add_issues(issues, DriftKind::DatabaseChangedByHand, live, wanted);
    return issues;
  }

  const MigrationGraph graph(migrations);
  add_issues(issues, DriftKind::ModelsChangedWithoutMigration,
             dialect.normalize(replay_schema(migrations)), wanted);

  const std::set<std::string> applied = applied_revisions(driver, graph, options);
  for (std::size_t index : graph.topological_indexes()) {
    const Migration& migration = migrations[index];
    if (applied.contains(migration.revision)) continue;
    issues.push_back(DriftIssue{DriftKind::MigrationNotApplied, "revision " + migration.revision,
                                migration.label, "", std::nullopt});
  }

  add_issues(issues, DriftKind::DatabaseChangedByHand, live,
             dialect.normalize(replay_applied(migrations, graph, applied)));
  return issues;
}

std::string_view to_string(DriftKind kind) {
  switch (kind) {
    case DriftKind::ModelsChangedWithoutMigration:
      return "models_changed_without_migration";
    case DriftKind::MigrationNotApplied:
      return "migration_not_applied";
    case DriftKind::DatabaseChangedByHand:
      return "database_changed_by_hand";
  }
  return "database_changed_by_hand";
}

}  // namespace tempest
