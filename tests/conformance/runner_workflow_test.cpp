// The migration workflow end to end on both engines: the first migration generated from the
// models, applied; a field added to a model, the next migration generated, applied, reverted
// and applied again. Then branches and a merge.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "../../examples/blog/models.hpp"
#include "runner_database.hpp"
#include "tempest/build.hpp"
#include "tempest/codegen.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {
namespace {

using Names = std::vector<std::string>;

class RunnerWorkflow : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override { db_ = runner_database(GetParam()); }

  [[nodiscard]] Schema expected(const Schema& schema) const {
    return db_->dialect().normalize(schema);
  }
  [[nodiscard]] std::string scalar(const std::string& sql) {
    return db_->driver().query(sql).rows.at(0).at(0).value_or("NULL");
  }

  std::unique_ptr<RunnerDatabase> db_;
};

TEST_P(RunnerWorkflow, SeedWorkflowEndToEnd) {
  std::ostringstream log;
  MigrationRunner runner(db_->driver(), db_->dialect(), {.log = &log});

  // 1. The first migration from the models and an empty database.
  const Schema v1 = reflect_schema(blog::user_model(), blog::v1::post_model());
  std::vector<Migration> history{
      make_migration("0001_init", {}, "create users and posts", diff_schema(empty_schema(), v1))};

  // 2. Apply.
  EXPECT_EQ(runner.upgrade(history, "2024-05-01T12:00:00Z"), Names{"0001_init"});
  EXPECT_EQ(db_->schema(), expected(v1));
  std::vector<AppliedRevision> rows = runner.applied();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].revision, "0001_init");
  EXPECT_EQ(rows[0].label, "create users and posts");
  EXPECT_EQ(rows[0].applied_at, "2024-05-01T12:00:00Z");
  EXPECT_EQ(rows[0].checksum, migration_checksum(history[0]));
  EXPECT_GE(rows[0].execution_ms, 0);
  EXPECT_EQ(rows[0].steps_done, std::nullopt);
  EXPECT_EQ(log.str().rfind("applied 0001_init (create users and posts) in ", 0), 0u);
  db_->driver().execute("INSERT INTO users (id, email) VALUES (1, 'ada@example.com')");
  db_->driver().execute("INSERT INTO posts (id, user_id, title) VALUES (10, 1, 'Hello')");

  // 3. A field added to a model: replay vs models gives exactly one add_column.
  const Schema v2 = reflect_schema(blog::user_model(), blog::v2::post_model());
  const std::vector<Operation> ops = diff_schema(replay_schema(history), v2);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(operation_name(ops[0]), "add_column");
  const std::string source = generate_migration({.revision = "0002_post_published",
                                                 .down_revisions = {"0001_init"},
                                                 .label = "add published to posts",
                                                 .operations = ops});
  EXPECT_NE(source.find("add_column(\"posts\""), std::string::npos) << source;
  EXPECT_NE(source.find("drop_column(\"posts\""), std::string::npos) << source;
  history.push_back(
      make_migration("0002_post_published", {"0001_init"}, "add published to posts", ops));

  EXPECT_EQ(runner.upgrade(history, "2024-05-02T12:00:00Z"), Names{"0002_post_published"});
  EXPECT_EQ(db_->schema(), expected(v2));
  EXPECT_EQ(runner.current(history), Names{"0002_post_published"});
  EXPECT_EQ(scalar("SELECT count(*) FROM posts WHERE published = false"), "1");

  // 4. Revert the last one, then apply it again: rows survive both ways.
  EXPECT_EQ(runner.downgrade(history, "-1"), Names{"0002_post_published"});
  EXPECT_EQ(db_->schema(), expected(v1));
  EXPECT_EQ(runner.current(history), Names{"0001_init"});
  EXPECT_EQ(scalar("SELECT title FROM posts WHERE id = 10"), "Hello");
  EXPECT_EQ(runner.upgrade(history, "2024-05-03T12:00:00Z"), Names{"0002_post_published"});
  EXPECT_EQ(db_->schema(), expected(v2));
  EXPECT_EQ(runner.upgrade(history, "2024-05-04T12:00:00Z"), Names{});
  rows = runner.applied();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].revision, "0002_post_published");
  EXPECT_EQ(rows[1].applied_at, "2024-05-03T12:00:00Z");
  EXPECT_NE(log.str().find("reverted 0002_post_published (add published to posts) in "),
            std::string::npos);
}

