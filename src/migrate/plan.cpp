// What an upgrade applies and a downgrade reverts, given the graph and the applied revisions.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "migrate/target.hpp"
#include "schema/quoted.hpp"
#include "tempest/error.hpp"
#include "tempest/target.hpp"

namespace tempest {

namespace {

// Revisions by position in the topological order, with the applied ones marked.
class AppliedSet {
 public:
  AppliedSet(const MigrationGraph& graph, const std::vector<std::string>& applied)
      : order_(graph.topological_order()), marked_(order_.size(), false) {
    position_.reserve(order_.size());
    for (std::size_t i = 0; i < order_.size(); ++i) position_.emplace(order_[i], i);
    for (const std::string& revision : applied) {
      auto it = position_.find(revision);
      if (it == position_.end()) {
        throw MigrationError("revision " + quoted(revision) +
                             " is applied in the database but missing from the migrations");
      }
      marked_[it->second] = true;
    }
  }

  [[nodiscard]] const std::vector<std::string>& order() const { return order_; }
  [[nodiscard]] bool applied(std::size_t position) const { return marked_[position]; }
  [[nodiscard]] std::size_t position(const std::string& revision) const {
    return position_.at(revision);
  }

  // In topological order.
  [[nodiscard]] std::vector<std::string> pending() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < order_.size(); ++i) {
      if (!marked_[i]) out.push_back(order_[i]);
    }
    return out;
  }

  // In reverse topological order.
  [[nodiscard]] std::vector<std::string> applied_reversed() const {
    std::vector<std::string> out;
    for (std::size_t i = order_.size(); i-- > 0;) {
      if (marked_[i]) out.push_back(order_[i]);
    }
    return out;
  }

 private:
  const std::vector<std::string>& order_;
  std::vector<bool> marked_;
  std::unordered_map<std::string_view, std::size_t> position_;
};

// Marks, by topological position, the revisions that descend from `root` (not itself): a
// revision descends when one of its parents is `root` or descends, and parents come first.
std::vector<bool> descendants(const MigrationGraph& graph, const AppliedSet& set,
                              const std::string& root) {
  const std::vector<std::string>& order = set.order();
  std::vector<bool> found(order.size(), false);
  const std::size_t start = set.position(root);
  for (std::size_t i = start + 1; i < order.size(); ++i) {
    for (const std::string& parent : graph.parents(order[i])) {
      if (parent == root || found[set.position(parent)]) {
        found[i] = true;
        break;
      }
    }
  }
  return found;
}

// `what`: "pending" or "applied"; `all`: the command that takes every one of them.
std::vector<std::string> first(std::vector<std::string> revisions, std::size_t count,
                               std::string_view target, const char* what, const char* all) {
  if (count > revisions.size()) {
    if (revisions.empty()) {
      throw MigrationError("target " + quoted(target) + ": no migration is " + what);
    }
    throw MigrationError("target " + quoted(target) + ": only " + std::to_string(revisions.size()) +
                         " migration" + (revisions.size() == 1 ? " is " : "s are ") + what + "; " +
                         all + (revisions.size() == 1 ? " it" : " them all"));
  }
  revisions.resize(count);
  return revisions;
}

}  // namespace

std::vector<std::string> plan_upgrade(const MigrationGraph& graph,
                                      const std::vector<std::string>& applied,
                                      std::string_view target) {
  const AppliedSet set(graph, applied);
  if (target == "heads") return set.pending();
  if (target == "base") return {};
  if (auto relative = parse_relative_target(graph, target, false)) {
    if (relative->sign != CountSign::Plus) {
      throw MigrationError("upgrade target " + quoted(target) +
                           " goes down: use downgrade to revert migrations");
    }
    return first(set.pending(), relative->count, target, "pending", "`upgrade heads` applies");
  }
  std::vector<std::string> plan;
  for (std::string& revision : graph.ancestors(resolve_revision(graph, target))) {
    if (!set.applied(set.position(revision))) plan.push_back(std::move(revision));
  }
  return plan;
}

std::vector<std::string> plan_downgrade(const MigrationGraph& graph,
                                        const std::vector<std::string>& applied,
                                        std::string_view target) {
  const AppliedSet set(graph, applied);
  if (target == "base") return set.applied_reversed();
  if (target == "heads") {
    throw MigrationError(
        "downgrade target \"heads\" names no revision: give a revision, -N or base");
  }
  if (auto relative = parse_relative_target(graph, target, true)) {
    if (relative->sign == CountSign::Plus) {
      throw MigrationError("downgrade target " + quoted(target) +
                           " goes up: use upgrade to apply migrations");
    }
    return first(set.applied_reversed(), relative->count, target, "applied",
                 "`downgrade base` reverts");
  }
  const std::string revision = resolve_revision(graph, target);
  if (!set.applied(set.position(revision))) {
    throw MigrationError("downgrade target " + quoted(revision) +
                         " is not applied: nothing above it to revert");
  }
  const std::vector<bool> below = descendants(graph, set, revision);
  std::vector<std::string> plan;
  for (std::size_t i = set.order().size(); i-- > 0;) {
    if (below[i] && set.applied(i)) plan.push_back(set.order()[i]);
  }
  return plan;
}

}  // namespace tempest
