#include "cli/history_graph.hpp"

#include <algorithm>

namespace tempest::cli {

namespace {

// A line of descent moving from one column to another between two node rows.
struct Edge {
  std::size_t column = 0;
  std::size_t target = 0;
};

std::string trimmed(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

class Layout {
 public:
  void add(std::size_t index, const GraphNode& node) {
    const std::size_t column = join_lanes_of(node.revision);
    node_row(index, column, !node.parents.empty());
    if (node.parents.empty()) {
      end_lane(column);
    } else {
      lanes_[column] = node.parents.front();
      branch_out(column, node.parents.subspan(1));
    }
  }

  [[nodiscard]] GraphLayout take() {
    GraphLayout layout{std::move(rows_), 0};
    for (const GraphRow& row : layout.rows) layout.width = std::max(layout.width, row.graph.size());
    return layout;
  }

 private:
  // The column of `revision`: the leftmost lane waiting for it, which the other lanes waiting
  // for it join first; a new lane on the right when none waits (a head).
  std::size_t join_lanes_of(std::string_view revision) {
    const auto first = std::find(lanes_.begin(), lanes_.end(), revision);
    if (first == lanes_.end()) {
      lanes_.push_back(revision);
      return lanes_.size() - 1;
    }
    const auto column = static_cast<std::size_t>(first - lanes_.begin());
    // The common case, a line of descent going on: nothing joins, nothing moves.
    if (std::find(first + 1, lanes_.end(), revision) == lanes_.end()) return column;
    std::vector<Edge> edges;
    std::size_t removed = 0;
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
      const bool joins = i != column && lanes_[i] == revision;
      edges.push_back({i, joins ? column : i - removed});
      if (joins) ++removed;
    }
    move(edges);
    std::erase_if(lanes_, [&, i = std::size_t{0}](std::string_view lane) mutable {
      return i++ != column && lane == revision;
    });
    return column;
  }

  void node_row(std::size_t index, std::size_t column, bool has_parents) {
    std::string graph;
    std::string continuation;
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
      graph += i == column ? "* " : "| ";
      continuation += i != column || has_parents ? "| " : "  ";
    }
    rows_.push_back({trimmed(graph), index, trimmed(continuation)});
  }

  // A root: its lane ends and the lanes on its right close up.
  void end_lane(std::size_t column) {
    std::vector<Edge> edges;
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
      if (i != column) edges.push_back({i, i < column ? i : i - 1});
    }
    move(edges);
    lanes_.erase(lanes_.begin() + static_cast<std::ptrdiff_t>(column));
  }

  // A merge's other parents: an edge from `column` to the lane already waiting for each, the
  // leftward ones first, then the rightward ones together with new lanes opened just right of
  // `column` for parents no lane waits for. Each pass moves one way only, so no two edges
  // cross on one character.
  void branch_out(std::size_t column, std::span<const std::string_view> others) {
    std::vector<std::size_t> left;
    std::vector<std::size_t> right;
    std::vector<std::string_view> opened;
    for (const std::string_view parent : others) {
      const auto at = std::find(lanes_.begin(), lanes_.end(), parent);
      const auto lane = static_cast<std::size_t>(at - lanes_.begin());
      if (at == lanes_.end()) {
        opened.push_back(parent);
      } else {
        (lane < column ? left : right).push_back(lane);
      }
    }
    if (!left.empty()) {
      std::vector<Edge> edges = staying();
      for (std::size_t lane : left) edges.push_back({column, lane});
      move(edges);
    }
    if (right.empty() && opened.empty()) return;
    const std::size_t shift = opened.size();
    std::vector<Edge> edges;
    for (std::size_t i = 0; i < lanes_.size(); ++i)
      edges.push_back({i, i <= column ? i : i + shift});
    for (std::size_t k = 0; k < opened.size(); ++k) edges.push_back({column, column + 1 + k});
    for (std::size_t lane : right) edges.push_back({column, lane + shift});
    move(edges);
    lanes_.insert(lanes_.begin() + static_cast<std::ptrdiff_t>(column + 1), opened.begin(),
                  opened.end());
  }

  [[nodiscard]] std::vector<Edge> staying() const {
    std::vector<Edge> edges;
    for (std::size_t i = 0; i < lanes_.size(); ++i) edges.push_back({i, i});
    return edges;
  }

  // Connector lines until every edge reaches its target, one column per line: '|' for an edge
  // in place, '/' between the columns for one moving left, '\' for one moving right.
  void move(std::vector<Edge> edges) {
    const auto done = [&] {
      return std::all_of(edges.begin(), edges.end(),
                         [](const Edge& e) { return e.column == e.target; });
    };
    while (!done()) {
      std::string line;
      const auto put = [&](std::size_t at, char c) {
        if (line.size() <= at) line.resize(at + 1, ' ');
        line[at] = c;
      };
      for (Edge& e : edges) {
        if (e.column == e.target) {
          put(2 * e.column, '|');
        } else if (e.target < e.column) {
          put(2 * e.column - 1, '/');
          --e.column;
        } else {
          put(2 * e.column + 1, '\\');
          ++e.column;
        }
      }
      rows_.push_back({trimmed(line), GraphRow::npos, ""});
    }
  }

  std::vector<std::string_view> lanes_;  // the revision each lane waits for
  std::vector<GraphRow> rows_;
};

}  // namespace

GraphLayout layout_history_graph(const std::vector<GraphNode>& nodes) {
  Layout layout;
  for (std::size_t i = 0; i < nodes.size(); ++i) layout.add(i, nodes[i]);
  return layout.take();
}

}  // namespace tempest::cli
