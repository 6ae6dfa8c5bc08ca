// current, heads, branches: where the database and the revision graph stand.

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace tempest::cli {

namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void print_revisions(const Context& context, const std::vector<std::string>& revisions,
                     const std::vector<std::string>& heads, bool json, const char* key) {
  if (json) {
    context.out << nlohmann::json{{key, revisions}}.dump() << '\n';
    return;
  }
  if (revisions.empty()) context.out << "base (nothing applied)\n";
  for (const std::string& revision : revisions) {
    const bool head = contains(heads, revision);
    const std::string name = context.paint(revision, Color::Green);
    context.out << (head ? context.paint(name, Color::Bold) : name) << (head ? " (head)" : "")
                << '\n';
  }
}

}  // namespace

Command add_current_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand("current", "Print the database's current revisions");
  command->add_flag("--json", *json, "as JSON: {\"current\": [...]}");
  return {command, [json](const Context& context) {
            std::vector<std::string> current;
            with_runner(context, "current", [&](MigrationRunner& runner) {
              current = runner.current(context.config.migrations);
            });
            print_revisions(context, current, context.graph.heads(), *json, "current");
            return kCliOk;
          }};
}

Command add_heads_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand("heads", "Print the revisions nothing descends from");
  command->add_flag("--json", *json, "as JSON: {\"heads\": [...]}");
  return {command, [json](const Context& context) {
            const std::vector<std::string> heads = context.graph.heads();
            if (*json) {
              context.out << nlohmann::json{{"heads", heads}}.dump() << '\n';
            } else {
              for (const std::string& head : heads) {
                context.out << context.paint(head, Color::Bold) << " (head)\n";
              }
            }
            return kCliOk;
          }};
}

Command add_branches_command(CLI::App& app) {
  CLI::App* command =
      app.add_subcommand("branches", "Print the revisions where the history branches");
  return {command, [](const Context& context) {
            const MigrationGraph& graph = context.graph;
            const std::vector<Migration>& migrations = context.config.migrations;
            const std::vector<std::size_t>& order = graph.topological_indexes();
            std::vector<std::size_t> position(order.size());
            for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
            for (const std::size_t index : order) {
              const std::span<const std::size_t> children = graph.child_indexes(index);
              if (children.size() < 2) continue;
              // Children in the order the history runs them, as everywhere else.
              std::vector<std::size_t> next(children.begin(), children.end());
              std::sort(next.begin(), next.end(),
                        [&](std::size_t a, std::size_t b) { return position[a] < position[b]; });
              context.out << migrations[index].revision << " (branchpoint) ->";
              for (std::size_t i = 0; i < next.size(); ++i) {
                context.out << (i == 0 ? " " : ", ") << migrations[next[i]].revision;
              }
              context.out << '\n';
            }
            return kCliOk;
          }};
}

}  // namespace tempest::cli
