// apply() for primary keys, indexes, constraints and enums.

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
using ops_test::column_index;
using ops_test::foreign_key;
using ops_test::status_enum;

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

void expect_round_trip(const Schema& schema, const Operation& op) {
  Schema changed = schema;
  tempest::apply(changed, op);
  EXPECT_NE(changed, schema);
  tempest::apply(changed, invert(op));
  EXPECT_EQ(changed, schema);
}

const Table& posts(const Schema& schema) { return *find_table(schema, "posts"); }

template <typename T>
std::vector<std::string> names(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const T& item : items) out.push_back(item.name);
  return out;
}

TEST(ApplyAlterPrimaryKey, ReplacesOrRemoves) {
  Schema schema = blog_schema();
  const PrimaryKey composite{"pk_posts", {"user_id", "id"}};
  tempest::apply(schema, AlterPrimaryKey{"posts", PrimaryKey{"pk_posts", {"id"}}, composite});
  EXPECT_EQ(posts(schema).primary_key, composite);
  tempest::apply(schema, AlterPrimaryKey{"posts", composite, std::nullopt});
  EXPECT_EQ(posts(schema).primary_key, std::nullopt);
  expect_round_trip(blog_schema(),
                    AlterPrimaryKey{"posts", PrimaryKey{"pk_posts", {"id"}}, composite});
  expect_rejected(blog_schema(), AlterPrimaryKey{"posts", std::nullopt, PrimaryKey{"pk", {"uuid"}}},
                  "table \"posts\": primary key: column \"uuid\" does not exist");
}

TEST(ApplyCreateIndex, InsertsInNameOrder) {
  Schema schema = blog_schema();
  Index by_status = column_index("ix_posts_status", {"status"});
  by_status.keys.push_back(IndexKey{"", "lower(title)", true});
  by_status.where = "status IS NOT NULL";
  tempest::apply(schema, CreateIndex{"posts", by_status});
  tempest::apply(schema, CreateIndex{"posts", column_index("ix_posts_a", {"id"})});
  EXPECT_EQ(names(posts(schema).indexes),
            (std::vector<std::string>{"ix_posts_a", "ix_posts_status", "ix_posts_title"}));
  EXPECT_EQ(posts(schema).indexes[1], by_status);
  expect_round_trip(blog_schema(), CreateIndex{"posts", by_status});
}

TEST(ApplyCreateIndex, Errors) {
  const Schema schema = blog_schema();
  expect_rejected(schema, CreateIndex{"posts", column_index("ix_posts_title", {"id"})},
                  "table \"posts\": index \"ix_posts_title\" already exists");
  expect_rejected(schema, CreateIndex{"posts", column_index("uq_posts_user_title", {"id"})},
                  "table \"posts\": index \"uq_posts_user_title\": name already used by unique "
                  "constraint \"uq_posts_user_title\"");
  expect_rejected(schema, CreateIndex{"posts", column_index("ix_posts_body", {"body"})},
                  "table \"posts\": index \"ix_posts_body\": column \"body\" does not exist");
  expect_rejected(schema, CreateIndex{"tags", column_index("ix", {"id"})},
                  "table \"tags\" does not exist");
}

TEST(ApplyDropIndex, DropsByName) {
  Schema schema = blog_schema();
  tempest::apply(schema, DropIndex{"posts", column_index("ix_posts_title", {"title"})});
  EXPECT_TRUE(posts(schema).indexes.empty());
  expect_round_trip(blog_schema(), DropIndex{"posts", column_index("ix_posts_title", {"title"})});
  expect_rejected(blog_schema(), DropIndex{"posts", column_index("ix_nope", {"title"})},
                  "table \"posts\": index \"ix_nope\" does not exist");
}

TEST(ApplyUnique, AddAndDrop) {
  Schema schema = blog_schema();
  const UniqueConstraint unique{"uq_posts_a", {"title"}};
  tempest::apply(schema, AddUnique{"posts", unique});
  EXPECT_EQ(names(posts(schema).uniques),
            (std::vector<std::string>{"uq_posts_a", "uq_posts_user_title"}));
  tempest::apply(schema, DropUnique{"posts", UniqueConstraint{"uq_posts_user_title", {}}});
  EXPECT_EQ(posts(schema).uniques, std::vector<UniqueConstraint>{unique});
  expect_round_trip(blog_schema(), AddUnique{"posts", unique});

  expect_rejected(blog_schema(), AddUnique{"posts", UniqueConstraint{"ck_posts_title", {"id"}}},
                  "table \"posts\": unique constraint \"ck_posts_title\": name already used by "
                  "check constraint \"ck_posts_title\"");
  expect_rejected(blog_schema(), AddUnique{"posts", UniqueConstraint{"uq_x", {"id", "body"}}},
                  "table \"posts\": unique constraint \"uq_x\": column \"body\" does not exist");
  expect_rejected(blog_schema(), DropUnique{"posts", UniqueConstraint{"uq_x", {"id"}}},
                  "table \"posts\": unique constraint \"uq_x\" does not exist");
}

TEST(ApplyForeignKey, AddAndDrop) {
  Schema schema = blog_schema();
  const ForeignKey self =
      foreign_key("fk_posts_a", {"parent_id", "user_id"}, "posts", {"id", "user_id"});
  tempest::apply(schema, AddForeignKey{"posts", self});
  EXPECT_EQ(names(posts(schema).foreign_keys),
            (std::vector<std::string>{"fk_posts_a", "fk_posts_parent", "fk_posts_user"}));
  tempest::apply(schema, DropForeignKey{"posts", posts(blog_schema()).foreign_keys[1]});
  EXPECT_EQ(names(posts(schema).foreign_keys),
            (std::vector<std::string>{"fk_posts_a", "fk_posts_parent"}));
  expect_round_trip(blog_schema(), AddForeignKey{"posts", self});
}

