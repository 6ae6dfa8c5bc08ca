#pragma once

// MigrationRunner: applies and reverts migrations on a live database, recording them in a
// version table, or writes the same run as an SQL script (offline mode).
//
//   auto driver = tempest::SqliteDriver::open("app.db");
//   tempest::MigrationRunner runner(*driver);
//   runner.upgrade(tempest::collected_migrations(), "2024-05-01T12:00:00Z");
//
// Version table (RunnerOptions::version_table, default "tempest_db_migrations"), created on
// first use, one row per applied migration: revision, label, applied_at, checksum (see
// migration_checksum), execution_ms, and steps_done / down_steps_done, NULL except while a
// migration with non-transactional steps is partly applied / partly reverted. Introspection
// hides tables whose names start with "tempest_db_"; a version table named otherwise shows up
// in introspect() and drift reports like any table of the application.
//
// Runs, all or nothing per migration. Each migration runs in one transaction together with its
// version row: a failure rolls the migration back whole, leaves the database at the previous
// revision and throws MigrationStepError. Steps the renderer marks non-transactional
// (PostgreSQL CREATE INDEX CONCURRENTLY...) each run outside any transaction, between
// transactions that hold the others; after each, the row records how many steps are done, so
// that a rerun resumes after the last finished step and never repeats one. (A step that
// finishes just before the process dies, before its progress is recorded, is run again.)
//
// Concurrency: runners started together against one database never apply a migration twice
// and never interleave. PostgreSQL: a session advisory lock on a key derived from the version
// table's name is held for the whole upgrade, downgrade or stamp; behind a transaction-pooling
// proxy (PgBouncer pool_mode = transaction) session locks are unreliable, so run migrations
// over a direct or session-pooled connection. SQLite: each migration's transaction takes the
// write lock at once (BEGIN IMMEDIATE) and re-reads the migration's version row, skipping a
// migration another runner applied meanwhile.
//
// Rendering: each migration is rendered by the dialect against the schema replayed from the
// migrations applied before it (kept up to date incrementally), so SQLite rebuilds are planned
// from the replayed schema, online and offline alike.
//
// Errors: MigrationError for a broken graph (unknown down revision, duplicate revision, cycle),
// a bad target, a revision recorded in the database but missing from the code, a changed
// checksum, an irreversible downgrade; ModelError / UnsupportedError from rendering, prefixed
// with the migration; MigrationStepError when the database refuses a statement.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"
#include "tempest/error.hpp"
#include "tempest/migration.hpp"
#include "tempest/target.hpp"

namespace tempest {

struct RunnerOptions {
  // Quoted in every statement. Keep the "tempest_db_" prefix so introspection hides it.
  std::string version_table = "tempest_db_migrations";
  // Progress lines, one per migration: "applied 0002_x (add published) in 12 ms",
  // "reverted ...", "skipped 0002_x (add published): applied by another runner"; before them,
  // one per table a SQLite rebuild copied: "  0002_x: rebuilt table "post", 1000 rows copied
  // in 9 ms"; "accepted the changed checksum of 0002_x"; stamp: "stamped 0002: 2 revisions
  // recorded as applied". Null: silent.
  std::ostream* log = nullptr;
  // When an applied migration's checksum differs from the one recorded, record the new one and
  // go on, instead of throwing MigrationError. For a deliberate edit of an applied migration
  // (the CLI flag --accept-changed-checksums).
  bool accept_changed_checksums = false;
  // Offline scripts: each migration first checks the version table (its parents applied,
  // itself not), so that a script run on a database at another revision, or after a failed
  // migration in a shell that goes on, stops instead of applying out of order. Off: the script
  // holds only what the online run executes.
  bool script_guards = true;
};

// One row of the version table.
struct AppliedRevision {
  std::string revision;
  std::string label;
  std::string applied_at;
  std::string checksum;
  std::int64_t execution_ms = 0;
  // Set while a migration with non-transactional steps is partly applied: the number of its
  // up steps done. NULL (nullopt) once complete.
  std::optional<int> steps_done;
  // Set while such a migration is partly reverted: the number of its down steps done.
  std::optional<int> down_steps_done;

