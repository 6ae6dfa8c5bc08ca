#pragma once

#include <string>
#include <vector>

#include "tempest/driver.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// The schema of the SQLite database behind `driver` (its "main" schema), in canonical order
// and already in the form normalize_sqlite gives. Never formats a name into SQL. Reads the
// table list (pragma_table_list, sqlite_schema), indexes (pragma_index_list, index_xinfo),
// and columns and foreign keys from the stored CREATE TABLE text checked against SQLite's
// column metadata (sqlite3_table_column_metadata), falling back, table by table, to
// pragma_table_xinfo and pragma_foreign_key_list wherever the two do not line up, or for every
// table when `driver` is not a SqliteDriver; parses the stored CREATE statements for what no
// pragma reports (see docs/sqlite-dialect.md). Skips views, virtual and shadow tables,
// sqlite_% tables and every table whose name starts with "tempest_db_". Objects declared
// without a name get the names of the convention (src/model/naming.hpp); unnamed table-level
// CHECKs are ck_<table>_<n>, n counting them from 1 in declaration order.
// Throws DatabaseError from the driver, and UnsupportedError naming the table and column for
// a generated column (not part of the IR, so a rebuild could not keep it).
[[nodiscard]] Schema introspect_sqlite(Driver& driver);

// Where the columns and foreign keys of a table were read from (table_facts.hpp).
enum class FactSource {
  Declaration,  // the CREATE TABLE text and sqlite3_table_column_metadata
  Pragmas,      // pragma_table_xinfo and pragma_foreign_key_list
};

struct TableFactSource {
  std::string table;
  FactSource source = FactSource::Declaration;
};

// introspect_sqlite(driver), reading columns and foreign keys from `preferred`: Declaration is
// what introspect_sqlite(driver) does; Pragmas reads every table from the pragmas (as for a
// driver that is not a SqliteDriver). `sources`, when not null, gets one entry per table
// reported, in canonical order, naming the source actually used. For the tests that prove
// both sources give the same schema.
[[nodiscard]] Schema introspect_sqlite(Driver& driver, FactSource preferred,
                                       std::vector<TableFactSource>* sources);

}  // namespace tempest
