#include <gtest/gtest.h>

#include "shop_schema.hpp"
#include "tempest/dialect.hpp"
#include "tempest/error.hpp"

// Golden SQL: the exact statements each operation renders to, quoting included.

namespace tempest::testing {
namespace {

std::vector<std::string> render_one(const Operation& op, const Schema& before = shop_schema()) {
  std::vector<RenderedStep> steps = postgres_dialect().render({op}, before);
  EXPECT_EQ(steps.size(), 1u);
  // A new enum label is committed on its own so later steps can use it.
  EXPECT_EQ(steps.at(0).transactional, !std::holds_alternative<AddEnumValue>(op));
  EXPECT_FALSE(steps.at(0).foreign_keys_off);
  EXPECT_EQ(steps.at(0).description, describe(op));
  return steps.at(0).statements;
}

using Statements = std::vector<std::string>;

Table posts() { return *find_table(shop_schema(), "posts"); }

TEST(PostgresRender, DialectIdentity) {
  const Dialect& dialect = postgres_dialect();
  EXPECT_EQ(dialect.kind(), DialectKind::Postgres);
  EXPECT_EQ(dialect.name(), "postgresql");
  Capabilities capabilities = dialect.capabilities();
  EXPECT_TRUE(capabilities.transactional_ddl);
  EXPECT_TRUE(capabilities.alter_column);
  EXPECT_TRUE(capabilities.native_enums);
  EXPECT_TRUE(capabilities.comments);
  EXPECT_TRUE(capabilities.add_constraint);
  EXPECT_EQ(&dialect_for(DialectKind::Postgres), &dialect);
}

TEST(PostgresRender, CreateTable) {
  Schema before = shop_schema();
  Table table = posts();
  table.name = "articles";
  table.comment = "it's long";
  table.columns[2].comment = "headline";
  table.uniques = {UniqueConstraint{"uq_articles_title", {"title", "user_id"}}};
  table.checks = {CheckConstraint{"ck_articles_price", "price >= 0"}};
  table.foreign_keys[0].name = "fk_articles_user";
  table.foreign_keys[0].on_update = ForeignKeyAction::Restrict;
  table.foreign_keys[0].deferrable = Deferrable::InitiallyDeferred;
  table.indexes = {Index{"ix_articles_recent",
                         {IndexKey{"user_id", "", false}, IndexKey{"", "lower(title)", true}},
                         true,
                         "published"}};
  EXPECT_EQ(render_one(CreateTable{table}, before),
            (Statements{
                "CREATE TABLE \"public\".\"articles\" (\n"
                "  \"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n"
                "  \"user_id\" bigint NOT NULL,\n"
                "  \"title\" text NOT NULL DEFAULT 'untitled',\n"
                "  \"status\" \"public\".\"status\" NOT NULL DEFAULT 'draft',\n"
                "  \"body\" jsonb,\n"
                "  \"price\" numeric(10,2) DEFAULT 0,\n"
                "  \"published\" boolean NOT NULL DEFAULT false,\n"
                "  CONSTRAINT \"pk_posts\" PRIMARY KEY (\"id\"),\n"
                "  CONSTRAINT \"uq_articles_title\" UNIQUE (\"title\", \"user_id\"),\n"
                "  CONSTRAINT \"ck_articles_price\" CHECK (price >= 0),\n"
                "  CONSTRAINT \"fk_articles_user\" FOREIGN KEY (\"user_id\") REFERENCES "
                "\"public\".\"users\" (\"id\") ON DELETE CASCADE ON UPDATE RESTRICT DEFERRABLE "
                "INITIALLY DEFERRED\n"
                ")",
                "CREATE UNIQUE INDEX \"ix_articles_recent\" ON \"public\".\"articles\" "
                "(\"user_id\", (lower(title)) DESC) WHERE published",
                "COMMENT ON TABLE \"public\".\"articles\" IS 'it''s long'",
                "COMMENT ON COLUMN \"public\".\"articles\".\"title\" IS 'headline'",
            }));
}

TEST(PostgresRender, TypesAndDefaults) {
  Table table;
  table.name = "types";
  ColumnType tz = type_of(TypeKind::TimestampTz);
  tz.precision = 3;
  ColumnType time = type_of(TypeKind::Time);
  time.precision = 0;
  ColumnType custom = type_of(TypeKind::Custom);
  custom.raw = "int4range";
  table.columns = {
      with_default(column("a", type_of(TypeKind::Int16)), DefaultKind::Literal, "-3"),
      with_identity(column("b", type_of(TypeKind::Int32)), Identity::Autoincrement),
      column("c", type_of(TypeKind::Float32), true),
      with_default(column("d", type_of(TypeKind::Float64)), DefaultKind::Literal, "Infinity"),
      column("e", numeric(12, 4), true),
      column("f", type_of(TypeKind::Numeric), true),
      with_default(column("g", type_of(TypeKind::Bytes), true), DefaultKind::Literal, "\\x00"),
      with_default(column("h", type_of(TypeKind::Date), true), DefaultKind::Expression,
                   "CURRENT_DATE"),
      column("i", time, true),
      column("j", type_of(TypeKind::Timestamp), true),
      column("k", tz, true),
      with_default(column("l", type_of(TypeKind::Uuid), true), DefaultKind::Expression,
                   "gen_random_uuid()"),
      with_default(column("m", type_of(TypeKind::Json), true), DefaultKind::Literal, "{}"),
      column("n", custom, true),
      with_default(column("o", type_of(TypeKind::Bool)), DefaultKind::Literal, "TRUE"),
      with_default(column("p", varchar(3)), DefaultKind::Literal, "1; DROP TABLE x"),
      with_default(column("q", type_of(TypeKind::Int64)), DefaultKind::Literal, "1; DROP TABLE x"),
  };
  EXPECT_EQ(render_one(CreateTable{table}),
            (Statements{"CREATE TABLE \"public\".\"types\" (\n"
                        "  \"a\" smallint NOT NULL DEFAULT -3,\n"
                        "  \"b\" integer GENERATED BY DEFAULT AS IDENTITY NOT NULL,\n"
                        "  \"c\" real,\n"
                        "  \"d\" double precision NOT NULL DEFAULT 'Infinity',\n"
                        "  \"e\" numeric(12,4),\n"
                        "  \"f\" numeric,\n"
                        "  \"g\" bytea DEFAULT '\\x00',\n"
                        "  \"h\" date DEFAULT CURRENT_DATE,\n"
                        "  \"i\" time(0),\n"
                        "  \"j\" timestamp,\n"
                        "  \"k\" timestamptz(3),\n"
                        "  \"l\" uuid DEFAULT gen_random_uuid(),\n"
                        "  \"m\" jsonb DEFAULT '{}',\n"
                        "  \"n\" int4range,\n"
                        "  \"o\" boolean NOT NULL DEFAULT true,\n"
                        "  \"p\" varchar(3) NOT NULL DEFAULT '1; DROP TABLE x',\n"
                        "  \"q\" bigint NOT NULL DEFAULT '1; DROP TABLE x'\n"
                        ")"}));
}

TEST(PostgresRender, CustomTypesThatCouldEndTheStatementAreRefused) {
  Table table;
  table.name = "t";
  ColumnType custom = type_of(TypeKind::Custom);
  custom.raw = "int; DROP TABLE users";
  table.columns = {column("c", custom)};
  try {
    (void)postgres_dialect().render({CreateTable{table}}, shop_schema());
    FAIL() << "expected ModelError";
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()),
              "table \"t\": column \"c\": custom type \"int; DROP TABLE users\" is not a type "
              "name");
  }
}

