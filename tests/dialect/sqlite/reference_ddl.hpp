#pragma once

#include <string>

#include "tempest/schema.hpp"

namespace tempest::testing {

// CREATE TABLE / CREATE INDEX statements for `schema`, written the way
// docs/sqlite-dialect.md says the SQLite renderer writes them, through the shared spelling
// functions of src/dialect/sqlite/column_spelling.hpp. It stands in for the renderer in the
// introspection tests, so that this side of the contract (introspection and normalize_sqlite
// agree) is tested on its own. Every constraint is written inline, enum columns get their
// CHECK, an Autoincrement rowid alias carries the primary key on the column.
[[nodiscard]] std::string reference_ddl(const Schema& schema);

}  // namespace tempest::testing
