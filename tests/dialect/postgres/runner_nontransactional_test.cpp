// Steps PostgreSQL refuses inside a transaction block (CREATE INDEX CONCURRENTLY) run on their
// own; the version row records progress, so that a rerun resumes after the last finished step
// and never repeats one, going up and going down.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/pg_cluster.hpp"
#include "tempest/build.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"

namespace tempest {
namespace {

using namespace tempest::build;
using Names = std::vector<std::string>;

template <class F>
std::string error_of(F f) {
  try {
    f();
    return "no error";
  } catch (const Error& e) {
    return e.what();
  }
}

// Steps: 0 CREATE TABLE (transaction), 1 CREATE INDEX CONCURRENTLY (alone), 2 INSERT INTO side
// (transaction), which fails until the test creates `side`.
std::vector<Migration> history() {
  return {
      make_migration("0001_index", {}, "concurrent index",
                     {create_table(table("items", {column("id", bigint()), column("name", text())})
                                       .primary_key("pk_items", {"id"})),
                      execute("CREATE INDEX CONCURRENTLY ix_items_name ON items (name)",
                              "DROP INDEX CONCURRENTLY ix_items_name"),
                      execute("INSERT INTO side (x) VALUES (1)", "DELETE FROM side")})};
}

std::string scalar(Driver& driver, const std::string& sql) {
  return driver.query(sql).rows.at(0).at(0).value_or("NULL");
}

TEST(PostgresRunner, NonTransactionalStepResumesWithoutRepeating) {
  testing::TempPgDatabase db;
  MigrationRunner runner(db.driver());
  const std::vector<Migration> migrations = history();

  const std::string failure = error_of([&] { (void)runner.upgrade(migrations, "first"); });
  EXPECT_EQ(failure.rfind("migration \"0001_index\": operation 2 (execute): INSERT INTO side (x) "
                          "VALUES (1): postgresql: relation \"side\" does not exist",
                          0),
            0u)
      << failure;
  std::vector<AppliedRevision> rows = runner.applied();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].steps_done, 2);  // the table and the index are done
  EXPECT_TRUE(runner.current(migrations).empty());
  EXPECT_EQ(
      scalar(db.driver(), "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_items_name'"),
      "1");
  EXPECT_EQ(error_of([&] { (void)runner.downgrade(migrations, "base"); }),
            "migration \"0001_index\" is partly applied (2 steps done): run upgrade to finish it "
            "first");

  // Resumed at step 2: a second CREATE INDEX CONCURRENTLY would fail ("already exists").
  db.driver().execute("CREATE TABLE side (x integer)");
  EXPECT_EQ(runner.upgrade(migrations, "second"), Names{"0001_index"});
  rows = runner.applied();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].steps_done, std::nullopt);
  EXPECT_EQ(rows[0].applied_at, "first");
  EXPECT_EQ(rows[0].checksum, migration_checksum(migrations[0]));
  EXPECT_EQ(runner.current(migrations), Names{"0001_index"});
  EXPECT_EQ(scalar(db.driver(), "SELECT count(*) FROM side"), "1");

  // Down: 0 DELETE FROM side, 1 DROP INDEX CONCURRENTLY (alone), 2 DROP TABLE, which a view
  // blocks until the test drops it.
  db.driver().execute("CREATE VIEW item_names AS SELECT name FROM items");
  const std::string down_failure = error_of([&] { (void)runner.downgrade(migrations, "base"); });
  EXPECT_EQ(down_failure.rfind("migration \"0001_index\": down operation 2 (drop_table): DROP "
                               "TABLE \"public\".\"items\": postgresql: cannot drop table items "
                               "because other objects depend on it",
                               0),
            0u)
      << down_failure;
  rows = runner.applied();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].down_steps_done, 2);
  EXPECT_EQ(error_of([&] { (void)runner.upgrade(migrations, "third"); }),
            "migration \"0001_index\" is partly reverted (2 down steps done): run downgrade to "
            "finish it first");
  db.driver().execute("DROP VIEW item_names");
  // Resumed at down step 2: a second DROP INDEX CONCURRENTLY would fail ("does not exist").
  EXPECT_EQ(runner.downgrade(migrations, "base"), Names{"0001_index"});
  EXPECT_TRUE(runner.applied().empty());
  EXPECT_EQ(scalar(db.driver(), "SELECT count(*) FROM pg_tables WHERE tablename = 'items'"), "0");
}

}  // namespace
}  // namespace tempest
