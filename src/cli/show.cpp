// show: one revision's operations, warnings and SQL for the configured dialect,
// rendered against the schema its ancestors replay to.

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/revision_names.hpp"
#include "tempest/risks.hpp"

namespace tempest::cli {

namespace {

int run_show(const std::string& name, const Context& context) {
  const std::vector<Migration>& migrations = context.config.migrations;
  const MigrationGraph& graph = context.graph;
  const std::string revision = resolve_name(context, graph, name);
  // The migrations before the shown one: its ancestors, in topological order.
  const std::vector<std::string> ancestors = graph.ancestors(revision);
  const std::set<std::string> earlier(ancestors.begin(), ancestors.end() - 1);
  std::vector<Migration> before;
  for (std::size_t index : graph.topological_indexes()) {
    if (earlier.contains(migrations[index].revision)) before.push_back(migrations[index]);
  }
  const Migration& shown =
      *std::find_if(migrations.begin(), migrations.end(),
                    [&](const Migration& m) { return m.revision == revision; });
  std::string parents;
  for (const std::string& parent : shown.down_revisions) {
    parents += (parents.empty() ? "" : ", ") + parent;
  }
  std::ostream& out = context.out;
  out << "revision: " << revision << '\n'
      << "parents: " << (parents.empty() ? "base" : parents) << '\n'
      << "label: " << shown.label << '\n'
      << "operations:\n";
  for (const Operation& op : shown.up) out << "  " << describe(op) << '\n';
  const Schema before_schema = replay_schema(before);
  for (const Risk& risk : assess_risks(shown.up, before_schema, context.config.dialect)) {
    context.warn(risk.reason);
  }
  out << "sql (" << context.dialect().name() << "):\n";
  for (const RenderedStep& step : context.dialect().render(shown.up, before_schema)) {
    for (const std::string& statement : step.statements) out << statement << ";\n";
  }
  return kCliOk;
}

}  // namespace

Command add_show_command(CLI::App& app) {
  auto name = std::make_shared<std::string>();
  CLI::App* command =
      app.add_subcommand("show", "Print a revision's operations and the SQL they render to");
  command->add_option("REVISION", *name, "a revision or unique prefix, head, or REV@head")
      ->required();
  return {command, [name](const Context& context) { return run_show(*name, context); }};
}

}  // namespace tempest::cli
