// history drawn in lanes: the exact drawing of each shape of history (linear, two heads, a
// branch and its merge, a merge of three, a criss-cross, two bases), ranges, --verbose with the
// applied state read from a real SQLite file, and --json.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "migration_cli_fixture.hpp"

namespace tempest::testing {
namespace {

// An empty migration: the shape is all that matters here.
Migration node(const std::string& revision, std::vector<std::string> parents) {
  return make_migration(revision, std::move(parents), revision.substr(5), {});
}

class HistoryGraph : public MigrationCliSqlite {
 protected:
  [[nodiscard]] std::string history(const std::vector<Migration>& migrations,
                                    std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"history"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CliRun run = run_cli(args, config(migrations, {}));
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    return run.out;
  }
};

TEST_F(HistoryGraph, Linear) {
  EXPECT_EQ(history({node("0001_a", {}), node("0002_b", {"0001_a"}), node("0003_c", {"0002_b"})}),
            "*  0003_c (head): c\n"
            "*  0002_b: b\n"
            "*  0001_a: a\n");
}

TEST_F(HistoryGraph, TwoHeads) {
  EXPECT_EQ(history({node("0001_init", {}), node("0002_a", {"0001_init"}),
                     node("0002_b", {"0001_init"})}),
            "*    0002_b (head): b\n"
            "| *  0002_a (head): a\n"
            "|/\n"
            "*    0001_init (branchpoint): init\n");
}

TEST_F(HistoryGraph, BranchAndMerge) {
  EXPECT_EQ(history({node("0001_init", {}), node("0002_base", {"0001_init"}),
                     node("0003_a2", {"0002_base"}), node("0004_b2", {"0002_base"}),
                     node("0005_merge", {"0003_a2", "0004_b2"})}),
            "*    0005_merge (head, mergepoint): merge\n"
            "|\\\n"
            "| *  0004_b2: b2\n"
            "* |  0003_a2: a2\n"
            "|/\n"
            "*    0002_base (branchpoint): base\n"
            "*    0001_init: init\n");
}

// A branch that goes on after the merge of another: the lane of the first stays open beside
// the merge.
TEST_F(HistoryGraph, BranchLivesOnBesideAMerge) {
  EXPECT_EQ(
      history({node("0001_init", {}), node("0002_a", {"0001_init"}), node("0002_b", {"0001_init"}),
               node("0002_c", {"0001_init"}), node("0003_ab", {"0002_a", "0002_b"})}),
      "*      0003_ab (head, mergepoint): ab\n"
      "|\\\n"
      "| | *  0002_c (head): c\n"
      "| * |  0002_b: b\n"
      "* | |  0002_a: a\n"
      "|/ /\n"
      "|/\n"
      "*      0001_init (branchpoint): init\n");
}

TEST_F(HistoryGraph, MergeOfThree) {
  EXPECT_EQ(
      history({node("0001_init", {}), node("0002_a", {"0001_init"}), node("0002_b", {"0001_init"}),
               node("0002_c", {"0001_init"}), node("0003_merge", {"0002_a", "0002_b", "0002_c"})}),
      "*      0003_merge (head, mergepoint): merge\n"
      "|\\\n"
      "| |\\\n"
      "| | *  0002_c: c\n"
      "| * |  0002_b: b\n"
      "* | |  0002_a: a\n"
      "|/ /\n"
      "|/\n"
      "*      0001_init (branchpoint): init\n");
}

// Two merges of the same two revisions, in opposite orders: the second merge's other parent
// crosses a lane to reach its own.
TEST_F(HistoryGraph, CrissCross) {
  EXPECT_EQ(
      history({node("0001_init", {}), node("0002_a", {"0001_init"}), node("0002_b", {"0001_init"}),
               node("0003_a", {"0002_a", "0002_b"}), node("0003_b", {"0002_b", "0002_a"})}),
      "*      0003_b (head, mergepoint): b\n"
      "|\\\n"
      "| | *  0003_a (head, mergepoint): a\n"
      "| |/|\n"
      "|/| |\n"
      "* | |  0002_b (branchpoint): b\n"
      "| |/\n"
      "| *    0002_a (branchpoint): a\n"
      "|/\n"
      "*      0001_init (branchpoint): init\n");
}

TEST_F(HistoryGraph, TwoBasesJoinedByAMerge) {
  EXPECT_EQ(
      history({node("0001_b", {}), node("0001_a", {}), node("0002_join", {"0001_a", "0001_b"})}),
      "*    0002_join (head, mergepoint): join\n"
      "|\\\n"
      "* |  0001_a: a\n"
      " /\n"
      "*    0001_b: b\n");
  EXPECT_EQ(
      history({node("0001_a", {}), node("0001_b", {}), node("0002_join", {"0001_a", "0001_b"})}),
      "*    0002_join (head, mergepoint): join\n"
      "|\\\n"
      "| *  0001_b: b\n"
      "*    0001_a: a\n");
}

// A range draws the revisions it selects; parents left out open no lane.
TEST_F(HistoryGraph, RangeDrawsTheSelectedRevisionsOnly) {
  const std::vector<Migration> migrations{
      node("0001_init", {}), node("0002_base", {"0001_init"}), node("0003_a2", {"0002_base"}),
      node("0004_b2", {"0002_base"}), node("0005_merge", {"0003_a2", "0004_b2"})};
  EXPECT_EQ(history(migrations, {"-r", "0003_a2:0005"}),
            "*  0005_merge (head, mergepoint): merge\n"
            "*  0003_a2: a2\n");
  EXPECT_EQ(history(migrations, {"-r", ":0004"}),
            "*  0004_b2: b2\n"
            "*  0002_base (branchpoint): base\n"
            "*  0001_init: init\n");
  EXPECT_EQ(history(migrations, {"--rev-range", "0002_base:"}),
            "*    0005_merge (head, mergepoint): merge\n"
            "|\\\n"
            "| *  0004_b2: b2\n"
            "* |  0003_a2: a2\n"
            "|/\n"
            "*    0002_base (branchpoint): base\n");
}

TEST_F(HistoryGraph, EmptyHistory) {
  EXPECT_EQ(history({}),
            "no migrations yet: write the first with `revision --autogenerate -m MSG`\n");
  EXPECT_EQ(history({}, {"--json"}), "[]\n");
}

// --verbose reads the version table: applied (with its date) or not, then the operations,
// in the lane of each revision.
TEST_F(HistoryGraph, VerboseShowsTheAppliedStateAndOperations) {
  const std::vector<Migration> migrations{blog_init(), blog_published(),
                                          node("0003_side", {"0001_init"})};
  ASSERT_EQ(run_cli({"upgrade", "0002"}, config(migrations, {})).exit_code, 0);
  EXPECT_EQ(history(migrations, {"--verbose"}),
            "*    0003_side (head): side\n"
            "|      not applied\n"
            "| *  0002_add_published (head): add published\n"
            "| |    applied 2024-05-01T12:00:00Z\n"
            "| |    " +
                describe(blog_published().up.at(0)) +
                "\n"
                "|/\n"
                "*    0001_init (branchpoint): create users and posts\n"
                "       applied 2024-05-01T12:00:00Z\n"
                "       " +
                describe(blog_init().up.at(0)) +
                "\n"
                "       " +
                describe(blog_init().up.at(1)) + "\n");

  // Without a database, only the operations; the range leaves 0001_init out, so no lane goes
  // on below 0002.
  CliConfig offline = config(migrations, {});
  offline.driver = nullptr;
  const CliRun run = run_cli({"history", "--verbose", "-r", "0002:"}, offline);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "*  0002_add_published (head): add published\n     " +
                         describe(blog_published().up.at(0)) + "\n");
}

TEST_F(HistoryGraph, JsonIsOneObjectPerRevisionNewestFirst) {
  const std::vector<Migration> migrations{blog_init(), blog_published()};
  EXPECT_EQ(history(migrations, {"--json"}),
            "[{\"branchpoint\":false,\"down_revisions\":[\"0001_init\"],\"head\":true,"
            "\"label\":\"add published\",\"mergepoint\":false,\"revision\":\"0002_add_published\"},"
            "{\"branchpoint\":false,\"down_revisions\":[],\"head\":false,"
            "\"label\":\"create users and posts\",\"mergepoint\":false,\"revision\":\"0001_init\"}]"
            "\n");
  ASSERT_EQ(run_cli({"upgrade", "0001"}, config(migrations, {})).exit_code, 0);
  EXPECT_EQ(history(migrations, {"--json", "--verbose"}),
            "[{\"applied\":false,\"applied_at\":null,\"branchpoint\":false,"
            "\"down_revisions\":[\"0001_init\"],\"head\":true,\"label\":\"add published\","
            "\"mergepoint\":false,\"operations\":[\"" +
                describe(blog_published().up.at(0)) +
                "\"],\"revision\":\"0002_add_published\"},"
                "{\"applied\":true,\"applied_at\":\"2024-05-01T12:00:00Z\",\"branchpoint\":false,"
                "\"down_revisions\":[],\"head\":false,\"label\":\"create users and posts\","
                "\"mergepoint\":false,\"operations\":[\"" +
                describe(blog_init().up.at(0)) + "\",\"" + describe(blog_init().up.at(1)) +
                "\"],\"revision\":\"0001_init\"}]\n");
}

// The drawing's width follows the widest row, so names line up in one column.
TEST_F(HistoryGraph, NamesLineUpAfterTheWidestRow) {
  const std::string out = history({node("0001_init", {}), node("0002_a", {"0001_init"}),
                                   node("0002_b", {"0001_init"}), node("0002_c", {"0001_init"})});
  EXPECT_EQ(out,
            "*      0002_c (head): c\n"
            "| *    0002_b (head): b\n"
            "| | *  0002_a (head): a\n"
            "|/ /\n"
            "|/\n"
            "*      0001_init (branchpoint): init\n");
}

}  // namespace
}  // namespace tempest::testing
