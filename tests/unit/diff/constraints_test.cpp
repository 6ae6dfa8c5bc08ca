// diff_schema: indexes, uniques, checks, primary keys and foreign keys of kept tables.

#include <gtest/gtest.h>

#include <vector>

#include "diff_builders.hpp"
#include "tempest/diff.hpp"

namespace tempest {
namespace {

using diff_test::column;
using diff_test::expect_reaches;
using diff_test::foreign_key;
using diff_test::index_on;
using diff_test::int_column;
using diff_test::schema;
using diff_test::table;
using diff_test::text_column;

using Ops = std::vector<Operation>;

Table users() { return table("users", {text_column("email"), text_column("name")}); }

Table posts() {
  Table t = table("posts", {int_column("user_id"), text_column("title")});
  t.foreign_keys = {foreign_key("fk_posts_user", {"user_id"}, "users")};
  return t;
}

TEST(DiffConstraints, IndexAddedDroppedAndChanged) {
  Table current = users();
  current.indexes = {index_on("ix_email", {"email"}), index_on("ix_name", {"name"})};
  Table target = users();
  target.indexes = {index_on("ix_email", {"email"}, true), index_on("ix_pair", {"email", "name"})};
  EXPECT_EQ(
      diff_schema(schema({current}), schema({target})),
      (Ops{DropIndex{"users", current.indexes[0]}, DropIndex{"users", current.indexes[1]},
           CreateIndex{"users", target.indexes[0]}, CreateIndex{"users", target.indexes[1]}}));
  expect_reaches(schema({current}), schema({target}));
}

TEST(DiffConstraints, IndexExpressionAndPredicateCompareNormalised) {
  Table current = users();
  current.indexes = {
      Index{"ix_lower", {IndexKey{"", "lower(email)", false}}, false, "name IS NOT NULL"}};
  Table target = users();
  target.indexes = {
      Index{"ix_lower", {IndexKey{"", "LOWER( email )", false}}, false, "(name  is not null)"}};
  EXPECT_TRUE(diff_schema(schema({current}), schema({target})).empty());

  target.indexes[0].keys[0].descending = true;
  EXPECT_EQ(diff_schema(schema({current}), schema({target})),
            (Ops{DropIndex{"users", current.indexes[0]}, CreateIndex{"users", target.indexes[0]}}));
}

TEST(DiffConstraints, UniqueAddedDroppedAndChanged) {
  Table current = users();
  current.uniques = {UniqueConstraint{"uq_email", {"email"}},
                     UniqueConstraint{"uq_name", {"name"}}};
  Table target = users();
  target.uniques = {UniqueConstraint{"uq_email", {"email", "name"}}};
  EXPECT_EQ(diff_schema(schema({current}), schema({target})),
            (Ops{DropUnique{"users", current.uniques[0]}, DropUnique{"users", current.uniques[1]},
                 AddUnique{"users", target.uniques[0]}}));
  expect_reaches(schema({current}), schema({target}));
}

TEST(DiffConstraints, ChecksCompareIgnoringCaseSpacingAndOuterParentheses) {
  Table current = users();
  current.checks = {CheckConstraint{"ck_email", "email LIKE '%@%'"}};
  Table same = users();
  same.checks = {CheckConstraint{"ck_email", "(email  like '%@%')"}};
  EXPECT_TRUE(diff_schema(schema({current}), schema({same})).empty());

  // Case inside quotes is meaning.
  Table changed = users();
  changed.checks = {CheckConstraint{"ck_email", "email LIKE '%@%.COM'"},
                    CheckConstraint{"ck_name", "name <> ''"}};
  EXPECT_EQ(diff_schema(schema({current}), schema({changed})),
            (Ops{DropCheck{"users", current.checks[0]}, AddCheck{"users", changed.checks[0]},
                 AddCheck{"users", changed.checks[1]}}));
  expect_reaches(schema({current}), schema({changed}));
}

TEST(DiffConstraints, PrimaryKeySetChangedAndRemoved) {
  Table keyless = users();
  keyless.primary_key.reset();
  Table by_email = users();
  by_email.primary_key = PrimaryKey{"pk_users", {"email"}};
  const std::optional<PrimaryKey> by_id = users().primary_key;
  EXPECT_EQ(diff_schema(schema({keyless}), schema({users()})),
            (Ops{AlterPrimaryKey{"users", std::nullopt, by_id}}));
  EXPECT_EQ(diff_schema(schema({users()}), schema({by_email})),
            (Ops{AlterPrimaryKey{"users", by_id, by_email.primary_key}}));
  EXPECT_EQ(diff_schema(schema({users()}), schema({keyless})),
            (Ops{AlterPrimaryKey{"users", by_id, std::nullopt}}));
  expect_reaches(schema({keyless}), schema({users()}));
  expect_reaches(schema({users()}), schema({by_email}));
}

TEST(DiffConstraints, ForeignKeyAddedDroppedAndChanged) {
  Table bare = posts();
  bare.foreign_keys.clear();
  Table cascading = posts();
  cascading.foreign_keys[0].on_delete = ForeignKeyAction::Cascade;
  const ForeignKey fk = posts().foreign_keys[0];

  EXPECT_EQ(diff_schema(schema({users(), bare}), schema({users(), posts()})),
            (Ops{AddForeignKey{"posts", fk}}));
  EXPECT_EQ(diff_schema(schema({users(), posts()}), schema({users(), bare})),
            (Ops{DropForeignKey{"posts", fk}}));
  EXPECT_EQ(diff_schema(schema({users(), posts()}), schema({users(), cascading})),
            (Ops{DropForeignKey{"posts", fk}, AddForeignKey{"posts", cascading.foreign_keys[0]}}));
  expect_reaches(schema({users(), posts()}), schema({users(), cascading}));
}

TEST(DiffConstraints, ForeignKeyIsRecreatedAroundAChangeOfWhatItReferences) {
  // PostgreSQL cannot drop a primary key that a foreign key uses, nor retype its columns.
  Table users_by_email = users();
  users_by_email.primary_key = PrimaryKey{"pk_users", {"id", "email"}};
  const ForeignKey fk = posts().foreign_keys[0];
  EXPECT_EQ(diff_schema(schema({users(), posts()}), schema({users_by_email, posts()})),
            (Ops{DropForeignKey{"posts", fk},
                 AlterPrimaryKey{"users", users().primary_key, users_by_email.primary_key},
                 AddForeignKey{"posts", fk}}));

  Table narrow_users = users();
  narrow_users.columns[0] = column("id", TypeKind::Int32);
  Table narrow_posts = posts();
  narrow_posts.columns[1] = column("user_id", TypeKind::Int32);
  EXPECT_EQ(diff_schema(schema({users(), posts()}), schema({narrow_users, narrow_posts})),
            (Ops{DropForeignKey{"posts", fk},
                 AlterColumn{"posts", int_column("user_id"), column("user_id", TypeKind::Int32)},
                 AlterColumn{"users", int_column("id"), column("id", TypeKind::Int32)},
                 AddForeignKey{"posts", fk}}));
  expect_reaches(schema({users(), posts()}), schema({narrow_users, narrow_posts}));
}

TEST(DiffConstraints, ForeignKeyOnAUniqueThatChanges) {
  Table keyed_users = users();
  keyed_users.uniques = {UniqueConstraint{"uq_email", {"email"}}};
  Table mailing = table("mailing", {text_column("email")});
  mailing.foreign_keys = {foreign_key("fk_mailing_user", {"email"}, "users", {"email"})};
  Table renamed_unique = users();
  renamed_unique.uniques = {UniqueConstraint{"uq_users_email", {"email"}}};

  const Schema current = schema({keyed_users, mailing});
  const Schema target = schema({renamed_unique, mailing});
  EXPECT_EQ(diff_schema(current, target), (Ops{DropForeignKey{"mailing", mailing.foreign_keys[0]},
                                               DropUnique{"users", keyed_users.uniques[0]},
                                               AddUnique{"users", renamed_unique.uniques[0]},
                                               AddForeignKey{"mailing", mailing.foreign_keys[0]}}));
  expect_reaches(current, target);
}

TEST(DiffConstraints, NewTableMayReferenceWhatTheMigrationAddsToAKeptTable) {
  Table keyed_users = users();
  keyed_users.uniques = {UniqueConstraint{"uq_email", {"email"}}};
  Table mailing = table("mailing", {text_column("email")});
  mailing.foreign_keys = {foreign_key("fk_mailing_user", {"email"}, "users", {"email"})};
  EXPECT_EQ(diff_schema(schema({users()}), schema({keyed_users, mailing})),
            (Ops{AddUnique{"users", keyed_users.uniques[0]}, CreateTable{mailing}}));
  expect_reaches(schema({users()}), schema({keyed_users, mailing}));
}

}  // namespace
}  // namespace tempest
