// assess_risks: the risk of each operation on a database holding the `before` schema, exact
// reasons and severities, per dialect.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tempest/risks.hpp"

namespace tempest {
namespace {

using Ops = std::vector<Operation>;
using Risks = std::vector<Risk>;

Column column(std::string name, TypeKind kind, bool nullable = false) {
  Column c;
  c.name = std::move(name);
  c.type.kind = kind;
  c.nullable = nullable;
  return c;
}

Column varchar(std::string name, int length) {
  Column c = column(std::move(name), TypeKind::Varchar, true);
  c.type.length = length;
  return c;
}

Table table(std::string name, std::vector<Column> columns) {
  Table t;
  t.name = std::move(name);
  t.columns.push_back(column("id", TypeKind::Int64));
  for (Column& c : columns) t.columns.push_back(std::move(c));
  t.primary_key = PrimaryKey{"pk_" + t.name, {"id"}};
  return t;
}

// users(id, email varchar(255) NULL, age int32 NOT NULL) and posts(id, title text NOT NULL).
Schema blog() {
  Schema s;
  s.tables = {table("posts", {column("title", TypeKind::Text)}),
              table("users", {varchar("email", 255), column("age", TypeKind::Int32)})};
  canonicalize(s);
  return s;
}

Risks sqlite(const Ops& ops, const Schema& before = blog()) {
  return assess_risks(ops, before, DialectKind::Sqlite);
}
Risks postgres(const Ops& ops, const Schema& before = blog()) {
  return assess_risks(ops, before, DialectKind::Postgres);
}

AlterColumn alter(const std::string& table, Column from, Column to) {
  return AlterColumn{table, std::move(from), std::move(to)};
}

TEST(AssessRisks, NothingForAdditiveChanges) {
  const Ops ops{AddColumn{"users", column("bio", TypeKind::Text, true)},
                CreateTable{table("tags", {column("name", TypeKind::Text)})},
                alter("users", varchar("email", 255), varchar("email", 300)),
                alter("users", column("age", TypeKind::Int32), column("age", TypeKind::Int64))};
  EXPECT_EQ(sqlite(ops), Risks{});
  EXPECT_EQ(postgres({ops[0], ops[1], ops[2]}), Risks{});
}

TEST(AssessRisks, DropsLoseData) {
  const Ops ops{DropColumn{"users", varchar("email", 255)}, DropTable{blog().tables.at(0)}};
  const Risks expected{
      {0, RiskSeverity::Danger,
       "drop column users.email: data loss (the column's values are deleted)"},
      {1, RiskSeverity::Danger, "drop table posts: data loss (every row is deleted)"}};
  EXPECT_EQ(sqlite(ops), expected);
  EXPECT_EQ(postgres(ops), expected);
}

TEST(AssessRisks, NotNullColumnWithoutDefault) {
  const Risks expected{{0, RiskSeverity::Warning,
                        "add column users.nick: NOT NULL without a default fails when users has "
                        "rows; add a default or make it nullable, fill it, then tighten it"}};
  EXPECT_EQ(sqlite({AddColumn{"users", column("nick", TypeKind::Text)}}), expected);
  Column with_default = column("nick", TypeKind::Text);
  with_default.default_value = ColumnDefault{DefaultKind::Literal, "anonymous"};
  EXPECT_EQ(sqlite({AddColumn{"users", with_default}}), Risks{});
  Column identity = column("seq", TypeKind::Int64);
  identity.identity = Identity::ByDefault;
  EXPECT_EQ(sqlite({AddColumn{"users", identity}}), Risks{});
}

TEST(AssessRisks, PostgresRewritesForAnExpressionDefault) {
  Column stamped = column("seen_at", TypeKind::TimestampTz);
  stamped.default_value = ColumnDefault{DefaultKind::Expression, "clock_timestamp()"};
  EXPECT_EQ(postgres({AddColumn{"users", stamped}}),
            (Risks{{0, RiskSeverity::Notice,
                    "add column users.seen_at: PostgreSQL rewrites users under an ACCESS "
                    "EXCLUSIVE lock when the default (clock_timestamp()) is volatile"}}));
  EXPECT_EQ(sqlite({AddColumn{"users", stamped}}), Risks{});
}

TEST(AssessRisks, NarrowingTypeChanges) {
  EXPECT_EQ(sqlite({alter("users", varchar("email", 255), varchar("email", 100))}),
            (Risks{{0, RiskSeverity::Danger,
                    "alter column users.email: narrowing type change (longer strings do not "
                    "fit varchar(100))"}}));
  EXPECT_EQ(sqlite({alter("users", column("age", TypeKind::Int32), column("age", TypeKind::Int16))})
                .at(0)
                .reason,
            "alter column users.age: narrowing type change (values may not fit the smaller "
            "integer)");
  EXPECT_EQ(sqlite({alter("users", column("age", TypeKind::Int32), column("age", TypeKind::Text))}),
            Risks{});
  EXPECT_EQ(sqlite({alter("users", column("age", TypeKind::Int32), column("age", TypeKind::Bool))})
                .at(0)
                .reason,
            "alter column users.age: narrowing type change (existing values may not convert to the "
            "new type)");
  Column money = column("age", TypeKind::Numeric);
  money.type.precision = 10;
  money.type.scale = 2;
  Column rounder = money;
  rounder.type.scale = 0;
  EXPECT_EQ(sqlite({alter("users", money, rounder)}).at(0).reason,
            "alter column users.age: narrowing type change (numeric precision or scale is "
            "reduced)");
}

TEST(AssessRisks, PostgresTypeRewritesAndNotNullScans) {
  EXPECT_EQ(
      postgres({alter("users", column("age", TypeKind::Int32), column("age", TypeKind::Int16))}),
      (Risks{{0, RiskSeverity::Danger,
              "alter column users.age: narrowing type change (values may not fit the smaller "
              "integer)"},
             {0, RiskSeverity::Notice,
              "alter column users.age: PostgreSQL rewrites users under an ACCESS EXCLUSIVE "
              "lock to change the type"}}));
  // varchar to a longer varchar or to text: in place.
  EXPECT_EQ(
      postgres({alter("users", varchar("email", 255), column("email", TypeKind::Text, true))}),
      Risks{});
  const Risks not_null = postgres({alter("users", varchar("email", 255), [] {
    Column c = varchar("email", 255);
    c.nullable = false;
    return c;
  }())});
  EXPECT_EQ(not_null, (Risks{{0, RiskSeverity::Warning,
                              "alter column users.email: SET NOT NULL fails if rows hold NULL; "
                              "PostgreSQL scans users under an ACCESS EXCLUSIVE lock"}}));
  // With a default the NULLs take it instead of failing the change.
  Column with_default = varchar("email", 255);
  with_default.nullable = false;
  with_default.default_value = ColumnDefault{DefaultKind::Literal, "none"};
  EXPECT_EQ(postgres({alter("users", varchar("email", 255), with_default)}),
            (Risks{{0, RiskSeverity::Notice,
                    "alter column users.email: rows holding NULL take the default none; "
                    "PostgreSQL scans users under an ACCESS EXCLUSIVE lock"}}));
}

TEST(AssessRisks, ConstraintsOnExistingRows) {
  Index unique{"ux_users_email", {IndexKey{"email", "", false}}, true, ""};
  Index plain{"ix_posts_title", {IndexKey{"title", "", false}}, false, ""};
  ForeignKey author{"fk_posts_users", {"author_id"}, "users", {"id"}};
  const Ops ops{CreateIndex{"users", unique}, CreateIndex{"posts", plain},
                AddUnique{"users", UniqueConstraint{"uq_users_age", {"age"}}},
                AddCheck{"users", CheckConstraint{"ck_users_age", "age >= 0"}},
                AddForeignKey{"posts", author}};
  EXPECT_EQ(sqlite(ops),
            (Risks{{0, RiskSeverity::Warning,
                    "create unique index ux_users_email on users: fails when existing rows "
                    "hold duplicates"},
                   {2, RiskSeverity::Warning,
                    "add unique uq_users_age on users: fails when existing rows hold duplicates"},
                   {3, RiskSeverity::Warning,
                    "add check ck_users_age on users: fails when existing rows violate it"},
                   {4, RiskSeverity::Warning,
                    "add foreign key fk_posts_users on posts: fails when existing rows "
                    "reference missing rows of users"}}));
  const Risks pg = postgres({ops[1]});
  EXPECT_EQ(pg, (Risks{{0, RiskSeverity::Notice,
                        "create index ix_posts_title on posts: PostgreSQL blocks writes to posts "
                        "while the index builds; for a large table write CREATE INDEX "
                        "CONCURRENTLY in an execute step instead"}}));
}

// A table the same operations create holds no rows: nothing about rows or locks applies.
TEST(AssessRisks, TablesCreatedByTheOperationsHoldNoRows) {
  Table tags = table("tags", {column("name", TypeKind::Text)});
  const Ops ops{CreateTable{tags}, AddColumn{"tags", column("slug", TypeKind::Text)},
                alter("tags", column("name", TypeKind::Text), varchar("name", 10)),
                CreateIndex{"tags", Index{"ux_tags_slug", {IndexKey{"slug", "", false}}, true, ""}},
                DropColumn{"tags", column("name", TypeKind::Text)}};
  EXPECT_EQ(postgres(ops), Risks{});
  EXPECT_EQ(sqlite({AddColumn{"users", column("nick", TypeKind::Text)}}, Schema{}), Risks{});
}

// Renames carry the rows with them; a drop ends them.
TEST(AssessRisks, RowsFollowRenamedTables) {
  const Ops ops{RenameTable{"users", "people"}, AddColumn{"people", column("nick", TypeKind::Text)},
                DropTable{table("people", {})}, AddColumn{"people", column("x", TypeKind::Text)}};
  const Risks risks = sqlite(ops);
  ASSERT_EQ(risks.size(), 2u);
  EXPECT_EQ(risks[0].operation, 1u);
  EXPECT_EQ(risks[0].severity, RiskSeverity::Warning);
  EXPECT_EQ(risks[1],
            (Risk{2, RiskSeverity::Danger, "drop table people: data loss (every row is deleted)"}));
}

TEST(AssessRisks, RenameCandidatesFollowTheirDrop) {
  const Ops ops{AddColumn{"posts", column("headline", TypeKind::Text, true)},
                DropColumn{"posts", column("title", TypeKind::Text, true)}};
  EXPECT_EQ(sqlite(ops),
            (Risks{{1, RiskSeverity::Danger,
                    "drop column posts.title: data loss (the column's values are deleted)"},
                   {1, RiskSeverity::Danger,
                    "column posts.title dropped and posts.headline added: if it is a rename, "
                    "declare column(\"headline\", ...).renamed_from(\"title\") in the model"}}));
}

TEST(AssessRisks, SeverityNames) {
  EXPECT_EQ(to_string(RiskSeverity::Notice), "notice");
  EXPECT_EQ(to_string(RiskSeverity::Warning), "warning");
  EXPECT_EQ(to_string(RiskSeverity::Danger), "danger");
}

}  // namespace
}  // namespace tempest
