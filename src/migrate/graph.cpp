#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "schema/quoted.hpp"
#include "tempest/error.hpp"
#include "tempest/migration.hpp"

namespace tempest {
namespace {

// Called when Kahn's algorithm stalls: every revision left has a parent left, so following
// parents from any of them must come back to one already seen. The cycle is reported in
// down-revision direction ("a -> b": a names b as its down revision), starting from the
// revision given first, so the message is the same on every run.
[[noreturn]] void throw_cycle(const std::vector<Migration>& migrations,
                              const std::vector<std::size_t>& parent_offsets,
                              const std::vector<std::size_t>& parent_indexes,
                              const std::vector<std::size_t>& pending) {
  const std::size_t none = migrations.size();
  std::size_t current = none;
  for (std::size_t i = 0; i < pending.size() && current == none; ++i) {
    if (pending[i] > 0) current = i;
  }
  std::vector<std::size_t> path;
  std::vector<std::size_t> seen_at(migrations.size(), none);
  while (seen_at[current] == none) {
    seen_at[current] = path.size();
    path.push_back(current);
    for (std::size_t p = parent_offsets[current]; p < parent_offsets[current + 1]; ++p) {
      if (pending[parent_indexes[p]] > 0) {
        current = parent_indexes[p];
        break;
      }
    }
  }
  std::vector<std::size_t> cycle(path.begin() + static_cast<std::ptrdiff_t>(seen_at[current]),
                                 path.end());
  std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
  std::string message = "revision cycle: ";
  for (std::size_t index : cycle) message += migrations[index].revision + " -> ";
  throw MigrationError(message + migrations[cycle.front()].revision);
}

// The index whose id is `revision` in a sorted (hash, index) table, or table.size().
template <typename NameOf>
std::size_t find_revision(const std::vector<std::pair<std::size_t, std::size_t>>& table,
                          const std::string& revision, NameOf name_of) {
  const std::size_t hash = std::hash<std::string>{}(revision);
  auto it = std::lower_bound(table.begin(), table.end(), std::make_pair(hash, std::size_t{0}));
  for (; it != table.end() && it->first == hash; ++it) {
    if (name_of(it->second) == revision) return it->second;
  }
  return table.size();
}

// Equal ids have equal hashes, so duplicates sit in one run of the sorted (hash, index)
// table. The error names the duplicate whose second occurrence comes first in the input.
void require_unique_revisions(const std::vector<Migration>& migrations,
                              const std::vector<std::pair<std::size_t, std::size_t>>& by_hash) {
  std::size_t first_repeat = migrations.size();
  for (std::size_t i = 1; i < by_hash.size(); ++i) {
    for (std::size_t j = i; j-- > 0 && by_hash[j].first == by_hash[i].first;) {
      if (migrations[by_hash[j].second].revision == migrations[by_hash[i].second].revision) {
        first_repeat = std::min(first_repeat, std::max(by_hash[j].second, by_hash[i].second));
      }
    }
  }
  if (first_repeat != migrations.size()) {
    throw MigrationError("duplicate revision " + quoted(migrations[first_repeat].revision));
  }
}

// The children of every revision, flat: those of i are at [child_offsets[i], child_offsets[i+1]),
// in input order.
std::vector<std::size_t> children_of(const std::vector<std::size_t>& parent_offsets,
                                     const std::vector<std::size_t>& parent_indexes,
                                     const std::vector<std::size_t>& child_offsets) {
  std::vector<std::size_t> children(parent_indexes.size());
  std::vector<std::size_t> filled(child_offsets.begin(), child_offsets.end() - 1);
  for (std::size_t i = 0; i + 1 < parent_offsets.size(); ++i) {
    for (std::size_t p = parent_offsets[i]; p < parent_offsets[i + 1]; ++p) {
      children[filled[parent_indexes[p]]++] = i;
    }
  }
  return children;
}

}  // namespace

MigrationGraph::MigrationGraph(const std::vector<Migration>& migrations) {
  const std::size_t count = migrations.size();
  for (std::size_t i = 0; i < count; ++i) {
    if (migrations[i].revision.empty()) {
      throw MigrationError("migration " + std::to_string(i) + " (label " +
                           quoted(migrations[i].label) + ") has an empty revision id");
    }
  }

  // Sorting hashes rather than ids keeps this cheap; equal hashes are rare and compared by id.
  by_hash_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    by_hash_.emplace_back(std::hash<std::string>{}(migrations[i].revision), i);
  }
  std::sort(by_hash_.begin(), by_hash_.end());
  require_unique_revisions(migrations, by_hash_);
  const auto lookup = [&](const std::string& revision) {
    return find_revision(by_hash_, revision, [&](std::size_t index) -> const std::string& {
      return migrations[index].revision;
    });
  };

