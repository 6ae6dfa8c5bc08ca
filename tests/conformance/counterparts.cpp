#include "counterparts.hpp"

#include <algorithm>

namespace tempest::testing {

namespace {

template <class Container>
auto* counterpart_in(Container& objects, std::string_view from) {
  for (auto& object : objects)
    if (object.renamed_from == from) return &object;
  for (auto& object : objects)
    if (object.name == from && object.renamed_from.empty()) return &object;
  return static_cast<decltype(&objects.front())>(nullptr);
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

const Table* counterpart(const Schema& to, std::string_view from_table) {
  return counterpart_in(to.tables, from_table);
}

Table* counterpart(Schema& to, std::string_view from_table) {
  return counterpart_in(to.tables, from_table);
}

const Column* counterpart(const Table& to, std::string_view from_column) {
  return counterpart_in(to.columns, from_column);
}

Column* counterpart(Table& to, std::string_view from_column) {
  return counterpart_in(to.columns, from_column);
}

bool unique_covered(const Table& table, std::string_view column) {
  if (table.primary_key && contains(table.primary_key->columns, column)) return true;
  for (const UniqueConstraint& unique : table.uniques)
    if (contains(unique.columns, column)) return true;
  for (const Index& index : table.indexes) {
    if (!index.unique) continue;
    for (const IndexKey& key : index.keys)
      if (key.column == column) return true;
  }
  return false;
}

std::vector<SurvivingTable> surviving_tables(const Schema& from, const Schema& to) {
  std::vector<SurvivingTable> out;
  for (const Table& table : from.tables) {
    const Table* after = counterpart(to, table.name);
    if (after == nullptr || !table.primary_key) continue;
    SurvivingTable surviving{table.name, after->name, {}, {}};
    for (const Column& column : table.columns) {
      const Column* kept = counterpart(*after, column.name);
      if (kept == nullptr || !(kept->type == column.type)) continue;
      surviving.columns.emplace_back(column.name, kept->name);
      if (contains(table.primary_key->columns, column.name)) {
        surviving.key.emplace_back(column.name, kept->name);
      }
    }
    if (surviving.key.size() == table.primary_key->columns.size()) {
      out.push_back(std::move(surviving));
    }
  }
  return out;
}

}  // namespace tempest::testing
