#include "dialect/sqlite/renderer.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "dialect/sqlite/column_spelling.hpp"
#include "schema/sql_identifiers.hpp"
#include "schema/sql_keywords.hpp"
#include "tempest/dialect.hpp"
#include "tempest/error.hpp"

namespace tempest::sqlite {

namespace {

std::string quoted_name(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::string column_list(const std::vector<std::string>& columns) {
  std::string out;
  for (const std::string& column : columns) {
    if (!out.empty()) out += ", ";
    out += quote_ident(column);
  }
  return out;
}

std::string constraint_prefix(const std::string& name) {
  return name.empty() ? std::string() : "CONSTRAINT " + quote_ident(name) + " ";
}


std::string foreign_key_sql(const ForeignKey& key) {
  std::string sql = constraint_prefix(key.name) + "FOREIGN KEY (" + column_list(key.columns) +
                    ") REFERENCES " + quote_ident(key.ref_table);
  if (!key.ref_columns.empty()) sql += " (" + column_list(key.ref_columns) + ")";
  // NO ACTION is what SQLite assumes when the clause is absent.
  if (key.on_delete != ForeignKeyAction::NoAction) {
    sql += " ON DELETE " + foreign_key_action_sql(key.on_delete);
  }
  if (key.on_update != ForeignKeyAction::NoAction) {
    sql += " ON UPDATE " + foreign_key_action_sql(key.on_update);
  }
  if (key.deferrable == Deferrable::InitiallyDeferred) sql += " DEFERRABLE INITIALLY DEFERRED";
  if (key.deferrable == Deferrable::InitiallyImmediate) sql += " DEFERRABLE INITIALLY IMMEDIATE";
  return sql;
}

std::string check_sql(const CheckConstraint& check) {
  return constraint_prefix(check.name) + "CHECK (" + check.expression + ")";
}

const EnumType& require_enum(const Schema& schema, const Table& table, const Column& column) {
  const EnumType* found = find_enum(schema, column.type.enum_name);
  if (found == nullptr) {
    throw ModelError("table " + quoted_name(table.name) + ": column " + quoted_name(column.name) +
                     ": enum " + quoted_name(column.type.enum_name) + " does not exist");
  }
  return *found;
}

bool has_rowid_alias(const Table& table) {
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [&](const Column& column) { return is_rowid_alias(table, column); });
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool mentions(std::string_view expression, const std::string& column) {
  return lower(expression).find(lower(column)) != std::string::npos;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string column_definition(const Table& table, const Column& column) {
  std::string sql = quote_ident(column.name) + " " + sqlite_type_sql(table, column);
  if (!column.nullable) sql += " NOT NULL";
  if (column.identity != Identity::None) {
    if (!is_rowid_alias(table, column)) {
      throw UnsupportedError("table " + quoted_name(table.name) + ": column " +
                             quoted_name(column.name) +
                             ": SQLite has identity columns only as the table's single-column "
                             "primary key (INTEGER PRIMARY KEY)");
    }
    // AUTOINCREMENT exists only as a column constraint, so the key goes on the column.
    sql += " " + constraint_prefix(table.primary_key->name) + "PRIMARY KEY";
    if (column.identity == Identity::Autoincrement) sql += " AUTOINCREMENT";
  }
  if (auto value = sqlite_default_sql(column)) sql += " DEFAULT " + *value;
  return sql;
}

std::string create_table_sql(const Schema& schema, const Table& table,
                             std::string_view created_name) {
  std::vector<std::string> items;
  for (const Column& column : table.columns) items.push_back(column_definition(table, column));
  if (table.primary_key && !table.primary_key->columns.empty() && !has_rowid_alias(table)) {
    items.push_back(constraint_prefix(table.primary_key->name) + "PRIMARY KEY (" +
                    column_list(table.primary_key->columns) + ")");
  }
  for (const UniqueConstraint& unique : table.uniques) {
    items.push_back(constraint_prefix(unique.name) + "UNIQUE (" + column_list(unique.columns) +
                    ")");
  }
  for (const CheckConstraint& check : table.checks) items.push_back(check_sql(check));
  for (const Column& column : table.columns) {
    if (column.type.kind != TypeKind::Enum) continue;
    items.push_back(
        check_sql(sqlite_enum_check(table.name, column, require_enum(schema, table, column))));
  }
  for (const ForeignKey& key : table.foreign_keys) items.push_back(foreign_key_sql(key));

  std::string sql = "CREATE TABLE " + quote_ident(created_name) + " (";
  for (std::size_t i = 0; i < items.size(); ++i) {
    sql += (i == 0 ? "\n  " : ",\n  ") + items[i];
  }
  return sql + "\n)";
}

std::string create_index_sql(std::string_view table, const Index& index) {
  std::string keys;
  for (const IndexKey& key : index.keys) {
    if (!keys.empty()) keys += ", ";
    // Parenthesised, any expression is a valid key (https://sqlite.org/lang_createindex.html).
    keys += key.expression.empty() ? quote_ident(key.column) : "(" + key.expression + ")";
    if (key.descending) keys += " DESC";
  }
  std::string sql = std::string("CREATE ") + (index.unique ? "UNIQUE " : "") + "INDEX " +
                    quote_ident(index.name) + " ON " + quote_ident(table) + " (" + keys + ")";
  if (!index.where.empty()) sql += " WHERE " + index.where;
  return sql;
}

std::string drop_index_sql(const Index& index) { return "DROP INDEX " + quote_ident(index.name); }

std::string drop_table_sql(std::string_view table) { return "DROP TABLE " + quote_ident(table); }

std::string rename_table_sql(std::string_view from, std::string_view to) {
  return "ALTER TABLE " + quote_ident(from) + " RENAME TO " + quote_ident(to);
}

// The new name is spelled as sql_identifier() spells it (bare when it is a plain lower-case
// word that is no keyword, else quoted): SQLite writes a bare reference in a CHECK, an index
// expression or a partial-index predicate with the new name as spelled here, quoted if it was
// quoted in this statement (renameEditSql in alter.c), and apply() rewrites the IR's text with
// rename_identifier(), which assumes this spelling.
std::string rename_column_sql(std::string_view table, std::string_view from, std::string_view to) {
  return "ALTER TABLE " + quote_ident(table) + " RENAME COLUMN " + quote_ident(from) + " TO " +
         sql_identifier(to);
}

std::string add_column_sql(const Schema& schema, const Table& table, const Column& column) {
  std::string sql =
      "ALTER TABLE " + quote_ident(table.name) + " ADD COLUMN " + column_definition(table, column);
  if (column.type.kind == TypeKind::Enum) {
    sql +=
        " " + check_sql(sqlite_enum_check(table.name, column, require_enum(schema, table, column)));
  }
  return sql;
}

std::string drop_column_sql(std::string_view table, std::string_view column) {
  return "ALTER TABLE " + quote_ident(table) + " DROP COLUMN " + quote_ident(column);
}

bool can_add_column(const Column& column) {
  if (column.identity != Identity::None) return false;
  if (column.default_value && column.default_value->kind == DefaultKind::Expression) return false;
  return column.nullable || column.default_value.has_value();
}

bool can_drop_column(const Schema& schema, const Table& table, const std::string& column) {
  const Column* found = find_column(table, column);
  if (found == nullptr || found->type.kind == TypeKind::Enum) return false;
  if (table.primary_key && contains(table.primary_key->columns, column)) return false;
  for (const UniqueConstraint& unique : table.uniques) {
    if (contains(unique.columns, column)) return false;
  }
  for (const Index& index : table.indexes) {
    if (!index.where.empty() && mentions(index.where, column)) return false;
    for (const IndexKey& key : index.keys) {
      if (key.column == column || (!key.expression.empty() && mentions(key.expression, column))) {
        return false;
      }
    }
  }
  for (const CheckConstraint& check : table.checks) {
    if (mentions(check.expression, column)) return false;
  }
  for (const Table& other : schema.tables) {
    for (const ForeignKey& key : other.foreign_keys) {
      if (other.name == table.name && contains(key.columns, column)) return false;
      if (key.ref_table == table.name && contains(key.ref_columns, column)) return false;
    }
  }
  return true;
}

}  // namespace tempest::sqlite
