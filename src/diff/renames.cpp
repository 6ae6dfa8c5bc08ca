#include "diff/renames.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "schema/sql_identifiers.hpp"

namespace tempest::diff {

namespace {

using NameMap = std::map<std::string, std::string>;  // old name -> new name

struct Hint {
  std::string to;
  std::string from;
};

// Old name -> new name for each hint that can be honoured (see match_tables).
NameMap resolve_hints(const std::vector<Hint>& hints, const std::set<std::string>& current_names,
                      const std::set<std::string>& target_names) {
  NameMap renames;
  std::set<std::string> claimed;
  for (const Hint& hint : hints) {
    if (hint.from.empty() || hint.from == hint.to) continue;
    if (!current_names.contains(hint.from) || target_names.contains(hint.from)) continue;
    if (current_names.contains(hint.to)) continue;
    if (!claimed.insert(hint.from).second) continue;
    renames.emplace(hint.from, hint.to);
  }
  return renames;
}

const std::string& renamed(const NameMap& map, const std::string& name) {
  auto it = map.find(name);
  return it == map.end() ? name : it->second;
}

void rename_all(std::vector<std::string>& names, const NameMap& map) {
  for (std::string& name : names) name = renamed(map, name);
}

const NameMap& columns_of(const std::map<std::string, NameMap>& column_renames,
                          const std::string& table) {
  static const NameMap none;
  auto it = column_renames.find(table);
  return it == column_renames.end() ? none : it->second;
}

bool has_hint(const Table& table) {
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [](const Column& column) { return !column.renamed_from.empty(); });
}

NameMap resolve_column_hints(const Table& current, const Table& target) {
  if (!has_hint(target)) return {};  // the common case: no sets to build
  std::set<std::string> current_names;
  for (const Column& column : current.columns) current_names.insert(column.name);
  std::set<std::string> target_names;
  std::vector<Hint> hints;
  for (const Column& column : target.columns) {
    target_names.insert(column.name);
    hints.push_back({column.name, column.renamed_from});
  }
  return resolve_hints(hints, current_names, target_names);
}

// `table` as apply() leaves it after all the renames. column_renames is keyed by old table name.
Table renamed_view(const Table& table, const NameMap& table_renames,
                   const std::map<std::string, NameMap>& column_renames) {
  Table view = table;
  view.name = renamed(table_renames, table.name);
  // The SQL text follows by the functions apply() uses, in the order the renames run: the
  // table first, then its columns under the new table name.
  if (view.name != table.name) rename_table_in_expressions(view, table.name, view.name);
  const NameMap& own = columns_of(column_renames, table.name);
  for (const auto& [from, to] : own) rename_column_in_expressions(view, from, to);
  for (Column& column : view.columns) column.name = renamed(own, column.name);
  if (view.primary_key) rename_all(view.primary_key->columns, own);
  for (Index& index : view.indexes)
    for (IndexKey& key : index.keys)
      if (!key.column.empty()) key.column = renamed(own, key.column);
  for (UniqueConstraint& unique : view.uniques) rename_all(unique.columns, own);
  for (ForeignKey& fk : view.foreign_keys) {
    rename_all(fk.columns, own);
    rename_all(fk.ref_columns, columns_of(column_renames, fk.ref_table));
    fk.ref_table = renamed(table_renames, fk.ref_table);
  }
  return view;
}

// True when a rename changes `table`'s view: its own name or columns, or a table or columns
// its foreign keys reference.
bool touched(const Table& table, const NameMap& table_renames,
             const std::map<std::string, NameMap>& column_renames) {
  if (table_renames.contains(table.name) || column_renames.contains(table.name)) return true;
  return std::any_of(
      table.foreign_keys.begin(), table.foreign_keys.end(), [&](const ForeignKey& fk) {
        return table_renames.contains(fk.ref_table) || column_renames.contains(fk.ref_table);
      });
}

}  // namespace

Column without_hint(Column column) {
  column.renamed_from.clear();
  return column;
}

Table without_hints(Table table) {
  table.renamed_from.clear();
  for (Column& column : table.columns) column.renamed_from.clear();
  return table;
}

TableMatching match_tables(const Schema& current, const Schema& target) {
  // The name sets resolve_hints needs are built only when the target carries a table hint.
  std::vector<Hint> hints;
  for (const Table& table : target.tables)
    if (!table.renamed_from.empty()) hints.push_back({table.name, table.renamed_from});
  NameMap table_renames;
  if (!hints.empty()) {
    std::set<std::string> current_names;
    for (const Table& table : current.tables) current_names.insert(table.name);
    std::set<std::string> target_names;
    for (const Table& table : target.tables) target_names.insert(table.name);
    table_renames = resolve_hints(hints, current_names, target_names);
  }
  NameMap new_to_old;
  for (const auto& [from, to] : table_renames) new_to_old.emplace(to, from);

  // Pair first: the renamed views need the column renames of every table (foreign keys).
  std::vector<std::pair<const Table*, const Table*>> pairs;  // current, target
  std::unordered_map<std::string_view, std::size_t> current_by_name;  // name -> position
  current_by_name.reserve(current.tables.size());
  for (std::size_t i = 0; i < current.tables.size(); ++i)
    current_by_name.emplace(current.tables[i].name, i);
  std::vector<bool> paired(current.tables.size(), false);
  TableMatching matching;
  for (const Table& table : target.tables) {
    auto old_name = new_to_old.find(table.name);
    auto found = current_by_name.find(old_name == new_to_old.end() ? table.name : old_name->second);
    if (found == current_by_name.end()) {
      matching.created.push_back(&table);
      continue;
    }
    pairs.emplace_back(&current.tables[found->second], &table);
    paired[found->second] = true;
  }
  // Only tables with column renames get an entry; columns_of answers "none" for the rest.
  std::map<std::string, NameMap> column_renames;
  for (const auto& [from, to] : pairs) {
    NameMap columns = resolve_column_hints(*from, *to);
    if (!columns.empty()) column_renames.emplace(from->name, std::move(columns));
  }

  // A table no rename touches is its own renamed view: copying 10,000 tables was most of
  // the time of a 10,000-table diff.
  matching.kept.reserve(pairs.size());
  for (const auto& [from, to] : pairs) {
    const Table* view = from;
    if (touched(*from, table_renames, column_renames)) {
      view = &matching.renamed_tables.emplace_back(
          renamed_view(*from, table_renames, column_renames));
    }
    matching.kept.push_back({from, view, to});
    if (from->name != to->name) matching.renames.push_back(RenameTable{from->name, to->name});
  }
  for (const auto& [from, to] : pairs) {
    const NameMap& columns = columns_of(column_renames, from->name);
    for (const Column& column : to->columns) {
      auto old_name = std::find_if(columns.begin(), columns.end(),
                                   [&](const auto& entry) { return entry.second == column.name; });
      if (old_name != columns.end())
        matching.renames.push_back(RenameColumn{to->name, old_name->first, column.name});
    }
  }
  for (std::size_t i = 0; i < current.tables.size(); ++i)
    if (!paired[i]) matching.dropped.push_back(&current.tables[i]);
  return matching;
}

}  // namespace tempest::diff
