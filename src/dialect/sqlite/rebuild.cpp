#include "dialect/sqlite/rebuild.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "dialect/sqlite/column_spelling.hpp"
#include "dialect/sqlite/renderer.hpp"
#include "dialect/sqlite/runner_sql.hpp"
#include "dialect/sqlite/sql_tokenizer.hpp"
#include "tempest/error.hpp"

namespace tempest::sqlite {

namespace {

using sqlite_sql::same_name;

std::string quoted_name(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

bool has_column_named(const Table& table, std::string_view name) {
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [&](const Column& column) { return same_name(column.name, name); });
}

// How to address the rowid of `source` rows: its three names, unless columns shadow them all
// (https://sqlite.org/lang_createtable.html#rowid).
std::optional<std::string> rowid_name(const Table& source, const Table& target) {
  for (std::string_view name : std::array<std::string_view, 3>{"rowid", "_rowid_", "oid"}) {
    if (!has_column_named(source, name) && !has_column_named(target, name)) {
      return std::string(name);
    }
  }
  return std::nullopt;
}

const Column* rowid_alias(const Table& table) {
  for (const Column& column : table.columns) {
    if (is_rowid_alias(table, column)) return &column;
  }
  return nullptr;
}

bool is_autoincrement(const Table& table) {
  const Column* alias = rowid_alias(table);
  return alias != nullptr && alias->identity == Identity::Autoincrement;
}

bool keeps_every_column(const TableRebuild& rebuild) {
  if (rebuild.source.columns.size() != rebuild.target.columns.size()) return false;
  for (std::size_t i = 0; i < rebuild.target.columns.size(); ++i) {
    if (rebuild.origins[i] != rebuild.target.columns[i].name) return false;
  }
  return true;
}

bool contains(const std::vector<Index>& indexes, const Index& index) {
  return std::find(indexes.begin(), indexes.end(), index) != indexes.end();
}

std::vector<std::string> index_changes(const Table& source, const Table& target) {
  std::vector<std::string> statements;
  for (const Index& index : source.indexes) {
    if (!contains(target.indexes, index)) statements.push_back(drop_index_sql(index));
  }
  for (const Index& index : target.indexes) {
    if (!contains(source.indexes, index)) {
      statements.push_back(create_index_sql(target.name, index));
    }
  }
  return statements;
}

// The value a target column gets from a source row: the source column, with the default for
// its NULLs when the column becomes NOT NULL (they would fail the constraint otherwise).
std::string copied_value(const Column& target, const Column& source) {
  std::string value = quote_ident(source.name);
  if (source.nullable && !target.nullable) {
    if (auto fallback = sqlite_default_sql(target)) {
      return "COALESCE(" + value + ", " + *fallback + ")";
    }
  }
  return value;
}

// INSERT INTO new (columns) SELECT values FROM old, or nothing when no value survives.
std::optional<std::string> copy_rows(const TableRebuild& rebuild, const std::string& new_name) {
  const Table& source = rebuild.source;
  const Table& target = rebuild.target;
  const std::optional<std::string> rowid = rowid_name(source, target);
  std::vector<std::string> columns;
  std::vector<std::string> values;
  // A table without a rowid alias keeps its rowids too: triggers and applications may
  // hold them, and the copy should be the same rows, not equal ones.
  if (rowid && rowid_alias(target) == nullptr) {
    columns.push_back(*rowid);
    values.push_back(*rowid);
  }
  for (std::size_t i = 0; i < target.columns.size(); ++i) {
    const Column& column = target.columns[i];
    const Column* origin =
        rebuild.origins[i].empty() ? nullptr : find_column(source, rebuild.origins[i]);
    if (origin != nullptr) {
      columns.push_back(quote_ident(column.name));
      values.push_back(copied_value(column, *origin));
    } else if (is_rowid_alias(target, column) && rowid) {
      columns.push_back(quote_ident(column.name));
      values.push_back(*rowid);
    }
    // A new column is left out of the copy and takes its default. A NOT NULL one without a
    // default makes the copy fail when the table has rows, and the rebuild rolls back whole,
    // as PostgreSQL's ADD COLUMN ... NOT NULL fails on a non-empty table.
  }
  if (columns.empty()) return std::nullopt;
  return "INSERT INTO " + quote_ident(new_name) + " (" + join(columns, ", ") + ") SELECT " +
         join(values, ", ") + " FROM " + quote_ident(source.name);
}

// An offline script has no way to read the table's triggers and re-create them, so it stops
// before a rebuild that would drop them with the old table.
std::vector<std::string> trigger_guard(const std::string& table) {
  return script_guard("table " + quoted_name(table) +
                          " has triggers, which an offline rebuild would drop: run this "
                          "migration online",
                      "SELECT count(*) FROM main.sqlite_schema WHERE type = 'trigger' AND "
                      "tbl_name = " +
                          quote_literal(table) + " COLLATE NOCASE");
}

RenderedStep rebuild_step(const TableRebuild& rebuild, const Schema& schema) {
  const Table& target = rebuild.target;
  const std::string new_name = std::string(kRebuildPrefix) + target.name;
  RenderedStep step;
  step.description =
      "rebuild table " + quoted_name(target.name) + ": " + join(rebuild.changes, "; ");
  step.foreign_keys_off = true;
  step.rebuild_table = target.name;
  step.offline_guard = trigger_guard(rebuild.source.name);
  std::vector<std::string>& sql = step.statements;
  sql.push_back(create_table_sql(schema, target, new_name));
  if (auto copy = copy_rows(rebuild, new_name)) sql.push_back(*copy);
  if (is_autoincrement(rebuild.source) && is_autoincrement(target)) {
    // The copy set the new table's sequence to its largest id; the old one may be higher
    // (rows deleted at the end), and AUTOINCREMENT promises those ids are never reused.
    sql.push_back("DELETE FROM sqlite_sequence WHERE name = " + quote_literal(new_name));
    sql.push_back("INSERT INTO sqlite_sequence (name, seq) SELECT " + quote_literal(new_name) +
                  ", seq FROM sqlite_sequence WHERE name = " + quote_literal(rebuild.source.name));
  }
  sql.push_back(drop_table_sql(rebuild.source.name));
  // Since SQLite 3.26 a rename re-checks every view and trigger naming the table, which
  // fails while the old table is gone; the legacy mode renames without touching them
  // (https://sqlite.org/pragma.html#pragma_legacy_alter_table). Nothing names the new table.
  sql.push_back("PRAGMA legacy_alter_table = ON");
  sql.push_back(rename_table_sql(new_name, target.name));
  sql.push_back("PRAGMA legacy_alter_table = OFF");
  for (const Index& index : target.indexes) sql.push_back(create_index_sql(target.name, index));
  return step;
}

}  // namespace

std::vector<RenderedStep> render_table_change(const TableRebuild& rebuild, const Schema& schema) {
  const Schema source_schema{rebuild.source_enums, {}};
  const bool same_table = !rebuild.force && keeps_every_column(rebuild) &&
                          create_table_sql(source_schema, rebuild.source, rebuild.source.name) ==
                              create_table_sql(schema, rebuild.target, rebuild.source.name);
  if (!same_table) return {rebuild_step(rebuild, schema)};
  std::vector<std::string> statements = index_changes(rebuild.source, rebuild.target);
  if (statements.empty()) return {};
  RenderedStep step;
  step.description = join(rebuild.changes, "; ");
  step.statements = std::move(statements);
  return {step};
}

}  // namespace tempest::sqlite
