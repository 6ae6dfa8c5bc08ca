#pragma once

#include "tempest/driver.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// The schema of the SQLite database behind `driver` (its "main" schema), in canonical order
// and already in the form normalize_sqlite gives. Reads sqlite_schema and the table-valued
// pragmas (table_list, table_xinfo, index_list, index_xinfo, foreign_key_list), never
// formatting a name into SQL, and parses the stored CREATE statements for what the pragmas
// do not report (see docs/sqlite-dialect.md). Skips views, virtual and shadow tables,
// sqlite_% tables and every table whose name starts with "tempest_db_". Objects declared
// without a name get the names of the convention (src/model/naming.hpp); unnamed table-level
// CHECKs are ck_<table>_<n>, n counting them from 1 in declaration order.
// Throws DatabaseError from the driver, and UnsupportedError naming the table and column for
// a generated column (not part of the IR, so a rebuild could not keep it).
[[nodiscard]] Schema introspect_sqlite(Driver& driver);

}  // namespace tempest
