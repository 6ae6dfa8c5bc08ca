#include "dialect/sqlite/reference_ddl.hpp"

#include <string_view>
#include <vector>

#include "dialect/sqlite/column_spelling.hpp"
#include "tempest/dialect.hpp"

namespace tempest::testing {

namespace {

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + quote_ident(name);
  return out;
}

std::string_view action_sql(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::NoAction:
      return "NO ACTION";
    case ForeignKeyAction::Restrict:
      return "RESTRICT";
    case ForeignKeyAction::Cascade:
      return "CASCADE";
    case ForeignKeyAction::SetNull:
      return "SET NULL";
    case ForeignKeyAction::SetDefault:
      return "SET DEFAULT";
  }
  return "";
}

}  // namespace

std::string reference_ddl(const Schema& schema) {
  std::string sql;
  for (const Table& table : schema.tables) {
    std::vector<std::string> parts;
    std::vector<CheckConstraint> checks = table.checks;
    bool key_on_column = false;
    for (const Column& column : table.columns) {
      std::string part = quote_ident(column.name) + " " + sqlite_type_sql(table, column);
      if (!column.nullable) part += " NOT NULL";
      if (column.identity == Identity::Autoincrement && is_rowid_alias(table, column)) {
        part +=
            " CONSTRAINT " + quote_ident(table.primary_key->name) + " PRIMARY KEY AUTOINCREMENT";
        key_on_column = true;
      }
      if (auto value = sqlite_default_sql(column)) part += " DEFAULT " + *value;
      if (column.type.kind == TypeKind::Enum) {
        checks.push_back(
            sqlite_enum_check(table.name, column, *find_enum(schema, column.type.enum_name)));
      }
      parts.push_back(part);
    }
    if (table.primary_key && !key_on_column) {
      parts.push_back("CONSTRAINT " + quote_ident(table.primary_key->name) + " PRIMARY KEY (" +
                      join_names(table.primary_key->columns) + ")");
    }
    for (const UniqueConstraint& unique : table.uniques) {
      parts.push_back("CONSTRAINT " + quote_ident(unique.name) + " UNIQUE (" +
                      join_names(unique.columns) + ")");
    }
    for (const CheckConstraint& check : checks) {
      parts.push_back("CONSTRAINT " + quote_ident(check.name) + " CHECK (" + check.expression +
                      ")");
    }
    for (const ForeignKey& fk : table.foreign_keys) {
      std::string part = "CONSTRAINT " + quote_ident(fk.name) + " FOREIGN KEY (" +
                         join_names(fk.columns) + ") REFERENCES " + quote_ident(fk.ref_table) +
                         " (" + join_names(fk.ref_columns) + ") ON DELETE " +
                         std::string(action_sql(fk.on_delete)) + " ON UPDATE " +
                         std::string(action_sql(fk.on_update));
      if (fk.deferrable == Deferrable::InitiallyImmediate)
        part += " DEFERRABLE INITIALLY IMMEDIATE";
      if (fk.deferrable == Deferrable::InitiallyDeferred) part += " DEFERRABLE INITIALLY DEFERRED";
      parts.push_back(part);
    }
    sql += "CREATE TABLE " + quote_ident(table.name) + " (\n  ";
    for (std::size_t i = 0; i < parts.size(); ++i) sql += (i > 0 ? ",\n  " : "") + parts[i];
    sql += "\n);\n";
    for (const Index& index : table.indexes) {
      sql += std::string(index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") +
             quote_ident(index.name) + " ON " + quote_ident(table.name) + " (";
      for (std::size_t i = 0; i < index.keys.size(); ++i) {
        const IndexKey& key = index.keys[i];
        if (i > 0) sql += ", ";
        sql += key.expression.empty() ? quote_ident(key.column) : "(" + key.expression + ")";
        if (key.descending) sql += " DESC";
      }
      sql += ")";
      if (!index.where.empty()) sql += " WHERE " + index.where;
      sql += ";\n";
    }
  }
  return sql;
}

}  // namespace tempest::testing
