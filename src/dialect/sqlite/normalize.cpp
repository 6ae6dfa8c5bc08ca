#include "dialect/sqlite/normalize.hpp"

#include <cctype>
#include <string>
#include <string_view>

#include "dialect/sqlite/column_spelling.hpp"
#include "tempest/error.hpp"

namespace tempest {

namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// What pragma_table_xinfo.dflt_value shows for the clause `DEFAULT <written>`: SQLite keeps
// the source text, minus the one pair of parentheses around an expression and the blanks
// inside it (observed with SQLite 3.40: DEFAULT ( 1 + 2 ) -> "1 + 2", DEFAULT ((1)) -> "(1)").
std::string reported_default(const std::string& written) {
  if (written.size() >= 2 && written.front() == '(' && written.back() == ')') {
    return trimmed(std::string_view(written).substr(1, written.size() - 2));
  }
  return written;
}

void normalize_enum_column(const Schema& schema, Table& table, Column& column) {
  const EnumType* enum_type = find_enum(schema, column.type.enum_name);
  if (enum_type == nullptr) {
    throw ModelError("table \"" + table.name + "\": column \"" + column.name + "\": enum type \"" +
                     column.type.enum_name + "\" is not declared");
  }
  table.checks.push_back(sqlite_enum_check(table.name, column, *enum_type));
}

void normalize_column(const Table& table, Column& column) {
  column.comment.clear();
  if (is_rowid_alias(table, column)) {
    column.type = parse_type("INTEGER");
    column.type.kind = TypeKind::Int64;
    column.nullable = false;
    if (column.identity != Identity::Autoincrement) column.identity = Identity::ByDefault;
  } else {
    column.type = parse_type(sqlite_type_sql(table, column));
  }
  if (auto written = sqlite_default_sql(column)) {
    column.default_value = classify_sqlite_default(reported_default(*written), column.type);
  }
}

// SQLite skips the index of a UNIQUE constraint whose columns repeat an index it already
// has, and with it the only trace of the constraint (sqlite3CreateIndex, "redundant" index).
void drop_redundant_uniques(Table& table, bool rowid_alias) {
  std::vector<std::vector<std::string>> indexed;
  if (table.primary_key && !rowid_alias) indexed.push_back(table.primary_key->columns);
  std::vector<UniqueConstraint> kept;
  for (UniqueConstraint& unique : table.uniques) {
    bool seen = false;
    for (const auto& columns : indexed) seen = seen || columns == unique.columns;
    if (seen) continue;
    indexed.push_back(unique.columns);
    kept.push_back(std::move(unique));
  }
  table.uniques = std::move(kept);
}

}  // namespace

Schema normalize_sqlite(Schema schema) {
  canonicalize(schema);
  for (Table& table : schema.tables) {
    table.comment.clear();
    bool rowid_alias = false;
    for (Column& column : table.columns) {
      if (column.type.kind == TypeKind::Enum) normalize_enum_column(schema, table, column);
      rowid_alias = rowid_alias || is_rowid_alias(table, column);
      normalize_column(table, column);
    }
    drop_redundant_uniques(table, rowid_alias);
    for (CheckConstraint& check : table.checks) check.expression = trimmed(check.expression);
    for (Index& index : table.indexes) {
      index.where = trimmed(index.where);
      for (IndexKey& key : index.keys) key.expression = trimmed(key.expression);
    }
  }
  schema.enums.clear();
  canonicalize(schema);
  return schema;
}

}  // namespace tempest
