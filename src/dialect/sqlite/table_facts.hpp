#pragma once

// What introspection reads of one table's columns and foreign keys, in the shape of the rows
// pragma_table_xinfo and pragma_foreign_key_list report, from either of two sources: the
// pragmas themselves, or the CREATE TABLE text checked against SQLite's column metadata
// (sqlite3_table_column_metadata, which prepares no statement). introspect_sqlite turns
// either into the IR by the same code, so that the two cannot drift apart.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dialect/sqlite/create_table_parser.hpp"
#include "tempest/driver.hpp"

struct sqlite3;

namespace tempest {

// A WITH clause naming `t` the tables a statement joins a pragma over: every stored table of
// "main" but sqlite_% and tempest_db_% ones, FTS shadow tables included (callers skip them).
// Read from sqlite_schema: another pass over pragma_table_list would cost as much again.
// rootpage 0 leaves out virtual tables, whose module may not be loaded in this connection.
inline constexpr std::string_view kStoredTables = R"(WITH t AS (
  SELECT name FROM sqlite_schema
  WHERE type = 'table' AND rootpage <> 0
    AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
    AND substr(name, 1, 11) <> 'tempest_db_')
)";

// One row of pragma_table_xinfo.
struct ColumnFacts {
  std::string name;                         // as declared
  std::string type;                         // the declared type as SQLite reports it; "" none
  bool not_null = false;                    // "notnull"
  std::optional<std::string> default_text;  // dflt_value
  int primary_key = 0;                      // pk: 1-based position in the primary key; 0 none
  int hidden = 0;  // 1: hidden column of a virtual table; 2, 3: generated column

  friend bool operator==(const ColumnFacts&, const ColumnFacts&) = default;
};

// The rows of pragma_foreign_key_list with one id, in seq order.
struct ForeignKeyFacts {
  std::string ref_table;             // "table", as written
  std::vector<std::string> columns;  // "from": the child columns' declared names
  // "to", as written; nullopt when the REFERENCES clause names no columns (the parent's
  // primary key is meant).
  std::vector<std::optional<std::string>> ref_columns;
  std::string on_update;  // as SQLite spells it: "NO ACTION", "SET NULL"...
  std::string on_delete;

  friend bool operator==(const ForeignKeyFacts&, const ForeignKeyFacts&) = default;
};

struct TableFacts {
  std::vector<ColumnFacts> columns;           // in column order (cid)
  std::vector<ForeignKeyFacts> foreign_keys;  // by id: the last declared first

  friend bool operator==(const TableFacts&, const TableFacts&) = default;
};

// The facts of `table` (of schema "main") from its parsed CREATE TABLE text: names, DEFAULT
// texts, primary key positions and foreign keys from `parsed`; the declared type, NOT NULL and
// primary key membership from sqlite3_table_column_metadata. nullopt when anything does not
// line up, so that the caller asks the pragmas: the parser did not understand the text, no
// column or a duplicate one, a column the metadata does not know, a generated column (left to
// the pragma path and its error), a primary key the metadata disagrees with, a key column
// naming no column, a foreign key naming more or fewer referenced columns than child ones.
// Never throws.
[[nodiscard]] std::optional<TableFacts> declared_table_facts(sqlite3* db, const std::string& table,
                                                             const ParsedCreateTable& parsed);

// The facts of `table` from pragma_table_xinfo and pragma_foreign_key_list, the name bound as
// a parameter. Throws DatabaseError from the driver.
[[nodiscard]] TableFacts pragma_table_facts(Driver& driver, const std::string& table);

// The facts of every table of kStoredTables, by name, from two statements that join the
// pragmas over it. Throws DatabaseError from the driver.
[[nodiscard]] std::unordered_map<std::string, TableFacts> pragma_facts_of_all_tables(
    Driver& driver);

// Column `i` of a row of the queries above: as text ("" for NULL), as a number (0 for NULL).
[[nodiscard]] const std::string& row_text(const std::vector<SqlValue>& row, std::size_t i);
[[nodiscard]] int row_number(const std::vector<SqlValue>& row, std::size_t i);

}  // namespace tempest
