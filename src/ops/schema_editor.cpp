#include "ops/schema_editor.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tempest {
namespace {

template <typename T>
std::size_t position_of(const std::vector<T>& items, const T& item) {
  return static_cast<std::size_t>(&item - items.data());
}

template <typename T>
void insert_sorted(std::vector<T>& items, T item) {
  auto at = std::upper_bound(items.begin(), items.end(), item.name,
                             [](const std::string& name, const T& x) { return name < x.name; });
  items.insert(at, std::move(item));
}

template <typename T, typename Index>
T* find_indexed(std::vector<T>& items, const Index& index, std::string_view name) {
  const auto found = index.find(name);
  return found == index.end() ? nullptr : &items[found->second];
}

// Order does not matter until finish(), so the last element fills the hole.
template <typename T, typename Index>
void remove_indexed(std::vector<T>& items, Index& index, const T& item) {
  const std::size_t at = position_of(items, item);
  index.erase(index.find(std::string_view(item.name)));
  if (at + 1 != items.size()) {
    items[at] = std::move(items.back());
    index.find(std::string_view(items[at].name))->second = at;
  }
  items.pop_back();
}

template <typename T, typename Index>
void reindex(const std::vector<T>& items, Index& index) {
  index.clear();
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].name, i);
}

// Sorts a permutation and moves each element once: a Table is costly to move, and std::sort
// on the tables themselves moves each one about log2(n) times.
template <typename T>
void sort_by_name(std::vector<T>& items) {
  const auto by_name = [](const T& a, const T& b) { return a.name < b.name; };
  if (std::is_sorted(items.begin(), items.end(), by_name)) return;
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return items[a].name < items[b].name; });
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (std::size_t index : order) sorted.push_back(std::move(items[index]));
  items = std::move(sorted);
}

}  // namespace

SchemaEditor::SchemaEditor(Schema& schema, Mode mode) : schema_(schema), mode_(mode) {
  if (mode_ == Mode::Indexed) {
    reindex(schema_.tables, tables_);
    reindex(schema_.enums, enums_);
  }
}

Table* SchemaEditor::table(std::string_view name) {
  if (mode_ == Mode::Canonical) return find_table(schema_, name);
  return find_indexed(schema_.tables, tables_, name);
}

EnumType* SchemaEditor::enum_type(std::string_view name) {
  if (mode_ == Mode::Canonical) return find_enum(schema_, name);
  return find_indexed(schema_.enums, enums_, name);
}

void SchemaEditor::add_table(Table table) {
  if (mode_ == Mode::Canonical) return insert_sorted(schema_.tables, std::move(table));
  tables_.emplace(table.name, schema_.tables.size());
  schema_.tables.push_back(std::move(table));
}

void SchemaEditor::remove_table(const Table& table) {
  if (mode_ == Mode::Indexed) return remove_indexed(schema_.tables, tables_, table);
  schema_.tables.erase(schema_.tables.begin() +
                       static_cast<std::ptrdiff_t>(position_of(schema_.tables, table)));
}

void SchemaEditor::rename_table(const Table& table, const std::string& name) {
  const std::size_t at = position_of(schema_.tables, table);
  if (mode_ == Mode::Indexed) {
    tables_.erase(tables_.find(std::string_view(table.name)));
    schema_.tables[at].name = name;
    tables_.emplace(name, at);
    return;
  }
  Table renamed = std::move(schema_.tables[at]);
  schema_.tables.erase(schema_.tables.begin() + static_cast<std::ptrdiff_t>(at));
  renamed.name = name;
  insert_sorted(schema_.tables, std::move(renamed));
}

void SchemaEditor::add_enum(EnumType type) {
  if (mode_ == Mode::Canonical) return insert_sorted(schema_.enums, std::move(type));
  enums_.emplace(type.name, schema_.enums.size());
  schema_.enums.push_back(std::move(type));
}

void SchemaEditor::remove_enum(const EnumType& type) {
  if (mode_ == Mode::Indexed) return remove_indexed(schema_.enums, enums_, type);
  schema_.enums.erase(schema_.enums.begin() +
                      static_cast<std::ptrdiff_t>(position_of(schema_.enums, type)));
}

void SchemaEditor::finish() {
  if (mode_ == Mode::Canonical) return;
  sort_by_name(schema_.tables);
  sort_by_name(schema_.enums);
  // Sorted now, so binary search serves any further edit; the maps are no longer needed.
  mode_ = Mode::Canonical;
  tables_.clear();
  enums_.clear();
}

}  // namespace tempest
