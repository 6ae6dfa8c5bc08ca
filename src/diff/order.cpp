#include "diff/order.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace tempest::diff {

namespace {

using Nodes = std::set<std::size_t>;

// The foreign-key graph of a set of tables: edge i -> j when table i references table j != i.
class DependencyGraph {
 public:
  explicit DependencyGraph(const std::vector<Table>& tables) : tables_(tables) {
    for (std::size_t i = 0; i < tables.size(); ++i) name_index_.emplace(tables[i].name, i);
    rebuild();
  }

  // Call after the foreign keys of the tables changed.
  void rebuild() {
    references_.assign(tables_.size(), {});
    referrers_.assign(tables_.size(), {});
    for (std::size_t i = 0; i < tables_.size(); ++i)
      for (const ForeignKey& fk : tables_[i].foreign_keys) {
        auto j = name_index_.find(fk.ref_table);
        if (j == name_index_.end() || j->second == i) continue;
        references_[i].insert(j->second);
        referrers_[j->second].insert(i);
      }
  }

  [[nodiscard]] std::size_t index_of(const std::string& name) const {
    auto it = name_index_.find(name);
    return it == name_index_.end() ? tables_.size() : it->second;
  }
  [[nodiscard]] const Nodes& references(std::size_t i) const { return references_[i]; }
  [[nodiscard]] const Nodes& referrers(std::size_t i) const { return referrers_[i]; }

  // The strongly connected component of `start` among `alive`.
  [[nodiscard]] Nodes component(std::size_t start, const Nodes& alive) const {
    Nodes forward = reach(start, alive, references_);
    Nodes backward = reach(start, alive, referrers_);
    Nodes both;
    std::set_intersection(forward.begin(), forward.end(), backward.begin(), backward.end(),
                          std::inserter(both, both.end()));
    both.insert(start);
    return both;
  }

 private:
  static Nodes reach(std::size_t start, const Nodes& alive, const std::vector<Nodes>& edges) {
    Nodes seen;
    std::vector<std::size_t> stack{start};
    while (!stack.empty()) {
      std::size_t node = stack.back();
      stack.pop_back();
      for (std::size_t next : edges[node])
        if (alive.contains(next) && seen.insert(next).second) stack.push_back(next);
    }
    return seen;
  }

  const std::vector<Table>& tables_;
  std::map<std::string, std::size_t> name_index_;
  std::vector<Nodes> references_;
  std::vector<Nodes> referrers_;
};

bool within(const Nodes& nodes, const Nodes& alive, const Nodes& allowed) {
  return std::all_of(nodes.begin(), nodes.end(),
                     [&](std::size_t n) { return !alive.contains(n) || allowed.contains(n); });
}

std::vector<Table> sorted_by_name(std::vector<Table> tables) {
  std::stable_sort(tables.begin(), tables.end(),
                   [](const Table& a, const Table& b) { return a.name < b.name; });
  return tables;
}

Nodes all_nodes(std::size_t count) {
  Nodes nodes;
  for (std::size_t i = 0; i < count; ++i) nodes.insert(i);
  return nodes;
}

}  // namespace

CreationOrder creation_order(std::vector<Table> input) {
  std::vector<Table> tables = sorted_by_name(std::move(input));
  DependencyGraph graph(tables);
  Nodes waiting = all_nodes(tables.size());
  CreationOrder order;
  while (!waiting.empty()) {
    auto ready = std::find_if(waiting.begin(), waiting.end(), [&](std::size_t i) {
      return within(graph.references(i), waiting, {});
    });
    if (ready == waiting.end()) {
      // Every waiting table waits on another, so some cycle depends on nothing outside itself
      // (a sink of the component graph): its members are the candidates.
      ready = std::find_if(waiting.begin(), waiting.end(), [&](std::size_t i) {
        return within(graph.references(i), waiting, graph.component(i, waiting));
      });
      Table& table = tables[*ready];
      const Nodes cycle = graph.component(*ready, waiting);
      std::erase_if(table.foreign_keys, [&](const ForeignKey& fk) {
        std::size_t j = graph.index_of(fk.ref_table);
        if (j == *ready || !cycle.contains(j)) return false;
        order.deferred.push_back(AddForeignKey{table.name, fk});
        return true;
      });
      graph.rebuild();
    }
    order.tables.push_back(tables[*ready]);
    waiting.erase(ready);
  }
  return order;
}

std::vector<Operation> drop_order(std::vector<Table> input) {
  std::vector<Table> tables = sorted_by_name(std::move(input));
  DependencyGraph graph(tables);
  Nodes remaining = all_nodes(tables.size());
  std::vector<Operation> ops;
  while (!remaining.empty()) {
    auto next = std::find_if(remaining.begin(), remaining.end(), [&](std::size_t i) {
      return within(graph.referrers(i), remaining, {});
    });
    if (next == remaining.end()) {
      // Every remaining table is referenced by another, so some cycle is referenced from
      // nothing outside itself (a source of the component graph): its members are the
      // candidates.
      next = std::find_if(remaining.begin(), remaining.end(), [&](std::size_t i) {
        return within(graph.referrers(i), remaining, graph.component(i, remaining));
      });
      const std::string& name = tables[*next].name;
      for (std::size_t j : graph.referrers(*next)) {
        if (!remaining.contains(j)) continue;
        std::erase_if(tables[j].foreign_keys, [&](const ForeignKey& fk) {
          if (fk.ref_table != name) return false;
          ops.push_back(DropForeignKey{tables[j].name, fk});
          return true;
        });
      }
      graph.rebuild();
    }
    ops.push_back(DropTable{tables[*next]});
    remaining.erase(next);
  }
  return ops;
}

}  // namespace tempest::diff
