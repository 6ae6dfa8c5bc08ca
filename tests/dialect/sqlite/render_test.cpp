// Golden SQL of the SQLite renderer, one operation at a time (no database).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/operations.hpp"

namespace tempest {
namespace {

using Statements = std::vector<std::string>;

Column column(std::string name, std::string_view type, bool nullable = false,
              std::optional<ColumnDefault> default_value = std::nullopt,
              Identity identity = Identity::None) {
  Column c;
  c.name = std::move(name);
  c.type = parse_type(type);
  c.nullable = nullable;
  c.default_value = std::move(default_value);
  c.identity = identity;
  return c;
}

Column enum_column(std::string name, std::string enum_name, bool nullable = false) {
  Column c;
  c.name = std::move(name);
  c.type.kind = TypeKind::Enum;
  c.type.enum_name = std::move(enum_name);
  c.type.raw = c.type.enum_name;
  c.nullable = nullable;
  return c;
}

ColumnDefault literal(std::string value) { return {DefaultKind::Literal, std::move(value)}; }
ColumnDefault expression(std::string value) { return {DefaultKind::Expression, std::move(value)}; }

Table users_table() {
  Table t;
  t.name = "users";
  t.columns = {column("id", "bigint", false, std::nullopt, Identity::ByDefault),
               column("email", "varchar(255)"), column("active", "boolean", false, literal("yes")),
               column("note", "text", true, literal("it's"))};
  t.primary_key = PrimaryKey{"pk_users", {"id"}};
  t.uniques = {{"uq_users_email", {"email"}}};
  t.checks = {{"ck_users_email", "length(email) > 3"}};
  t.indexes = {Index{"ix_users_note", {{"note", "", true}}, false, ""}};
  return t;
}

Schema users_schema() {
  Schema s;
  s.tables = {users_table()};
  canonicalize(s);
  return s;
}

std::vector<RenderedStep> render(const std::vector<Operation>& ops, const Schema& before) {
  return sqlite_dialect().render(ops, before);
}

Statements statements_of(const std::vector<RenderedStep>& steps) {
  Statements all;
  for (const RenderedStep& step : steps) {
    all.insert(all.end(), step.statements.begin(), step.statements.end());
  }
  return all;
}

// One native step with the given statements, no rebuild flags.
void expect_native(const std::vector<RenderedStep>& steps, const Statements& expected) {
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].statements, expected);
  EXPECT_TRUE(steps[0].transactional);
  EXPECT_FALSE(steps[0].foreign_keys_off);
  EXPECT_EQ(steps[0].rebuild_table, "");
}

TEST(SqliteRender, DialectIdentityAndCapabilities) {
  const Dialect& dialect = sqlite_dialect();
  EXPECT_EQ(&dialect, &sqlite_dialect());
  EXPECT_EQ(&dialect_for(DialectKind::Sqlite), &dialect);
  EXPECT_EQ(dialect.kind(), DialectKind::Sqlite);
  EXPECT_EQ(dialect.name(), "sqlite");
  Capabilities c = dialect.capabilities();
  EXPECT_TRUE(c.transactional_ddl);
  EXPECT_FALSE(c.alter_column);
  EXPECT_FALSE(c.native_enums);
  EXPECT_FALSE(c.comments);
  EXPECT_FALSE(c.add_constraint);
}

TEST(SqliteRender, CreateTableWithRowidAliasUniqueCheckAndIndex) {
  auto steps = render({CreateTable{users_table()}}, Schema{});
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].statements,
            (Statements{"CREATE TABLE \"users\" (\n"
                        "  \"id\" INTEGER NOT NULL CONSTRAINT \"pk_users\" PRIMARY KEY,\n"
                        "  \"email\" varchar(255) NOT NULL,\n"
                        "  \"active\" boolean NOT NULL DEFAULT TRUE,\n"
                        "  \"note\" text DEFAULT 'it''s',\n"
                        "  CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"),\n"
                        "  CONSTRAINT \"ck_users_email\" CHECK (length(email) > 3)\n"
                        ")",
                        "CREATE INDEX \"ix_users_note\" ON \"users\" (\"note\" DESC)"}));
  EXPECT_FALSE(steps[0].foreign_keys_off);
  EXPECT_EQ(steps[0].description, describe(CreateTable{users_table()}));
}

