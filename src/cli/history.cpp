// history: the revision graph, newest first, drawn in lanes (history_graph.hpp) with each
// revision's branch, merge and head marks and its label.

#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.hpp"
#include "cli/history_graph.hpp"
#include "cli/revision_names.hpp"

namespace tempest::cli {

namespace {

struct HistoryOptions {
  std::string range;
  bool verbose = false;
  bool json = false;
};

// The revisions of `range` ("FROM:TO", either side optional; base and heads by
// default), by index into the migrations: the ancestors of TO (of every head) that
// descend from FROM, FROM included.
std::vector<bool> revisions_in(const Context& context, const std::string& range) {
  const MigrationGraph& graph = context.graph;
  const std::size_t colon = range.find(':');
  const std::string from = colon == std::string::npos ? "" : range.substr(0, colon);
  const std::string to = colon == std::string::npos ? range : range.substr(colon + 1);
  const bool to_heads = to.empty() || to == "heads";
  std::vector<bool> selected(graph.size(), to_heads);
  if (!to_heads) {
    for (const std::string& revision : graph.ancestors(resolve_name(context, graph, to))) {
      selected[graph.index_of(revision)] = true;
    }
  }
  if (!from.empty() && from != "base") {
    // Parents come before children in topological order, so one pass finds every
    // descendant of FROM.
    std::vector<bool> descends(graph.size(), false);
    descends[graph.index_of(resolve_name(context, graph, from))] = true;
    for (const std::size_t index : graph.topological_indexes()) {
      for (const std::size_t parent : graph.parent_indexes(index)) {
        if (descends[parent]) descends[index] = true;
      }
      selected[index] = selected[index] && descends[index];
    }
  }
  return selected;
}

// The version table's rows by revision, for --verbose; none without a database.
std::map<std::string, AppliedRevision> applied_rows(const Context& context) {
  std::map<std::string, AppliedRevision> rows;
  if (!context.has_database()) return rows;
  with_runner(context, "history", [&](MigrationRunner& runner) {
    for (AppliedRevision& row : runner.applied()) rows.emplace(row.revision, std::move(row));
  });
  return rows;
}

std::string applied_state(const AppliedRevision* row) {
  if (row == nullptr) return "not applied";
  if (row->steps_done) {
    return "partly applied (" + std::to_string(*row->steps_done) + " steps done): run upgrade";
  }
  if (row->down_steps_done) {
    return "partly reverted (" + std::to_string(*row->down_steps_done) +
           " down steps done): run downgrade";
  }
  return "applied " + row->applied_at;
}

struct Marks {
  bool head = false;
  bool branchpoint = false;
  bool mergepoint = false;

