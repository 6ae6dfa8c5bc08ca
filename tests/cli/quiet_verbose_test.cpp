// --quiet (errors and the command's own result only) and --verbose (the SQL as it runs) on
// upgrade, downgrade and stamp, on a real SQLite file.

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "migration_cli_fixture.hpp"
#include "tempest/build.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {
namespace {

// One table, one column added: statements short enough to compare whole.
std::vector<Migration> notes() {
  using namespace build;
  return {
      make_migration(
          "0001_notes", {}, "notes",
          {create_table(table("notes", {column("id", bigint())}).primary_key("pk_notes", {"id"}))}),
      make_migration("0002_body", {"0001_notes"}, "body",
                     {add_column("notes", column("body", text()).nullable())})};
}

// The run's timings made constant: "in 3 ms" and the execution_ms bound in the version row.
std::string without_timings(const std::string& text) {
  static const std::regex ms(" in [0-9]+ ms\n");
  static const std::regex row("'[0-9]+', NULL\\);");
  return std::regex_replace(std::regex_replace(text, ms, " in N ms\n"), row, "'N', NULL);");
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(MigrationCliSqlite, QuietUpgradeDowngradeStampPrintNothing) {
  CliRun run = run_cli({"--quiet", "upgrade"}, config(notes(), {}));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(scalar("SELECT count(*) FROM tempest_db_migrations"), "2");
  run = run_cli({"upgrade", "-q"}, config(notes(), {}));  // nothing to do: still silent
  EXPECT_EQ(run.out, "");
  run = run_cli({"downgrade", "1", "--quiet"}, config(notes(), {}));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(scalar("SELECT count(*) FROM tempest_db_migrations"), "1");
  run = run_cli({"-q", "stamp", "heads"}, config(notes(), {}));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(scalar("SELECT count(*) FROM tempest_db_migrations"), "2");
}

// The same commands without --quiet say what they did, one line per migration.
TEST_F(MigrationCliSqlite, NormalModePassesTheRunnersLinesThrough) {
  CliRun run = run_cli({"upgrade"}, config(notes(), {}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("applied 0001_notes (notes) in ")) << run.out;
  EXPECT_TRUE(has(run.out, "\napplied 0002_body (body) in ")) << run.out;
  run = run_cli({"downgrade", "base"}, config(notes(), {}));
  EXPECT_TRUE(run.out.starts_with("reverted 0002_body (body) in ")) << run.out;
  run = run_cli({"stamp", "0001"}, config(notes(), {}));
  EXPECT_EQ(run.out, "stamped 0001: 1 revision recorded as applied\n");
}

TEST_F(MigrationCliSqlite, QuietKeepsResultsAndErrors) {
  // The command's own result stays: the script of --sql, the file revision writes.
  CliRun run = run_cli({"--quiet", "upgrade", "--sql", "base:0001"}, config(notes(), {}));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(has(run.out, "CREATE TABLE \"notes\"")) << run.out;
  run = run_cli({"--quiet", "revision", "-m", "drop notes", "--autogenerate"}, config(notes(), {}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "wrote " + (dir_.path() / "migrations" / "0003_drop_notes.cpp").string() + "\n");
  // Errors stay.
  run = run_cli({"--quiet", "upgrade", "nosuch"}, config(notes(), {}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "error: unknown revision \"nosuch\": run `history` to list the revisions\n");
  // --quiet and --verbose contradict each other.
  run = run_cli({"--quiet", "--verbose", "upgrade"}, config(notes(), {}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.err.starts_with("error: --quiet excludes --verbose")) << run.err;
}

TEST_F(MigrationCliSqlite, VerboseUpgradeEchoesEveryStatementBeforeItRuns) {
  const CliRun run = run_cli({"--verbose", "upgrade", "0001"}, config(notes(), {}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string columns =
      "\"revision\", \"label\", \"applied_at\", \"checksum\", \"execution_ms\", \"steps_done\"";
  EXPECT_EQ(without_timings(run.out),
            "  CREATE TABLE IF NOT EXISTS \"tempest_db_migrations\" (\n"
            "    \"revision\" text NOT NULL PRIMARY KEY,\n"
            "    \"label\" text NOT NULL,\n"
            "    \"applied_at\" text NOT NULL,\n"
            "    \"checksum\" text NOT NULL,\n"
            "    \"execution_ms\" integer NOT NULL,\n"
            "    \"steps_done\" integer,\n"
            "    \"down_steps_done\" integer\n"
            "  );\n"
            "  SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tempest_db_migrations' "
            "COLLATE NOCASE;\n"
            "  SELECT " +
                columns +
                ", \"down_steps_done\" FROM \"tempest_db_migrations\" "
                "ORDER BY \"applied_at\", \"revision\";\n"
                "  -- begin transaction\n"
                "  SELECT " +
                columns +
                ", \"down_steps_done\" FROM \"tempest_db_migrations\" "
                "WHERE \"revision\" = '0001_notes';\n"
                "  CREATE TABLE \"notes\" (\n"
                "    \"id\" bigint NOT NULL,\n"
                "    CONSTRAINT \"pk_notes\" PRIMARY KEY (\"id\")\n"
                "  );\n"
                "  INSERT INTO \"tempest_db_migrations\" (" +
                columns +
                ") VALUES ('0001_notes', "
                "'notes', '2024-05-01T12:00:00Z', '" +
                migration_checksum(notes()[0]) +
                "', 'N', NULL);\n"
                "  -- commit\n"
                "applied 0001_notes (notes) in N ms\n");
}

// Each statement is printed before it runs: a failing one is the last echoed, and the
// transaction is seen to roll back.
TEST_F(MigrationCliSqlite, VerboseShowsTheStatementThatFailed) {
  driver_->execute("CREATE TABLE notes (id integer)");
  const CliRun run = run_cli({"--verbose", "upgrade"}, config(notes(), {}));
  EXPECT_EQ(run.exit_code, 2);
  const std::string create = "  CREATE TABLE \"notes\" (";
  ASSERT_TRUE(has(run.out, create)) << run.out;
  EXPECT_TRUE(run.out.substr(run.out.find(create)).ends_with(");\n  -- rollback\n")) << run.out;
  EXPECT_TRUE(run.err.starts_with("error: migration \"0001_notes\": operation 0 (create_table)"))
      << run.err;
  EXPECT_TRUE(run.err.ends_with("; fix migration 0001_notes, rebuild, then run `upgrade` again\n"))
      << run.err;
}

TEST_F(MigrationCliSqlite, VerboseDowngradeAndStamp) {
  ASSERT_EQ(run_cli({"upgrade"}, config(notes(), {})).exit_code, 0);
  CliRun run = run_cli({"downgrade", "-1", "--verbose"}, config(notes(), {}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(has(run.out,
                  "  -- begin transaction\n"
                  "  SELECT \"revision\", \"label\", \"applied_at\", \"checksum\", "
                  "\"execution_ms\", \"steps_done\", \"down_steps_done\" FROM "
                  "\"tempest_db_migrations\" WHERE \"revision\" = '0002_body';\n"
                  "  ALTER TABLE \"notes\" DROP COLUMN \"body\";\n"
                  "  DELETE FROM \"tempest_db_migrations\" WHERE \"revision\" = '0002_body';\n"
                  "  -- commit\n"
                  "reverted 0002_body (body) in "))
      << run.out;

  run = run_cli({"--verbose", "stamp", "base"}, config(notes(), {}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(has(run.out,
                  "  DELETE FROM \"tempest_db_migrations\" WHERE \"revision\" = "
                  "'0001_notes';\n"))
      << run.out;
  EXPECT_TRUE(run.out.ends_with("  -- commit\nstamped base: 0 revisions recorded as applied\n"))
      << run.out;
  EXPECT_EQ(scalar("SELECT count(*) FROM tempest_db_migrations"), "0");
}

// --sql prints the script alone: --verbose adds nothing to it.
TEST_F(MigrationCliSqlite, VerboseLeavesScriptsAlone) {
  const CliRun plain = run_cli({"upgrade", "--sql", "base:heads"}, config(notes(), {}));
  const CliRun verbose =
      run_cli({"--verbose", "upgrade", "--sql", "base:heads"}, config(notes(), {}));
  ASSERT_EQ(verbose.exit_code, 0) << verbose.err;
  EXPECT_EQ(verbose.out, plain.out);
  EXPECT_FALSE(has(verbose.out, "-- begin transaction")) << verbose.out;
}

}  // namespace
}  // namespace tempest::testing