// base <- {left, right} <- merge
std::vector<Migration> diamond() {
  using namespace tempest::build;
  const auto small_table = [](const std::string& name) {
    return create_table(table(name, {column("id", bigint())}).primary_key("pk_" + name, {"id"}));
  };
  return {migration("a_base", {}, {small_table("base")}),
          migration("b_left", {"a_base"}, {small_table("left_side")}),
          migration("c_right", {"a_base"}, {small_table("right_side")}),
          migration("d_merge", {"b_left", "c_right"},
                    {add_column("base", column("note", text()).nullable())})};
}

TEST_P(RunnerWorkflow, BranchesAndMerge) {
  MigrationRunner runner(db_->driver(), db_->dialect());
  std::vector<Migration> branches = diamond();
  branches.pop_back();
  EXPECT_EQ(MigrationRunner::heads(branches), (Names{"b_left", "c_right"}));
  try {
    (void)runner.upgrade(branches, "t", "head");
    ADD_FAILURE() << "no error";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("2 heads (\"b_left\", \"c_right\")"), std::string::npos)
        << e.what();
  }
  EXPECT_TRUE(runner.applied().empty());

  EXPECT_EQ(runner.upgrade(branches, "t", "b_left"), (Names{"a_base", "b_left"}));
  EXPECT_EQ(runner.current(branches), Names{"b_left"});
  EXPECT_EQ(runner.upgrade(branches, "t"), Names{"c_right"});
  EXPECT_EQ(runner.current(branches), (Names{"b_left", "c_right"}));

  const std::vector<Migration> merged = diamond();
  EXPECT_EQ(MigrationRunner::heads(merged), Names{"d_merge"});
  EXPECT_EQ(runner.upgrade(merged, "t", "head"), Names{"d_merge"});
  EXPECT_EQ(runner.current(merged), Names{"d_merge"});
  EXPECT_EQ(db_->schema(), expected(replay_schema(merged)));

  // Reverting to one branch keeps the other.
  EXPECT_EQ(runner.downgrade(merged, "b_left"), Names{"d_merge"});
  EXPECT_EQ(runner.current(merged), (Names{"b_left", "c_right"}));
  EXPECT_EQ(runner.downgrade(merged, "a_base"), (Names{"c_right", "b_left"}));
  EXPECT_EQ(runner.current(merged), Names{"a_base"});
  EXPECT_EQ(runner.upgrade(merged, "t"), (Names{"b_left", "c_right", "d_merge"}));
  EXPECT_EQ(runner.downgrade(merged, "base"), (Names{"d_merge", "c_right", "b_left", "a_base"}));
  EXPECT_TRUE(runner.applied().empty());
  EXPECT_EQ(db_->schema(), empty_schema());
}

TEST_P(RunnerWorkflow, StampRecordsWithoutRunning) {
  MigrationRunner runner(db_->driver(), db_->dialect());
  const std::vector<Migration> merged = diamond();
  runner.stamp(merged, "b_left", "2024-01-01");
  EXPECT_EQ(runner.current(merged), Names{"b_left"});
  EXPECT_EQ(db_->schema(), empty_schema());  // nothing ran
  const std::vector<AppliedRevision> rows = runner.applied();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].revision, "a_base");
  EXPECT_EQ(rows[0].checksum, migration_checksum(merged[0]));
  runner.stamp(merged, "heads", "2024-01-02");
  EXPECT_EQ(runner.current(merged), Names{"d_merge"});
  runner.stamp(merged, "c_right", "2024-01-03");
  EXPECT_EQ(runner.current(merged), Names{"c_right"});
  runner.stamp(merged, "base", "2024-01-04");
  EXPECT_TRUE(runner.applied().empty());
}

TEST_P(RunnerWorkflow, ConfiguredVersionTable) {
  MigrationRunner runner(db_->driver(), db_->dialect(),
                         {.version_table = "tempest_db_my \"versions\""});
  EXPECT_EQ(runner.upgrade(diamond(), "t"), (Names{"a_base", "b_left", "c_right", "d_merge"}));
  EXPECT_EQ(runner.applied().size(), 4u);
  EXPECT_TRUE(MigrationRunner(db_->driver(), db_->dialect()).applied().empty());
  EXPECT_EQ(db_->schema(), expected(replay_schema(diamond())));  // the table is hidden
}

INSTANTIATE_TEST_SUITE_P(Engines, RunnerWorkflow,
                         ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace
}  // namespace tempest::testing
