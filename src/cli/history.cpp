// history: the revision graph, newest first, one line per revision with its
// parents, its label and the branch and merge points marked.

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "tempest/target.hpp"

namespace tempest::cli {

namespace {

struct HistoryOptions {
  std::string range;
  bool verbose = false;
  bool json = false;
};

// The revisions of `range` ("FROM:TO", either side optional; base and heads by
// default): the ancestors of TO (of every head) that descend from FROM, FROM
// included.
std::set<std::string> revisions_in(const MigrationGraph& graph, const std::string& range) {
  const std::size_t colon = range.find(':');
  const std::string from = colon == std::string::npos ? "" : range.substr(0, colon);
  const std::string to = colon == std::string::npos ? range : range.substr(colon + 1);
  std::set<std::string> selected;
  if (to.empty() || to == "heads") {
    selected.insert(graph.topological_order().begin(), graph.topological_order().end());
  } else {
    const std::vector<std::string> up_to = graph.ancestors(resolve_revision(graph, to));
    selected.insert(up_to.begin(), up_to.end());
  }
  if (!from.empty() && from != "base") {
    const std::string start = resolve_revision(graph, from);
    std::erase_if(selected, [&](const std::string& revision) {
      const std::vector<std::string> line = graph.ancestors(revision);
      return std::find(line.begin(), line.end(), start) == line.end();
    });
  }
  return selected;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

int run_history(const HistoryOptions& options, const Context& context) {
  const std::vector<Migration>& migrations = context.config.migrations;
  const MigrationGraph graph(migrations);
  const std::set<std::string> selected = revisions_in(graph, options.range);
  std::map<std::string, std::size_t> children;
  for (const std::string& revision : graph.topological_order()) {
    for (const std::string& parent : graph.parents(revision)) ++children[parent];
  }
  const std::vector<std::string>& order = graph.topological_order();
  const std::vector<std::size_t>& indexes = graph.topological_indexes();
  nlohmann::json json = nlohmann::json::array();
  for (std::size_t i = order.size(); i-- > 0;) {
    const std::string& revision = order[i];
    if (!selected.contains(revision)) continue;
    const Migration& migration = migrations[indexes[i]];
    const bool head = children[revision] == 0;
    const bool branchpoint = children[revision] > 1;
    const bool mergepoint = migration.down_revisions.size() > 1;
    if (options.json) {
      nlohmann::json entry{
          {"revision", revision},       {"down_revisions", migration.down_revisions},
          {"label", migration.label},   {"head", head},
          {"branchpoint", branchpoint}, {"mergepoint", mergepoint}};
      if (options.verbose) {
        std::vector<std::string> ops;
        for (const Operation& op : migration.up) ops.push_back(describe(op));
        entry["operations"] = ops;
      }
      json.push_back(std::move(entry));
      continue;
    }
    // The graph in the margin: '*' a revision, 'M' a merge, 'o' a branch point.
    context.out << (mergepoint    ? "M "
                    : branchpoint ? "o "
                                  : "* ")
                << revision << (head ? " (head)" : "") << (branchpoint ? " (branchpoint)" : "")
                << (mergepoint ? " (mergepoint)" : "") << " <- "
                << (migration.down_revisions.empty() ? "base" : joined(migration.down_revisions))
                << ": " << migration.label << '\n';
    if (options.verbose) {
      for (const Operation& op : migration.up) context.out << "|     " << describe(op) << '\n';
    }
  }
  if (options.json) context.out << json.dump() << '\n';
  return kCliOk;
}

}  // namespace

Command add_history_command(CLI::App& app) {
  auto options = std::make_shared<HistoryOptions>();
  CLI::App* command = app.add_subcommand("history", "Print the revision graph, newest first");
  command->add_option("-r,--rev-range", options->range,
                      "FROM:TO (each side optional: base and heads)");
  command->add_flag("--verbose", options->verbose, "also each revision's operations");
  command->add_flag("--json", options->json, "as JSON, one object per revision");
  return {command, [options](const Context& context) { return run_history(*options, context); }};
}

}  // namespace tempest::cli