TEST(PostgresRender, TableOperations) {
  EXPECT_EQ(render_one(DropTable{posts()}), (Statements{"DROP TABLE \"public\".\"posts\""}));
  EXPECT_EQ(render_one(RenameTable{"posts", "articles"}),
            (Statements{"ALTER TABLE \"public\".\"posts\" RENAME TO \"articles\""}));
  EXPECT_EQ(render_one(AlterTableComment{"posts", "", "news"}),
            (Statements{"COMMENT ON TABLE \"public\".\"posts\" IS 'news'"}));
  EXPECT_EQ(render_one(AlterTableComment{"users", "people who post", ""}),
            (Statements{"COMMENT ON TABLE \"public\".\"users\" IS NULL"}));
}

TEST(PostgresRender, ColumnOperations) {
  Column added = with_default(column("views", type_of(TypeKind::Int64)), DefaultKind::Literal, "0");
  added.comment = "hits";
  EXPECT_EQ(render_one(AddColumn{"posts", added}),
            (Statements{"ALTER TABLE \"public\".\"posts\" ADD COLUMN \"views\" bigint NOT NULL "
                        "DEFAULT 0",
                        "COMMENT ON COLUMN \"public\".\"posts\".\"views\" IS 'hits'"}));
  EXPECT_EQ(render_one(DropColumn{"posts", posts().columns[4]}),
            (Statements{"ALTER TABLE \"public\".\"posts\" DROP COLUMN \"body\""}));
  EXPECT_EQ(render_one(RenameColumn{"posts", "body", "content"}),
            (Statements{"ALTER TABLE \"public\".\"posts\" RENAME COLUMN \"body\" TO \"content\""}));
}

