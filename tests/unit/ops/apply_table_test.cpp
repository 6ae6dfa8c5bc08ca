// apply() for table and column operations.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "blog_schema.hpp"
#include "tempest/error.hpp"
#include "tempest/operations.hpp"

namespace tempest {
namespace {

using ops_test::blog_schema;
using ops_test::column;
using ops_test::column_index;
using ops_test::enum_column;
using ops_test::foreign_key;
using ops_test::posts_table;
using ops_test::users_table;
using ops_test::varchar_column;

// Applies `op` to a copy of `schema`, expects a ModelError with exactly `message` and the
// copy untouched.
void expect_rejected(const Schema& schema, const Operation& op, const std::string& message) {
  Schema copy = schema;
  try {
    tempest::apply(copy, op);
    ADD_FAILURE() << "expected ModelError: " << message;
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
  EXPECT_EQ(copy, schema) << "a rejected operation changed the schema";
}

// apply(op) then apply(invert(op)) gives the schema back.
void expect_round_trip(const Schema& schema, const Operation& op) {
  Schema changed = schema;
  tempest::apply(changed, op);
  EXPECT_NE(changed, schema);
  tempest::apply(changed, invert(op));
  EXPECT_EQ(changed, schema);
}

std::vector<std::string> table_names(const Schema& schema) {
  std::vector<std::string> names;
  for (const Table& t : schema.tables) names.push_back(t.name);
  return names;
}

Table tags_table() {
  Table t;
  t.name = "tags";
  t.columns = {column("id", TypeKind::Int64), column("post_id", TypeKind::Int64),
               column("label", TypeKind::Text), column("parent_id", TypeKind::Int64, true)};
  t.primary_key = PrimaryKey{"pk_tags", {"id"}};
  // Given out of order on purpose: apply canonicalizes.
  t.indexes = {column_index("ix_tags_z", {"label"}), column_index("ix_tags_a", {"post_id"})};
  t.foreign_keys = {foreign_key("fk_tags_post", {"post_id"}, "posts", {"id"}),
                    foreign_key("fk_tags_parent", {"parent_id"}, "tags", {"id"})};
  return t;
}

TEST(ApplyCreateTable, InsertsInNameOrderAndCanonicalizes) {
  Schema schema = blog_schema();
  tempest::apply(schema, CreateTable{tags_table()});
  EXPECT_EQ(table_names(schema), (std::vector<std::string>{"posts", "tags", "users"}));
  const Table* tags = find_table(schema, "tags");
  ASSERT_NE(tags, nullptr);
  ASSERT_EQ(tags->indexes.size(), 2u);
  EXPECT_EQ(tags->indexes[0].name, "ix_tags_a");
  EXPECT_EQ(tags->indexes[1].name, "ix_tags_z");
  EXPECT_EQ(tags->foreign_keys[0].name, "fk_tags_parent");
  EXPECT_EQ(tags->columns, tags_table().columns);
  expect_round_trip(blog_schema(), CreateTable{tags_table()});
}

TEST(ApplyCreateTable, Errors) {
  const Schema schema = blog_schema();
  expect_rejected(schema, CreateTable{posts_table()}, "table \"posts\" already exists");

  Table twice = tags_table();
  twice.columns.push_back(column("label", TypeKind::Text));
  expect_rejected(schema, CreateTable{twice}, "table \"tags\": column \"label\" already exists");

  Table bad_enum = tags_table();
  bad_enum.columns.push_back(enum_column("mood", "mood"));
  expect_rejected(schema, CreateTable{bad_enum},
                  "table \"tags\": column \"mood\": enum \"mood\" does not exist");

  Table bad_pk = tags_table();
  bad_pk.primary_key = PrimaryKey{"pk_tags", {"uuid"}};
  expect_rejected(schema, CreateTable{bad_pk},
                  "table \"tags\": primary key: column \"uuid\" does not exist");

  Table bad_ref = tags_table();
  bad_ref.foreign_keys[0].ref_table = "articles";
  expect_rejected(schema, CreateTable{bad_ref},
                  "table \"tags\": foreign key \"fk_tags_post\": referenced table \"articles\" "
                  "does not exist");

  Table same_names = tags_table();
  same_names.indexes[0].name = "ix_tags_a";
  expect_rejected(schema, CreateTable{same_names},
                  "table \"tags\": index \"ix_tags_a\" already exists");
}

TEST(ApplyDropTable, DropsAnUnreferencedTableEvenIfSelfReferencing) {
  Schema schema = blog_schema();
  tempest::apply(schema, DropTable{posts_table()});
  EXPECT_EQ(table_names(schema), (std::vector<std::string>{"users"}));
  expect_round_trip(blog_schema(), DropTable{posts_table()});
}

TEST(ApplyDropTable, Errors) {
  const Schema schema = blog_schema();
  expect_rejected(schema, DropTable{users_table()},
                  "table \"users\" is referenced by foreign key \"fk_posts_user\" of table "
                  "\"posts\"");
  expect_rejected(schema, DropTable{tags_table()}, "table \"tags\" does not exist");
}

TEST(ApplyRenameTable, UpdatesReferencesAndOrder) {
  Schema schema = blog_schema();
  tempest::apply(schema, RenameTable{"users", "accounts"});
  EXPECT_EQ(table_names(schema), (std::vector<std::string>{"accounts", "posts"}));
  EXPECT_EQ(find_table(schema, "posts")->foreign_keys[1].ref_table, "accounts");

  tempest::apply(schema, RenameTable{"posts", "zz_articles"});
  EXPECT_EQ(table_names(schema), (std::vector<std::string>{"accounts", "zz_articles"}));
  const Table& articles = *find_table(schema, "zz_articles");
  EXPECT_EQ(articles.foreign_keys[0].ref_table, "zz_articles") << "self reference follows";
  EXPECT_EQ(articles.foreign_keys[1].ref_table, "accounts");
  expect_round_trip(blog_schema(), RenameTable{"posts", "articles"});
}

TEST(ApplyRenameTable, Errors) {
  const Schema schema = blog_schema();
  expect_rejected(schema, RenameTable{"tags", "labels"}, "table \"tags\" does not exist");
  expect_rejected(schema, RenameTable{"posts", "users"}, "table \"users\" already exists");
}

TEST(ApplyAlterTableComment, SetsTheComment) {
  Schema schema = blog_schema();
  tempest::apply(schema, AlterTableComment{"posts", "", "Blog posts"});
  EXPECT_EQ(find_table(schema, "posts")->comment, "Blog posts");
  expect_round_trip(blog_schema(), AlterTableComment{"posts", "", "Blog posts"});
  expect_rejected(blog_schema(), AlterTableComment{"tags", "", "x"},
                  "table \"tags\" does not exist");
}

TEST(ApplyAddColumn, AppendsAtTheEnd) {
  Schema schema = blog_schema();
  Column published = column("published", TypeKind::Bool);
  published.default_value = ColumnDefault{DefaultKind::Literal, "false"};
  tempest::apply(schema, AddColumn{"posts", published});
  const Table& posts = *find_table(schema, "posts");
  ASSERT_EQ(posts.columns.size(), 6u);
  EXPECT_EQ(posts.columns.back(), published);
  expect_round_trip(blog_schema(), AddColumn{"posts", published});
}

TEST(ApplyAddColumn, Errors) {
  const Schema schema = blog_schema();
  expect_rejected(schema, AddColumn{"posts", column("title", TypeKind::Text)},
                  "table \"posts\": column \"title\" already exists");
  expect_rejected(schema, AddColumn{"x", column("title", TypeKind::Text)},
                  "table \"x\" does not exist");
  expect_rejected(schema, AddColumn{"posts", enum_column("mood", "mood")},
                  "table \"posts\": column \"mood\": enum \"mood\" does not exist");
}

TEST(ApplyDropColumn, DropsAnUnusedColumn) {
  Schema schema = blog_schema();
  tempest::apply(schema, DropColumn{"posts", posts_table().columns[3]});
  const Table& posts = *find_table(schema, "posts");
  ASSERT_EQ(posts.columns.size(), 4u);
  EXPECT_EQ(posts.columns[3].name, "parent_id");
  EXPECT_EQ(find_column(posts, "status"), nullptr);
}

TEST(ApplyDropColumn, RefusesAColumnStillInUse) {
  const Schema schema = blog_schema();
  expect_rejected(schema, DropColumn{"posts", column("id", TypeKind::Int64)},
                  "table \"posts\": column \"id\" is used by the primary key");
  expect_rejected(schema, DropColumn{"posts", column("title", TypeKind::Text)},
                  "table \"posts\": column \"title\" is used by index \"ix_posts_title\"");
  expect_rejected(schema, DropColumn{"posts", column("user_id", TypeKind::Int64)},
                  "table \"posts\": column \"user_id\" is used by unique constraint "
                  "\"uq_posts_user_title\"");
  expect_rejected(schema, DropColumn{"posts", column("parent_id", TypeKind::Int64, true)},
                  "table \"posts\": column \"parent_id\" is used by foreign key "
                  "\"fk_posts_parent\"");
  expect_rejected(schema, DropColumn{"posts", column("body", TypeKind::Text)},
                  "table \"posts\": column \"body\" does not exist");

  // A column referenced only from another table.
  Schema referenced = schema;
  Table& users = *find_table(referenced, "users");
  users.primary_key.reset();
  expect_rejected(referenced, DropColumn{"users", column("id", TypeKind::Int64)},
                  "table \"users\": column \"id\" is referenced by foreign key \"fk_posts_user\" "
                  "of table \"posts\"");
}

TEST(ApplyRenameColumn, CascadesToKeysIndexesAndReferences) {
  Schema schema = blog_schema();
  tempest::apply(schema, RenameColumn{"posts", "title", "headline"});
  tempest::apply(schema, RenameColumn{"posts", "id", "post_id"});
  tempest::apply(schema, RenameColumn{"users", "id", "user_id"});
  tempest::apply(schema, RenameColumn{"posts", "user_id", "author_id"});

  const Table& posts = *find_table(schema, "posts");
  EXPECT_EQ(posts.columns[0].name, "post_id");
  EXPECT_EQ(posts.columns[1].name, "author_id");
  EXPECT_EQ(posts.columns[2].name, "headline");
  EXPECT_EQ(posts.primary_key->columns, (std::vector<std::string>{"post_id"}));
  EXPECT_EQ(posts.indexes[0].keys[0].column, "headline");
  EXPECT_EQ(posts.uniques[0].columns, (std::vector<std::string>{"author_id", "headline"}));
  EXPECT_EQ(posts.foreign_keys[0].columns, (std::vector<std::string>{"parent_id"}));
  EXPECT_EQ(posts.foreign_keys[0].ref_columns, (std::vector<std::string>{"post_id"}));
  EXPECT_EQ(posts.foreign_keys[1].columns, (std::vector<std::string>{"author_id"}));
  EXPECT_EQ(posts.foreign_keys[1].ref_columns, (std::vector<std::string>{"user_id"}));
  const Table& users = *find_table(schema, "users");
  EXPECT_EQ(users.primary_key->columns, (std::vector<std::string>{"user_id"}));
  EXPECT_EQ(users.indexes[0].keys[0].column, "email");

  expect_round_trip(blog_schema(), RenameColumn{"posts", "id", "post_id"});
}

TEST(ApplyRenameColumn, Errors) {
  const Schema schema = blog_schema();
  expect_rejected(schema, RenameColumn{"posts", "body", "text"},
                  "table \"posts\": column \"body\" does not exist");
  expect_rejected(schema, RenameColumn{"posts", "title", "status"},
                  "table \"posts\": column \"status\" already exists");
  expect_rejected(schema, RenameColumn{"tags", "a", "b"}, "table \"tags\" does not exist");
}

TEST(ApplyAlterColumn, ReplacesTheColumnInPlace) {
  Schema schema = blog_schema();
  const Column to = varchar_column("title", 200, true);
  tempest::apply(schema, AlterColumn{"posts", column("title", TypeKind::Text), to});
  const Table& posts = *find_table(schema, "posts");
  EXPECT_EQ(posts.columns[2], to);
  EXPECT_EQ(posts.columns.size(), 5u);
  expect_round_trip(blog_schema(), AlterColumn{"posts", column("title", TypeKind::Text), to});
}

TEST(ApplyAlterColumn, Errors) {
  const Schema schema = blog_schema();
  expect_rejected(
      schema, AlterColumn{"posts", column("body", TypeKind::Text), column("body", TypeKind::Int32)},
      "table \"posts\": column \"body\" does not exist");
  expect_rejected(
      schema,
      AlterColumn{"posts", column("title", TypeKind::Text), column("headline", TypeKind::Text)},
      "table \"posts\": alter column \"title\" cannot rename it to \"headline\"; use "
      "rename_column");
  expect_rejected(
      schema, AlterColumn{"posts", column("title", TypeKind::Text), enum_column("title", "mood")},
      "table \"posts\": column \"title\": enum \"mood\" does not exist");
}

TEST(ApplyExecute, LeavesTheSchemaAlone) {
  Schema schema = blog_schema();
  tempest::apply(schema, Execute{"UPDATE posts SET title = lower(title)", std::nullopt});
  EXPECT_EQ(schema, blog_schema());
}

TEST(ApplyVector, AppliesInOrder) {
  Schema schema = blog_schema();
  tempest::apply(schema,
                 std::vector<Operation>{AddColumn{"posts", column("views", TypeKind::Int32)},
                                        RenameColumn{"posts", "views", "view_count"},
                                        RenameTable{"posts", "articles"}});
  const Table* articles = find_table(schema, "articles");
  ASSERT_NE(articles, nullptr);
  EXPECT_EQ(articles->columns.back().name, "view_count");
}

TEST(ApplyVector, IsAllOrNothing) {
  Schema schema = blog_schema();
  const std::vector<Operation> ops = {
      AddColumn{"posts", column("views", TypeKind::Int32)},
      RenameTable{"users", "accounts"},
      AddColumn{"posts", column("title", TypeKind::Text)},
  };
  try {
    tempest::apply(schema, ops);
    FAIL() << "expected ModelError";
  } catch (const ModelError& e) {
    EXPECT_STREQ(e.what(),
                 "operation 2 (add_column): table \"posts\": column \"title\" already exists");
  }
  EXPECT_EQ(schema, blog_schema());
}

}  // namespace
}  // namespace tempest