TEST(SqliteRender, CreateTableWithCompositeKeyForeignKeyAndEnum) {
  Schema before = users_schema();
  before.enums = {EnumType{"status", {"draft", "it's"}}};
  Table posts;
  posts.name = "posts";
  posts.columns = {column("author_id", "int"), column("slug", "text"),
                   enum_column("status", "status"),
                   column("score", "numeric(10,2)", true, literal("1.50"))};
  posts.columns[2].default_value = literal("draft");
  posts.primary_key = PrimaryKey{"pk_posts", {"author_id", "slug"}};
  posts.foreign_keys = {{"fk_posts_author",
                         {"author_id"},
                         "users",
                         {"id"},
                         ForeignKeyAction::Cascade,
                         ForeignKeyAction::SetNull,
                         Deferrable::InitiallyDeferred}};
  expect_native(
      render({CreateTable{posts}}, before),
      {"CREATE TABLE \"posts\" (\n"
       "  \"author_id\" int NOT NULL,\n"
       "  \"slug\" text NOT NULL,\n"
       "  \"status\" text NOT NULL DEFAULT 'draft',\n"
       "  \"score\" numeric(10,2) DEFAULT 1.50,\n"
       "  CONSTRAINT \"pk_posts\" PRIMARY KEY (\"author_id\", \"slug\"),\n"
       "  CONSTRAINT \"ck_posts_status_enum\" CHECK (\"status\" IN ('draft', 'it''s')),\n"
       "  CONSTRAINT \"fk_posts_author\" FOREIGN KEY (\"author_id\") REFERENCES \"users\" (\"id\") "
       "ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED\n"
       ")"});
}

TEST(SqliteRender, AutoincrementAndImmediateDeferrableAndUnnamedConstraints) {
  Table t;
  t.name = "events";
  t.columns = {column("id", "integer", false, std::nullopt, Identity::Autoincrement),
               column("at", "timestamp", false, expression("CURRENT_TIMESTAMP")),
               column("parent", "bigint", true)};
  t.primary_key = PrimaryKey{"", {"id"}};
  t.foreign_keys = {{"",
                     {"parent"},
                     "events",
                     {"id"},
                     ForeignKeyAction::Restrict,
                     ForeignKeyAction::SetDefault,
                     Deferrable::InitiallyImmediate}};
  t.checks = {{"", "\"at\" IS NOT NULL"}};
  expect_native(render({CreateTable{t}}, Schema{}),
                {"CREATE TABLE \"events\" (\n"
                 "  \"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
                 "  \"at\" timestamp NOT NULL DEFAULT (CURRENT_TIMESTAMP),\n"
                 "  \"parent\" bigint,\n"
                 "  CHECK (\"at\" IS NOT NULL),\n"
                 "  FOREIGN KEY (\"parent\") REFERENCES \"events\" (\"id\") ON DELETE RESTRICT "
                 "ON UPDATE SET DEFAULT DEFERRABLE INITIALLY IMMEDIATE\n"
                 ")"});
}

TEST(SqliteRender, HostileNamesAndValuesAreQuoted) {
  Table t;
  t.name = "we\"ird; DROP TABLE x";
  t.columns = {column("na\"me; --", "text", true, literal("'); DROP TABLE x; --")),
               column("n", "int", true, literal("1; DROP TABLE x")),
               column("Ünïcode Mixed", "text", true)};
  t.indexes = {Index{"ix \"1\"", {{"na\"me; --", "", false}}, true, ""}};
  auto steps = render({CreateTable{t}}, Schema{});
  EXPECT_EQ(statements_of(steps),
            (Statements{"CREATE TABLE \"we\"\"ird; DROP TABLE x\" (\n"
                        "  \"na\"\"me; --\" text DEFAULT '''); DROP TABLE x; --',\n"
                        "  \"n\" int DEFAULT '1; DROP TABLE x',\n"
                        "  \"Ünïcode Mixed\" text\n"
                        ")",
                        "CREATE UNIQUE INDEX \"ix \"\"1\"\"\" ON \"we\"\"ird; DROP TABLE x\" "
                        "(\"na\"\"me; --\")"}));

  Schema before;
  before.tables = {t};
  expect_native(render({RenameTable{t.name, "ta'ble \"2\""}}, before),
                {"ALTER TABLE \"we\"\"ird; DROP TABLE x\" RENAME TO \"ta'ble \"\"2\"\"\""});
  expect_native(render({RenameColumn{t.name, "na\"me; --", "select"}}, before),
                {"ALTER TABLE \"we\"\"ird; DROP TABLE x\" RENAME COLUMN \"na\"\"me; --\" TO "
                 "\"select\""});
  expect_native(render({DropIndex{t.name, t.indexes[0]}}, before), {"DROP INDEX \"ix \"\"1\"\"\""});
  expect_native(render({DropTable{t}}, before), {"DROP TABLE \"we\"\"ird; DROP TABLE x\""});
}

