#pragma once

#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest::sqlite {

// The SQLite plan for `ops` applied in order to a database whose schema is `before`.
//
// The operations are applied one by one to a copy of `before` (tempest::apply). What SQLite's
// ALTER TABLE can do is rendered on the spot: CREATE/DROP TABLE and INDEX, RENAME TO, RENAME
// COLUMN, ADD COLUMN and DROP COLUMN where SQLite allows them. Every other change to a table
// marks it for a rebuild, and everything later in `ops` that touches that table joins the
// same rebuild, whose target is the table's final state: all changes to one table share one
// rebuild. A table created by `ops` is likewise written once, in its final state, so a
// foreign key that closes a cycle needs no rebuild. Pending tables are written before any
// native statement on a table linked to them by a foreign key, before an Execute (its SQL may
// read anything) and at the end; a table's referenced tables are written before it.
//
// Throws ModelError when an operation does not fit the schema it meets (prefixed with its
// index in `ops`) or when a rebuild would need a value for a new NOT NULL column, and
// UnsupportedError when SQLite cannot express a column (see column_definition).
[[nodiscard]] std::vector<RenderedStep> plan_operations(const std::vector<Operation>& ops,
                                                        const Schema& before);

}  // namespace tempest::sqlite
