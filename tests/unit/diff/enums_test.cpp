// diff_schema: enum types and their labels.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diff_builders.hpp"
#include "tempest/diff.hpp"

namespace tempest {
namespace {

using diff_test::enum_column;
using diff_test::expect_reaches;
using diff_test::schema;
using diff_test::table;
using diff_test::text_column;

using Ops = std::vector<Operation>;
using Labels = std::vector<std::string>;

Schema with_status(Labels labels) { return schema({}, {EnumType{"status", std::move(labels)}}); }

// The labels the operations produce, applied in order to `from`.
Labels labels_after(const Labels& from, const Labels& to) {
  Schema state = with_status(from);
  apply(state, diff_schema(state, with_status(to)));
  return state.enums.at(0).labels;
}

TEST(DiffEnums, CreatedBeforeTheTablesUsingIt) {
  Schema target = schema({table("posts", {enum_column("status", "status")})},
                         {EnumType{"status", {"draft", "published"}}});
  EXPECT_EQ(diff_schema(empty_schema(), target),
            (Ops{CreateEnum{target.enums[0]}, CreateTable{target.tables[0]}}));
  expect_reaches(empty_schema(), target);
}

TEST(DiffEnums, DroppedAfterTheColumnsUsingIt) {
  Schema current =
      schema({table("posts", {enum_column("status", "status")})}, {EnumType{"status", {"draft"}}});
  Schema target = schema({table("posts", {text_column("status", true)})});
  EXPECT_EQ(diff_schema(current, target),
            (Ops{AlterColumn{"posts", enum_column("status", "status"), text_column("status", true)},
                 DropEnum{current.enums[0]}}));
  expect_reaches(current, target);
}

TEST(DiffEnums, AppendedLabels) {
  EXPECT_EQ(diff_schema(with_status({"a"}), with_status({"a", "b", "c"})),
            (Ops{AddEnumValue{"status", "b", 1}, AddEnumValue{"status", "c", 2}}));
  expect_reaches(with_status({"a"}), with_status({"a", "b", "c"}));
}

TEST(DiffEnums, InsertedLabelsGetTheirFinalPositions) {
  EXPECT_EQ(diff_schema(with_status({"b", "d"}), with_status({"a", "b", "c", "d", "e"})),
            (Ops{AddEnumValue{"status", "a", 0}, AddEnumValue{"status", "c", 2},
                 AddEnumValue{"status", "e", 4}}));
  expect_reaches(with_status({"b", "d"}), with_status({"a", "b", "c", "d", "e"}));
}

TEST(DiffEnums, RemovedLabelsGoLastHighestFirst) {
  EXPECT_EQ(diff_schema(with_status({"a", "b", "c", "d"}), with_status({"b", "d"})),
            (Ops{DropEnumValue{"status", "c", 2}, DropEnumValue{"status", "a", 0}}));
  expect_reaches(with_status({"a", "b", "c", "d"}), with_status({"b", "d"}));
}

TEST(DiffEnums, ReplacedLabelIsAddedEarlyAndDroppedLate) {
  // The new label exists before any column could be switched to it, the old one goes after.
  Schema current = schema({table("posts", {enum_column("status", "status")})},
                          {EnumType{"status", {"draft", "old", "done"}}});
  Schema target = schema({table("posts", {enum_column("status", "status")})},
                         {EnumType{"status", {"draft", "new", "done"}}});
  Column defaulted = enum_column("status", "status");
  defaulted.default_value = ColumnDefault{DefaultKind::Literal, "new"};
  target.tables[0].columns[1] = defaulted;
  EXPECT_EQ(diff_schema(current, target),
            (Ops{AddEnumValue{"status", "new", 2},
                 AlterColumn{"posts", enum_column("status", "status"), defaulted},
                 DropEnumValue{"status", "old", 1}}));
  expect_reaches(current, target);
}

TEST(DiffEnums, MovedLabelsAreDroppedAndInsertedAgain) {
  EXPECT_EQ(diff_schema(with_status({"a", "b", "c"}), with_status({"c", "a", "b"})),
            (Ops{DropEnumValue{"status", "c", 2}, AddEnumValue{"status", "c", 0}}));
  EXPECT_EQ(labels_after({"a", "b", "c", "d"}, {"d", "x", "b", "a"}), (Labels{"d", "x", "b", "a"}));
  EXPECT_EQ(labels_after({"a", "b", "c"}, {"c", "b", "a"}), (Labels{"c", "b", "a"}));
  EXPECT_EQ(labels_after({"a", "b"}, {"b", "c", "a", "d"}), (Labels{"b", "c", "a", "d"}));
  expect_reaches(with_status({"a", "b", "c"}), with_status({"c", "a", "b"}));
}

TEST(DiffEnums, MixedInsertionsAndRemovalsReachTheTarget) {
  const std::vector<std::pair<Labels, Labels>> cases = {
      {{"a", "b", "c"}, {"x", "b", "y"}},
      {{"a"}, {"b"}},
      {{"a", "b", "c", "d"}, {"a", "q", "d", "r"}},
      {{}, {"a", "b"}},
      {{"a", "b"}, {}},
  };
  for (const auto& [from, to] : cases) EXPECT_EQ(labels_after(from, to), to);
}

}  // namespace
}  // namespace tempest
