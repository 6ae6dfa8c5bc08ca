// What the runner refuses, and what a failure leaves behind: a failed migration is rolled back
// whole with an error naming it; checksums, missing revisions and irreversible downgrades stop
// the run before anything changes.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "runner_database.hpp"
#include "tempest/build.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {
namespace {

using namespace tempest::build;
using Names = std::vector<std::string>;

class RunnerFailure : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override { db_ = runner_database(GetParam()); }

  [[nodiscard]] bool sqlite() const { return GetParam() == Engine::Sqlite; }
  [[nodiscard]] Schema expected(const std::vector<Migration>& migrations) const {
    return db_->dialect().normalize(replay_schema(migrations));
  }

  std::unique_ptr<RunnerDatabase> db_;
};

template <class F>
std::string error_of(F f) {
  try {
    f();
    return "no error";
  } catch (const Error& e) {
    return e.what();
  }
}

std::vector<Migration> base_history() {
  return {migration(
      "0001_init", {},
      {create_table(table("items", {column("id", bigint()), column("name", text()).nullable()})
                        .primary_key("pk_items", {"id"})),
       execute("INSERT INTO items (id, name) VALUES (1, NULL)", "DELETE FROM items")})};
}

TEST_P(RunnerFailure, FailedMigrationRollsBackWhole) {
  std::vector<Migration> history = base_history();
  MigrationRunner runner(db_->driver(), db_->dialect());
  ASSERT_EQ(runner.upgrade(history, "t"), Names{"0001_init"});
  // Operation 0 succeeds, operation 1 fails: the column must go too.
  history.push_back(migration(
      "0002_bad", {"0001_init"},
      {add_column("items", column("price", integer()).nullable()),
       execute("INSERT INTO missing_table (id) VALUES (1)", "DELETE FROM missing_table")}));
  try {
    (void)runner.upgrade(history, "t");
    FAIL() << "no error";
  } catch (const MigrationStepError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("migration \"0002_bad\": operation 1 (execute): INSERT INTO "
                            "missing_table (id) VALUES (1): ",
                            0),
              0u)
        << message;
    EXPECT_EQ(e.revision(), "0002_bad");
    EXPECT_EQ(e.statement(), "INSERT INTO missing_table (id) VALUES (1)");
    if (sqlite()) {
      EXPECT_EQ(e.code(), "SQLITE_ERROR");
      EXPECT_NE(message.find("no such table: missing_table"), std::string::npos) << message;
    } else {
      EXPECT_EQ(e.code(), "42P01");
      EXPECT_NE(message.find("relation \"missing_table\" does not exist"), std::string::npos)
          << message;
    }
  }
  history.pop_back();
  EXPECT_EQ(db_->schema(), expected(history));
  EXPECT_EQ(
      comparable_rows(runner.applied()),
      Names{"0001_init|migration 0001_init|" + migration_checksum(history[0]) + "|NULL|NULL"});
}

TEST_P(RunnerFailure, FailedRebuildNamesTheOperation) {
  // SQLite rebuilds the table to make a column NOT NULL; the copy meets the NULL row.
  // PostgreSQL refuses SET NOT NULL on the same row.
  std::vector<Migration> history = base_history();
  MigrationRunner runner(db_->driver(), db_->dialect());
  ASSERT_EQ(runner.upgrade(history, "t"), Names{"0001_init"});
  history.push_back(migration(
      "0002_not_null", {"0001_init"},
      {alter_column("items", column("name", text()).nullable(), column("name", text()))}));
  const std::string message = error_of([&] { (void)runner.upgrade(history, "t"); });
  EXPECT_EQ(message.rfind("migration \"0002_not_null\": operation 0 (alter_column): ", 0), 0u)
      << message;
  EXPECT_NE(message.find(sqlite() ? "NOT NULL constraint failed" : "contains null values"),
            std::string::npos)
      << message;
  history.pop_back();
  EXPECT_EQ(db_->schema(), expected(history));
  EXPECT_EQ(runner.applied().size(), 1u);
}

// With a default to fall back on, the same change succeeds on both engines and the NULLs take
// the default: the SQLite copy COALESCEs them, PostgreSQL updates them before SET NOT NULL.
TEST_P(RunnerFailure, NotNullWithADefaultFillsTheNullsInstead) {
  std::vector<Migration> history = base_history();
  history.push_back(migration("0002_not_null", {"0001_init"},
                              {alter_column("items", column("name", text()).nullable(),
                                            column("name", text()).default_literal("it's none"))}));
  MigrationRunner runner(db_->driver(), db_->dialect());
  ASSERT_EQ(runner.upgrade(history, "t"), (Names{"0001_init", "0002_not_null"}));
  EXPECT_EQ(db_->schema(), expected(history));
  const QueryResult rows = db_->driver().query("SELECT id, name FROM items");
  ASSERT_EQ(rows.rows.size(), 1u);
  EXPECT_EQ(rows.rows[0][1], SqlValue("it's none"));
}

