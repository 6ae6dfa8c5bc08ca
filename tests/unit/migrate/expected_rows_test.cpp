// The offline scripts' check of the version table: the count query of each expectation, run
// on a real SQLite version table holding a complete, a part-way-up and a part-way-down row.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "migrate/version_store.hpp"
#include "tempest/dialect.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

class ExpectedRowsCount : public ::testing::Test {
 protected:
  void SetUp() override {
    driver_->execute(store_.sql().create);
    driver_->execute("INSERT INTO \"v\" VALUES ('a', 'l', 't', 'c', 0, NULL, NULL)");  // complete
    driver_->execute("INSERT INTO \"v\" VALUES ('b', 'l', 't', 'c', 0, 2, NULL)");
    driver_->execute("INSERT INTO \"v\" VALUES ('c', 'l', 't', 'c', 0, NULL, 1)");
  }

  // How many of `expected` do not hold, as the script's guard counts them.
  int unmet(const ExpectedRows& expected) {
    const QueryResult result = driver_->query(store_.unmet_count_sql(expected));
    return std::stoi(*result.rows.at(0).at(0));
  }

  std::unique_ptr<SqliteDriver> driver_ = SqliteDriver::open(":memory:");
  VersionStore store_{nullptr, sqlite_dialect(), "v"};
};

TEST_F(ExpectedRowsCount, CompleteRowsOnly) {
  EXPECT_EQ(unmet({.complete = {"a"}}), 0);
  EXPECT_EQ(unmet({.complete = {"b"}}), 1);  // part way up
  EXPECT_EQ(unmet({.complete = {"c"}}), 1);  // part way down
  EXPECT_EQ(unmet({.complete = {"a", "b", "c", "z"}}), 3);
}

TEST_F(ExpectedRowsCount, AbsentMeansNoRowAtAll) {
  EXPECT_EQ(unmet({.absent = {"z"}}), 0);
  EXPECT_EQ(unmet({.absent = {"a", "b", "c", "z"}}), 3);
}

TEST_F(ExpectedRowsCount, PartWayNamesTheStepAndTheDirection) {
  EXPECT_EQ(unmet({.part_way = ExpectedRows::PartWay{"b", Direction::Up, 2}}), 0);
  EXPECT_EQ(unmet({.part_way = ExpectedRows::PartWay{"b", Direction::Up, 1}}), 1);
  EXPECT_EQ(unmet({.part_way = ExpectedRows::PartWay{"b", Direction::Down, 2}}), 1);
  EXPECT_EQ(unmet({.part_way = ExpectedRows::PartWay{"c", Direction::Down, 1}}), 0);
  EXPECT_EQ(unmet({.part_way = ExpectedRows::PartWay{"a", Direction::Up, 0}}), 1);
}

TEST_F(ExpectedRowsCount, AMergeNeedsEveryParent) {
  const ExpectedRows merge{.complete = {"a", "x"}, .absent = {"m"}};
  EXPECT_EQ(unmet(merge), 1);
  driver_->execute("INSERT INTO \"v\" VALUES ('x', 'l', 't', 'c', 0, NULL, NULL)");
  EXPECT_EQ(unmet(merge), 0);
  EXPECT_EQ(merge.text(),
            "the version table must list \"a\" and \"x\" as applied and must not list \"m\"");
  EXPECT_EQ(unmet({}), 0);
}

TEST(ExpectedRowsText, SaysWhatTheTableMustList) {
  EXPECT_EQ((ExpectedRows{.complete = {"p1", "p2", "p3"},
                          .part_way = ExpectedRows::PartWay{"r", Direction::Up, 1}})
                .text(),
            "the version table must list \"p1\", \"p2\" and \"p3\" as applied and must list "
            "\"r\" with 1 step done");
  EXPECT_EQ((ExpectedRows{.absent = {"c1", "c2"},
                          .part_way = ExpectedRows::PartWay{"r", Direction::Down, 3}})
                .text(),
            "the version table must list \"r\" with 3 down steps done and must not list \"c1\" "
            "and \"c2\"");
}

}  // namespace
}  // namespace tempest
