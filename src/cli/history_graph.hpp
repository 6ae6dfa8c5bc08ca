#pragma once

// The revision graph drawn in lanes, as `git log --graph` draws commits: one column per line
// of descent, '*' for a revision, '|' for a lane going on, '\' where a merge's parent leaves
// its lane, '/' where lanes join (at a branch point, or a merge's parent reaching its lane):
//
//   *    0005_merge
//   |\       <- the merge's second parent leaves the lane
//   | *  0004_b2
//   * |  0003_a2
//   |/       <- the two lanes join at the branch point
//   *    0002_base
//
// Pure layout: no colours, no labels; history.cpp puts the text beside the rows.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tempest::cli {

// Views into the caller's strings, which outlive the layout.
struct GraphNode {
  std::string_view revision;
  // Parents among the nodes drawn (a parent left out of the drawing is not a lane).
  std::span<const std::string_view> parents;
};

struct GraphRow {
  std::string graph;  // the lanes of this line, trailing spaces removed
  // Node rows: the index of the node in the input, and the lanes to draw before any more lines
  // about it (its lane goes on if it has parents). Connector rows: npos and "".
  std::size_t node = npos;
  std::string continuation;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

struct GraphLayout {
  std::vector<GraphRow> rows;
  std::size_t width = 0;  // the longest graph of any row: text starts after it
};

// Lays out `nodes`, given newest first: every node after each of its children, as the reverse
// of MigrationGraph::topological_order() is. A node no lane waits for (a head) opens a lane
// on the right; a node several lanes wait for (a branch point) takes the leftmost, the others
// join it on the lines just above it. Deterministic: the same nodes give the same drawing.
[[nodiscard]] GraphLayout layout_history_graph(const std::vector<GraphNode>& nodes);

}  // namespace tempest::cli
