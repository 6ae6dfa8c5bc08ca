#include "diff/foreign_keys.hpp"

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "diff/indexes.hpp"

namespace tempest::diff {

namespace {

using ColumnSet = std::set<std::string>;
using KeptByName = std::unordered_map<std::string_view, const TablePair*>;

ColumnSet as_set(const std::vector<std::string>& columns) {
  return ColumnSet(columns.begin(), columns.end());
}

// The columns of an index made of plain column keys only; empty otherwise.
ColumnSet index_columns(const Index& index) {
  ColumnSet columns;
  for (const IndexKey& key : index.keys) {
    if (key.column.empty()) return {};
    columns.insert(key.column);
  }
  return columns;
}

bool type_changes(const TablePair& pair, const std::vector<std::string>& columns) {
  return std::any_of(columns.begin(), columns.end(), [&](const std::string& name) {
    const Column* old = find_column(*pair.renamed, name);
    const Column* now = find_column(*pair.target, name);
    return old != nullptr && now != nullptr && !(old->type == now->type);
  });
}

// True when the primary key, a unique or a unique index of the referenced table that covers
// exactly `ref` is dropped or changed by the migration. The cheap "dropped or changed" test
// runs first, so column sets are built only for the keys that change.
bool referenced_key_changes(const TablePair& referenced, const std::vector<std::string>& ref) {
  const Table& from = *referenced.renamed;
  const Table& to = *referenced.target;
  auto covers = [&](const ColumnSet& key) { return key == as_set(ref); };
  if (from.primary_key != to.primary_key && from.primary_key &&
      covers(as_set(from.primary_key->columns)))
    return true;
  for (const UniqueConstraint& unique : from.uniques)
    if (std::find(to.uniques.begin(), to.uniques.end(), unique) == to.uniques.end() &&
        covers(as_set(unique.columns)))
      return true;
  for (const Index& index : from.indexes)
    if (index.unique &&
        std::none_of(to.indexes.begin(), to.indexes.end(),
                     [&](const Index& other) { return same_index(index, other); }) &&
        covers(index_columns(index)))
      return true;
  return false;
}

bool must_recreate(const ForeignKey& fk, const TablePair& owner, const KeptByName& kept_by_name) {
  auto referenced = kept_by_name.find(fk.ref_table);
  if (referenced == kept_by_name.end()) return true;
  return referenced_key_changes(*referenced->second, fk.ref_columns) ||
         type_changes(*referenced->second, fk.ref_columns) || type_changes(owner, fk.columns);
}

void diff_table_foreign_keys(const TablePair& pair, const KeptByName& kept_by_name,
                             DiffPhases& phases) {
  const auto& renamed = pair.renamed->foreign_keys;
  const auto& target = pair.target->foreign_keys;
  std::vector<const ForeignKey*> staying;
  for (std::size_t i = 0; i < renamed.size(); ++i) {
    const ForeignKey& fk = renamed[i];
    bool wanted = std::find(target.begin(), target.end(), fk) != target.end();
    if (wanted && !must_recreate(fk, pair, kept_by_name)) {
      staying.push_back(&fk);
      continue;
    }
    // Index-aligned with `renamed`: renames change no constraint name.
    phases.foreign_key_drops.push_back(
        DropForeignKey{pair.current->name, pair.current->foreign_keys[i]});
  }
  for (const ForeignKey& fk : target)
    if (std::none_of(staying.begin(), staying.end(),
                     [&](const ForeignKey* kept) { return *kept == fk; }))
      phases.foreign_key_adds.push_back(AddForeignKey{pair.target->name, fk});
}

}  // namespace

void diff_foreign_keys(const TableMatching& matching, DiffPhases& phases) {
  KeptByName kept_by_name;
  kept_by_name.reserve(matching.kept.size());
  for (const TablePair& pair : matching.kept) kept_by_name.emplace(pair.target->name, &pair);
  for (const TablePair& pair : matching.kept) diff_table_foreign_keys(pair, kept_by_name, phases);
}

}  // namespace tempest::diff
