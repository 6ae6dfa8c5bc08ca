#include <gtest/gtest.h>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "tempest/error.hpp"
#include "tempest/migration.hpp"

namespace tempest {
namespace {

using Names = std::vector<std::string>;

Migration node(std::string revision, Names down_revisions = {}) {
  return Migration{std::move(revision), std::move(down_revisions), "", {}, {}};
}

std::string graph_error(const std::vector<Migration>& migrations) {
  try {
    const MigrationGraph graph(migrations);
    return "no error";
  } catch (const MigrationError& e) {
    return e.what();
  }
}

TEST(MigrationGraph, Linear) {
  const MigrationGraph graph({node("0003", {"0002"}), node("0001"), node("0002", {"0001"})});
  EXPECT_EQ(graph.topological_order(), (Names{"0001", "0002", "0003"}));
  EXPECT_EQ(graph.topological_indexes(), (std::vector<std::size_t>{1, 2, 0}));
  EXPECT_EQ(graph.heads(), Names{"0003"});
  EXPECT_EQ(graph.bases(), Names{"0001"});
  EXPECT_EQ(graph.ancestors("0002"), (Names{"0001", "0002"}));
  EXPECT_EQ(graph.ancestors("0001"), Names{"0001"});
  EXPECT_EQ(graph.parents("0003"), Names{"0002"});
  EXPECT_TRUE(graph.parents("0001").empty());
  EXPECT_TRUE(graph.contains("0002"));
  EXPECT_FALSE(graph.contains("0004"));
  EXPECT_EQ(graph.size(), 3u);
}

TEST(MigrationGraph, Empty) {
  const MigrationGraph graph({});
  EXPECT_TRUE(graph.topological_order().empty());
  EXPECT_TRUE(graph.heads().empty());
  EXPECT_TRUE(graph.bases().empty());
  EXPECT_EQ(graph.size(), 0u);
}

TEST(MigrationGraph, BranchesHaveTwoHeads) {
  const MigrationGraph graph(
      {node("base"), node("feature_b", {"base"}), node("feature_a", {"base"})});
  EXPECT_EQ(graph.heads(), (Names{"feature_a", "feature_b"}));
  EXPECT_EQ(graph.bases(), Names{"base"});
  EXPECT_EQ(graph.topological_order(), (Names{"base", "feature_b", "feature_a"}));
  EXPECT_EQ(graph.ancestors("feature_a"), (Names{"base", "feature_a"}));
}

// Indexes are positions in the constructor's migrations; children come in that order.
TEST(MigrationGraph, ParentAndChildIndexes) {
  const MigrationGraph graph(
      {node("merge", {"b", "a"}), node("a", {"base"}), node("base"), node("b", {"base"})});
  const auto list = [](std::span<const std::size_t> span) {
    return std::vector<std::size_t>(span.begin(), span.end());
  };
  EXPECT_EQ(list(graph.parent_indexes(0)), (std::vector<std::size_t>{3, 1}));
  EXPECT_EQ(list(graph.parent_indexes(2)), std::vector<std::size_t>{});
  EXPECT_EQ(list(graph.child_indexes(2)), (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(list(graph.child_indexes(1)), std::vector<std::size_t>{0});
  EXPECT_EQ(list(graph.child_indexes(3)), std::vector<std::size_t>{0});
  EXPECT_EQ(list(graph.child_indexes(0)), std::vector<std::size_t>{});
  EXPECT_EQ(graph.heads(), Names{"merge"});
}

TEST(MigrationGraph, MergeHasTwoDownRevisions) {
  const MigrationGraph graph({node("base"), node("left", {"base"}), node("right", {"base"}),
                              node("merge", {"right", "left"}), node("after", {"merge"})});
  EXPECT_EQ(graph.heads(), Names{"after"});
  EXPECT_EQ(graph.topological_order(), (Names{"base", "left", "right", "merge", "after"}));
  EXPECT_EQ(graph.parents("merge"), (Names{"right", "left"}));
  EXPECT_EQ(graph.ancestors("merge"), (Names{"base", "left", "right", "merge"}));
  EXPECT_EQ(graph.ancestors("right"), (Names{"base", "right"}));
}

TEST(MigrationGraph, SeveralRoots) {
  const MigrationGraph graph({node("z_root"), node("a_root"), node("child", {"a_root"})});
  EXPECT_EQ(graph.bases(), (Names{"a_root", "z_root"}));
  EXPECT_EQ(graph.heads(), (Names{"child", "z_root"}));
  EXPECT_EQ(graph.topological_order(), (Names{"z_root", "a_root", "child"}));
}

TEST(MigrationGraph, OrderBreaksTiesByInputPosition) {
  // Children given before their parents; among ready revisions the earliest given goes first.
  const std::vector<Migration> migrations = {node("d", {"b", "c"}), node("c", {"a"}),
                                             node("b", {"a"}), node("a"), node("e", {"a"})};
  const MigrationGraph graph(migrations);
  EXPECT_EQ(graph.topological_order(), (Names{"a", "c", "b", "d", "e"}));
  EXPECT_EQ(graph.topological_indexes(), (std::vector<std::size_t>{3, 1, 2, 0, 4}));
  EXPECT_EQ(MigrationGraph(migrations).topological_order(), graph.topological_order());
  EXPECT_EQ(graph.heads(), (Names{"d", "e"}));
}

TEST(MigrationGraph, CycleIsNamed) {
  EXPECT_EQ(graph_error({node("a", {"b"}), node("b", {"a"})}), "revision cycle: a -> b -> a");
  EXPECT_EQ(graph_error({node("root"), node("x", {"root", "z"}), node("y", {"x"}), node("z", {"y"}),
                         node("tail", {"z"})}),
            "revision cycle: x -> z -> y -> x");
  EXPECT_EQ(graph_error({node("self", {"self"})}), "revision cycle: self -> self");
}

TEST(MigrationGraph, MissingParentIsNamed) {
  EXPECT_EQ(graph_error({node("0001"), node("0003", {"0009"})}),
            "revision \"0003\" names unknown down revision \"0009\"");
}

TEST(MigrationGraph, DuplicateRevisionIsNamed) {
  EXPECT_EQ(graph_error({node("0001"), node("0002_x", {"0001"}), node("0002_x", {"0001"})}),
            "duplicate revision \"0002_x\"");
}

TEST(MigrationGraph, FirstRepeatedRevisionIsNamed) {
  EXPECT_EQ(graph_error({node("b"), node("a"), node("c"), node("a"), node("b")}),
            "duplicate revision \"a\"");
}

TEST(MigrationGraph, EmptyRevisionIsRejected) {
  Migration unnamed = node("");
  unnamed.label = "add posts";
  EXPECT_EQ(graph_error({node("0001"), unnamed}),
            "migration 1 (label \"add posts\") has an empty revision id");
}

TEST(MigrationGraph, RepeatedParentIsRejected) {
  EXPECT_EQ(graph_error({node("a"), node("b", {"a", "a"})}),
            "revision \"b\" names down revision \"a\" twice");
}

TEST(MigrationGraph, UnknownRevisionLookupsThrow) {
  const MigrationGraph graph({node("a")});
  EXPECT_THROW((void)graph.ancestors("b"), MigrationError);
  EXPECT_THROW((void)graph.parents("b"), MigrationError);
}

TEST(MigrationGraph, LongHistory) {
  std::vector<Migration> migrations;
  for (int i = 0; i < 10000; ++i) {
    Names parents;
    if (i > 0) parents.push_back("r" + std::to_string(i - 1));
    migrations.push_back(node("r" + std::to_string(i), parents));
  }
  std::reverse(migrations.begin(), migrations.end());
  const MigrationGraph graph(migrations);
  ASSERT_EQ(graph.size(), 10000u);
  EXPECT_EQ(graph.topological_order().front(), "r0");
  EXPECT_EQ(graph.topological_order().back(), "r9999");
  EXPECT_EQ(graph.heads(), Names{"r9999"});
  EXPECT_EQ(graph.ancestors("r9999").size(), 10000u);
}

}  // namespace
}  // namespace tempest