TEST_P(RunnerFailure, ChangedChecksumStopsUntilAccepted) {
  std::vector<Migration> history = base_history();
  history.push_back(migration("0002_index", {"0001_init"},
                              {create_index("items", index("ix_items_name", {"name"}))}));
  MigrationRunner runner(db_->driver(), db_->dialect());
  ASSERT_EQ(runner.upgrade(history, "t").size(), 2u);
  const std::string recorded = migration_checksum(history[1]);
  history[1] = migration("0002_index", {"0001_init"},
                         {create_index("items", index("ix_items_name", {"name"}).unique())});
  history.push_back(migration("0003_more", {"0002_index"},
                              {add_column("items", column("qty", integer()).nullable())}));
  const std::string now = migration_checksum(history[1]);
  EXPECT_EQ(error_of([&] { (void)runner.upgrade(history, "t"); }),
            "migration \"0002_index\" (recorded " + recorded.substr(0, 12) + ", now " +
                now.substr(0, 12) +
                ") has changed since applied: revert the edit, or accept the change "
                "(RunnerOptions::accept_changed_checksums, --accept-changed-checksums in the "
                "CLI), which records the new checksum without running anything");
  EXPECT_EQ(runner.applied().size(), 2u);  // 0003 did not run

  std::ostringstream log;
  MigrationRunner accepting(db_->driver(), db_->dialect(),
                            {.log = &log, .accept_changed_checksums = true});
  EXPECT_EQ(accepting.upgrade(history, "t"), Names{"0003_more"});
  EXPECT_EQ(log.str().rfind("accepted the changed checksum of 0002_index\n", 0), 0u) << log.str();
  EXPECT_EQ(runner.applied()[1].checksum, now);
  EXPECT_EQ(runner.upgrade(history, "t"), Names{});  // accepted for good
}

TEST_P(RunnerFailure, RevisionMissingFromTheCode) {
  std::vector<Migration> history = base_history();
  history.push_back(migration("0002_gone", {"0001_init"},
                              {add_column("items", column("qty", integer()).nullable())}));
  MigrationRunner runner(db_->driver(), db_->dialect());
  ASSERT_EQ(runner.upgrade(history, "t").size(), 2u);
  history.pop_back();
  const std::string expected_message =
      "revision \"0002_gone\" is applied in the database (version table "
      "\"tempest_db_migrations\") but missing from the migrations: restore the migration "
      "files, or stamp the database to a revision of the code";
  EXPECT_EQ(error_of([&] { (void)runner.upgrade(history, "t"); }), expected_message);
  EXPECT_EQ(error_of([&] { (void)runner.downgrade(history, "base"); }), expected_message);
  EXPECT_EQ(error_of([&] { (void)runner.current(history); }), expected_message);
  runner.stamp(history, "0001_init", "t");
  EXPECT_EQ(runner.current(history), Names{"0001_init"});
}

TEST_P(RunnerFailure, IrreversibleDowngradeIsRefusedBeforeAnythingRuns) {
  std::vector<Migration> history = base_history();
  history.push_back(Migration{"0002_backfill",
                              {"0001_init"},
                              "backfill names",
                              {execute("UPDATE items SET name = 'x'")},
                              {}});
  history.push_back(migration("0003_qty", {"0002_backfill"},
                              {add_column("items", column("qty", integer()).nullable())}));
  MigrationRunner runner(db_->driver(), db_->dialect());
  ASSERT_EQ(runner.upgrade(history, "t").size(), 3u);
  EXPECT_EQ(error_of([&] { (void)runner.downgrade(history, "base"); }),
            "migration \"0002_backfill\" (backfill names) is irreversible: its down is empty; "
            "nothing was reverted");
  EXPECT_EQ(runner.current(history), Names{"0003_qty"});
  EXPECT_EQ(runner.downgrade(history, "-1"), Names{"0003_qty"});
}

TEST_P(RunnerFailure, BrokenGraphsAndTargets) {
  MigrationRunner runner(db_->driver(), db_->dialect());
  const std::vector<Migration> history = base_history();
  EXPECT_EQ(error_of([&] {
              (void)runner.upgrade({history[0], history[0]}, "t");
            }),
            "duplicate revision \"0001_init\"");
  EXPECT_EQ(error_of([&] { (void)runner.upgrade({migration("0002", {"0009"}, {})}, "t"); }),
            "revision \"0002\" names unknown down revision \"0009\"");
  EXPECT_EQ(error_of([&] {
              (void)runner.upgrade({migration("a", {"b"}, {}), migration("b", {"a"}, {})}, "t");
            }),
            "revision cycle: a -> b -> a");
  EXPECT_EQ(error_of([&] { (void)runner.upgrade(history, "t", "0009"); }),
            "unknown revision \"0009\"");
  EXPECT_TRUE(runner.applied().empty());
  db_->driver().begin();
  EXPECT_EQ(error_of([&] { (void)runner.upgrade(history, "t"); }),
            "upgrade: the driver is in a transaction; the runner runs each migration in a "
            "transaction of its own, call it outside any");
  db_->driver().rollback();
}

TEST_P(RunnerFailure, ThousandMigrationHistory) {
  if (sqlite()) db_->driver().execute("PRAGMA synchronous = OFF");  // speed, not semantics
  const std::vector<Migration> history = chain_of_tables(1000);
  MigrationRunner runner(db_->driver(), db_->dialect());
  const Names applied = runner.upgrade(history, "t");
  ASSERT_EQ(applied.size(), 1000u);
  EXPECT_EQ(applied.front(), "r0000");
  EXPECT_EQ(applied.back(), "r0999");
  EXPECT_EQ(runner.current(history), Names{"r0999"});
  EXPECT_EQ(db_->schema(), expected(history));
  EXPECT_EQ(runner.downgrade(history, "r0989").size(), 10u);
  EXPECT_EQ(runner.current(history), Names{"r0989"});
  EXPECT_EQ(runner.upgrade(history, "t", "+5").size(), 5u);
  EXPECT_EQ(runner.current(history), Names{"r0994"});
}

INSTANTIATE_TEST_SUITE_P(Engines, RunnerFailure,
                         ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace
}  // namespace tempest::testing
