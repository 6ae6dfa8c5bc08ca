#pragma once

#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"

namespace tempest::sqlite {

// Runs one step rendered by the SQLite dialect on `driver`, all or nothing.
//
// A step runs in a transaction of its own (BEGIN IMMEDIATE), or in a savepoint when the
// caller already holds one. A table rebuild (rebuild_table set) follows SQLite's procedure
// for other schema changes (https://sqlite.org/lang_altertable.html#otheralter):
//  1. PRAGMA foreign_keys = OFF before the transaction when enforcement is on. The pragma is
//     a no-op inside a transaction, and with it on, the DROP TABLE of the old table would
//     delete (ON DELETE CASCADE) or null (SET NULL) the rows of every child table;
//  2. the CREATE TRIGGER text of the table's triggers is read from sqlite_schema (they are
//     not in the IR and go with the old table), the statements run, the triggers are
//     re-created; views are left alone (the rename runs with legacy_alter_table on), but
//     every view naming the table must still compile, as SQLite's DROP COLUMN demands;
//  3. PRAGMA foreign_key_check on the table and on every table referencing it: a violation
//     rolls everything back and throws DatabaseError naming each offending row (table, rowid,
//     columns and the parent it misses);
//  4. COMMIT, then foreign_keys back ON.
// Any failure rolls the step back, restores both pragmas and rethrows; the database is then
// as before the step. Throws DatabaseError when a rebuild must switch foreign key enforcement
// off but the caller holds a transaction, since the pragma cannot take effect inside one.
void execute_step(Driver& driver, const RenderedStep& step);

}  // namespace tempest::sqlite