TEST(SqliteRender, IndexKeysExpressionsAndPredicate) {
  Index index{"ix_users_lower_email",
              {IndexKey{"", "lower(email)", false}, IndexKey{"id", "", true}},
              true,
              "active = 1"};
  expect_native(render({CreateIndex{"users", index}}, users_schema()),
                {"CREATE UNIQUE INDEX \"ix_users_lower_email\" ON \"users\" ((lower(email)), "
                 "\"id\" DESC) WHERE active = 1"});
}

TEST(SqliteRender, AddColumnNativeWhenSqliteAllowsIt) {
  Schema before = users_schema();
  expect_native(render({AddColumn{"users", column("age", "smallint", true)}}, before),
                {"ALTER TABLE \"users\" ADD COLUMN \"age\" smallint"});
  expect_native(render({AddColumn{"users", column("rank", "int", false, literal("0"))}}, before),
                {"ALTER TABLE \"users\" ADD COLUMN \"rank\" int NOT NULL DEFAULT 0"});
  expect_native(render({AddColumn{"users", column("data", "bytes", true)}}, before),
                {"ALTER TABLE \"users\" ADD COLUMN \"data\" blob"});

  before.enums = {EnumType{"mood", {"ok", "bad"}}};
  Column mood = enum_column("mood", "mood", true);
  expect_native(render({AddColumn{"users", mood}}, before),
                {"ALTER TABLE \"users\" ADD COLUMN \"mood\" text CONSTRAINT "
                 "\"ck_users_mood_enum\" CHECK (\"mood\" IN ('ok', 'bad'))"});
}

TEST(SqliteRender, AddColumnWithNonConstantDefaultIsARebuild) {
  auto steps = render(
      {AddColumn{"users", column("seen", "timestamp", false, expression("CURRENT_TIMESTAMP"))}},
      users_schema());
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_TRUE(steps[0].foreign_keys_off);
  EXPECT_EQ(steps[0].rebuild_table, "users");
  ASSERT_GE(steps[0].statements.size(), 2u);
  EXPECT_NE(
      steps[0].statements[0].find("  \"seen\" timestamp NOT NULL DEFAULT (CURRENT_TIMESTAMP),\n"),
      std::string::npos);
  // The new column is left to its default: it is not in the copy.
  EXPECT_EQ(steps[0].statements[1],
            "INSERT INTO \"_tempest_new_users\" (\"id\", \"email\", \"active\", \"note\") "
            "SELECT \"id\", \"email\", \"active\", \"note\" FROM \"users\"");
}

TEST(SqliteRender, AddNotNullColumnWithoutDefaultLeavesItOutOfTheCopy) {
  // Whether the table has rows is known only when the plan runs: the copy then fails on
  // the NOT NULL constraint and the rebuild rolls back (see not_null_rebuild_test.cpp).
  auto steps = render({AddColumn{"users", column("must", "text")}}, users_schema());
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].rebuild_table, "users");
  EXPECT_EQ(steps[0].statements[1],
            "INSERT INTO \"_tempest_new_users\" (\"id\", \"email\", \"active\", \"note\") "
            "SELECT \"id\", \"email\", \"active\", \"note\" FROM \"users\"");
  // A table created by the same plan is written once, in its final state.
  Table fresh;
  fresh.name = "fresh";
  fresh.columns = {column("a", "int", true)};
  auto created = render({CreateTable{fresh}, AddColumn{"fresh", column("must", "text")}}, Schema{});
  EXPECT_EQ(statements_of(created), (Statements{"CREATE TABLE \"fresh\" (\n"
                                              "  \"a\" int,\n"
                                              "  \"must\" text NOT NULL\n"
                                              ")"}));
}

TEST(SqliteRender, DropColumnNativeUnlessSomethingUsesIt) {
  Schema before = users_schema();
  expect_native(render({DropColumn{"users", before.tables[0].columns[3]}},
                       [&] {
                         Schema s = before;
                         s.tables[0].indexes.clear();
                         return s;
                       }()),
                {"ALTER TABLE \"users\" DROP COLUMN \"note\""});
  // "email" is named by a CHECK: SQLite refuses DROP COLUMN, so the table is rebuilt.
  Schema with_check = before;
  with_check.tables[0].uniques.clear();
  auto steps = render({DropColumn{"users", before.tables[0].columns[1]}}, with_check);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].rebuild_table, "users");
}

TEST(SqliteRender, IdentityThatIsNotTheWholePrimaryKeyIsUnsupported) {
  Table t;
  t.name = "odd";
  t.columns = {column("id", "bigint", false, std::nullopt, Identity::Always), column("b", "int")};
  t.primary_key = PrimaryKey{"pk_odd", {"id", "b"}};
  try {
    (void)render({CreateTable{t}}, Schema{});
    FAIL() << "expected UnsupportedError";
  } catch (const UnsupportedError& e) {
    EXPECT_NE(std::string(e.what()).find("table \"odd\": column \"id\""), std::string::npos)
        << e.what();
  }
}