TEST(PostgresRender, AlterColumnTypeKeepsTheDefaultAcrossTheConversion) {
  Column from = posts().columns[5];  // price numeric(10,2) DEFAULT 0
  Column to = from;
  to.type = type_of(TypeKind::Float64);
  to.nullable = false;
  to.default_value = ColumnDefault{DefaultKind::Literal, "1.5"};
  EXPECT_EQ(render_one(AlterColumn{"posts", from, to}),
            (Statements{
                "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"price\" DROP DEFAULT",
                "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"price\" TYPE double precision "
                "USING \"price\"::double precision",
                "UPDATE \"public\".\"posts\" SET \"price\" = 1.5 WHERE \"price\" IS NULL",
                "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"price\" SET NOT NULL",
                "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"price\" SET DEFAULT 1.5",
            }));
}

TEST(PostgresRender, AlterColumnToAnEnumConvertsThroughText) {
  Column from = posts().columns[2];  // title text DEFAULT 'untitled'
  Column to = from;
  to.type = enum_type("status");
  to.default_value.reset();
  to.nullable = true;
  to.comment = "state";
  EXPECT_EQ(render_one(AlterColumn{"posts", from, to}),
            (Statements{
                "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"title\" DROP DEFAULT",
                "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"title\" TYPE "
                "\"public\".\"status\" USING \"title\"::text::\"public\".\"status\"",
                "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"title\" DROP NOT NULL",
                "COMMENT ON COLUMN \"public\".\"posts\".\"title\" IS 'state'",
            }));
}

TEST(PostgresRender, AlterColumnIdentity) {
  Column plain = posts().columns[1];  // user_id bigint NOT NULL
  Column identity = with_identity(plain, Identity::ByDefault);
  EXPECT_EQ(render_one(AlterColumn{"posts", plain, identity}),
            (Statements{
                "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"user_id\" ADD GENERATED BY "
                "DEFAULT AS IDENTITY",
                "SELECT setval(pg_get_serial_sequence('\"public\".\"posts\"', 'user_id'), "
                "coalesce(max(\"user_id\"), 0) + 1, false) FROM \"public\".\"posts\"",
            }));
  Column always = posts().columns[0];  // id ALWAYS
  Column by_default = with_identity(always, Identity::ByDefault);
  EXPECT_EQ(render_one(AlterColumn{"posts", always, by_default}),
            (Statements{"ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"id\" SET GENERATED BY "
                        "DEFAULT"}));
  Column none = with_identity(always, Identity::None);
  EXPECT_EQ(render_one(AlterColumn{"posts", always, none}),
            (Statements{"ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"id\" DROP IDENTITY"}));
}

TEST(PostgresRender, ConstraintOperations) {
  const Table table = posts();
  EXPECT_EQ(render_one(AlterPrimaryKey{"posts", table.primary_key,
                                       PrimaryKey{"pk_posts2", {"id", "user_id"}}}),
            (Statements{"ALTER TABLE \"public\".\"posts\" DROP CONSTRAINT \"pk_posts\"",
                        "ALTER TABLE \"public\".\"posts\" ADD CONSTRAINT \"pk_posts2\" PRIMARY "
                        "KEY (\"id\", \"user_id\")"}));
  EXPECT_EQ(render_one(AddUnique{"posts", UniqueConstraint{"uq_posts_title", {"title"}}}),
            (Statements{"ALTER TABLE \"public\".\"posts\" ADD CONSTRAINT \"uq_posts_title\" "
                        "UNIQUE (\"title\")"}));
  EXPECT_EQ(render_one(DropUnique{"users", UniqueConstraint{"uq_users_email", {"email"}}}),
            (Statements{"ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"uq_users_email\""}));
  EXPECT_EQ(render_one(AddCheck{"posts", CheckConstraint{"ck_price", "price > 0"}}),
            (Statements{"ALTER TABLE \"public\".\"posts\" ADD CONSTRAINT \"ck_price\" CHECK "
                        "(price > 0)"}));
  EXPECT_EQ(render_one(DropCheck{"users", CheckConstraint{"ck_users_score", "score >= 0"}}),
            (Statements{"ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"ck_users_score\""}));
  ForeignKey key{"fk_self",
                 {"user_id"},
                 "posts",
                 {"id"},
                 ForeignKeyAction::SetNull,
                 ForeignKeyAction::Cascade,
                 Deferrable::InitiallyImmediate};
  EXPECT_EQ(render_one(AddForeignKey{"posts", key}),
            (Statements{"ALTER TABLE \"public\".\"posts\" ADD CONSTRAINT \"fk_self\" FOREIGN KEY "
                        "(\"user_id\") REFERENCES \"public\".\"posts\" (\"id\") ON DELETE SET "
                        "NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE"}));
  EXPECT_EQ(render_one(DropForeignKey{"posts", table.foreign_keys[0]}),
            (Statements{"ALTER TABLE \"public\".\"posts\" DROP CONSTRAINT "
                        "\"fk_posts_user_id_users\""}));
}