  friend bool operator==(const AppliedRevision&, const AppliedRevision&) = default;
};

// A statement of a migration failed and the transaction holding it was rolled back. A
// DatabaseError: code() and statement() are the engine's. what() names the migration, the
// operation (its 0-based index in up or down, as replay_schema does), the statement and the
// engine's message:
//   migration "0002_x": operation 0 (add_column): ALTER TABLE ...: sqlite: duplicate column...
// ("down operation" when reverting; "operations 0, 2 (...)" when a SQLite rebuild serves
// several operations).
class MigrationStepError : public DatabaseError {
 public:
  MigrationStepError(const std::string& message, std::string code, std::string statement,
                     std::string revision)
      : DatabaseError(message, std::move(code), std::move(statement)),
        revision_(std::move(revision)) {}

  [[nodiscard]] const std::string& revision() const noexcept { return revision_; }

 private:
  std::string revision_;
};

// SHA-256 (lowercase hex) of the canonical JSON (operations_to_json) of `up` and `down`, with
// the parts that do not reach the database left out: ColumnType::raw of every type but Custom
// (the build API spells types, models do not) and rename hints. A migration compiled from its
// generated file has the checksum of the operations it was generated from.
[[nodiscard]] std::string migration_checksum(const Migration& migration);

class MigrationRunner {
 public:
  // `driver` and `dialect` must outlive the runner. The runner manages its own transactions:
  // calling upgrade, downgrade or stamp while the driver is in a transaction throws
  // MigrationError.
  MigrationRunner(Driver& driver, const Dialect& dialect, RunnerOptions options = {});
  // With dialect_for(driver.dialect()).
  explicit MigrationRunner(Driver& driver, RunnerOptions options = {});

  // Applies the migrations `target` needs (see plan_upgrade; "heads" by default) in
  // topological order, first finishing any partly applied one, recording `applied_at` in each
  // row. Returns the revisions it applied, in order (not those another runner applied
  // meanwhile). Throws MigrationError when a migration is partly reverted (finish the
  // downgrade first).
  std::vector<std::string> upgrade(const std::vector<Migration>& migrations,
                                   std::string_view applied_at, std::string_view target = "heads");

  // Reverts the migrations `target` designates (see plan_downgrade: "base", a revision that
  // stays applied, "-N" or "N") in reverse topological order, running each one's down. Returns
  // the revisions reverted, in order. Throws MigrationError, before changing anything, naming
  // a migration to revert whose down is empty while its up is not (irreversible), and when a
  // migration is partly applied (finish the upgrade first).
  std::vector<std::string> downgrade(const std::vector<Migration>& migrations,
                                     std::string_view target);

  // Every row of the version table, ordered by applied_at then revision; empty when the
  // table does not exist (it is not created).
  [[nodiscard]] std::vector<AppliedRevision> applied();

  // The applied revisions no other applied revision descends from, sorted: the database's
  // heads. Partly applied migrations are not counted. Throws MigrationError for a broken
  // graph and for a recorded revision missing from `migrations`.
  [[nodiscard]] std::vector<std::string> current(const std::vector<Migration>& migrations);

  // MigrationGraph(migrations).heads().
  [[nodiscard]] static std::vector<std::string> heads(const std::vector<Migration>& migrations);

  // Writes to `out` the script an upgrade to `target` would run, without running it: the
  // version table DDL, then per migration BEGIN, its statements, its version row (literal
  // values; applied_at is the time the script runs), COMMIT. Non-transactional steps stand
  // between transactions and their progress is recorded as online. SQLite rebuild migrations
  // are wrapped in PRAGMA foreign_keys = OFF / ON with a PRAGMA foreign_key_check before
  // COMMIT, which prints violations but does not stop a shell script; the table's triggers
  // are not re-created offline. `from`: "base", a revision (that revision and its ancestors
  // are taken as applied) — neither touches the database — or "" to read the database's
  // version table (never creating it). Run the script with `sqlite3 app.db < script.sql` or
  // `psql -v ON_ERROR_STOP=1 -f script.sql`.
  void upgrade_sql(const std::vector<Migration>& migrations, std::ostream& out,
                   std::string_view from, std::string_view target = "heads");

  // The same for a downgrade from `from` ("" for the database's state) to `target`.
  void downgrade_sql(const std::vector<Migration>& migrations, std::ostream& out,
                     std::string_view from, std::string_view target);

  // Makes the version table say that exactly `target` (a revision, "head", "heads") and its
  // ancestors are applied, without running any migration (Alembic's stamp): missing rows are
  // added with `applied_at`, the others deleted, partial progress dropped. "base" empties the
  // table. For adopting an existing database or repairing the table.
  void stamp(const std::vector<Migration>& migrations, std::string_view target,
             std::string_view applied_at);

 private:
  Driver& driver_;
  const Dialect& dialect_;
  RunnerOptions options_;
};

}  // namespace tempest
