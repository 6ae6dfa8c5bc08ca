// The builder API (tempest/build.hpp) gives exactly the IR it names.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tempest/build.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {
namespace {

// Field by field, `raw` included: operator== ignores `raw` except for custom types.
void expect_same_type(const ColumnType& actual, const ColumnType& expected) {
  EXPECT_EQ(actual.kind, expected.kind) << expected.raw;
  EXPECT_EQ(actual.length, expected.length) << expected.raw;
  EXPECT_EQ(actual.precision, expected.precision) << expected.raw;
  EXPECT_EQ(actual.scale, expected.scale) << expected.raw;
  EXPECT_EQ(actual.enum_name, expected.enum_name) << expected.raw;
  EXPECT_EQ(actual.raw, expected.raw);
}

TEST(BuildTypes, EqualParseTypeOfTheirCanonicalSpelling) {
  using namespace build;
  const std::vector<std::pair<ColumnType, std::string>> cases = {
      {smallint(), "smallint"},
      {integer(), "integer"},
      {bigint(), "bigint"},
      {boolean(), "boolean"},
      {real(), "real"},
      {double_precision(), "double precision"},
      {numeric(), "numeric"},
      {numeric(10), "numeric(10)"},
      {numeric(12, 2), "numeric(12,2)"},
      {text(), "text"},
      {varchar(255), "varchar(255)"},
      {bytes(), "bytes"},
      {date(), "date"},
      {time(), "time"},
      {time(3), "time(3)"},
      {timestamp(), "timestamp"},
      {timestamp(6), "timestamp(6)"},
      {timestamptz(), "timestamptz"},
      {timestamptz(0), "timestamptz(0)"},
      {uuid(), "uuid"},
      {json(), "json"},
  };
  for (const auto& [type, spelling] : cases) {
    expect_same_type(type, parse_type(spelling));
    EXPECT_EQ(type_to_string(type), spelling);
  }
}

TEST(BuildTypes, EnumAndCustomTypes) {
  using namespace build;
  ColumnType status = enum_of("post_status");
  EXPECT_EQ(status.kind, TypeKind::Enum);
  EXPECT_EQ(status.enum_name, "post_status");
  EXPECT_EQ(status.raw, "post_status");
  EXPECT_EQ(type_to_string(status), "post_status");

  expect_same_type(custom("citext"), parse_type("citext"));
  // Custom even when the spelling names a known type: the file says what it means.
  ColumnType spelled_like_int = custom("int4");
  EXPECT_EQ(spelled_like_int.kind, TypeKind::Custom);
  EXPECT_EQ(spelled_like_int.raw, "int4");
}

TEST(BuildTypes, ArgumentsParseTypeWouldRefuseAreKept) {
  using namespace build;
  ColumnType zero = varchar(0);
  EXPECT_EQ(zero.kind, TypeKind::Varchar);
  EXPECT_EQ(zero.length, 0);
}

TEST(BuildColumn, DefaultsToNotNullWithoutDefault) {
  using namespace build;
  Column actual = column("email", varchar(255));
  Column expected;
  expected.name = "email";
  expected.type = parse_type("varchar(255)");
  EXPECT_EQ(actual, expected);
  EXPECT_FALSE(actual.nullable);
  EXPECT_EQ(actual.default_value, std::nullopt);
  EXPECT_EQ(actual.identity, Identity::None);
  EXPECT_EQ(actual.comment, "");
}

TEST(BuildColumn, EveryModifier) {
  using namespace build;
  Column actual = column("n", integer()).nullable().default_literal("0").identity().comment("c");
  EXPECT_TRUE(actual.nullable);
  EXPECT_EQ(actual.default_value, (ColumnDefault{DefaultKind::Literal, "0"}));
  EXPECT_EQ(actual.identity, Identity::ByDefault);
  EXPECT_EQ(actual.comment, "c");

  Column at = column("at", timestamptz()).default_sql("CURRENT_TIMESTAMP");
  EXPECT_EQ(at.default_value, (ColumnDefault{DefaultKind::Expression, "CURRENT_TIMESTAMP"}));
  EXPECT_EQ(Column(column("id", bigint()).identity_always()).identity, Identity::Always);
  EXPECT_EQ(Column(column("id", bigint()).autoincrement()).identity, Identity::Autoincrement);
  EXPECT_EQ(Column(column("mail", text()).renamed_from("email")).renamed_from, "email");
}

TEST(BuildIndex, KeysUniqueAndPredicate) {
  using namespace build;
  Index actual = index("ix", {"a", desc("b"), expr("lower(c)"), desc(expr("length(d)"))})
                     .unique()
                     .where("c IS NOT NULL");
  Index expected{"ix",
                 {IndexKey{"a", "", false}, IndexKey{"b", "", true},
                  IndexKey{"", "lower(c)", false}, IndexKey{"", "length(d)", true}},
                 true,
                 "c IS NOT NULL"};
  EXPECT_EQ(actual, expected);
  const std::string column_name = "title";
  EXPECT_EQ(Index(index("ix_t", {column_name})),
            (Index{"ix_t", {IndexKey{"title", "", false}}, false, ""}));
  // Keys gathered in a vector first build the same index as a braced list.
  std::vector<IndexKeyBuilder> keys{"a", desc("b"), expr("lower(c)"), desc(expr("length(d)"))};
  EXPECT_EQ(Index(index("ix", std::move(keys)).unique().where("c IS NOT NULL")), expected);
}

TEST(BuildForeignKey, ActionsAndDeferrable) {
  using namespace build;
  ForeignKey actual = foreign_key("fk", {"user_id"}, "users", {"id"})
                          .on_delete(cascade)
                          .on_update(set_null)
                          .deferrable(initially_deferred);
  ForeignKey expected{"fk",
                      {"user_id"},
                      "users",
                      {"id"},
                      ForeignKeyAction::Cascade,
                      ForeignKeyAction::SetNull,
                      Deferrable::InitiallyDeferred};
  EXPECT_EQ(actual, expected);
  ForeignKey plain = foreign_key("fk", {"a", "b"}, "t", {"x", "y"});
  EXPECT_EQ(plain.on_delete, ForeignKeyAction::NoAction);
  EXPECT_EQ(plain.on_update, ForeignKeyAction::NoAction);
  EXPECT_EQ(plain.deferrable, Deferrable::No);
  EXPECT_EQ(restrict, ForeignKeyAction::Restrict);
  EXPECT_EQ(set_default, ForeignKeyAction::SetDefault);
  EXPECT_EQ(no_action, ForeignKeyAction::NoAction);
  EXPECT_EQ(initially_immediate, Deferrable::InitiallyImmediate);
  EXPECT_EQ(not_deferrable, Deferrable::No);
}

TEST(BuildTable, ConvertsToACanonicalTable) {
  using namespace build;
  Table actual = table("posts",
                       {
                           column("id", bigint()).identity(),
                           column("user_id", bigint()),
                           column("title", text()),
                       })
                     .primary_key("pk_posts", {"id"})
                     .unique("uq_b", {"title"})
                     .unique("uq_a", {"user_id", "title"})
                     .check("ck_title", "length(title) > 0")
                     .foreign_key(foreign_key("fk_posts_user", {"user_id"}, "users", {"id"}))
                     .index(index("ix_z", {"title"}))
                     .index(index("ix_a", {"user_id"}))
                     .comment("all posts");

  Table expected;
  expected.name = "posts";
  expected.columns = {column("id", bigint()).identity(), column("user_id", bigint()),
                      column("title", text())};
  expected.primary_key = PrimaryKey{"pk_posts", {"id"}};
  expected.uniques = {UniqueConstraint{"uq_a", {"user_id", "title"}},
                      UniqueConstraint{"uq_b", {"title"}}};
  expected.checks = {CheckConstraint{"ck_title", "length(title) > 0"}};
  expected.foreign_keys = {ForeignKey{"fk_posts_user", {"user_id"}, "users", {"id"}}};
  expected.indexes = {Index{"ix_a", {IndexKey{"user_id", "", false}}, false, ""},
                      Index{"ix_z", {IndexKey{"title", "", false}}, false, ""}};
  expected.comment = "all posts";
  EXPECT_EQ(actual, expected);
  // operator== is not enough to see the order: check it.
  EXPECT_EQ(actual.uniques.front().name, "uq_a");
  EXPECT_EQ(actual.indexes.front().name, "ix_a");
  EXPECT_EQ(Table(table("t", {}).renamed_from("old")).renamed_from, "old");
}

TEST(BuildOperations, EachGivesItsAlternative) {
  using namespace build;
  const Table users = table("users", {column("id", bigint())}).primary_key("pk", {"id"});
  const Column email = column("email", text());
  const Column email_wide = column("email", varchar(320)).nullable();
  const Index ix = index("ix", {"email"});
  const UniqueConstraint uq{"uq", {"email"}};
  const ForeignKey fk{"fk", {"id"}, "users", {"id"}};
  const CheckConstraint ck{"ck", "id > 0"};
  const PrimaryKey pk{"pk", {"id"}};

  const std::vector<std::pair<Operation, Operation>> cases = {
      {create_table(users), CreateTable{users}},
      {drop_table(users), DropTable{users}},
      {rename_table("a", "b"), RenameTable{"a", "b"}},
      {alter_table_comment("t", "old", "new"), AlterTableComment{"t", "old", "new"}},
      {add_column("t", email), AddColumn{"t", email}},
      {drop_column("t", email), DropColumn{"t", email}},
      {rename_column("t", "a", "b"), RenameColumn{"t", "a", "b"}},
      {alter_column("t", email, email_wide), AlterColumn{"t", email, email_wide}},
      {alter_primary_key("t", no_primary_key, primary_key("pk", {"id"})),
       AlterPrimaryKey{"t", std::nullopt, pk}},
      {alter_primary_key("t", pk, no_primary_key), AlterPrimaryKey{"t", pk, std::nullopt}},
      {create_index("t", ix), CreateIndex{"t", ix}},
      {drop_index("t", ix), DropIndex{"t", ix}},
      {add_unique("t", unique("uq", {"email"})), AddUnique{"t", uq}},
      {drop_unique("t", unique("uq", {"email"})), DropUnique{"t", uq}},
      {add_foreign_key("t", foreign_key("fk", {"id"}, "users", {"id"})), AddForeignKey{"t", fk}},
      {drop_foreign_key("t", foreign_key("fk", {"id"}, "users", {"id"})), DropForeignKey{"t", fk}},
      {add_check("t", check("ck", "id > 0")), AddCheck{"t", ck}},
      {drop_check("t", check("ck", "id > 0")), DropCheck{"t", ck}},
      {create_enum("e", {"a", "b"}), CreateEnum{EnumType{"e", {"a", "b"}}}},
      {drop_enum("e", {"a", "b"}), DropEnum{EnumType{"e", {"a", "b"}}}},
      {add_enum_value("e", "c", 2), AddEnumValue{"e", "c", 2}},
      {drop_enum_value("e", "c", 2), DropEnumValue{"e", "c", 2}},
      {execute("DELETE FROM t"), Execute{"DELETE FROM t", std::nullopt}},
      {execute("UPDATE t SET a = 1", "UPDATE t SET a = 0"),
       Execute{"UPDATE t SET a = 1", "UPDATE t SET a = 0"}},
  };
  for (const auto& [actual, expected] : cases) {
    EXPECT_EQ(actual, expected) << describe(expected);
    EXPECT_EQ(actual.index(), expected.index()) << describe(expected);
  }
}

TEST(BuildOperations, ListsReadAsWritten) {
  using namespace build;
  std::vector<Operation> up = {
      add_column("posts", column("published", boolean()).default_literal("false")),
      execute("UPDATE posts SET published = true", "UPDATE posts SET published = false"),
  };
  Column published;
  published.name = "published";
  published.type = parse_type("boolean");
  published.default_value = ColumnDefault{DefaultKind::Literal, "false"};
  EXPECT_EQ(up,
            (std::vector<Operation>{
                AddColumn{"posts", published},
                Execute{"UPDATE posts SET published = true", "UPDATE posts SET published = false"},
            }));
}

}  // namespace
}  // namespace tempest