TEST(ApplyForeignKey, Errors) {
  const Schema schema = blog_schema();
  expect_rejected(schema,
                  AddForeignKey{"posts", foreign_key("fk_x", {"user_id"}, "people", {"id"})},
                  "table \"posts\": foreign key \"fk_x\": referenced table \"people\" does not "
                  "exist");
  expect_rejected(schema,
                  AddForeignKey{"posts", foreign_key("fk_x", {"user_id"}, "users", {"uuid"})},
                  "table \"posts\": foreign key \"fk_x\": referenced column \"users\".\"uuid\" "
                  "does not exist");
  expect_rejected(schema,
                  AddForeignKey{"posts", foreign_key("fk_x", {"author_id"}, "users", {"id"})},
                  "table \"posts\": foreign key \"fk_x\": column \"author_id\" does not exist");
  expect_rejected(schema,
                  AddForeignKey{"posts", foreign_key("fk_x", {"user_id", "id"}, "users", {"id"})},
                  "table \"posts\": foreign key \"fk_x\": 2 columns reference 1");
  expect_rejected(
      schema, AddForeignKey{"posts", foreign_key("fk_posts_user", {"user_id"}, "users", {"id"})},
      "table \"posts\": foreign key \"fk_posts_user\" already exists");
  expect_rejected(schema, DropForeignKey{"posts", foreign_key("fk_x", {}, "users", {})},
                  "table \"posts\": foreign key \"fk_x\" does not exist");
}

TEST(ApplyCheck, AddAndDrop) {
  Schema schema = blog_schema();
  const CheckConstraint check{"ck_posts_id", "id > 0"};
  tempest::apply(schema, AddCheck{"posts", check});
  EXPECT_EQ(names(posts(schema).checks),
            (std::vector<std::string>{"ck_posts_id", "ck_posts_title"}));
  tempest::apply(schema, DropCheck{"posts", CheckConstraint{"ck_posts_title", ""}});
  EXPECT_EQ(posts(schema).checks, std::vector<CheckConstraint>{check});
  expect_round_trip(blog_schema(), AddCheck{"posts", check});

  expect_rejected(blog_schema(), AddCheck{"posts", CheckConstraint{"fk_posts_user", "1 = 1"}},
                  "table \"posts\": check constraint \"fk_posts_user\": name already used by "
                  "foreign key \"fk_posts_user\"");
  expect_rejected(blog_schema(), DropCheck{"posts", CheckConstraint{"ck_x", ""}},
                  "table \"posts\": check constraint \"ck_x\" does not exist");
}

TEST(ApplyEnum, CreateInNameOrder) {
  Schema schema = blog_schema();
  tempest::apply(schema, CreateEnum{EnumType{"mood", {"happy", "sad"}}});
  tempest::apply(schema, CreateEnum{EnumType{"zone", {}}});
  EXPECT_EQ(names(schema.enums), (std::vector<std::string>{"mood", "status", "zone"}));
  expect_round_trip(blog_schema(), CreateEnum{EnumType{"mood", {"happy", "sad"}}});
  expect_rejected(blog_schema(), CreateEnum{EnumType{"status", {"x"}}},
                  "enum \"status\" already exists");
  expect_rejected(blog_schema(), CreateEnum{EnumType{"mood", {"a", "b", "a"}}},
                  "enum \"mood\": label \"a\" is declared twice");
}

TEST(ApplyEnum, DropOnlyWhenUnused) {
  expect_rejected(blog_schema(), DropEnum{status_enum()},
                  "enum \"status\" is used by column \"status\" of table \"posts\"");
  expect_rejected(blog_schema(), DropEnum{EnumType{"mood", {}}}, "enum \"mood\" does not exist");

  Schema schema = blog_schema();
  tempest::apply(schema, DropColumn{"posts", posts(schema).columns[3]});
  tempest::apply(schema, DropEnum{status_enum()});
  EXPECT_TRUE(schema.enums.empty());
}

TEST(ApplyEnum, AddValue) {
  Schema schema = blog_schema();
  tempest::apply(schema, AddEnumValue{"status", "review", 1});
  tempest::apply(schema, AddEnumValue{"status", "archived", 3});
  EXPECT_EQ(find_enum(schema, "status")->labels,
            (std::vector<std::string>{"draft", "review", "published", "archived"}));
  expect_round_trip(blog_schema(), AddEnumValue{"status", "archived", 2});

  expect_rejected(blog_schema(), AddEnumValue{"status", "draft", 2},
                  "enum \"status\": label \"draft\" already exists");
  expect_rejected(blog_schema(), AddEnumValue{"status", "archived", 3},
                  "enum \"status\": position 3 is past the end (2 labels)");
  expect_rejected(blog_schema(), AddEnumValue{"mood", "ok", 0}, "enum \"mood\" does not exist");
}

TEST(ApplyEnum, DropValue) {
  Schema schema = blog_schema();
  tempest::apply(schema, DropEnumValue{"status", "draft", 0});
  EXPECT_EQ(find_enum(schema, "status")->labels, (std::vector<std::string>{"published"}));
  expect_round_trip(blog_schema(), DropEnumValue{"status", "published", 1});

  expect_rejected(blog_schema(), DropEnumValue{"status", "draft", 1},
                  "enum \"status\": label at position 1 is \"published\", not \"draft\"");
  expect_rejected(blog_schema(), DropEnumValue{"status", "draft", 2},
                  "enum \"status\": no label at position 2 (2 labels)");
}

}  // namespace
}  // namespace tempest
