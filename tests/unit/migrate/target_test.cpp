// Target resolution and run plans: pure functions of the graph and the applied revisions.

#include "tempest/target.hpp"

#include <gtest/gtest.h>

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

// 0001_init <- 0002_users <- {0003_left, 0004_right} <- 0005_merge
std::vector<Migration> diamond() {
  return {node("0001_init"), node("0002_users", {"0001_init"}), node("0003_left", {"0002_users"}),
          node("0004_right", {"0002_users"}), node("0005_merge", {"0003_left", "0004_right"})};
}

// The history with the merge left out: two heads.
std::vector<Migration> branches() {
  std::vector<Migration> migrations = diamond();
  migrations.pop_back();
  return migrations;
}

template <class F>
std::string error_of(F f) {
  try {
    f();
    return "no error";
  } catch (const MigrationError& e) {
    return e.what();
  }
}

TEST(ResolveRevision, FullIdPrefixAndHead) {
  const MigrationGraph graph(diamond());
  EXPECT_EQ(resolve_revision(graph, "0003_left"), "0003_left");
  EXPECT_EQ(resolve_revision(graph, "0004"), "0004_right");
  EXPECT_EQ(resolve_revision(graph, "0001_"), "0001_init");
  EXPECT_EQ(resolve_revision(graph, "head"), "0005_merge");
}

TEST(ResolveRevision, ExactIdWinsOverLongerIds) {
  const MigrationGraph graph({node("abc"), node("abcd", {"abc"})});
  EXPECT_EQ(resolve_revision(graph, "abc"), "abc");
  EXPECT_EQ(resolve_revision(graph, "abcd"), "abcd");
}

TEST(ResolveRevision, Errors) {
  const MigrationGraph graph(branches());
  EXPECT_EQ(error_of([&] { (void)resolve_revision(graph, "head"); }),
            "target \"head\" is ambiguous: there are 2 heads (\"0003_left\", \"0004_right\"); "
            "upgrade to \"heads\", name one of them, or merge them");
  EXPECT_EQ(error_of([&] { (void)resolve_revision(graph, "000"); }),
            "revision prefix \"000\" is ambiguous: it matches \"0001_init\", \"0002_users\", "
            "\"0003_left\", \"0004_right\"");
  EXPECT_EQ(error_of([&] { (void)resolve_revision(graph, "0009"); }), "unknown revision \"0009\"");
  EXPECT_EQ(error_of([&] { (void)resolve_revision(graph, ""); }), "empty revision name");
  const MigrationGraph empty({});
  EXPECT_EQ(error_of([&] { (void)resolve_revision(empty, "head"); }),
            "target \"head\": there are no migrations");
}

TEST(ResolveRevision, BranchHeadIsTheOnlyHeadDescendingFromTheRevision) {
  const MigrationGraph graph(branches());
  EXPECT_EQ(resolve_revision(graph, "0003_left@head"), "0003_left");
  EXPECT_EQ(resolve_revision(graph, "0004@head"), "0004_right");
  EXPECT_EQ(error_of([&] { (void)resolve_revision(graph, "0002_users@head"); }),
            "target \"0002_users@head\" is ambiguous: \"0002_users\" leads to 2 heads "
            "(\"0003_left\", \"0004_right\"); name one of them");
  EXPECT_EQ(error_of([&] { (void)resolve_revision(graph, "0009@head"); }),
            "unknown revision \"0009\"");
  // The upgrade plan follows: the branch's pending ancestors only.
  EXPECT_EQ(plan_upgrade(graph, {"0001_init"}, "0004@head"), (Names{"0002_users", "0004_right"}));
}

TEST(PlanUpgrade, HeadsAppliesEverythingPendingInTopologicalOrder) {
  const MigrationGraph graph(diamond());
  EXPECT_EQ(plan_upgrade(graph, {}, "heads"),
            (Names{"0001_init", "0002_users", "0003_left", "0004_right", "0005_merge"}));
  EXPECT_EQ(plan_upgrade(graph, {"0001_init", "0002_users", "0004_right"}, "heads"),
            (Names{"0003_left", "0005_merge"}));
  EXPECT_EQ(plan_upgrade(graph, graph.topological_order(), "heads"), Names{});
}

TEST(PlanUpgrade, ToARevisionAppliesItsPendingAncestors) {
  const MigrationGraph graph(diamond());
  EXPECT_EQ(plan_upgrade(graph, {}, "0003"), (Names{"0001_init", "0002_users", "0003_left"}));
  EXPECT_EQ(plan_upgrade(graph, {"0001_init", "0002_users", "0003_left"}, "0005_merge"),
            (Names{"0004_right", "0005_merge"}));
  EXPECT_EQ(plan_upgrade(graph, {"0001_init"}, "0001_init"), Names{});
  EXPECT_EQ(plan_upgrade(graph, {}, "base"), Names{});
  EXPECT_EQ(plan_upgrade(graph, {}, "head"), graph.topological_order());
}

