#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "blog_schema.hpp"
#include "tempest/operations.hpp"

namespace tempest {
namespace {

using ops_test::column;
using ops_test::column_index;
using ops_test::foreign_key;
using ops_test::posts_table;
using ops_test::status_enum;
using ops_test::varchar_column;

TEST(Describe, Tables) {
  EXPECT_EQ(describe(CreateTable{posts_table()}), "create table posts (5 columns)");
  Table one;
  one.name = "flags";
  one.columns = {column("id", TypeKind::Int32)};
  EXPECT_EQ(describe(CreateTable{one}), "create table flags (1 column)");
  EXPECT_EQ(describe(DropTable{posts_table()}), "drop table posts");
  EXPECT_EQ(describe(RenameTable{"a", "b"}), "rename table a to b");
  EXPECT_EQ(describe(AlterTableComment{"posts", "", "it's"}),
            "alter comment on table posts: none -> 'it''s'");
}

TEST(Describe, Columns) {
  Column published = column("published", TypeKind::Bool);
  published.default_value = ColumnDefault{DefaultKind::Literal, "false"};
  EXPECT_EQ(describe(AddColumn{"posts", published}),
            "add column posts.published boolean NOT NULL DEFAULT false");
  Column created = column("created_at", TypeKind::TimestampTz, true);
  created.default_value = ColumnDefault{DefaultKind::Expression, "CURRENT_TIMESTAMP"};
  EXPECT_EQ(describe(AddColumn{"posts", created}),
            "add column posts.created_at timestamptz DEFAULT CURRENT_TIMESTAMP");
  Column id = column("id", TypeKind::Int64);
  id.identity = Identity::Always;
  EXPECT_EQ(describe(AddColumn{"posts", id}),
            "add column posts.id bigint NOT NULL GENERATED ALWAYS AS IDENTITY");
  EXPECT_EQ(describe(DropColumn{"posts", published}), "drop column posts.published");
  EXPECT_EQ(describe(RenameColumn{"posts", "a", "b"}), "rename column posts.a to b");
}

TEST(Describe, AlterColumnListsOnlyWhatChanged) {
  const Column from = column("title", TypeKind::Text, true);
  Column to = varchar_column("title", 200);
  to.default_value = ColumnDefault{DefaultKind::Literal, "x"};
  EXPECT_EQ(describe(AlterColumn{"posts", from, to}),
            "alter column posts.title: type text -> varchar(200), nullable -> NOT NULL, "
            "default none -> 'x'");
  Column commented = from;
  commented.comment = "Headline";
  EXPECT_EQ(describe(AlterColumn{"posts", from, commented}),
            "alter column posts.title: comment none -> 'Headline'");
  EXPECT_EQ(describe(AlterColumn{"posts", to, from}),
            "alter column posts.title: type varchar(200) -> text, NOT NULL -> nullable, "
            "default 'x' -> none");
}

TEST(Describe, KeysIndexesAndConstraints) {
  EXPECT_EQ(describe(AlterPrimaryKey{"posts", PrimaryKey{"pk", {"id"}},
                                     PrimaryKey{"pk", {"user_id", "id"}}}),
            "alter primary key on posts: (id) -> (user_id, id)");
  Index index = column_index("ix_posts_title", {"title"}, true);
  index.keys[0].descending = true;
  index.keys.push_back(IndexKey{"", "lower(body)", false});
  index.where = "published";
  EXPECT_EQ(describe(CreateIndex{"posts", index}),
            "create unique index ix_posts_title on posts (title DESC, (lower(body))) WHERE "
            "published");
  EXPECT_EQ(describe(CreateIndex{"posts", column_index("ix_a", {"a", "b"})}),
            "create index ix_a on posts (a, b)");
  EXPECT_EQ(describe(DropIndex{"posts", index}), "drop index ix_posts_title on posts");
  EXPECT_EQ(describe(AddUnique{"posts", UniqueConstraint{"uq", {"a", "b"}}}),
            "add unique uq on posts (a, b)");
  ForeignKey key = foreign_key("fk_posts_user", {"user_id"}, "users", {"id"});
  key.on_delete = ForeignKeyAction::Cascade;
  EXPECT_EQ(describe(AddForeignKey{"posts", key}),
            "add foreign key fk_posts_user on posts (user_id) -> users (id) ON DELETE CASCADE");
  key.on_update = ForeignKeyAction::SetNull;
  key.deferrable = Deferrable::InitiallyDeferred;
  EXPECT_EQ(describe(AddForeignKey{"posts", key}),
            "add foreign key fk_posts_user on posts (user_id) -> users (id) ON DELETE CASCADE "
            "ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED");
  EXPECT_EQ(describe(DropForeignKey{"posts", key}), "drop foreign key fk_posts_user on posts");
  EXPECT_EQ(describe(AddCheck{"posts", CheckConstraint{"ck", "id > 0"}}),
            "add check ck on posts (id > 0)");
}

TEST(Describe, EnumsAndExecute) {
  EXPECT_EQ(describe(CreateEnum{status_enum()}), "create enum status (draft, published)");
  EXPECT_EQ(describe(DropEnum{status_enum()}), "drop enum status");
  EXPECT_EQ(describe(AddEnumValue{"status", "archived", 2}),
            "add value 'archived' to enum status at 2");
  EXPECT_EQ(describe(DropEnumValue{"status", "archived", 2}),
            "drop value 'archived' from enum status at 2");
  EXPECT_EQ(describe(Execute{"UPDATE posts SET a = 1;\nUPDATE posts SET b = 2;", std::nullopt}),
            "execute: UPDATE posts SET a = 1;");
}

TEST(OperationName, NamesEveryKind) {
  EXPECT_EQ(operation_name(CreateTable{}), "create_table");
  EXPECT_EQ(operation_name(AlterTableComment{}), "alter_table_comment");
  EXPECT_EQ(operation_name(AddColumn{}), "add_column");
  EXPECT_EQ(operation_name(AlterPrimaryKey{}), "alter_primary_key");
  EXPECT_EQ(operation_name(DropForeignKey{}), "drop_foreign_key");
  EXPECT_EQ(operation_name(AddEnumValue{}), "add_enum_value");
  EXPECT_EQ(operation_name(DropEnumValue{}), "drop_enum_value");
  EXPECT_EQ(operation_name(Execute{}), "execute");

  const std::vector<Operation> all = {
      CreateTable{},   DropTable{},    RenameTable{}, AlterTableComment{}, AddColumn{},
      DropColumn{},    RenameColumn{}, AlterColumn{}, AlterPrimaryKey{},   CreateIndex{},
      DropIndex{},     AddUnique{},    DropUnique{},  AddForeignKey{},     DropForeignKey{},
      AddCheck{},      DropCheck{},    CreateEnum{},  DropEnum{},          AddEnumValue{},
      DropEnumValue{}, Execute{}};
  ASSERT_EQ(all.size(), std::variant_size_v<Operation>);
  std::set<std::string_view> distinct;
  for (const Operation& op : all) distinct.insert(operation_name(op));
  EXPECT_EQ(distinct.size(), all.size());
}

}  // namespace
}  // namespace tempest
