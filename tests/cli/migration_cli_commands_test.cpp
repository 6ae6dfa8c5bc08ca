// upgrade, downgrade, current, heads, history, show, stamp, check and their
// errors, on a real SQLite file.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "migration_cli_fixture.hpp"

namespace tempest::testing {
namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<Migration> seed() { return {blog_init(), blog_published()}; }

TEST_F(MigrationCliSqlite, UpgradeCurrentHeadsAndDowngrade) {
  CliRun run = run_cli({"current"}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "base (nothing applied)\n");

  run = run_cli({"upgrade", "0001"}, config(seed(), blog_v2()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("applied 0001_init (create users and posts) in ", 0), 0u) << run.out;
  EXPECT_EQ(run_cli({"current"}, config(seed(), blog_v2())).out, "0001_init\n");

  run = run_cli({"upgrade"}, config(seed(), blog_v2()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("applied 0002_add_published (add published) in ", 0), 0u) << run.out;
  EXPECT_EQ(run_cli({"current"}, config(seed(), blog_v2())).out, "0002_add_published (head)\n");
  EXPECT_EQ(run_cli({"current", "--json"}, config(seed(), blog_v2())).out,
            "{\"current\":[\"0002_add_published\"]}\n");
  EXPECT_EQ(run_cli({"heads"}, config(seed(), blog_v2())).out, "0002_add_published (head)\n");
  EXPECT_EQ(run_cli({"heads", "--json"}, config(seed(), blog_v2())).out,
            "{\"heads\":[\"0002_add_published\"]}\n");
  EXPECT_EQ(scalar("SELECT applied_at FROM tempest_db_migrations WHERE revision = "
                   "'0002_add_published'"),
            "2024-05-01T12:00:00Z");

  run = run_cli({"upgrade"}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "nothing to upgrade: heads is applied\n");

  run = run_cli({"downgrade", "1"}, config(seed(), blog_v2()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("reverted 0002_add_published", 0), 0u) << run.out;
  EXPECT_EQ(run_cli({"current"}, config(seed(), blog_v2())).out, "0001_init\n");

  run = run_cli({"upgrade", "--quiet"}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  run = run_cli({"downgrade", "-1"}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run_cli({"current"}, config(seed(), blog_v2())).out, "0001_init\n");
  run = run_cli({"downgrade", "base"}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run_cli({"current"}, config(seed(), blog_v2())).out, "base (nothing applied)\n");
}

TEST_F(MigrationCliSqlite, VerbosePrintsTheStatements) {
  const CliRun run = run_cli({"upgrade", "--verbose"}, config(seed(), blog_v2()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(has(run.out, "CREATE TABLE \"users\"")) << run.out;
  EXPECT_TRUE(has(run.out, "ALTER TABLE \"posts\" ADD COLUMN \"published\"")) << run.out;
}

TEST_F(MigrationCliSqlite, UpgradeSqlDoesNotTouchTheDatabase) {
  CliRun run = run_cli({"upgrade", "--sql"}, config(seed(), blog_v2()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(has(run.out, "CREATE TABLE \"users\"")) << run.out;
  EXPECT_TRUE(has(run.out, "ADD COLUMN \"published\"")) << run.out;
  EXPECT_EQ(scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'users'"), "0");

  // FROM:TO needs no database at all.
  CliConfig offline = config(seed(), blog_v2());
  offline.driver = nullptr;
  run = run_cli({"upgrade", "0001_init:heads", "--sql"}, offline);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_FALSE(has(run.out, "CREATE TABLE \"users\"")) << run.out;
  EXPECT_TRUE(has(run.out, "ADD COLUMN \"published\"")) << run.out;
  run = run_cli({"upgrade", "--sql"}, offline);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(has(run.err, "error: ")) << run.err;
  EXPECT_EQ(run_cli({"upgrade"}, offline).err,
            "error: upgrade needs a database: set CliConfig::driver or "
            "CliConfig::open_driver\n");
}

TEST_F(MigrationCliSqlite, HistoryAndBranches) {
  std::vector<Migration> migrations = seed();
  migrations.push_back(make_migration("0003_a", {"0002_add_published"}, "a", {}));
  migrations.push_back(make_migration("0003_b", {"0002_add_published"}, "b", {}));
  migrations.push_back(make_migration("0004_merge", {"0003_a", "0003_b"}, "merge", {}));
  const CliRun run = run_cli({"history"}, config(migrations, blog_v2()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "*    0004_merge (head, mergepoint): merge\n"
            "|\\\n"
            "| *  0003_b: b\n"
            "* |  0003_a: a\n"
            "|/\n"
            "*    0002_add_published (branchpoint): add published\n"
            "*    0001_init: create users and posts\n");
  EXPECT_EQ(run_cli({"branches"}, config(migrations, blog_v2())).out,
            "0002_add_published (branchpoint) -> 0003_a, 0003_b\n");
}

// A merge listed before one of its parents (its id sorts first) still comes after it.
TEST_F(MigrationCliSqlite, BranchesListChildrenInTheOrderTheyRun) {
  const std::vector<Migration> migrations = {
      make_migration("0001_base", {}, "base", {}),
      make_migration("0002_m", {"0001_base", "0003_x"}, "merge", {}),
      make_migration("0003_x", {"0001_base"}, "x", {}),
      make_migration("0004_y", {"0001_base"}, "y", {}),
  };
  const CliRun run = run_cli({"branches"}, config(migrations, blog_v2()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "0001_base (branchpoint) -> 0003_x, 0002_m, 0004_y\n");
}

TEST_F(MigrationCliSqlite, ShowPrintsOperationsAndSql) {
  const CliRun run = run_cli({"show", "0002"}, config(seed(), blog_v2()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("revision: 0002_add_published\nparents: 0001_init\nlabel: add "
                          "published\noperations:\n  add column posts.published",
                          0),
            0u)
      << run.out;
  EXPECT_TRUE(has(run.out, "sql (sqlite):\nALTER TABLE \"posts\" ADD COLUMN \"published\""))
      << run.out;
}

TEST_F(MigrationCliSqlite, StampRecordsWithoutRunning) {
  const CliRun run = run_cli({"stamp", "0002"}, config(seed(), blog_v2()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "stamped 0002: 2 revisions recorded as applied\n");
  EXPECT_EQ(run_cli({"current"}, config(seed(), blog_v2())).out, "0002_add_published (head)\n");
  EXPECT_EQ(scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'users'"), "0");
}

TEST_F(MigrationCliSqlite, CheckComparesModelsWithTheReplay) {
  CliRun run = run_cli({"check"}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "no differences: the migrations hold the models\n");
  run = run_cli({"check"}, config({blog_init()}, blog_v2()));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out,
            "the models hold changes no migration holds (run "
            "`revision --autogenerate -m MSG`):\n"
            "  " +
                describe(blog_published().up.at(0)) + "\n");
  run = run_cli({"check", "--json"}, config({blog_init()}, blog_v2()));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "{\"heads\":[\"0001_init\"],\"ok\":false,\"operations\":[\"" +
                         describe(blog_published().up.at(0)) + "\"]}\n");
  std::vector<Migration> branches = seed();
  branches.push_back(make_migration("0002_b", {"0001_init"}, "b", {}));
  run = run_cli({"check"}, config(branches, blog_v2()));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out,
            "several heads: 0002_add_published 0002_b (join them with `merge -m MSG "
            "0002_add_published 0002_b`)\n");
}

TEST_F(MigrationCliSqlite, ErrorsNameTheRevision) {
  std::vector<Migration> branches = seed();
  branches.push_back(make_migration("0002_b", {"0001_init"}, "b", {}));
  CliRun run = run_cli({"upgrade", "nosuch"}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_TRUE(has(run.err, "nosuch")) << run.err;
  EXPECT_EQ(run.err.rfind("error: ", 0), 0u) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;

  run = run_cli({"upgrade", "0002"}, config(branches, blog_v2()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(has(run.err, "0002_add_published") && has(run.err, "0002_b")) << run.err;

  run = run_cli({"upgrade", "head"}, config(branches, blog_v2()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(has(run.err, "0002_add_published") && has(run.err, "0002_b")) << run.err;

  run = run_cli({"show", "nosuch"}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(has(run.err, "nosuch")) << run.err;
}

TEST_F(MigrationCliSqlite, UsageErrorsAndHelp) {
  CliRun run = run_cli({}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("error: ", 0), 0u) << run.err;
  run = run_cli({"frobnicate"}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 2);
  run = run_cli({"revision"}, config(seed(), blog_v2()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(has(run.err, "--message")) << run.err;
  for (const char* command : {"revision", "upgrade", "downgrade", "current", "heads", "branches",
                              "history", "show", "merge", "stamp", "check", "drift"}) {
    run = run_cli({command, "--help"}, config(seed(), blog_v2()));
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_TRUE(has(run.out, command)) << command << ": " << run.out;
  }
}

}  // namespace
}  // namespace tempest::testing