  [[nodiscard]] std::string text() const {
    std::string names;
    for (const auto& [on, name] : {std::pair{head, "head"}, std::pair{branchpoint, "branchpoint"},
                                   std::pair{mergepoint, "mergepoint"}}) {
      if (on) names += (names.empty() ? "" : ", ") + std::string(name);
    }
    return names.empty() ? "" : " (" + names + ")";
  }
};

std::string padded(std::string text, std::size_t width) {
  text.resize(std::max(text.size(), width), ' ');
  return text;
}

int run_history(const HistoryOptions& options, const Context& context) {
  const std::vector<Migration>& migrations = context.config.migrations;
  const MigrationGraph& graph = context.graph;
  const std::vector<bool> selected = revisions_in(context, options.range);
  const std::map<std::string, AppliedRevision> rows =
      options.verbose ? applied_rows(context) : std::map<std::string, AppliedRevision>{};
  const bool with_state = options.verbose && context.has_database();

  // Newest first, each with the parents that are drawn too (views, all in one array).
  std::vector<std::size_t> shown;
  std::vector<std::string_view> parents;
  std::vector<std::size_t> parents_end;
  const std::vector<std::size_t>& indexes = graph.topological_indexes();
  for (std::size_t i = indexes.size(); i-- > 0;) {
    const std::size_t index = indexes[i];
    if (!selected[index]) continue;
    for (const std::size_t parent : graph.parent_indexes(index)) {
      if (selected[parent]) parents.emplace_back(migrations[parent].revision);
    }
    shown.push_back(index);
    parents_end.push_back(parents.size());
  }
  std::vector<GraphNode> nodes;
  nodes.reserve(shown.size());
  for (std::size_t n = 0; n < shown.size(); ++n) {
    const std::size_t begin = n == 0 ? 0 : parents_end[n - 1];
    nodes.push_back(
        {migrations[shown[n]].revision, std::span(parents).subspan(begin, parents_end[n] - begin)});
  }
  const auto marks_of = [&](std::size_t index) {
    const std::size_t children = graph.child_indexes(index).size();
    return Marks{children == 0, children > 1, migrations[index].down_revisions.size() > 1};
  };
  const auto row_of = [&](const Migration& migration) -> const AppliedRevision* {
    const auto found = rows.find(migration.revision);
    return found == rows.end() ? nullptr : &found->second;
  };

  if (options.json) {
    nlohmann::json json = nlohmann::json::array();
    for (const std::size_t index : shown) {
      const Migration* migration = &migrations[index];
      const Marks marks = marks_of(index);
      nlohmann::json entry{
          {"revision", migration->revision},  {"down_revisions", migration->down_revisions},
          {"label", migration->label},        {"head", marks.head},
          {"branchpoint", marks.branchpoint}, {"mergepoint", marks.mergepoint}};
      if (options.verbose) {
        std::vector<std::string> ops;
        for (const Operation& op : migration->up) ops.push_back(describe(op));
        entry["operations"] = ops;
      }
      if (with_state) {
        const AppliedRevision* row = row_of(*migration);
        entry["applied"] = row != nullptr && !row->steps_done;
        entry["applied_at"] = row != nullptr ? nlohmann::json(row->applied_at) : nullptr;
      }
      json.push_back(std::move(entry));
    }
    context.out << json.dump() << '\n';
    return kCliOk;
  }
  if (migrations.empty()) {
    context.out << "no migrations yet: write the first with `revision --autogenerate -m MSG`\n";
    return kCliOk;
  }
  // Written to the stream once: a thousand lines of small inserts cost more than the layout.
  const GraphLayout layout = layout_history_graph(nodes);
  std::string text;
  for (const GraphRow& row : layout.rows) {
    text += row.graph;
    if (row.node == GraphRow::npos) {
      text += '\n';
      continue;
    }
    const Migration& migration = migrations[shown[row.node]];
    const Marks marks = marks_of(shown[row.node]);
    const AppliedRevision* applied = row_of(migration);
    std::string name = migration.revision;
    if (with_state && applied != nullptr && !applied->steps_done) {
      name = context.paint(name, Color::Green);
    }
    if (marks.head) name = context.paint(name, Color::Bold);
    text.append(layout.width - row.graph.size() + 2, ' ');
    text += name + marks.text();
    text += ": ";
    text += migration.label;
    text += '\n';
    if (!options.verbose) continue;
    const std::string margin = padded(row.continuation, layout.width) + "    ";
    if (with_state) text += margin + applied_state(applied) + '\n';
    for (const Operation& op : migration.up) text += margin + describe(op) + '\n';
  }
  context.out << text;
  return kCliOk;
}

}  // namespace

Command add_history_command(CLI::App& app) {
  auto options = std::make_shared<HistoryOptions>();
  CLI::App* command =
      app.add_subcommand("history", "Print the revision graph, newest first, drawn in lanes");
  command->footer(
      "One line per revision, REVISION (marks): LABEL, marks being head, branchpoint and "
      "mergepoint. In the margin, as git log --graph draws it: * a revision, | a line of "
      "descent, \\ a merge's other parent leaving the lane, / lanes joining.");
  command->add_option("-r,--rev-range", options->range,
                      "FROM:TO, each side optional (base and heads): the revisions descending "
                      "from FROM that TO needs");
  command->add_flag("--verbose", options->verbose,
                    "also each revision's operations, and with a database whether and when it "
                    "was applied");
  command->add_flag("--json", options->json,
                    "as JSON, one object per revision, newest first: revision, down_revisions, "
                    "label, head, branchpoint, mergepoint (--verbose: operations, applied, "
                    "applied_at)");
  return {command, [options](const Context& context) { return run_history(*options, context); }};
}

}  // namespace tempest::cli
