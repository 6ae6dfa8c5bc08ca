// diff_schema: columns of a kept table.

#include <gtest/gtest.h>

#include <optional>
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
using diff_test::renamed;
using diff_test::schema;
using diff_test::table;
using diff_test::text_column;

using Ops = std::vector<Operation>;

Schema users(std::vector<Column> extra) { return schema({table("users", std::move(extra))}); }

TEST(DiffColumns, AddedColumnsAppendInTargetOrder) {
  Schema current = users({text_column("email")});
  Schema target = users({text_column("email"), text_column("name", true), int_column("age")});
  EXPECT_EQ(diff_schema(current, target), (Ops{AddColumn{"users", text_column("name", true)},
                                               AddColumn{"users", int_column("age")}}));
  expect_reaches(current, target);
}

TEST(DiffColumns, DroppedColumnCarriesTheWholeColumn) {
  Column email = text_column("email", true);
  email.default_value = ColumnDefault{DefaultKind::Literal, "none"};
  email.comment = "contact";
  Schema current = users({email});
  EXPECT_EQ(diff_schema(current, users({})), (Ops{DropColumn{"users", email}}));
  expect_reaches(current, users({}));
}

TEST(DiffColumns, EachAttributeChangeIsAnAlter) {
  Column base = int_column("score");
  Column type = column("score", TypeKind::Int32);
  Column nullable = int_column("score", true);
  Column with_default = int_column("score");
  with_default.default_value = ColumnDefault{DefaultKind::Literal, "1"};
  Column identity = int_column("score");
  identity.identity = Identity::Always;
  Column comment = int_column("score");
  comment.comment = "points";
  for (const Column& changed : {type, nullable, with_default, identity, comment}) {
    EXPECT_EQ(diff_schema(users({base}), users({changed})),
              (Ops{AlterColumn{"users", base, changed}}));
    expect_reaches(users({base}), users({changed}));
  }
}

TEST(DiffColumns, EquivalentDefaultsAreNoChange) {
  Column quoted = int_column("score");
  quoted.default_value = ColumnDefault{DefaultKind::Literal, "'0'"};
  Column bare = int_column("score");
  bare.default_value = ColumnDefault{DefaultKind::Literal, "0"};
  EXPECT_TRUE(diff_schema(users({quoted}), users({bare})).empty());

  Column now = column("at", TypeKind::Timestamp);
  now.default_value = ColumnDefault{DefaultKind::Expression, "CURRENT_TIMESTAMP"};
  Column lower_now = now;
  lower_now.default_value->value = "(current_timestamp)";
  EXPECT_TRUE(diff_schema(users({now}), users({lower_now})).empty());
}

TEST(DiffColumns, TypeAliasesAreNoChange) {
  Column int4 = int_column("n");
  int4.type = parse_type("int4");
  Column integer = int_column("n");
  integer.type = parse_type("integer");
  EXPECT_TRUE(diff_schema(users({int4}), users({integer})).empty());
}

TEST(DiffColumns, ColumnOrderIsNotCompared) {
  Schema current = users({text_column("a"), text_column("b")});
  Schema target = users({text_column("b"), text_column("a")});
  EXPECT_TRUE(diff_schema(current, target).empty());
}

TEST(DiffColumns, RenameHintRenamesAndFollowsKeysIndexesAndForeignKeys) {
  Table accounts = table("accounts", {text_column("mail")});
  accounts.indexes = {index_on("ix_accounts_mail", {"mail"}, true)};
  accounts.uniques = {UniqueConstraint{"uq_accounts_mail", {"mail"}}};
  Table logins = table("logins", {text_column("mail")});
  logins.foreign_keys = {foreign_key("fk_logins_account", {"mail"}, "accounts", {"mail"})};
  Schema current = schema({accounts, logins});

  Table accounts2 = table("accounts", {renamed(text_column("email"), "mail")});
  accounts2.indexes = {index_on("ix_accounts_mail", {"email"}, true)};
  accounts2.uniques = {UniqueConstraint{"uq_accounts_mail", {"email"}}};
  Table logins2 = logins;
  logins2.foreign_keys[0].ref_columns = {"email"};
  Schema target = schema({accounts2, logins2});

  EXPECT_EQ(diff_schema(current, target), (Ops{RenameColumn{"accounts", "mail", "email"}}));
  expect_reaches(current, target);
}

TEST(DiffColumns, RenamedColumnCanAlsoChange) {
  Schema current = users({text_column("mail")});
  Schema target = users({renamed(text_column("email", true), "mail")});
  EXPECT_EQ(diff_schema(current, target),
            (Ops{RenameColumn{"users", "mail", "email"},
                 AlterColumn{"users", text_column("email"), text_column("email", true)}}));
  expect_reaches(current, target);
}

TEST(DiffColumns, ColumnRenameInsideARenamedTable) {
  Schema current = users({text_column("mail")});
  Table people = table("people", {renamed(text_column("email"), "mail")});
  people.renamed_from = "users";
  people.primary_key->name = "pk_users";
  Schema target = schema({people});
  EXPECT_EQ(diff_schema(current, target),
            (Ops{RenameTable{"users", "people"}, RenameColumn{"people", "mail", "email"}}));
  expect_reaches(current, target);
}

TEST(DiffColumns, HintNamingNothingAddsTheColumn) {
  Schema current = users({});
  Schema target = users({renamed(text_column("email"), "mail")});
  EXPECT_EQ(diff_schema(current, target), (Ops{AddColumn{"users", text_column("email")}}));
  expect_reaches(current, target);
}

TEST(DiffColumns, DropColumnComesAfterWhatUsesIt) {
  Table current_users = table("users", {text_column("email"), text_column("name")});
  current_users.indexes = {index_on("ix_users_email", {"email"})};
  current_users.primary_key = PrimaryKey{"pk_users", {"id", "email"}};
  Table target_users = table("users", {text_column("name")});
  Schema current = schema({current_users});
  Schema target = schema({target_users});
  EXPECT_EQ(diff_schema(current, target),
            (Ops{DropIndex{"users", current_users.indexes[0]},
                 AlterPrimaryKey{"users", current_users.primary_key, target_users.primary_key},
                 DropColumn{"users", text_column("email")}}));
  expect_reaches(current, target);
}

}  // namespace
}  // namespace tempest