TEST(PlanUpgrade, RelativeCount) {
  const MigrationGraph graph(diamond());
  EXPECT_EQ(plan_upgrade(graph, {"0001_init"}, "+2"), (Names{"0002_users", "0003_left"}));
  EXPECT_EQ(plan_upgrade(graph, {}, "+0"), Names{});
  EXPECT_EQ(error_of([&] { (void)plan_upgrade(graph, graph.ancestors("0004_right"), "+3"); }),
            "target \"+3\": only 2 migrations are pending; `upgrade heads` applies them all");
  EXPECT_EQ(error_of([&] { (void)plan_upgrade(graph, {}, "-1"); }),
            "upgrade target \"-1\" goes down: use downgrade to revert migrations");
}

TEST(PlanUpgrade, MultipleHeadsAndUnknownApplied) {
  const MigrationGraph graph(branches());
  EXPECT_EQ(error_of([&] { (void)plan_upgrade(graph, {}, "head"); }).substr(0, 39),
            "target \"head\" is ambiguous: there are 2");
  EXPECT_EQ(plan_upgrade(graph, {}, "heads").size(), 4u);
  EXPECT_EQ(error_of([&] {
              (void)plan_upgrade(graph, {"0001_init", "0099_gone"}, "heads");
            }),
            "revision \"0099_gone\" is applied in the database but missing from the migrations");
}

TEST(PlanDowngrade, ToARevisionRevertsItsAppliedDescendants) {
  const MigrationGraph graph(diamond());
  const Names& all = graph.topological_order();
  EXPECT_EQ(plan_downgrade(graph, all, "0002_users"),
            (Names{"0005_merge", "0004_right", "0003_left"}));
  // 0004_right does not descend from 0003_left: it stays.
  EXPECT_EQ(plan_downgrade(graph, all, "0003_left"), Names{"0005_merge"});
  EXPECT_EQ(plan_downgrade(graph, {"0001_init", "0002_users", "0003_left"}, "0001"),
            (Names{"0003_left", "0002_users"}));
  EXPECT_EQ(plan_downgrade(graph, all, "head"), Names{});
}

TEST(PlanDowngrade, BaseAndCounts) {
  const MigrationGraph graph(diamond());
  const Names all = graph.topological_order();
  EXPECT_EQ(plan_downgrade(graph, all, "base"),
            (Names{"0005_merge", "0004_right", "0003_left", "0002_users", "0001_init"}));
  EXPECT_EQ(plan_downgrade(graph, all, "-2"), (Names{"0005_merge", "0004_right"}));
  EXPECT_EQ(plan_downgrade(graph, all, "1"), Names{"0005_merge"});
  EXPECT_EQ(plan_downgrade(graph, {}, "base"), Names{});
  EXPECT_EQ(error_of([&] { (void)plan_downgrade(graph, {"0001_init"}, "-2"); }),
            "target \"-2\": only 1 migration is applied; `downgrade base` reverts it");
}

TEST(PlanDowngrade, Errors) {
  const MigrationGraph graph(diamond());
  EXPECT_EQ(error_of([&] { (void)plan_downgrade(graph, {"0001_init"}, "0002_users"); }),
            "downgrade target \"0002_users\" is not applied: nothing above it to revert");
  EXPECT_EQ(error_of([&] { (void)plan_downgrade(graph, {}, "heads"); }),
            "downgrade target \"heads\" names no revision: give a revision, -N or base");
  EXPECT_EQ(error_of([&] { (void)plan_downgrade(graph, {}, "+1"); }),
            "downgrade target \"+1\" goes up: use upgrade to apply migrations");
}

TEST(PlanDowngrade, BareDigitsAreACountUnlessTheyPrefixARevision) {
  // "0001" has a leading zero: a revision prefix, never a count.
  const MigrationGraph graph(diamond());
  EXPECT_EQ(plan_downgrade(graph, graph.topological_order(), "0004"), Names{"0005_merge"});
  const MigrationGraph numbered(
      {node("1_init"), node("2_next", {"1_init"}), node("3", {"2_next"})});
  const Names all = numbered.topological_order();
  EXPECT_EQ(error_of([&] { (void)plan_downgrade(numbered, all, "2"); }),
            "target \"2\" is ambiguous: a count, or a prefix of \"2_next\"; write -2 for a "
            "count, or more of the revision id");
  EXPECT_EQ(plan_downgrade(numbered, all, "3"), Names{});  // the revision "3" itself
  EXPECT_EQ(plan_downgrade(numbered, all, "-2"), (Names{"3", "2_next"}));
  const MigrationGraph named({node("a"), node("b", {"a"})});
  EXPECT_EQ(plan_downgrade(named, {"a", "b"}, "2"), (Names{"b", "a"}));
}

}  // namespace
}  // namespace tempest
