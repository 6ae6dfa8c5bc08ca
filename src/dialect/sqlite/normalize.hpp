#pragma once

#include "tempest/schema.hpp"

namespace tempest {

// The schema as SQLite stores and reports it once rendered by the SQLite renderer, so that
// normalize_sqlite(S) == introspect_sqlite(database made from S), and normalize_sqlite is
// idempotent (normalize_sqlite(introspect_sqlite(db)) == introspect_sqlite(db)):
//  - comments cleared (SQLite has none);
//  - enum columns become text plus the CHECK of sqlite_enum_check, and Schema::enums is
//    emptied; throws ModelError naming the table and column for an undeclared enum type;
//  - an identity column that is the only primary key column becomes the rowid alias SQLite
//    reports: Int64, not nullable, Identity::ByDefault (Always folded), Autoincrement kept;
//  - every other type is what SQLite echoes of sqlite_type_sql() (parse_type of it);
//  - defaults as classify_sqlite_default reads back sqlite_default_sql();
//  - unique constraints dropped when SQLite would create no index for them: same columns, in
//    order, as the primary key (unless a rowid alias) or as a unique constraint before them;
//  - CHECK expressions, index predicates and expression keys trimmed of white space;
//  - canonical order.
// Decisions: docs/sqlite-dialect.md.
[[nodiscard]] Schema normalize_sqlite(Schema schema);

}  // namespace tempest
