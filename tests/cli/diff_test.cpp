// tempest diff between SQLite databases and JSON schema files: exit codes, the operations,
// and --sql scripts run by the real sqlite3 shell.

#include "tempest/diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cli_fixtures.hpp"
#include "support/run_tool.hpp"
#include "support/temp_dir.hpp"
#include "tempest/dialect.hpp"
#include "tempest/operations.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::testing {
namespace {

// FROM has rows, including children that ON DELETE CASCADE would delete if a rebuild of the
// parent ran with foreign keys enforced. TO needs a rebuild of both tables (a type change, a
// column becoming NOT NULL) plus native steps (ADD COLUMN, CREATE INDEX).
constexpr const char* kFromDdl = R"sql(
CREATE TABLE p (id INTEGER PRIMARY KEY, name text NOT NULL, score int);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id int REFERENCES p(id) ON DELETE CASCADE, v int);
INSERT INTO p VALUES (1, 'one', 10), (2, 'two', 20);
INSERT INTO c VALUES (1, 1, 5), (2, 2, 6), (3, 2, 7);
)sql";

constexpr const char* kToDdl = R"sql(
CREATE TABLE p (id INTEGER PRIMARY KEY, name text NOT NULL, score bigint, extra text);
CREATE TABLE c (id INTEGER PRIMARY KEY, p_id int NOT NULL REFERENCES p(id) ON DELETE CASCADE,
                v bigint);
CREATE INDEX ix_c_v ON c (v);
)sql";

class DiffSqlite : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string from_ = make_sqlite_db(dir_, "from.db", kFromDdl);
  std::string to_ = make_sqlite_db(dir_, "to.db", kToDdl);

  [[nodiscard]] Schema schema_of(const std::string& path) const {
    auto db = SqliteDriver::open(path);
    return inspect_schema(*db);
  }

  [[nodiscard]] std::string inspect_json(const std::string& path, const std::string& name) const {
    return dir_.write(name, run_tool({"inspect", "sqlite:" + path, "--json"}).out);
  }
};

TEST_F(DiffSqlite, DifferentDatabasesExitOneWithTheOperations) {
  ToolRun run = run_tool({"diff", "sqlite:" + from_, "sqlite:" + to_});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, "");
  std::string expected;
  for (const Operation& op : diff_schema(schema_of(from_), schema_of(to_))) {
    expected += describe(op) + "\n";
  }
  EXPECT_EQ(run.out, expected);
  // Two type changes, a NOT NULL, a new column and a new index.
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 5);
  EXPECT_NE(run.out.find("c.p_id"), std::string::npos);
  EXPECT_NE(run.out.find("p.extra"), std::string::npos);
  EXPECT_NE(run.out.find("ix_c_v"), std::string::npos);
}

TEST_F(DiffSqlite, SameDatabaseExitsZeroAndPrintsNothing) {
  ToolRun run = run_tool({"diff", "sqlite:" + from_, "sqlite:" + from_});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run_tool({"diff", "sqlite:" + from_, "sqlite:" + from_, "--sql"}).out, "");
}

TEST(Diff, ChinookAgainstItsOwnInspectJson) {
  TempDir dir;
  const std::string db = "sqlite:" + make_sqlite_db(dir, "chinook.db", chinook_sqlite_script());
  const std::string json = dir.write("chinook.json", run_tool({"inspect", db, "--json"}).out);
  for (const auto& [from, to] : {std::pair{db, json}, std::pair{json, db}}) {
    ToolRun run = run_tool({"diff", from, to});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_EQ(run.out, "");
  }
}

// The script, run by the sqlite3 shell with foreign keys enforced from the start, turns FROM
// into TO: the schema is TO's, and no row is lost (the CASCADE children survive the rebuild
// of their parent because the script switches enforcement off outside the transaction).
TEST_F(DiffSqlite, SqlScriptRunBySqliteShellTurnsFromIntoTo) {
  ToolRun run = run_tool({"diff", "sqlite:" + from_, "sqlite:" + to_, "--sql"});
  ASSERT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(
      run.out.starts_with("-- run it so that the first error stops it: sqlite3 -bail DATABASE < "
                          "SCRIPT\nPRAGMA foreign_keys = ON;\n\nPRAGMA foreign_keys = OFF;\n"
                          "BEGIN IMMEDIATE;\n"))
      << run.out;
  EXPECT_NE(run.out.find("PRAGMA foreign_key_check;\nCREATE TABLE temp.\"tempest_script_guard\""),
            std::string::npos)
      << run.out;
  EXPECT_TRUE(run.out.ends_with(
      "INSERT INTO temp.\"tempest_script_guard\" SELECT count(*) FROM pragma_foreign_key_check;\n"
      "DROP TABLE temp.\"tempest_script_guard\";\nCOMMIT;\nPRAGMA foreign_keys = ON;\n"))
      << run.out;
  ToolRun shell =
      run_command("sqlite3 -bail -cmd 'PRAGMA foreign_keys = ON' " + shell_quote(from_), run.out);
  ASSERT_EQ(shell.exit_code, 0) << shell.err << "\nscript:\n" << run.out;
  EXPECT_EQ(shell.out, "");  // no foreign_key_check violation rows
  EXPECT_EQ(schema_of(from_), schema_of(to_));
  EXPECT_EQ(run_tool({"diff", "sqlite:" + from_, "sqlite:" + to_}).exit_code, 0);
  auto db = SqliteDriver::open(from_);
  EXPECT_EQ(db->query("SELECT group_concat(id || ':' || p_id || ':' || v, ' ') FROM c").rows,
            (std::vector<std::vector<SqlValue>>{{"1:1:5 2:2:6 3:2:7"}}));
  EXPECT_EQ(db->query("SELECT group_concat(id || ':' || name || ':' || score, ' ') FROM p").rows,
            (std::vector<std::vector<SqlValue>>{{"1:one:10 2:two:20"}}));
}

