// Offline scripts run by the engine's own shell give the database the online run gives: same
// schema, same rows, same version rows (but applied_at and execution_ms).

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "../../examples/blog/models.hpp"
#include "runner_database.hpp"
#include "tempest/build.hpp"
#include "tempest/diff.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {
namespace {

using namespace tempest::build;
using Names = std::vector<std::string>;

// The blog, then a SQLite rebuild (title nullable, a check), a data step, an index, and a
// migration with a quote in its label.
std::vector<Migration> history() {
  const Schema v1 = reflect_schema(blog::user_model(), blog::v1::post_model());
  const Schema v2 = reflect_schema(blog::user_model(), blog::v2::post_model());
  std::vector<Migration> migrations{
      make_migration("0001_init", {}, "create users and posts", diff_schema(empty_schema(), v1))};
  migrations.push_back(
      make_migration("0002_published", {"0001_init"}, "add published", diff_schema(v1, v2)));
  const Column title = find_table(v2, "posts")->columns[2];
  Column nullable_title = title;
  nullable_title.nullable = true;
  migrations.push_back(
      make_migration("0003_rebuild", {"0002_published"}, "title may be null, ids positive",
                     {alter_column("posts", title, nullable_title),
                      add_check("posts", check("ck_posts_id", "id > 0")),
                      execute("INSERT INTO users (id, email) VALUES (1, 'ada@example.com')",
                              "DELETE FROM users WHERE id = 1"),
                      execute("INSERT INTO posts (id, user_id, title) VALUES (7, 1, NULL)",
                              "DELETE FROM posts WHERE id = 7")}));
  migrations.push_back(make_migration("0004_index", {"0003_rebuild"}, "Ada's index",
                                      {create_index("posts", index("ix_posts_title", {"title"}))}));
  return migrations;
}

class RunnerOffline : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    online_ = runner_database(GetParam());
    offline_ = runner_database(GetParam());
  }

  [[nodiscard]] std::string script(std::string_view from, std::string_view target, bool up) {
    MigrationRunner runner(offline_->driver(), offline_->dialect());
    std::ostringstream out;
    if (up) {
      runner.upgrade_sql(history(), out, from, target);
    } else {
      runner.downgrade_sql(history(), out, from, target);
    }
    return out.str();
  }

  void expect_same_databases() {
    EXPECT_EQ(offline_->schema(), online_->schema());
    EXPECT_EQ(comparable_rows(MigrationRunner(offline_->driver()).applied()),
              comparable_rows(MigrationRunner(online_->driver()).applied()));
    if (find_table(online_->schema(), "posts") == nullptr) return;
    const std::string rows = "SELECT count(*), count(title) FROM posts";
    EXPECT_EQ(offline_->driver().query(rows).rows, online_->driver().query(rows).rows);
  }

  std::unique_ptr<RunnerDatabase> online_;
  std::unique_ptr<RunnerDatabase> offline_;
};

TEST_P(RunnerOffline, UpgradeAndDowngradeScriptsMatchTheOnlineRun) {
  MigrationRunner runner(online_->driver(), online_->dialect());

  // From base, without the database; the shell runs it.
  ASSERT_EQ(runner.upgrade(history(), "2024-01-01", "0002_published").size(), 2u);
  offline_->run_script(script("base", "0002_published", true));
  expect_same_databases();

  // From the database's version table.
  ASSERT_EQ(runner.upgrade(history(), "2024-01-02").size(), 2u);
  const std::string upgrade = script("", "heads", true);
  EXPECT_EQ(upgrade.find("0001_init"), std::string::npos);
  offline_->run_script(upgrade);
  expect_same_databases();
  EXPECT_EQ(online_->schema(), online_->dialect().normalize(replay_schema(history())));

  // Downgrades, from the database and from a given revision.
  ASSERT_EQ(runner.downgrade(history(), "0002_published").size(), 2u);
  offline_->run_script(script("", "0002_published", false));
  expect_same_databases();
  ASSERT_EQ(runner.downgrade(history(), "base").size(), 2u);
  offline_->run_script(script("0002_published", "base", false));
  expect_same_databases();
  EXPECT_TRUE(MigrationRunner(offline_->driver()).applied().empty());
}

