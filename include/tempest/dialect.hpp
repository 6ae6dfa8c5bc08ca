#pragma once

// What differs between engines, cut into the four concerns the pipeline needs: rendering
// operations to SQL, reading a live schema, normalising schemas for comparison, and the
// capability flags that tests and the runner consult. SQL is produced here and nowhere else.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/driver.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// One unit of execution produced by a renderer.
struct RenderedStep {
  std::string description;              // describe() of the operation(s), for logs and --sql
  std::vector<std::string> statements;  // each a complete SQL statement without trailing ';'
  // False for statements that may not run inside a transaction block (PostgreSQL CREATE
  // INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE before 12): the runner gives them their own.
  bool transactional = true;
  // SQLite table rebuilds: PRAGMA foreign_keys must be OFF around the transaction. The pragma
  // is a no-op inside a transaction (https://sqlite.org/pragma.html#pragma_foreign_keys), so
  // the runner switches it before BEGIN and restores it after COMMIT.
  bool foreign_keys_off = false;
  // SQLite table rebuilds: the table rebuilt. Its triggers are not in the IR and go with the
  // old table, so the executor reads them from sqlite_schema before the statements and
  // re-creates them after (the SQLite dialect's StepExecutor does the whole procedure).
  // Empty for every other step.
  std::string rebuild_table;
  // Offline scripts only, run before `statements`: a check for what a script cannot do as the
  // online executor does. SQLite rebuilds: stop the script when the table has triggers, which
  // the rebuild would drop with the old table. Empty for every other step.
  std::vector<std::string> offline_guard;

  friend bool operator==(const RenderedStep&, const RenderedStep&) = default;
};

// The statements that keep the migration runner's version table, so that the runner holds no
// SQL. The table name is quoted (and qualified by the dialect's schema) in every statement.
// Parameters are the dialect's numbered placeholders (?1... in SQLite, $1... in PostgreSQL), in
// the order listed. Columns: revision (primary key), label, applied_at, checksum, execution_ms,
// steps_done and down_steps_done (both NULL unless a migration with non-transactional steps
// is partly applied or partly reverted).
struct VersionTableSql {
  std::string exists;  // no parameters; one row when the table exists, none otherwise
  std::string create;  // CREATE TABLE IF NOT EXISTS; no parameters
  // The seven columns above, in that order: every row (ordered by applied_at, revision), or the
  // row of one revision (1 revision).
  std::string select_all;
  std::string select_one;
  // 1 revision, 2 label, 3 applied_at, 4 checksum, 5 execution_ms, 6 steps_done.
  std::string insert;
  // For offline scripts: applied_at is the time the script runs (ISO 8601, UTC) and execution_ms
  // 0. 1 revision, 2 label, 3 checksum, 4 steps_done.
  std::string insert_now;
  std::string set_progress;       // 1 revision, 2 steps_done (NULL: complete), 3 execution_ms
  std::string set_down_progress;  // 1 revision, 2 down_steps_done
  std::string set_checksum;       // 1 revision, 2 checksum
  std::string remove;             // 1 revision
  // For offline scripts' guards, the number of rows of one revision (1 revision): any, complete
  // (neither steps_done nor down_steps_done set), part way up (2 steps_done), part way down
  // (2 down_steps_done).
  std::string count_rows;
  std::string count_complete;
  std::string count_steps_done;
  std::string count_down_steps_done;
  // Held for a whole upgrade or downgrade by one connection, so that concurrent runners queue
  // (PostgreSQL: a session advisory lock). Empty when the engine has none: SQLite serialises
  // runners with BEGIN IMMEDIATE per migration instead.
  std::string lock;
  std::string unlock;
};

// What an offline script writes around one transaction of transactional steps.
struct ScriptFrame {
  std::vector<std::string> open;   // SQLite rebuilds: PRAGMA foreign_keys = OFF; then BEGIN
  std::vector<std::string> check;  // before COMMIT: SQLite rebuilds: PRAGMA foreign_key_check
  std::vector<std::string> close;  // COMMIT; SQLite rebuilds: PRAGMA foreign_keys = ON
};

// What StepExecutor::run observed, for the runner's progress lines.
struct StepReport {
  // Set when the step rebuilt a table (SQLite): the rows copied into the new table.
  std::optional<std::int64_t> rows_copied;
};

// Runs rendered steps on a live database for the migration runner, one transaction at a time:
//   begin(steps); run(step) for each; check(); commit();   or rollback() after any failure.
// A step whose `transactional` is false runs through run_alone(), outside any transaction.
// The runner runs its own statements (the version row) between check() and commit().
class StepExecutor {
 public:
  virtual ~StepExecutor() = default;

  // Prepares the connection for `steps` (SQLite: PRAGMA foreign_keys = OFF before a rebuild,
  // which has no effect inside a transaction) and begins a transaction that takes the write
  // lock at once. Throws DatabaseError; nothing is left changed then.
  virtual void begin(std::span<const RenderedStep> steps) = 0;
  // Runs one step of those given to begin(). Throws DatabaseError naming the statement.
  virtual StepReport run(const RenderedStep& step) = 0;
  // The checks due before COMMIT (SQLite: foreign_key_check of the rebuilt tables). Throws
  // DatabaseError naming the offending rows.
  virtual void check() = 0;
  // Commits and restores the connection settings begin() changed. When COMMIT itself fails the
  // transaction may still be open: call rollback().
  virtual void commit() = 0;
  // Rolls back (if a transaction is open) and restores the connection settings. Never throws.
  virtual void rollback() noexcept = 0;
  // Runs a non-transactional step on its own. Throws DatabaseError.
  virtual void run_alone(const RenderedStep& step) = 0;
};

