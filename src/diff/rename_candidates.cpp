#include <algorithm>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "tempest/diff.hpp"

namespace tempest {

namespace {

bool same_shape(const Column& a, const Column& b) {
  return a.type == b.type && a.nullable == b.nullable;
}

// Same columns by name, type and nullability, in any order.
bool same_columns(const Table& a, const Table& b) {
  if (a.columns.size() != b.columns.size()) return false;
  return std::all_of(a.columns.begin(), a.columns.end(), [&](const Column& column) {
    return std::any_of(b.columns.begin(), b.columns.end(), [&](const Column& other) {
      return column.name == other.name && same_shape(column, other);
    });
  });
}

template <class T>
std::vector<const T*> all_of_kind(const std::vector<Operation>& ops) {
  std::vector<const T*> found;
  for (const Operation& op : ops)
    if (const T* typed = std::get_if<T>(&op)) found.push_back(typed);
  return found;
}

}  // namespace

std::vector<RenameCandidate> find_rename_candidates(const std::vector<Operation>& ops) {
  std::vector<RenameCandidate> candidates;
  const auto added = all_of_kind<AddColumn>(ops);
  for (const DropColumn* drop : all_of_kind<DropColumn>(ops))
    for (const AddColumn* add : added)
      if (add->table == drop->table && add->column.name != drop->column.name &&
          same_shape(drop->column, add->column))
        candidates.push_back({drop->table, drop->column.name, add->column.name, false});
  const auto created = all_of_kind<CreateTable>(ops);
  for (const DropTable* drop : all_of_kind<DropTable>(ops))
    for (const CreateTable* create : created)
      if (create->table.name != drop->table.name && same_columns(drop->table, create->table))
        candidates.push_back({drop->table.name, drop->table.name, create->table.name, true});
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return std::tie(a.table, a.from, a.to, a.is_table) <
           std::tie(b.table, b.from, b.to, b.is_table);
  });
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

}  // namespace tempest
