#pragma once

#include <memory>

#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"

namespace tempest::sqlite {

// The SQLite StepExecutor: runs the steps of one transaction (a whole migration for the
// runner) all or nothing.
//
// A table rebuild (rebuild_table set) follows SQLite's procedure for other schema changes
// (https://sqlite.org/lang_altertable.html#otheralter), spread over the executor's phases:
//  1. begin(): PRAGMA foreign_keys = OFF before BEGIN IMMEDIATE when a step is a rebuild and
//     enforcement is on. The pragma is a no-op inside a transaction, and with it on, the DROP
//     TABLE of the old table would delete (ON DELETE CASCADE) or null (SET NULL) the rows of
//     every child table. Throws DatabaseError if the caller already holds a transaction;
//  2. run(): the CREATE TRIGGER text of the table's triggers is read from sqlite_schema (they
//     are not in the IR and go with the old table), the statements run, the triggers are
//     re-created; views are left alone (the rename runs with legacy_alter_table on), but every
//     view naming the table must still compile, as SQLite's DROP COLUMN demands;
//  3. check(): PRAGMA foreign_key_check on every rebuilt table and on the tables referencing
//     them, when enforcement was on: a violation throws DatabaseError naming each offending row
//     (table, rowid, columns and the parent it misses);
//  4. commit() / rollback(): COMMIT or ROLLBACK, then foreign_keys and legacy_alter_table back
//     to what they were.
[[nodiscard]] std::unique_ptr<StepExecutor> make_step_executor(Driver& driver);

// Runs one step rendered by the SQLite dialect on `driver`, all or nothing: in a transaction of
// its own (BEGIN IMMEDIATE, phases above), or in a savepoint when the caller already holds a
// transaction. Any failure rolls the step back, restores both pragmas and rethrows; the
// database is then as before the step. Throws DatabaseError when a rebuild must switch foreign
// key enforcement off but the caller holds a transaction, since the pragma cannot take effect
// inside one.
void execute_step(Driver& driver, const RenderedStep& step);

}  // namespace tempest::sqlite
