#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// One step of the history. Data, not code: that is what makes down() derivable, offline SQL
// possible and the schema replayable.
struct Migration {
  std::string revision;
  std::vector<std::string> down_revisions;  // empty: a root; two or more: a merge
  std::string label;
  std::vector<Operation> up;
  std::vector<Operation> down;

  friend bool operator==(const Migration&, const Migration&) = default;
};

// A migration whose down is derived: invert(up). Throws MigrationError, naming the revision,
// when an operation of `up` is irreversible.
[[nodiscard]] Migration make_migration(std::string revision,
                                       std::vector<std::string> down_revisions, std::string label,
                                       std::vector<Operation> up);

// The revision DAG. Pure logic, no IO: it is built from the migrations' revision ids and
// parents and validated at construction.
class MigrationGraph {
 public:
  // Throws MigrationError naming the revision for: an empty or duplicate revision id, a down
  // revision that is not in `migrations`, or a cycle.
  explicit MigrationGraph(const std::vector<Migration>& migrations);

  // Revisions that no other revision names as a parent, sorted.
  [[nodiscard]] std::vector<std::string> heads() const;
  // Revisions without parents, sorted.
  [[nodiscard]] std::vector<std::string> bases() const;
  // Every revision, parents before children; ties broken by the order of `migrations`, so the
  // result is deterministic.
  [[nodiscard]] const std::vector<std::string>& topological_order() const { return order_; }
  // Index into the constructor's `migrations` of each entry of topological_order().
  [[nodiscard]] const std::vector<std::size_t>& topological_indexes() const { return indexes_; }
  // Revisions `revision` depends on, directly or not, plus itself; in topological order.
  // Throws MigrationError for an unknown revision.
  [[nodiscard]] std::vector<std::string> ancestors(const std::string& revision) const;
  [[nodiscard]] bool contains(const std::string& revision) const;
  // The down revisions of `revision`, as given. Throws MigrationError for an unknown revision.
  [[nodiscard]] std::vector<std::string> parents(const std::string& revision) const;
  [[nodiscard]] std::size_t size() const { return order_.size(); }

  // The index into the constructor's `migrations` of `revision`; size() if absent.
  [[nodiscard]] std::size_t index_of(const std::string& revision) const;
  // The indexes of the parents of migrations[index], in down_revisions order.
  [[nodiscard]] std::span<const std::size_t> parent_indexes(std::size_t index) const {
    return {parent_indexes_.data() + parent_offsets_[index],
            parent_offsets_[index + 1] - parent_offsets_[index]};
  }
  // The indexes of the migrations naming migrations[index] as a parent, in input order.
  [[nodiscard]] std::span<const std::size_t> child_indexes(std::size_t index) const {
    return {child_indexes_.data() + child_offsets_[index],
            child_offsets_[index + 1] - child_offsets_[index]};
  }

 private:
  [[nodiscard]] std::size_t require_index(const std::string& revision) const;
  [[nodiscard]] const std::string& name_of(std::size_t index) const;

  // Indexes are positions in the constructor's `migrations`. Flat arrays and one sorted
  // lookup table: construction allocates a few arrays, not a list per revision (10,000
  // revisions in ~1 ms).
  std::vector<std::size_t> parent_offsets_;  // size n + 1; parents of i start at offsets[i]
  std::vector<std::size_t> parent_indexes_;
  std::vector<std::size_t> child_offsets_;  // the same layout for children
  std::vector<std::size_t> child_indexes_;
  std::vector<std::string> order_;
  std::vector<std::size_t> indexes_;
  std::vector<std::size_t> order_position_;  // by index: its place in order_
  // (hash of the revision id, index), sorted: lookups without a copy of every id.
  std::vector<std::pair<std::size_t, std::size_t>> by_hash_;
};

// The schema the history describes: empty_schema() with every migration's `up` applied in
// topological order. Throws MigrationError for a broken graph, and ModelError prefixed with
// "migration REV: " when an operation does not fit the replayed schema.
[[nodiscard]] Schema replay_schema(const std::vector<Migration>& migrations);

}  // namespace tempest