TEST(PostgresRender, IndexOperations) {
  Schema without = shop_schema();
  find_table(without, "posts")->indexes.pop_back();
  EXPECT_EQ(render_one(CreateIndex{"posts", posts().indexes[1]}, without),
            (Statements{"CREATE INDEX \"ix_posts_recent\" ON \"public\".\"posts\" (\"user_id\", "
                        "\"id\" DESC) WHERE status <> 'archived'::status"}));
  EXPECT_EQ(render_one(DropIndex{"posts", posts().indexes[0]}),
            (Statements{"DROP INDEX \"public\".\"ix_posts_lower_title\""}));
}

TEST(PostgresRender, UnnamedObjectsGetTheConventionalNames) {
  EXPECT_EQ(render_one(AddUnique{"posts", UniqueConstraint{"", {"title", "user_id"}}}),
            (Statements{"ALTER TABLE \"public\".\"posts\" ADD CONSTRAINT "
                        "\"uq_posts_title_user_id\" UNIQUE (\"title\", \"user_id\")"}));
  EXPECT_EQ(render_one(AddCheck{"posts", CheckConstraint{"", "price >= 0"}}),
            (Statements{"ALTER TABLE \"public\".\"posts\" ADD CONSTRAINT \"ck_posts_price_0\" "
                        "CHECK (price >= 0)"}));
  EXPECT_EQ(render_one(CreateIndex{"posts", Index{"", {IndexKey{"title", "", false}}, false, ""}}),
            (Statements{"CREATE INDEX \"ix_posts_title\" ON \"public\".\"posts\" (\"title\")"}));
  Schema normalized = postgres_dialect().normalize([] {
    Schema schema = shop_schema();
    find_table(schema, "posts")->uniques.push_back(UniqueConstraint{"", {"title", "user_id"}});
    return schema;
  }());
  EXPECT_EQ(find_table(normalized, "posts")->uniques.at(0).name, "uq_posts_title_user_id");
}

TEST(PostgresRender, EnumOperations) {
  EXPECT_EQ(render_one(CreateEnum{EnumType{"mood", {"happy", "it's ok"}}}),
            (Statements{"CREATE TYPE \"public\".\"mood\" AS ENUM ('happy', 'it''s ok')"}));
  EXPECT_EQ(render_one(DropEnum{EnumType{"status", {"draft", "published", "archived"}}},
                       [] {
                         Schema schema = shop_schema();
                         schema.tables.clear();
                         return schema;
                       }()),
            (Statements{"DROP TYPE \"public\".\"status\""}));
  EXPECT_EQ(render_one(AddEnumValue{"status", "deleted", 3}),
            (Statements{"ALTER TYPE \"public\".\"status\" ADD VALUE IF NOT EXISTS 'deleted'"}));
  EXPECT_EQ(render_one(AddEnumValue{"status", "review", 1}),
            (Statements{"ALTER TYPE \"public\".\"status\" ADD VALUE IF NOT EXISTS 'review' "
                        "BEFORE 'published'"}));
  // Committed on its own, so that later steps can use the label.
  EXPECT_FALSE(postgres_dialect()
                   .render({AddEnumValue{"status", "deleted", 3}}, shop_schema())
                   .front()
                   .transactional);
  EXPECT_EQ(
      render_one(DropEnumValue{"status", "published", 1}),
      (Statements{
          "ALTER TYPE \"public\".\"status\" RENAME TO \"tempest_old_status\"",
          "CREATE TYPE \"public\".\"status\" AS ENUM ('draft', 'archived')",
          "DROP INDEX \"public\".\"ix_posts_lower_title\"",
          "DROP INDEX \"public\".\"ix_posts_recent\"",
          "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"status\" DROP DEFAULT",
          "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"status\" TYPE \"public\".\"status\" "
          "USING \"status\"::text::\"public\".\"status\"",
          "CREATE INDEX \"ix_posts_lower_title\" ON \"public\".\"posts\" ((lower(title)))",
          "CREATE INDEX \"ix_posts_recent\" ON \"public\".\"posts\" (\"user_id\", \"id\" DESC) "
          "WHERE status <> 'archived'::status",
          "ALTER TABLE \"public\".\"posts\" ALTER COLUMN \"status\" SET DEFAULT 'draft'",
          "DROP TYPE \"public\".\"tempest_old_status\"",
      }));
}