TEST_P(RunnerOffline, ScriptFromTheDatabaseNeverCreatesTheVersionTable) {
  MigrationRunner runner(offline_->driver(), offline_->dialect());
  std::ostringstream out;
  runner.upgrade_sql(history(), out, "");
  EXPECT_NE(out.str().find("-- 0004_index: Ada's index"), std::string::npos);
  EXPECT_NE(out.str().find("'Ada''s index'"), std::string::npos);
  EXPECT_EQ(offline_->dialect().introspect(offline_->driver()), empty_schema());
  EXPECT_TRUE(offline_->driver()
                  .query(offline_->dialect().version_table_sql("tempest_db_migrations").exists)
                  .rows.empty());
}

// The revisions the version table lists.
Names applied_revisions(RunnerDatabase& db) {
  Names names;
  for (const AppliedRevision& row : MigrationRunner(db.driver()).applied()) {
    names.push_back(row.revision);
  }
  return names;
}

// A script written for a database at another revision stops at its first migration, saying
// what the version table should list, and changes nothing.
TEST_P(RunnerOffline, ScriptForAnotherRevisionStopsAtItsFirstMigration) {
  const std::string from_second = script("0002_published", "heads", true);
  try {
    offline_->run_script(from_second);
    FAIL() << "the script ran on a database at base";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "stopped before applying \"0003_rebuild\": the version table must list "
                  "\"0002_published\" as applied and must not list \"0003_rebuild\""),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(offline_->schema(), empty_schema());
  EXPECT_TRUE(applied_revisions(*offline_).empty());
}