  // Parents and children as flat adjacency arrays (offsets + targets).
  parent_offsets_.reserve(count + 1);
  parent_offsets_.push_back(0);
  child_offsets_.assign(count + 1, 0);
  for (std::size_t i = 0; i < count; ++i) {
    const Migration& migration = migrations[i];
    for (const std::string& parent : migration.down_revisions) {
      const std::size_t found = lookup(parent);
      if (found == count) {
        throw MigrationError("revision " + quoted(migration.revision) +
                             " names unknown down revision " + quoted(parent));
      }
      const auto mine = parent_indexes_.begin() + static_cast<std::ptrdiff_t>(parent_offsets_[i]);
      if (std::find(mine, parent_indexes_.end(), found) != parent_indexes_.end()) {
        throw MigrationError("revision " + quoted(migration.revision) + " names down revision " +
                             quoted(parent) + " twice");
      }
      parent_indexes_.push_back(found);
      ++child_offsets_[found + 1];
    }
    parent_offsets_.push_back(parent_indexes_.size());
  }
  std::partial_sum(child_offsets_.begin(), child_offsets_.end(), child_offsets_.begin());
  child_indexes_ = children_of(parent_offsets_, parent_indexes_, child_offsets_);

  // Kahn's algorithm; among the revisions ready at once, the one given first goes first.
  std::vector<std::size_t> pending(count);
  std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
  for (std::size_t i = 0; i < count; ++i) {
    pending[i] = parent_offsets_[i + 1] - parent_offsets_[i];
    if (pending[i] == 0) ready.push(i);
  }
  indexes_.reserve(count);
  while (!ready.empty()) {
    const std::size_t next = ready.top();
    ready.pop();
    indexes_.push_back(next);
    for (const std::size_t child : child_indexes(next)) {
      if (--pending[child] == 0) ready.push(child);
    }
  }
  if (indexes_.size() != count) throw_cycle(migrations, parent_offsets_, parent_indexes_, pending);

  order_.reserve(count);
  order_position_.resize(count);
  for (std::size_t position = 0; position < count; ++position) {
    order_.push_back(migrations[indexes_[position]].revision);
    order_position_[indexes_[position]] = position;
  }
}

std::vector<std::string> MigrationGraph::heads() const {
  std::vector<std::string> result;
  for (std::size_t i = 0; i < order_.size(); ++i) {
    if (child_indexes(i).empty()) result.push_back(name_of(i));
  }
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<std::string> MigrationGraph::bases() const {
  std::vector<std::string> result;
  for (std::size_t i = 0; i < order_.size(); ++i) {
    if (parent_indexes(i).empty()) result.push_back(name_of(i));
  }
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<std::string> MigrationGraph::ancestors(const std::string& revision) const {
  std::vector<bool> seen(order_.size(), false);
  std::vector<std::size_t> found;
  std::vector<std::size_t> stack{require_index(revision)};
  seen[stack.back()] = true;
  while (!stack.empty()) {
    const std::size_t current = stack.back();
    stack.pop_back();
    found.push_back(current);
    for (std::size_t p = parent_offsets_[current]; p < parent_offsets_[current + 1]; ++p) {
      if (!seen[parent_indexes_[p]]) {
        seen[parent_indexes_[p]] = true;
        stack.push_back(parent_indexes_[p]);
      }
    }
  }
  std::sort(found.begin(), found.end(), [this](std::size_t a, std::size_t b) {
    return order_position_[a] < order_position_[b];
  });
  std::vector<std::string> result;
  result.reserve(found.size());
  for (std::size_t index : found) result.push_back(name_of(index));
  return result;
}

bool MigrationGraph::contains(const std::string& revision) const {
  return index_of(revision) != order_.size();
}

std::vector<std::string> MigrationGraph::parents(const std::string& revision) const {
  std::vector<std::string> names;
  for (const std::size_t parent : parent_indexes(require_index(revision))) {
    names.push_back(name_of(parent));
  }
  return names;
}

std::size_t MigrationGraph::index_of(const std::string& revision) const {
  return find_revision(by_hash_, revision,
                       [this](std::size_t index) -> const std::string& { return name_of(index); });
}

std::size_t MigrationGraph::require_index(const std::string& revision) const {
  const std::size_t index = index_of(revision);
  if (index == order_.size()) throw MigrationError("unknown revision " + quoted(revision));
  return index;
}

const std::string& MigrationGraph::name_of(std::size_t index) const {
  return order_[order_position_[index]];
}

}  // namespace tempest
