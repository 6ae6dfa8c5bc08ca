// diff_schema: a renamed column that checks and indexes mention by name is a rename only;
// the SQL text follows the rename exactly as apply() rewrites it.

#include <gtest/gtest.h>

#include <vector>

#include "diff_builders.hpp"
#include "tempest/diff.hpp"

namespace tempest {
namespace {

using diff_test::expect_reaches;
using diff_test::renamed;
using diff_test::schema;
using diff_test::table;
using diff_test::text_column;

using Ops = std::vector<Operation>;

// posts(id, <title>) with a check, an expression index and a partial index on <title>, the
// column named `name` and written as `ref` in the SQL text.
Table posts(const std::string& name, const std::string& ref, std::string hint = "") {
  Table t = table("posts", {renamed(text_column(name), std::move(hint))});
  t.checks = {{"ck_posts_title", "length(" + ref + ") > 0"}};
  t.indexes = {Index{"ix_posts_lower", {IndexKey{"", "lower(" + ref + ")", false}}, false, ""},
               Index{"ix_posts_partial", {IndexKey{"id", "", false}}, false, ref + " <> ''"}};
  return t;
}

TEST(DiffRenameExpressions, RenamedColumnMentionedInSqlIsOneRename) {
  const Schema current = schema({posts("title", "title")});
  const Schema target = schema({posts("headline", "headline", "title")});
  EXPECT_EQ(diff_schema(current, target), (Ops{RenameColumn{"posts", "title", "headline"}}));
  expect_reaches(current, target);
}

// The diff applied to `current` leaves nothing to do (the text may differ in quoting).
void expect_settled(const Schema& current, const Schema& target) {
  Schema reached = current;
  apply(reached, diff_schema(current, target));
  EXPECT_TRUE(diff_schema(reached, target).empty());
}

TEST(DiffRenameExpressions, QuotingDoesNotMatter) {
  // SQLite keeps "title" quoted when it renames it; the model may say headline bare.
  const Schema current = schema({posts("title", "\"title\"")});
  const Schema target = schema({posts("headline", "headline", "title")});
  EXPECT_EQ(diff_schema(current, target), (Ops{RenameColumn{"posts", "title", "headline"}}));
  expect_settled(current, target);
}

TEST(DiffRenameExpressions, TextStillNamingTheOldColumnIsReplaced) {
  const Schema current = schema({posts("title", "title")});
  const Schema target = schema({posts("headline", "title", "title")});
  const Table& before = current.tables[0];
  const Table& after = target.tables[0];
  EXPECT_EQ(diff_schema(current, target),
            (Ops{DropIndex{"posts", before.indexes[0]}, DropIndex{"posts", before.indexes[1]},
                 DropCheck{"posts", before.checks[0]}, RenameColumn{"posts", "title", "headline"},
                 CreateIndex{"posts", after.indexes[0]}, CreateIndex{"posts", after.indexes[1]},
                 AddCheck{"posts", after.checks[0]}}));
}

TEST(DiffRenameExpressions, TableAndColumnRenamedWithQualifiedCheck) {
  Table before = posts("title", "title");
  before.checks.push_back({"ck_posts_qualified", "posts.title <> 'posts.title'"});
  Table after = posts("headline", "headline", "title");
  after.name = "articles";
  after.renamed_from = "posts";
  after.checks.push_back({"ck_posts_qualified", "articles.headline <> 'posts.title'"});
  const Schema current = schema({before});
  const Schema target = schema({after});
  EXPECT_EQ(diff_schema(current, target),
            (Ops{RenameTable{"posts", "articles"}, RenameColumn{"articles", "title", "headline"}}));
  expect_settled(current, target);
}

}  // namespace
}  // namespace tempest
