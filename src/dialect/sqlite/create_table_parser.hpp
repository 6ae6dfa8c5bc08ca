#pragma once

// Reads back what SQLite's pragmas do not report from the CREATE TABLE and CREATE INDEX text
// kept in sqlite_schema: constraint names, CHECK expressions, deferrability, AUTOINCREMENT,
// WITHOUT ROWID, expression index keys and partial index predicates. The text was accepted by
// SQLite, so the parsers are lenient: what they do not understand they skip, never throw.

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
  Deferrable deferrable = Deferrable::No;
  bool autoincrement = false;  // PRIMARY KEY ... AUTOINCREMENT
  bool descending = false;     // column PRIMARY KEY DESC (which is not a rowid alias)
};

struct ParsedCreateTable {
  std::string name;
  std::vector<std::string> columns;           // declared column names, in order
  std::vector<ParsedConstraint> constraints;  // in declaration order
  bool without_rowid = false;
};

// Parses `CREATE [TEMP] TABLE [IF NOT EXISTS] [schema.]name (columns, constraints) [options]`.
[[nodiscard]] ParsedCreateTable parse_create_table(std::string_view sql);

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