// Run twice, an upgrade script stops at once the second time.
TEST_P(RunnerOffline, ScriptRunTwiceStopsTheSecondTime) {
  const std::string upgrade = script("base", "0002_published", true);
  offline_->run_script(upgrade);
  const Schema after = offline_->schema();
  try {
    offline_->run_script(upgrade);
    FAIL() << "the script ran twice";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("stopped before applying \"0001_init\": the version "
                                         "table must not list \"0001_init\""),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(offline_->schema(), after);
  EXPECT_EQ(applied_revisions(*offline_), (Names{"0001_init", "0002_published"}));
}

// psql without ON_ERROR_STOP goes on after an error: the failed migration rolls back, and each
// later one then fails its check of the version table instead of applying out of order.
TEST(RunnerOfflinePostgres, ShellThatGoesOnAppliesNothingAfterAFailedMigration) {
  const std::unique_ptr<RunnerDatabase> db = runner_database(Engine::Postgres);
  MigrationRunner runner(db->driver(), db->dialect());
  ASSERT_EQ(runner.upgrade(history(), "t", "0001_init").size(), 1u);
  // 0002_published adds posts.published: a column of that name makes it fail.
  db->driver().execute("ALTER TABLE posts ADD COLUMN published integer");
  const Schema before = db->schema();
  std::ostringstream upgrade;
  runner.upgrade_sql(history(), upgrade, "");
  const std::string output = db->run_script_to_the_end(upgrade.str());
  EXPECT_NE(output.find("column \"published\" of relation \"posts\" already exists"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("stopped before applying \"0003_rebuild\""), std::string::npos) << output;
  EXPECT_NE(output.find("stopped before applying \"0004_index\""), std::string::npos) << output;
  EXPECT_EQ(db->schema(), before);
  EXPECT_EQ(applied_revisions(*db), Names{"0001_init"});

  // Downgrades too: when the newest revert fails, the older ones are not reverted under it.
  db->driver().execute("ALTER TABLE posts DROP COLUMN published");
  ASSERT_EQ(runner.upgrade(history(), "t").size(), 3u);
  db->driver().execute("DROP INDEX ix_posts_title");  // reverting 0004_index drops it
  const Schema at_heads = db->schema();
  std::ostringstream downgrade;
  runner.downgrade_sql(history(), downgrade, "", "base");
  const std::string reverted = db->run_script_to_the_end(downgrade.str());
  EXPECT_NE(reverted.find("stopped before reverting \"0003_rebuild\": the version table must "
                          "list \"0003_rebuild\" as applied and must not list \"0004_index\""),
            std::string::npos)
      << reverted;
  EXPECT_EQ(db->schema(), at_heads);
  EXPECT_EQ(applied_revisions(*db).size(), 4u);
}

// A revision name holding the guard's dollar tag, a quote and a comment is still one literal:
// psql runs the script, and the second run stops at the guard naming it.
TEST(RunnerOfflinePostgres, GuardOfAHostileRevisionNameRuns) {
  const std::string hostile = "x$tempest_guard$y'; DROP TABLE posts; --";
  const std::vector<Migration> migrations{
      make_migration(hostile, {}, "hostile", {execute("SELECT 1", "SELECT 2")})};
  const std::unique_ptr<RunnerDatabase> db = runner_database(Engine::Postgres);
  std::ostringstream script;
  MigrationRunner(db->driver(), db->dialect()).upgrade_sql(migrations, script, "base");
  db->run_script(script.str());
  EXPECT_EQ(applied_revisions(*db), Names{hostile});
  try {
    db->run_script(script.str());
    FAIL() << "the script ran twice";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("stopped before applying \"" + hostile +
                                         "\": the version table must not list"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(applied_revisions(*db), Names{hostile});
}

// A migration that starts with a step no transaction can hold is checked before that step, but
// a shell that goes on runs the step anyway and records it; the migration's next transaction is
// checked again, so it stays part way and nothing after it runs.
TEST(RunnerOfflinePostgres, ShellThatGoesOnStopsANonTransactionalMigrationAtItsNextTransaction) {
  const std::vector<Migration> migrations{
      make_migration("0001_posts", {}, "posts",
                     {create_table(table("posts", {column("id", bigint()), column("title", text())})
                                       .primary_key("pk_posts", {"id"}))}),
      make_migration("0002_published", {"0001_posts"}, "published",
                     {add_column("posts", column("published", boolean()).nullable())}),
      make_migration("0003_concurrent", {"0002_published"}, "index and views",
                     {execute("CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title)",
                              "DROP INDEX CONCURRENTLY ix_posts_title"),
                      add_column("posts", column("views", integer()).nullable())}),
      make_migration("0004_extra", {"0003_concurrent"}, "extra",
                     {add_column("posts", column("extra", integer()).nullable())})};
  const std::unique_ptr<RunnerDatabase> db = runner_database(Engine::Postgres);
  MigrationRunner runner(db->driver(), db->dialect());
  ASSERT_EQ(runner.upgrade(migrations, "t", "0001_posts").size(), 1u);
  db->driver().execute("ALTER TABLE posts ADD COLUMN published integer");  // 0002 fails
  std::ostringstream upgrade;
  runner.upgrade_sql(migrations, upgrade, "");
  const std::string output = db->run_script_to_the_end(upgrade.str());
  EXPECT_NE(output.find("stopped before applying \"0003_concurrent\": the version table must "
                        "list \"0002_published\" as applied and must not list "
                        "\"0003_concurrent\""),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("stopped before applying \"0003_concurrent\": the version table must "
                        "list \"0002_published\" as applied and must list \"0003_concurrent\" "
                        "with 1 step done"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("stopped before applying \"0004_extra\""), std::string::npos) << output;
  const std::vector<AppliedRevision> rows = MigrationRunner(db->driver()).applied();
  ASSERT_EQ(rows.size(), 2u);
  const auto part_way = std::find_if(rows.begin(), rows.end(), [](const AppliedRevision& row) {
    return row.revision == "0003_concurrent";
  });
  ASSERT_NE(part_way, rows.end());
  EXPECT_EQ(part_way->steps_done, 1);
  const Schema schema = db->schema();
  const Table* posts = find_table(schema, "posts");
  ASSERT_NE(posts, nullptr);
  EXPECT_EQ(posts->columns.size(), 3u);  // id, title, published: neither views nor extra
  ASSERT_EQ(posts->indexes.size(), 1u);  // the one step the shell ran anyway
  EXPECT_EQ(posts->indexes[0].name, "ix_posts_title");
}

// A SQLite database migrated online to 0002_published, so that 0003_rebuild rebuilds posts.
std::unique_ptr<RunnerDatabase> sqlite_before_the_rebuild() {
  std::unique_ptr<RunnerDatabase> db = runner_database(Engine::Sqlite);
  MigrationRunner runner(db->driver(), db->dialect());
  EXPECT_EQ(runner.upgrade(history(), "t", "0002_published"),
            (Names{"0001_init", "0002_published"}));
  return db;
}

std::string rebuild_script(RunnerDatabase& db) {
  std::ostringstream script;
  MigrationRunner(db.driver(), db.dialect())
      .upgrade_sql(history(), script, "0002_published", "0003_rebuild");
  return script.str();
}

// What the shell printed when `script` failed; a test failure if it ran, or if it changed the
// schema or the version rows.
std::string failure_of(RunnerDatabase& db, const std::string& script) {
  const Schema before = db.schema();
  std::string output;
  try {
    db.run_script(script);
    ADD_FAILURE() << "the script ran:\n" << script;
  } catch (const std::runtime_error& e) {
    output = e.what();
  }
  EXPECT_EQ(db.schema(), before);
  EXPECT_EQ(MigrationRunner(db.driver()).applied().size(), 2u);
  return output;
}

// A script cannot re-create a rebuilt table's triggers as the online run does: it stops before
// the rebuild, naming the table, and the shell leaves the migration uncommitted.
TEST(RunnerOfflineSqlite, RebuildOfATableWithTriggersStopsTheScript) {
  const std::unique_ptr<RunnerDatabase> db = sqlite_before_the_rebuild();
  db->driver().execute("CREATE TRIGGER posts_touch AFTER INSERT ON Posts BEGIN SELECT 1; END");
  const std::string script = rebuild_script(*db);
  const std::string output = failure_of(*db, script);
  EXPECT_NE(output.find("CHECK constraint failed: table \"posts\" has triggers, which an offline "
                        "rebuild would drop: run this migration online"),
            std::string::npos)
      << output;
  EXPECT_EQ(db->driver().query("SELECT name FROM sqlite_schema WHERE type = 'trigger'").rows,
            (std::vector<std::vector<SqlValue>>{{SqlValue("posts_touch")}}));
  // Without the trigger the same script runs.
  db->driver().execute("DROP TRIGGER posts_touch");
  db->run_script(script);
  EXPECT_EQ(MigrationRunner(db->driver()).applied().size(), 3u);
}

// Rows left without a parent stop the online run before COMMIT; a script lists them and stops
// there too, the migration uncommitted.
TEST(RunnerOfflineSqlite, RebuildThatLeavesOrphansStopsTheScript) {
  const std::unique_ptr<RunnerDatabase> db = sqlite_before_the_rebuild();
  db->driver().execute("PRAGMA foreign_keys = OFF");
  db->driver().execute("INSERT INTO posts (id, user_id, title) VALUES (9, 42, 'orphan')");
  db->driver().execute("PRAGMA foreign_keys = ON");
  const std::string output = failure_of(*db, rebuild_script(*db));
  EXPECT_NE(output.find("posts|9|users|0"), std::string::npos) << output;
  EXPECT_NE(output.find("CHECK constraint failed: rows whose foreign keys have no parent row "
                        "(listed above by PRAGMA foreign_key_check) after rebuilding a table"),
            std::string::npos)
      << output;
  EXPECT_EQ(db->driver().query("SELECT count(*) FROM users").rows,
            (std::vector<std::vector<SqlValue>>{{SqlValue("0")}}));
}

INSTANTIATE_TEST_SUITE_P(Engines, RunnerOffline,
                         ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace
}  // namespace tempest::testing
