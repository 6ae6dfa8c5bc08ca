// Offline scripts written without a database: their exact layout on both dialects.

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tempest/build.hpp"
#include "tempest/dialect.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"

namespace tempest {
namespace {

using namespace tempest::build;

// A connection that must not be used: offline mode with `from` given needs no database.
class NoDatabase final : public Driver {
 public:
  DialectKind dialect() const override { return DialectKind::Sqlite; }
  void execute(std::string_view) override { fail(); }
  QueryResult query(std::string_view, const std::vector<SqlValue>&) override { fail(); }
  void begin() override { fail(); }
  void commit() override { fail(); }
  void rollback() override { fail(); }
  bool in_transaction() const override { fail(); }

 private:
  [[noreturn]] static void fail() { throw std::logic_error("the database was used"); }
};

std::vector<Migration> history() {
  Migration init =
      make_migration("0001_init", {}, "create posts",
                     {create_table(table("posts", {column("id", bigint()), column("title", text())})
                                       .primary_key("pk_posts", {"id"}))});
  // Making title nullable is a table rebuild on SQLite.
  Migration nullable = make_migration(
      "0002_nullable", {"0001_init"}, "title may be null",
      {alter_column("posts", column("title", text()), column("title", text()).nullable())});
  Migration index =
      make_migration("0003_index", {"0002_nullable"}, "index titles",
                     {execute("CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title)",
                              "DROP INDEX CONCURRENTLY ix_posts_title"),
                      add_column("posts", column("views", integer()).default_literal("0"))});
  return {init, nullable, index};
}

std::string upgrade_script(const Dialect& dialect, std::string_view from,
                           std::string_view target = "heads") {
  NoDatabase none;
  MigrationRunner runner(none, dialect);
  std::ostringstream out;
  runner.upgrade_sql(history(), out, from, target);
  return out.str();
}

std::size_t at(const std::string& text, const std::string& piece) {
  const std::size_t found = text.find(piece);
  EXPECT_NE(found, std::string::npos) << piece << "\nnot in:\n" << text;
  return found;
}

TEST(OfflineScript, SqliteUpgradeFromBase) {
  const std::string script = upgrade_script(sqlite_dialect(), "base", "0001_init");
  const std::string checksum = migration_checksum(history()[0]);
  EXPECT_EQ(script,
            "-- tempest-db upgrade script for sqlite: from base to 0001_init\n"
            "-- run it so that the first error stops it: sqlite3 -bail DATABASE < SCRIPT\n"
            "PRAGMA foreign_keys = ON;\n"
            "CREATE TABLE IF NOT EXISTS \"tempest_db_migrations\" (\n"
            "  \"revision\" text NOT NULL PRIMARY KEY,\n"
            "  \"label\" text NOT NULL,\n"
            "  \"applied_at\" text NOT NULL,\n"
            "  \"checksum\" text NOT NULL,\n"
            "  \"execution_ms\" integer NOT NULL,\n"
            "  \"steps_done\" integer,\n"
            "  \"down_steps_done\" integer\n"
            ");\n"
            "\n"
            "-- 0001_init: create posts\n"
            "BEGIN IMMEDIATE;\n"
            "-- the version table as this script expects it\n"
            "CREATE TABLE temp.\"tempest_script_guard\" (\"found\" integer CONSTRAINT \"stopped "
            "before applying \"\"0001_init\"\": the version table must not list \"\"0001_init\"\" "
            "(is this the database the script was written for, or did a migration before it "
            "fail?)\" CHECK (\"found\" = 0));\n"
            "INSERT INTO temp.\"tempest_script_guard\" SELECT (SELECT count(*) FROM "
            "\"tempest_db_migrations\" WHERE \"revision\" = '0001_init');\n"
            "DROP TABLE temp.\"tempest_script_guard\";\n"
            "-- create table posts (2 columns)\n"
            "CREATE TABLE \"posts\" (\n"
            "  \"id\" bigint NOT NULL,\n"
            "  \"title\" text NOT NULL,\n"
            "  CONSTRAINT \"pk_posts\" PRIMARY KEY (\"id\")\n"
            ");\n"
            "INSERT INTO \"tempest_db_migrations\" (\"revision\", \"label\", \"applied_at\", "
            "\"checksum\", \"execution_ms\", \"steps_done\") VALUES ('0001_init', 'create "
            "posts', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '" +
                checksum +
                "', 0, NULL);\n"
                "COMMIT;\n");
}

TEST(OfflineScript, SqliteRebuildRunsWithForeignKeysOffAndIsChecked) {
  const std::string script = upgrade_script(sqlite_dialect(), "0001_init", "0002_nullable");
  EXPECT_EQ(script.find("-- 0001_init"), std::string::npos);
  const std::size_t off = at(script, "PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;\n");
  const std::size_t rebuild = at(script, "CREATE TABLE \"_tempest_new_posts\"");
  const std::size_t check =
      at(script, "PRAGMA foreign_key_check;\nCREATE TABLE temp.\"tempest_script_guard\"");
  at(script,
     "SELECT count(*) FROM pragma_foreign_key_check;\n"
     "DROP TABLE temp.\"tempest_script_guard\";\nINSERT INTO");
  const std::size_t on = at(script, "COMMIT;\nPRAGMA foreign_keys = ON;\n");
  EXPECT_LT(off, rebuild);
  EXPECT_LT(rebuild, check);
  EXPECT_LT(check, on);
}

TEST(OfflineScript, PostgresNonTransactionalStepStandsBetweenTransactions) {
  const std::string script = upgrade_script(postgres_dialect(), "0002_nullable");
  EXPECT_TRUE(script.starts_with(
      "-- tempest-db upgrade script for postgresql: from 0002_nullable to heads\n"
      "-- run it so that the first error stops it: psql -v ON_ERROR_STOP=1 -f SCRIPT\n"))
      << script;
  const std::size_t lock = at(script, "SELECT pg_advisory_lock(");
  const std::size_t create =
      at(script, "CREATE TABLE IF NOT EXISTS \"public\".\"tempest_db_migrations\"");
  const std::size_t index =
      at(script, "\nCREATE INDEX CONCURRENTLY ix_posts_title ON posts (title);\n");
  // The row records the step done, then a transaction adds the column and completes the row.
  const std::size_t progress =
      at(script,
         "VALUES ('0003_index', 'index titles', to_char(clock_timestamp() AT TIME ZONE "
         "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), '" +
             migration_checksum(history()[2]) + "', 0, '1');\nBEGIN;\n");
  const std::size_t column = at(script, "ALTER TABLE \"public\".\"posts\" ADD COLUMN \"views\"");
  const std::size_t done = at(script,
                              "UPDATE \"public\".\"tempest_db_migrations\" SET \"steps_done\" = "
                              "NULL, \"execution_ms\" = '0' WHERE \"revision\" = '0003_index';\n"
                              "COMMIT;\n");
  const std::size_t unlock = at(script, "SELECT pg_advisory_unlock(");
  EXPECT_LT(lock, create);
  EXPECT_LT(create, index);
  EXPECT_LT(index, progress);
  EXPECT_LT(progress, column);
  EXPECT_LT(column, done);
  EXPECT_LT(done, unlock);
  EXPECT_EQ(script.find("BEGIN;\n-- execute"), std::string::npos);
}

// Each migration's transaction opens with a check of the version table: its parents applied in
// full, itself not; on PostgreSQL a DO block, whose dollar quote no revision name can close.
TEST(OfflineScript, PostgresMigrationsFirstCheckTheVersionTable) {
  const std::string script = upgrade_script(postgres_dialect(), "0001_init", "0002_nullable");
  at(script,
     "BEGIN;\n-- the version table as this script expects it\n"
     "DO $tempest_guard$ BEGIN IF (SELECT (1 - (SELECT count(*) FROM "
     "\"public\".\"tempest_db_migrations\" WHERE \"revision\" = '0001_init' AND \"steps_done\" "
     "IS NULL AND \"down_steps_done\" IS NULL)) + (SELECT count(*) FROM "
     "\"public\".\"tempest_db_migrations\" WHERE \"revision\" = '0002_nullable')) <> 0 THEN "
     "RAISE EXCEPTION USING MESSAGE = 'stopped before applying \"0002_nullable\": the version "
     "table must list \"0001_init\" as applied and must not list \"0002_nullable\" (is this "
     "the database the script was written for, or did a migration before it fail?)'; END IF; "
     "END $tempest_guard$;\n-- alter column");

  NoDatabase none;
  std::ostringstream out;
  const std::string hostile = "x$tempest_guard$y'; DROP TABLE posts; --";
  MigrationRunner(none, postgres_dialect())
      .upgrade_sql({make_migration(hostile, {}, "label", {execute("SELECT 1", "SELECT 2")})}, out,
                   "base");
  at(out.str(), "DO $tempest_guard1$ BEGIN");
  at(out.str(), "WHERE \"revision\" = 'x$tempest_guard$y''; DROP TABLE posts; --')) <> 0");
  at(out.str(), "fail?)'; END IF; END $tempest_guard1$\n;\n");
}

// Without the guards a script holds only what the online run executes.
TEST(OfflineScript, GuardsCanBeLeftOut) {
  for (const Dialect* dialect : {&sqlite_dialect(), &postgres_dialect()}) {
    NoDatabase none;
    std::ostringstream out;
    MigrationRunner(none, *dialect, {.script_guards = false}).upgrade_sql(history(), out, "base");
    EXPECT_EQ(out.str().find("the version table as this script expects it"), std::string::npos);
    EXPECT_EQ(out.str().find("stopped before"), std::string::npos);
    EXPECT_NE(out.str().find("-- 0003_index: index titles"), std::string::npos);
  }
}

TEST(OfflineScript, DowngradeFromARevisionDeletesRows) {
  NoDatabase none;
  MigrationRunner runner(none, sqlite_dialect());
  std::ostringstream out;
  runner.downgrade_sql(history(), out, "0002_nullable", "base");
  const std::string script = out.str();
  const std::size_t second = at(script, "-- revert 0002_nullable: title may be null\n");
  const std::size_t first = at(script, "-- revert 0001_init: create posts\n");
  EXPECT_LT(second, first);
  at(script, "DELETE FROM \"tempest_db_migrations\" WHERE \"revision\" = '0002_nullable';\n");
  at(script, "DROP TABLE \"posts\";\n");
}

TEST(OfflineScript, DialectsBindLiteralsOutsideQuotedText) {
  EXPECT_EQ(sqlite_dialect().bind_literals("SELECT \"?1\", '?2', ?1 -- ?2\n, ?2",
                                           {std::string("it's"), std::nullopt}),
            "SELECT \"?1\", '?2', 'it''s' -- ?2\n, NULL");
  EXPECT_EQ(postgres_dialect().bind_literals("UPDATE \"a$1\" SET x = $2 WHERE y = $1",
                                             {std::string("1"), std::string("b")}),
            "UPDATE \"a$1\" SET x = 'b' WHERE y = '1'");
  EXPECT_THROW((void)sqlite_dialect().bind_literals("SELECT ?3", {std::string("x")}), Error);
}

TEST(OfflineScript, IrreversibleDowngradeIsRefused) {
  NoDatabase none;
  MigrationRunner runner(none, sqlite_dialect());
  std::vector<Migration> migrations = history();
  migrations.push_back(Migration{
      "0004_data", {"0003_index"}, "backfill", {execute("UPDATE posts SET views = 1")}, {}});
  std::ostringstream out;
  try {
    runner.downgrade_sql(migrations, out, "0004_data", "0002");
    FAIL() << "no error";
  } catch (const MigrationError& e) {
    EXPECT_STREQ(e.what(),
                 "migration \"0004_data\" (backfill) is irreversible: its down is empty; nothing "
                 "was reverted");
  }
}

}  // namespace
}  // namespace tempest