TEST(SqliteRender, OperationsWithoutSqlRenderNothing) {
  Schema before = users_schema();
  Column commented = before.tables[0].columns[1];
  commented.comment = "the login";
  EXPECT_TRUE(render({AlterTableComment{"users", "", "people"}}, before).empty());
  EXPECT_TRUE(
      render({AlterColumn{"users", before.tables[0].columns[1], commented}}, before).empty());
  EXPECT_TRUE(render({CreateEnum{EnumType{"e", {"a"}}}}, before).empty());
  Schema with_enum = before;
  with_enum.enums = {EnumType{"e", {"a"}}};
  EXPECT_TRUE(render({DropEnum{EnumType{"e", {"a"}}}}, with_enum).empty());
  // No table uses the enum: its labels are nowhere in the database.
  EXPECT_TRUE(render({AddEnumValue{"e", "b", 1}}, with_enum).empty());
  // Identity Always and ByDefault are the same rowid alias in SQLite.
  Column always = before.tables[0].columns[0];
  always.identity = Identity::Always;
  EXPECT_TRUE(render({AlterColumn{"users", before.tables[0].columns[0], always}}, before).empty());
}

TEST(SqliteRender, ExecuteIsVerbatimAndWritesHeldBackTablesFirst) {
  Schema before = users_schema();
  auto steps = render({AddCheck{"users", {"ck_users_note", "note <> ''"}},
                       Execute{"UPDATE users SET note = 'x'; DELETE FROM users WHERE id < 0", {}},
                       AddColumn{"users", column("age", "int", true)}},
                      before);
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].rebuild_table, "users");
  EXPECT_EQ(steps[1].statements,
            Statements{"UPDATE users SET note = 'x'; DELETE FROM users WHERE id < 0"});
  EXPECT_EQ(steps[2].statements, Statements{"ALTER TABLE \"users\" ADD COLUMN \"age\" int"});
}

TEST(SqliteRender, EnumLabelChangeRebuildsEveryTableUsingIt) {
  Schema before;
  before.enums = {EnumType{"mood", {"ok", "bad"}}};
  for (std::string name : {"a", "b", "c"}) {
    Table t;
    t.name = name;
    t.columns = {column("id", "int")};
    if (name != "b") t.columns.push_back(enum_column("m", "mood", true));
    before.tables.push_back(t);
  }
  auto steps = render({AddEnumValue{"mood", "meh", 1}}, before);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].rebuild_table, "a");
  EXPECT_EQ(steps[1].rebuild_table, "c");
  EXPECT_NE(steps[1].statements[0].find(
                "CONSTRAINT \"ck_c_m_enum\" CHECK (\"m\" IN ('ok', 'meh', 'bad'))"),
            std::string::npos)
      << steps[1].statements[0];
}

TEST(SqliteRender, RenderSchemaWritesForeignKeyCyclesWithoutRebuilds) {
  Schema schema;
  Table a;
  a.name = "a";
  a.columns = {column("id", "int"), column("b_id", "int", true)};
  a.primary_key = PrimaryKey{"pk_a", {"id"}};
  a.foreign_keys = {{"fk_a_b", {"b_id"}, "b", {"id"}}};
  Table b = a;
  b.name = "b";
  b.columns[1].name = "a_id";
  b.primary_key->name = "pk_b";
  b.foreign_keys = {{"fk_b_a", {"a_id"}, "a", {"id"}}};
  schema.tables = {a, b};
  auto steps = render_schema(sqlite_dialect(), schema);
  ASSERT_EQ(steps.size(), 2u);
  for (const RenderedStep& step : steps) {
    EXPECT_FALSE(step.foreign_keys_off);
    ASSERT_EQ(step.statements.size(), 1u);
    EXPECT_EQ(step.statements[0].rfind("CREATE TABLE", 0), 0u);
  }
  const std::string all = steps[0].statements[0] + steps[1].statements[0];
  EXPECT_NE(all.find("CONSTRAINT \"fk_a_b\" FOREIGN KEY (\"b_id\") REFERENCES \"b\" (\"id\")"),
            std::string::npos);
  EXPECT_NE(all.find("CONSTRAINT \"fk_b_a\" FOREIGN KEY (\"a_id\") REFERENCES \"a\" (\"id\")"),
            std::string::npos);
}

TEST(SqliteRender, OperationThatDoesNotFitTheSchemaIsAModelError) {
  try {
    (void)render({AddCheck{"missing", {"ck", "1"}}}, users_schema());
    FAIL() << "expected ModelError";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("operation 0 (add_check)"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("\"missing\""), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tempest