TEST(PostgresRender, ExecuteIsKeptAsWrittenLessTheTerminator) {
  EXPECT_EQ(render_one(Execute{"UPDATE posts SET title = 'x';  \n", std::nullopt}),
            (Statements{"UPDATE posts SET title = 'x'"}));
}

TEST(PostgresRender, HandWrittenSqlRefusedInATransactionGetsAStepOfItsOwn) {
  auto transactional = [](const std::string& sql) {
    return postgres_dialect()
        .render({Execute{sql, std::nullopt}}, shop_schema())
        .at(0)
        .transactional;
  };
  EXPECT_FALSE(transactional("CREATE INDEX CONCURRENTLY ix ON posts (title)"));
  EXPECT_FALSE(transactional("create unique index concurrently if not exists ix on posts (id)"));
  EXPECT_FALSE(transactional("UPDATE posts SET title = 'x';\nDROP INDEX CONCURRENTLY ix"));
  EXPECT_FALSE(transactional("VACUUM ANALYZE posts"));
  EXPECT_FALSE(transactional("REINDEX TABLE CONCURRENTLY posts"));
  EXPECT_FALSE(transactional("ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY"));
  EXPECT_TRUE(transactional("CREATE INDEX ix ON posts (title)"));
  EXPECT_TRUE(transactional("UPDATE posts SET title = 'CREATE INDEX CONCURRENTLY'"));
  EXPECT_TRUE(transactional("CREATE INDEX \"concurrently\" ON posts (title) -- CONCURRENTLY"));
  EXPECT_TRUE(transactional(
      "CREATE FUNCTION f() RETURNS void AS $$ VACUUM $$ LANGUAGE sql; /* VACUUM */ SELECT 1"));
}

TEST(PostgresRender, AnotherSchemaQualifiesEveryName) {
  auto dialect = make_postgres_dialect("App \"v2\"");
  std::vector<RenderedStep> steps = dialect->render(
      {RenameColumn{"posts", "body", "content"},
       CreateIndex{"posts", Index{"ix_c", {IndexKey{"content", "", false}}, false, ""}},
       DropIndex{"posts", posts().indexes[0]}},
      shop_schema());
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].statements,
            (Statements{"ALTER TABLE \"App \"\"v2\"\"\".\"posts\" RENAME COLUMN \"body\" TO "
                        "\"content\""}));
  EXPECT_EQ(steps[1].statements,
            (Statements{"CREATE INDEX \"ix_c\" ON \"App \"\"v2\"\"\".\"posts\" (\"content\")"}));
  EXPECT_EQ(steps[2].statements,
            (Statements{"DROP INDEX \"App \"\"v2\"\"\".\"ix_posts_lower_title\""}));
}

TEST(PostgresRender, OperationsThatDoNotFitTheSchemaAreModelErrors) {
  try {
    (void)postgres_dialect().render({RenameColumn{"posts", "nope", "x"}}, shop_schema());
    FAIL() << "expected ModelError";
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()),
              "operation 0 (rename_column): table \"posts\": column \"nope\" does not exist");
  }
  EXPECT_THROW((void)postgres_dialect().render({DropEnumValue{"nope", "x", 0}}, shop_schema()),
               ModelError);
}

TEST(PostgresRender, LaterOperationsSeeTheEffectOfEarlierOnes) {
  // The rebuild of "status" must convert the column added in the same plan.
  Column added = column("previous", enum_type("status"), true);
  std::vector<RenderedStep> steps = postgres_dialect().render(
      {AddColumn{"users", added}, DropEnumValue{"status", "archived", 2}}, shop_schema());
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_NE(std::find(steps[1].statements.begin(), steps[1].statements.end(),
                      "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"previous\" TYPE "
                      "\"public\".\"status\" USING \"previous\"::text::\"public\".\"status\""),
            steps[1].statements.end());
}

}  // namespace
}  // namespace tempest::testing
