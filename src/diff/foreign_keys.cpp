#include "diff/foreign_keys.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>

#include "diff/indexes.hpp"

namespace tempest::diff {

namespace {

using ColumnSet = std::set<std::string>;

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
    const Column* old = find_column(pair.renamed, name);
    const Column* now = find_column(*pair.target, name);
    return old != nullptr && now != nullptr && !(old->type == now->type);
  });
}

// True when the primary key, a unique or a unique index of the referenced table that covers
// exactly `columns` is dropped or changed by the migration.
bool referenced_key_changes(const TablePair& referenced, const ColumnSet& columns) {
  const Table& from = referenced.renamed;
  const Table& to = *referenced.target;
  if (from.primary_key != to.primary_key && from.primary_key &&
      as_set(from.primary_key->columns) == columns)
    return true;
  for (const UniqueConstraint& unique : from.uniques)
    if (as_set(unique.columns) == columns &&
        std::find(to.uniques.begin(), to.uniques.end(), unique) == to.uniques.end())
      return true;
  for (const Index& index : from.indexes)
    if (index.unique && index_columns(index) == columns &&
        std::none_of(to.indexes.begin(), to.indexes.end(),
                     [&](const Index& other) { return same_index(index, other); }))
      return true;
  return false;
}

bool must_recreate(const ForeignKey& fk, const TablePair& owner,
                   const std::map<std::string, const TablePair*>& kept_by_name) {
  auto referenced = kept_by_name.find(fk.ref_table);
  if (referenced == kept_by_name.end()) return true;
  return referenced_key_changes(*referenced->second, as_set(fk.ref_columns)) ||
         type_changes(*referenced->second, fk.ref_columns) || type_changes(owner, fk.columns);
}

void diff_table_foreign_keys(const TablePair& pair,
                             const std::map<std::string, const TablePair*>& kept_by_name,
                             DiffPhases& phases) {
  const auto& renamed = pair.renamed.foreign_keys;
  const auto& target = pair.target->foreign_keys;
  std::vector<ForeignKey> staying;
  for (std::size_t i = 0; i < renamed.size(); ++i) {
    const ForeignKey& fk = renamed[i];
    bool wanted = std::find(target.begin(), target.end(), fk) != target.end();
    if (wanted && !must_recreate(fk, pair, kept_by_name)) {
      staying.push_back(fk);
      continue;
    }
    // Index-aligned with `renamed`: renames change no constraint name.
    phases.foreign_key_drops.push_back(
        DropForeignKey{pair.current->name, pair.current->foreign_keys[i]});
  }
  for (const ForeignKey& fk : target)
    if (std::find(staying.begin(), staying.end(), fk) == staying.end())
      phases.foreign_key_adds.push_back(AddForeignKey{pair.target->name, fk});
}

}  // namespace

void diff_foreign_keys(const TableMatching& matching, DiffPhases& phases) {
  std::map<std::string, const TablePair*> kept_by_name;
  for (const TablePair& pair : matching.kept) kept_by_name.emplace(pair.target->name, &pair);
  for (const TablePair& pair : matching.kept) diff_table_foreign_keys(pair, kept_by_name, phases);
}

}  // namespace tempest::diff
