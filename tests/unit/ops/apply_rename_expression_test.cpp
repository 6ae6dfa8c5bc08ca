// apply() of renames follows the column or table into SQL text (checks, index expressions,
// partial-index predicates), as SQLite's ALTER TABLE RENAME and PostgreSQL's stored
// expressions do.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "blog_schema.hpp"
#include "tempest/operations.hpp"

namespace tempest {
namespace {

using ops_test::column;

Schema posts_schema() {
  Table t;
  t.name = "posts";
  t.columns = {column("id", TypeKind::Int64), column("title", TypeKind::Text),
               column("status", TypeKind::Text)};
  t.primary_key = PrimaryKey{"pk_posts", {"id"}};
  t.checks = {{"ck_call", "title(status) OR posts.title IS NOT NULL"},
              {"ck_length", "length(title) > 0"},
              {"ck_literal", "status <> 'title'"},
              {"ck_quoted", "\"title\" <> ''"}};
  t.indexes = {Index{"ix_posts_lower_title",
                     {IndexKey{"", "lower(title)", false}, IndexKey{"status", "", false}},
                     false,
                     "title <> 'draft'"}};
  Schema schema;
  schema.tables = {t};
  return schema;
}

TEST(ApplyRenameColumn, RewritesChecksIndexExpressionsAndPredicates) {
  Schema schema = posts_schema();
  apply(schema, RenameColumn{"posts", "title", "headline"});
  const Table& posts = schema.tables[0];
  ASSERT_EQ(posts.checks.size(), 4u);
  EXPECT_EQ(posts.checks[0].expression, "title(status) OR posts.headline IS NOT NULL");
  EXPECT_EQ(posts.checks[1].expression, "length(headline) > 0");
  EXPECT_EQ(posts.checks[2].expression, "status <> 'title'");
  EXPECT_EQ(posts.checks[3].expression, "\"headline\" <> ''");
  EXPECT_EQ(posts.indexes[0].keys[0].expression, "lower(headline)");
  EXPECT_EQ(posts.indexes[0].keys[1].column, "status");
  EXPECT_EQ(posts.indexes[0].where, "headline <> 'draft'");
}

TEST(ApplyRenameColumn, InverseRestoresTheText) {
  Schema schema = posts_schema();
  apply(schema, RenameColumn{"posts", "title", "headline"});
  apply(schema, invert(Operation{RenameColumn{"posts", "title", "headline"}}));
  EXPECT_EQ(schema, posts_schema());
}

TEST(ApplyRenameColumn, NewNameThatNeedsQuotes) {
  Schema schema = posts_schema();
  apply(schema, RenameColumn{"posts", "title", "Head line"});
  const Table& posts = schema.tables[0];
  EXPECT_EQ(posts.checks[1].expression, "length(\"Head line\") > 0");
  EXPECT_EQ(posts.indexes[0].where, "\"Head line\" <> 'draft'");
}

TEST(ApplyRenameColumn, OtherTablesAreUntouched) {
  Schema schema = ops_test::blog_schema();
  const Table users_before = *find_table(schema, "users");
  apply(schema, RenameColumn{"posts", "title", "headline"});
  EXPECT_EQ(find_table(schema, "posts")->checks[0].expression, "length(headline) > 0");
  EXPECT_EQ(*find_table(schema, "users"), users_before);
}

TEST(ApplyRenameTable, RewritesQualifiers) {
  Schema schema = posts_schema();
  apply(schema, std::vector<Operation>{RenameTable{"posts", "articles"},
                                       RenameColumn{"articles", "title", "headline"}});
  const Table& articles = schema.tables[0];
  EXPECT_EQ(articles.name, "articles");
  EXPECT_EQ(articles.checks[0].expression, "title(status) OR \"articles\".headline IS NOT NULL");
  EXPECT_EQ(articles.checks[1].expression, "length(headline) > 0");
}

}  // namespace
}  // namespace tempest