struct Capabilities {
  bool transactional_ddl = true;  // DDL can be rolled back
  bool alter_column = false;      // ALTER COLUMN TYPE / SET NOT NULL... without a rebuild
  bool native_enums = false;      // CREATE TYPE ... AS ENUM
  bool comments = false;          // COMMENT ON
  bool add_constraint = false;    // ALTER TABLE ADD CONSTRAINT (else a rebuild)
};

class Dialect {
 public:
  virtual ~Dialect() = default;

  [[nodiscard]] virtual DialectKind kind() const = 0;
  [[nodiscard]] virtual std::string_view name() const = 0;  // "sqlite", "postgresql"
  [[nodiscard]] virtual Capabilities capabilities() const = 0;

  // Renders `ops`, to be applied in order to a database whose schema is `before`. The plan
  // may merge operations (a SQLite table rebuild serves every change to one table). Throws
  // UnsupportedError naming the operation when the engine cannot express it, and ModelError
  // when an operation does not fit `before`.
  [[nodiscard]] virtual std::vector<RenderedStep> render(const std::vector<Operation>& ops,
                                                         const Schema& before) const = 0;

  // The schema of the live database, normalised, without the project's own version table
  // (any table whose name starts with "tempest_db_"), in canonical order.
  [[nodiscard]] virtual Schema introspect(Driver& driver) const = 0;

  // The schema as this engine would store and report it (type aliases the engine folds,
  // defaults as the engine echoes them, implicit objects), so that
  // normalize(S) == introspect(database made from S).
  [[nodiscard]] virtual Schema normalize(Schema schema) const = 0;

  // What the migration runner needs to run rendered steps and keep its version table; see
  // include/tempest/runner.hpp.

  // An executor of steps on `driver`, which must outlive it.
  [[nodiscard]] virtual std::unique_ptr<StepExecutor> step_executor(Driver& driver) const = 0;
  // The version table statements for the table named `table`.
  [[nodiscard]] virtual VersionTableSql version_table_sql(std::string_view table) const = 0;
  // `statement` with each placeholder replaced by the matching value of `params` as an SQL
  // literal (NULL for nullopt), for offline scripts. Quoted text is left alone.
  [[nodiscard]] virtual std::string bind_literals(std::string_view statement,
                                                  const std::vector<SqlValue>& params) const = 0;
  // The statements an offline script writes around one transaction of `steps`.
  [[nodiscard]] virtual ScriptFrame script_frame(std::span<const RenderedStep> steps) const = 0;
  // The statements that start an offline script so that it runs under the settings the
  // library's driver uses (SQLite: PRAGMA foreign_keys = ON, off by default in the shell).
  [[nodiscard]] virtual std::vector<std::string> script_prologue() const = 0;
  // The script's header line on how to run it so that its first error stops it: a shell that
  // goes on after a failed statement would run the rest of that transaction and commit it
  // ("run it so that the first error stops it: sqlite3 -bail DATABASE < SCRIPT").
  [[nodiscard]] virtual std::string script_run_advice() const = 0;
  // Statements that fail, with `problem` in the error, when `count_sql` (a query of one
  // integer) gives anything but 0. In a transaction on PostgreSQL the failure also aborts it,
  // so the rest of it fails too even in a shell that goes on after errors; SQLite's shell
  // stops there only when run with -bail.
  [[nodiscard]] virtual std::vector<std::string> script_guard(std::string_view problem,
                                                              std::string_view count_sql) const = 0;
};

// The dialects. Stateless; the references live for the whole program. postgres_dialect()
// works in the schema "public"; make_postgres_dialect targets another schema.
[[nodiscard]] const Dialect& sqlite_dialect();
[[nodiscard]] const Dialect& postgres_dialect();
[[nodiscard]] std::unique_ptr<Dialect> make_postgres_dialect(std::string schema);
[[nodiscard]] const Dialect& dialect_for(DialectKind kind);

// The live schema of the database behind `driver`: dialect_for(driver.dialect()).introspect.
[[nodiscard]] Schema inspect_schema(Driver& driver);

// Double-quotes an identifier, doubling embedded quotes: quote_ident("a\"b") == "\"a\"\"b\"".
// Every identifier in rendered SQL goes through this function.
[[nodiscard]] std::string quote_ident(std::string_view name);

// Single-quotes a string literal, doubling embedded quotes: quote_literal("it's") == "'it''s'".
[[nodiscard]] std::string quote_literal(std::string_view value);

// Renders `schema` as the statements that create it in an empty database (enums, tables in
// dependency order, indexes, foreign keys), by diffing it against the empty schema.
[[nodiscard]] std::vector<RenderedStep> render_schema(const Dialect& dialect, const Schema& schema);

}  // namespace tempest