// The script runs with foreign keys enforced, as the library's driver does, and consecutive
// transactional steps share one transaction.
TEST(Diff, SqlScriptLayoutForNativeSteps) {
  TempDir dir;
  const std::string from = make_sqlite_db(dir, "a.db", "CREATE TABLE t (id INTEGER PRIMARY KEY)");
  const std::string to = make_sqlite_db(
      dir, "b.db",
      "CREATE TABLE t (id INTEGER PRIMARY KEY, note text); CREATE INDEX ix ON t (note)");
  ToolRun run = run_tool({"diff", "sqlite:" + from, "sqlite:" + to, "--sql"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out,
            R"txt(-- run it so that the first error stops it: sqlite3 -bail DATABASE < SCRIPT
PRAGMA foreign_keys = ON;

BEGIN IMMEDIATE;
-- add column t.note text
ALTER TABLE "t" ADD COLUMN "note" text;
-- create index ix on t (note)
CREATE INDEX "ix" ON "t" ("note");
COMMIT;
)txt");
}

// FROM a JSON file: the script is in TO's dialect, the same as from the database itself.
TEST_F(DiffSqlite, JsonFromTakesTheDialectOfTo) {
  const std::string json = inspect_json(from_, "from.json");
  ToolRun from_json = run_tool({"diff", json, "sqlite:" + to_, "--sql"});
  ToolRun from_db = run_tool({"diff", "sqlite:" + from_, "sqlite:" + to_, "--sql"});
  EXPECT_EQ(from_json.exit_code, 1);
  EXPECT_EQ(from_json.out, from_db.out);
}

TEST_F(DiffSqlite, JsonAgainstJson) {
  const std::string from_json = inspect_json(from_, "from.json");
  const std::string to_json = inspect_json(to_, "to.json");
  ToolRun ops = run_tool({"diff", from_json, "file:" + to_json});
  EXPECT_EQ(ops.exit_code, 1);
  EXPECT_EQ(ops.out, run_tool({"diff", "sqlite:" + from_, "sqlite:" + to_}).out);

  ToolRun script = run_tool({"diff", from_json, to_json, "--sql", "--dialect", "sqlite"});
  EXPECT_EQ(script.exit_code, 1);
  EXPECT_EQ(script.out, run_tool({"diff", "sqlite:" + from_, "sqlite:" + to_, "--sql"}).out);

  ToolRun no_dialect = run_tool({"diff", from_json, to_json, "--sql"});
  EXPECT_EQ(no_dialect.exit_code, 2);
  EXPECT_EQ(no_dialect.out, "");
  EXPECT_EQ(no_dialect.err,
            "tempest: diff --sql of two JSON files needs --dialect sqlite or --dialect "
            "postgresql\n");
  EXPECT_EQ(run_tool({"diff", from_json, from_json}).exit_code, 0);
}

// A hand-written JSON schema is compared in the form the database's engine would report it:
// SQLite keeps no comments and stores enums as text with a CHECK.
TEST(Diff, JsonIsNormalisedWithTheDatabaseDialect) {
  TempDir dir;
  const std::string db = make_sqlite_db(dir, "db.sqlite", R"sql(
    CREATE TABLE t (id INTEGER NOT NULL CONSTRAINT pk_t PRIMARY KEY,
                    mood text NOT NULL CONSTRAINT ck_t_mood_enum CHECK ("mood" IN ('sad', 'ok')))
  )sql");
  const std::string json = dir.write("t.json", R"json({
  "format": "tempest.schema", "version": 1,
  "enums": [{"name": "mood", "labels": ["sad", "ok"]}],
  "tables": [{"name": "t", "comment": "a table",
              "columns": [{"name": "id", "type": {"kind": "int64"}, "nullable": false,
                           "identity": "by_default"},
                          {"name": "mood", "type": {"kind": "enum", "enum": "mood"},
                           "nullable": false, "comment": "how it feels"}],
              "primary_key": {"name": "pk_t", "columns": ["id"]}}]})json");
  ToolRun run = run_tool({"diff", "sqlite:" + db, json});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run_tool({"diff", json, "sqlite:" + db}).exit_code, 0);
  const std::string inspected =
      dir.write("db.json", run_tool({"inspect", "sqlite:" + db, "--json"}).out);
  EXPECT_EQ(run_tool({"diff", json, inspected}).exit_code, 1);  // no dialect: compared as written
  EXPECT_EQ(run_tool({"diff", json, inspected, "--dialect", "sqlite"}).exit_code, 0);
}

TEST_F(DiffSqlite, DialectMustMatchTheDatabases) {
  ToolRun run =
      run_tool({"diff", "sqlite:" + from_, "sqlite:" + to_, "--sql", "--dialect", "postgresql"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "tempest: --dialect postgresql contradicts FROM (sqlite:" + from_ +
                         "), a sqlite database\n");
}

TEST(Diff, WarnsAboutDropAndAddThatLookLikeARename) {
  TempDir dir;
  const std::string from = make_sqlite_db(dir, "a.db", "CREATE TABLE t (id int, name text)");
  const std::string to = make_sqlite_db(dir, "b.db", "CREATE TABLE t (id int, full_name text)");
  ToolRun run = run_tool({"diff", "sqlite:" + from, "sqlite:" + to});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err,
            "tempest: warning: column t.name is dropped and t.full_name added: if this is a "
            "rename, say so with \"renamed_from\" in a JSON schema, or the data is lost\n");
}

}  // namespace
}  // namespace tempest::testing
