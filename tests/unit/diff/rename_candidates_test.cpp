// find_rename_candidates: drop/add pairs that may be renames without a hint.

#include <gtest/gtest.h>

#include <vector>

#include "diff_builders.hpp"
#include "tempest/diff.hpp"

namespace tempest {
namespace {

using diff_test::int_column;
using diff_test::schema;
using diff_test::table;
using diff_test::text_column;

using Candidates = std::vector<RenameCandidate>;

TEST(RenameCandidates, NoneWithoutDropsAndAdds) {
  EXPECT_TRUE(find_rename_candidates({}).empty());
  EXPECT_TRUE(find_rename_candidates({AddColumn{"users", text_column("email")}}).empty());
}

TEST(RenameCandidates, ColumnOfTheSameTypeAndNullability) {
  Schema current = schema({table("users", {text_column("mail"), int_column("age")})});
  Schema target = schema({table("users", {int_column("age"), text_column("email")})});
  EXPECT_EQ(find_rename_candidates(diff_schema(current, target)),
            (Candidates{{"users", "mail", "email", false}}));
}

TEST(RenameCandidates, DifferentTypeNullabilityOrTableIsNoCandidate) {
  EXPECT_TRUE(find_rename_candidates({DropColumn{"users", text_column("mail")},
                                      AddColumn{"users", int_column("email")}})
                  .empty());
  EXPECT_TRUE(find_rename_candidates({DropColumn{"users", text_column("mail")},
                                      AddColumn{"users", text_column("email", true)}})
                  .empty());
  EXPECT_TRUE(find_rename_candidates({DropColumn{"users", text_column("mail")},
                                      AddColumn{"people", text_column("email")}})
                  .empty());
}

TEST(RenameCandidates, EveryMatchingPairIsListedSorted) {
  const std::vector<Operation> ops = {
      DropColumn{"users", text_column("b")},   DropColumn{"users", text_column("a")},
      AddColumn{"users", text_column("y")},    AddColumn{"users", text_column("x")},
      DropColumn{"accounts", int_column("n")}, AddColumn{"accounts", int_column("m")}};
  EXPECT_EQ(find_rename_candidates(ops), (Candidates{{"accounts", "n", "m", false},
                                                     {"users", "a", "x", false},
                                                     {"users", "a", "y", false},
                                                     {"users", "b", "x", false},
                                                     {"users", "b", "y", false}}));
}

TEST(RenameCandidates, TableWithTheSameColumnsInAnyOrder) {
  Schema current = schema({table("authors", {text_column("name"), int_column("born", true)})});
  Schema target = schema({table("writers", {int_column("born", true), text_column("name")}),
                          table("tags", {text_column("label")})});
  EXPECT_EQ(find_rename_candidates(diff_schema(current, target)),
            (Candidates{{"authors", "authors", "writers", true}}));

  Schema other = schema({table("writers", {int_column("born"), text_column("name")})});
  EXPECT_TRUE(find_rename_candidates(diff_schema(current, other)).empty());
}

}  // namespace
}  // namespace tempest
