// show: one revision's operations, warnings and SQL for the configured dialect,
// rendered against the schema its ancestors replay to.

#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/risks.hpp"
#include "tempest/target.hpp"

namespace tempest::cli {

namespace {

int run_show(const std::string& name, const Context& context) {
  const std::vector<Migration>& migrations = context.config.migrations;
  const MigrationGraph graph(migrations);
  const std::string revision = resolve_revision(graph, name);
  std::vector<Migration> before;
  const Migration* shown = nullptr;
  for (const std::string& ancestor : graph.ancestors(revision)) {
    for (const Migration& migration : migrations) {
      if (migration.revision != ancestor) continue;
      if (ancestor == revision) {
        shown = &migration;
      } else {
        before.push_back(migration);
      }
    }
  }
  std::string parents;
  for (const std::string& parent : shown->down_revisions) {
    parents += (parents.empty() ? "" : ", ") + parent;
  }
  std::ostream& out = context.out;
  out << "revision: " << revision << '\n'
      << "parents: " << (parents.empty() ? "base" : parents) << '\n'
      << "label: " << shown->label << '\n'
      << "operations:\n";
  for (const Operation& op : shown->up) out << "  " << describe(op) << '\n';
  for (const std::string& warning : risk_warnings(shown->up, context.config.dialect)) {
    context.warn(warning);
  }
  out << "sql (" << context.dialect().name() << "):\n";
  for (const RenderedStep& step : context.dialect().render(shown->up, replay_schema(before))) {
    for (const std::string& statement : step.statements) out << statement << ";\n";
  }
  return kCliOk;
}

}  // namespace

Command add_show_command(CLI::App& app) {
  auto name = std::make_shared<std::string>();
  CLI::App* command =
      app.add_subcommand("show", "Print a revision's operations and the SQL they render to");
  command->add_option("REVISION", *name, "a revision or unique prefix, or head")->required();
  return {command, [name](const Context& context) { return run_show(*name, context); }};
}

}  // namespace tempest::cli
