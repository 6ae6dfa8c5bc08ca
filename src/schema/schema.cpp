#include "tempest/schema.hpp"

#include <algorithm>

namespace tempest {

namespace {

// Most input is sorted already (generated files, introspection): checking first spares
// stable_sort's buffer, allocated even for one element.
template <class T>
void sort_by_name(std::vector<T>& items) {
  const auto by_name = [](const T& a, const T& b) { return a.name < b.name; };
  if (std::is_sorted(items.begin(), items.end(), by_name)) return;
  std::stable_sort(items.begin(), items.end(), by_name);
}

// Tables and enums are sorted by name in a canonical schema, so lookups are binary searches:
// the differ and replay look up every table of 10,000-table schemas.
template <class Container>
auto* find_sorted(Container& items, std::string_view name) {
  auto it = std::lower_bound(items.begin(), items.end(), name,
                             [](const auto& item, std::string_view n) { return item.name < n; });
  return it == items.end() || it->name != name ? nullptr : &*it;
}

template <class Container, class Name>
auto* find_named(Container& items, Name name) {
  auto it = std::find_if(items.begin(), items.end(),
                         [&](const auto& item) { return item.name == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

bool operator==(const Column& a, const Column& b) {
  // renamed_from is a hint for the differ, not part of the column's state.
  return a.name == b.name && a.type == b.type && a.nullable == b.nullable &&
         a.default_value == b.default_value && a.identity == b.identity &&
         a.comment == b.comment;
}

bool operator==(const Table& a, const Table& b) {
  return a.name == b.name && a.columns == b.columns && a.primary_key == b.primary_key &&
         a.indexes == b.indexes && a.uniques == b.uniques && a.foreign_keys == b.foreign_keys &&
         a.checks == b.checks && a.comment == b.comment;
}

Schema empty_schema() { return Schema{}; }

const Table* find_table(const Schema& schema, std::string_view name) {
  return find_sorted(schema.tables, name);
}
Table* find_table(Schema& schema, std::string_view name) { return find_sorted(schema.tables, name); }

const Column* find_column(const Table& table, std::string_view name) {
  return find_named(table.columns, name);
}
Column* find_column(Table& table, std::string_view name) { return find_named(table.columns, name); }

const EnumType* find_enum(const Schema& schema, std::string_view name) {
  return find_sorted(schema.enums, name);
}
EnumType* find_enum(Schema& schema, std::string_view name) { return find_sorted(schema.enums, name); }

void canonicalize(Table& table) {
  sort_by_name(table.indexes);
  sort_by_name(table.uniques);
  sort_by_name(table.foreign_keys);
  sort_by_name(table.checks);
}

void canonicalize(Schema& schema) {
  sort_by_name(schema.enums);
  sort_by_name(schema.tables);
  for (Table& table : schema.tables) canonicalize(table);
}

}  // namespace tempest
