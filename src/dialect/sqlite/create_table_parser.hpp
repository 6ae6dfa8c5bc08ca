#pragma once

// Reads the CREATE TABLE and CREATE INDEX text kept in sqlite_schema: what SQLite's pragmas
// do not report (constraint names, CHECK expressions, deferrability, AUTOINCREMENT, WITHOUT
// ROWID, expression index keys and partial index predicates), and what introspection takes
// from the text instead of a pragma call per table (column names, DEFAULT texts, primary and
// foreign key columns, foreign key actions). The text was accepted by SQLite, so the parsers
// are lenient: what they do not understand they skip, never throw, and CREATE TABLE says so
// in ParsedCreateTable::understood.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/schema.hpp"

namespace tempest {

struct ParsedConstraint {
  enum class Kind { PrimaryKey, Unique, Check, ForeignKey };
  Kind kind = Kind::Check;
  std::string name;                  // empty: declared without CONSTRAINT name
  std::string column;                // the column of a column constraint; empty: table constraint
  std::vector<std::string> columns;  // PK, UNIQUE, FOREIGN KEY columns ({column} on a column)
  std::string expression;            // CHECK: the text between its parentheses, trimmed
  std::string ref_table;             // FOREIGN KEY
  std::vector<std::string> ref_columns;  // empty: the referenced table's primary key
  ForeignKeyAction on_delete = ForeignKeyAction::NoAction;  // the last ON DELETE clause
  ForeignKeyAction on_update = ForeignKeyAction::NoAction;  // the last ON UPDATE clause
  Deferrable deferrable = Deferrable::No;
  bool autoincrement = false;  // PRIMARY KEY ... AUTOINCREMENT
  bool descending = false;     // column PRIMARY KEY DESC (which is not a rowid alias)
};

// What a column's definition says besides its name and type.
struct ParsedColumn {
  // The DEFAULT as pragma_table_xinfo.dflt_value reports it (SQLite keeps a span of the source
  // text): for DEFAULT (expr) the text between the parentheses trimmed of white space, comments
  // kept; for a signed literal the text from the sign to the end of the literal, verbatim;
  // otherwise the literal or word itself. With several DEFAULT clauses the last; nullopt: none.
  std::optional<std::string> default_text;
  bool generated = false;  // AS (expr) or GENERATED ALWAYS AS (expr)
};

struct ParsedCreateTable {
  std::string name;
  std::vector<std::string> columns;           // declared column names, in order
  std::vector<ParsedColumn> column_details;   // one per entry of `columns`
  std::vector<ParsedConstraint> constraints;  // in declaration order
  bool without_rowid = false;
  // False when part of the text was not read with confidence: no column list, a column or key
  // part that does not start with a name, a DEFAULT of no known form, a REFERENCES without a
  // table or with an unknown action, a FOREIGN KEY without REFERENCES. Columns and
  // constraints are then incomplete or wrong.
  bool understood = true;
};

// Parses `CREATE [TEMP] TABLE [IF NOT EXISTS] [schema.]name (columns, constraints) [options]`.
[[nodiscard]] ParsedCreateTable parse_create_table(std::string_view sql);

// The position in table.columns of the column `name` refers to, compared as SQLite compares
// identifiers (ASCII letters case-insensitively, other bytes exactly); nullopt: none.
[[nodiscard]] std::optional<std::size_t> find_declared_column(const ParsedCreateTable& table,
                                                              std::string_view name);

struct ParsedIndexKey {
  // The key as written without its COLLATE and ASC/DESC, one level of wrapping parentheses
  // removed: "(lower(x)) DESC" -> "lower(x)", "\"a\" COLLATE NOCASE" -> "\"a\"".
  std::string text;
  bool descending = false;
};

struct ParsedCreateIndex {
  std::vector<ParsedIndexKey> keys;
  std::string where;  // partial index predicate, trimmed; empty: none
};

// Parses `CREATE [UNIQUE] INDEX [IF NOT EXISTS] [schema.]name ON table (keys) [WHERE expr]`.
[[nodiscard]] ParsedCreateIndex parse_create_index(std::string_view sql);

}  // namespace tempest
