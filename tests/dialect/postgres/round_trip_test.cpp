#include "round_trip.hpp"

#include <gtest/gtest.h>

#include "shop_schema.hpp"
#include "support/pg_cluster.hpp"
#include "tempest/error.hpp"

// The key property for every operation kind, against the real server: build the before
// state, run the operation, introspect == normalize(apply(before, op)); run its inverse,
// introspect == normalize(before).

namespace tempest::testing {
namespace {

Table posts() { return *find_table(shop_schema(), "posts"); }
Table users() { return *find_table(shop_schema(), "users"); }

Column column_of(const Table& table, const std::string& name) { return *find_column(table, name); }

// Rows the operations must carry along.
const char* const kRows =
    "INSERT INTO users (email, name) VALUES ('a@x', 'Ann'), ('b@x', NULL);"
    "INSERT INTO posts (user_id, title, status, price) VALUES (1, 'one', 'published', 9.5),"
    " (2, 'two', 'draft', NULL)";

TEST(PostgresRoundTrip, ShopSchemaIntrospectsAsNormalized) {
  TempPgDatabase db;
  create_schema(db.driver(), postgres_dialect(), shop_schema());
  EXPECT_TRUE(same_schema(postgres_dialect().introspect(db.driver()),
                          postgres_dialect().normalize(shop_schema())));
  EXPECT_TRUE(
      same_schema(inspect_schema(db.driver()), postgres_dialect().normalize(shop_schema())));
}

TEST(PostgresRoundTrip, CreateTable) {
  Table table;
  table.name = "every_type";
  table.comment = "all of them";
  ColumnType tz = type_of(TypeKind::TimestampTz);
  tz.precision = 3;
  ColumnType time = type_of(TypeKind::Time);
  time.precision = 2;
  ColumnType ts = type_of(TypeKind::Timestamp);
  ts.precision = 0;
  ColumnType array = type_of(TypeKind::Custom);
  array.raw = "integer[]";
  table.columns = {
      with_identity(column("a", type_of(TypeKind::Int16)), Identity::Always),
      with_default(column("b", type_of(TypeKind::Int32)), DefaultKind::Literal, "-7"),
      with_default(column("c", type_of(TypeKind::Int64), true), DefaultKind::Literal,
                   "10000000000"),
      with_default(column("d", type_of(TypeKind::Bool)), DefaultKind::Literal, "true"),
      with_default(column("e", type_of(TypeKind::Float32), true), DefaultKind::Literal, "1.5"),
      with_default(column("f", type_of(TypeKind::Float64), true), DefaultKind::Literal, "-2.25"),
      with_default(column("g", numeric(12, 3), true), DefaultKind::Literal, "4.990"),
      column("h", type_of(TypeKind::Numeric), true),
      with_default(column("i", type_of(TypeKind::Text), true), DefaultKind::Literal, "it's"),
      with_default(column("j", varchar(20), true), DefaultKind::Literal, "x"),
      column("k", type_of(TypeKind::Bytes), true),
      with_default(column("l", type_of(TypeKind::Date), true), DefaultKind::Expression,
                   "CURRENT_DATE"),
      with_default(column("m", time, true), DefaultKind::Literal, "10:30:00"),
      with_default(column("n", ts, true), DefaultKind::Literal, "2020-01-02 03:04:05"),
      with_default(column("o", tz, true), DefaultKind::Expression, "now()"),
      with_default(column("p", type_of(TypeKind::Uuid), true), DefaultKind::Literal,
                   "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
      with_default(column("q", type_of(TypeKind::Json), true), DefaultKind::Literal, "{}"),
      with_default(column("r", enum_type("status")), DefaultKind::Literal, "published"),
      column("s", array, true),
      with_default(column("t", type_of(TypeKind::Text), true), DefaultKind::Expression,
                   "lower('ABC')"),
      column("u", type_of(TypeKind::Int64), true),
  };
  table.columns[1].comment = "seven";
  table.primary_key = PrimaryKey{"pk_every_type", {"a", "b"}};
  table.uniques = {UniqueConstraint{"uq_every_type_ij", {"i", "j"}}};
  table.checks = {CheckConstraint{"ck_every_type_b", "b < 100"},
                  CheckConstraint{"ck_every_type_i", "length(i) > 0"}};
  table.foreign_keys = {ForeignKey{"fk_every_type_u",
                                   {"u"},
                                   "users",
                                   {"id"},
                                   ForeignKeyAction::SetNull,
                                   ForeignKeyAction::Restrict,
                                   Deferrable::InitiallyDeferred}};
  table.indexes = {
      Index{"ix_every_type_expr",
            {IndexKey{"", "lower(i)", false}, IndexKey{"c", "", true}},
            true,
            "c > 0"},
      Index{"ix_every_type_sum", {IndexKey{"", "b + c", false}}, false, ""},
  };
  expect_round_trip(shop_schema(), CreateTable{table});
}

TEST(PostgresRoundTrip, DropTable) { expect_round_trip(shop_schema(), DropTable{posts()}, kRows); }

TEST(PostgresRoundTrip, RenameTable) {
  expect_round_trip(shop_schema(), RenameTable{"users", "members"}, kRows);
}

TEST(PostgresRoundTrip, AlterTableComment) {
  expect_round_trip(shop_schema(), AlterTableComment{"users", "people who post", "changed"});
  expect_round_trip(shop_schema(), AlterTableComment{"posts", "", "it's new"});
}

TEST(PostgresRoundTrip, AddColumn) {
  Column added = with_default(column("views", type_of(TypeKind::Int64)), DefaultKind::Literal, "0");
  added.comment = "hits";
  expect_round_trip(shop_schema(), AddColumn{"posts", added}, kRows);
  expect_round_trip(shop_schema(), AddColumn{"posts", column("mood", enum_type("status"), true)},
                    kRows);
}

TEST(PostgresRoundTrip, DropColumn) {
  expect_round_trip(shop_schema(), DropColumn{"posts", column_of(posts(), "body")}, kRows);
  expect_round_trip(shop_schema(), DropColumn{"users", column_of(users(), "created_at")}, kRows);
}

TEST(PostgresRoundTrip, RenameColumn) {
  expect_round_trip(shop_schema(), RenameColumn{"users", "email", "e-mail"}, kRows);
}

TEST(PostgresRoundTrip, AlterColumnType) {
  Column from = column_of(users(), "score");
  Column to = from;
  to.type = type_of(TypeKind::Int64);
  to.default_value = ColumnDefault{DefaultKind::Literal, "5"};
  expect_round_trip(shop_schema(), AlterColumn{"users", from, to}, kRows);

  from = column_of(users(), "email");
  to = from;
  to.type = type_of(TypeKind::Text);
  to.comment = "";
  expect_round_trip(shop_schema(), AlterColumn{"users", from, to}, kRows);
}

TEST(PostgresRoundTrip, AlterColumnToAndFromAnEnum) {
  Column from = column_of(users(), "name");
  Column to = from;
  to.type = enum_type("status");
  to.default_value = ColumnDefault{DefaultKind::Literal, "draft"};
  expect_round_trip(shop_schema(), AlterColumn{"users", from, to},
                    "INSERT INTO users (email, name) VALUES ('a@x', 'archived'), ('b@x', NULL)");
}

TEST(PostgresRoundTrip, AlterColumnNullabilityAndDefault) {
  Column from = column_of(users(), "name");
  Column to = from;
  to.nullable = false;
  to.default_value = ColumnDefault{DefaultKind::Literal, "anonymous"};
  expect_round_trip(shop_schema(), AlterColumn{"users", from, to});

  from = column_of(users(), "created_at");
  to = from;
  to.default_value.reset();
  to.nullable = true;
  expect_round_trip(shop_schema(), AlterColumn{"users", from, to}, kRows);
}

TEST(PostgresRoundTrip, AlterColumnIdentity) {
  Column from = column_of(posts(), "id");
  Column to = with_identity(from, Identity::ByDefault);
  expect_round_trip(shop_schema(), AlterColumn{"posts", from, to}, kRows);
  to = with_identity(from, Identity::None);
  expect_round_trip(shop_schema(), AlterColumn{"posts", from, to}, kRows);
}

TEST(PostgresRoundTrip, AddedIdentityContinuesAfterExistingIds) {
  TempPgDatabase db;
  Driver& driver = db.driver();
  Schema schema;
  Table table;
  table.name = "t";
  table.columns = {column("id", type_of(TypeKind::Int64)), column("v", type_of(TypeKind::Text))};
  table.primary_key = PrimaryKey{"pk_t", {"id"}};
  schema.tables = {table};
  create_schema(driver, postgres_dialect(), schema);
  driver.execute("INSERT INTO t VALUES (1, 'a'), (41, 'b')");
  Column to = with_identity(table.columns[0], Identity::ByDefault);
  execute_steps(driver,
                postgres_dialect().render({AlterColumn{"t", table.columns[0], to}}, schema));
  driver.execute("INSERT INTO t (v) VALUES ('c')");
  EXPECT_EQ(driver.query("SELECT id FROM t WHERE v = 'c'").rows.at(0).at(0), "42");
}

TEST(PostgresRoundTrip, AlterColumnComment) {
  Column from = column_of(users(), "email");
  Column to = from;
  to.comment = "the login, it's unique";
  expect_round_trip(shop_schema(), AlterColumn{"users", from, to});
}

TEST(PostgresRoundTrip, AlterPrimaryKey) {
  expect_round_trip(
      shop_schema(),
      AlterPrimaryKey{"posts", posts().primary_key, PrimaryKey{"pk_posts_wide", {"id", "user_id"}}},
      kRows);
}

TEST(PostgresRoundTrip, PrimaryKeyOnANullableColumnGivesNullBackWhenDropped) {
  Schema schema = shop_schema();
  find_table(schema, "users")->primary_key.reset();
  find_table(schema, "posts")->foreign_keys.clear();  // it needs the key on users.id
  expect_round_trip(schema, AlterPrimaryKey{"users", std::nullopt, PrimaryKey{"pk_name", {"name"}}},
                    "INSERT INTO users (email, name) VALUES ('a@x', 'Ann')");
}

TEST(PostgresRoundTrip, CreateAndDropIndex) {
  expect_round_trip(
      shop_schema(),
      CreateIndex{"users", Index{"ix_users_score",
                                 {IndexKey{"score", "", true}, IndexKey{"", "lower(email)", false}},
                                 true,
                                 "name IS NOT NULL"}},
      kRows);
  expect_round_trip(shop_schema(), DropIndex{"posts", posts().indexes[1]}, kRows);
}

TEST(PostgresRoundTrip, AddAndDropUnique) {
  expect_round_trip(
      shop_schema(),
      AddUnique{"posts", UniqueConstraint{"uq_posts_user_title", {"user_id", "title"}}}, kRows);
  expect_round_trip(shop_schema(), DropUnique{"users", users().uniques[0]}, kRows);
}

TEST(PostgresRoundTrip, AddAndDropForeignKey) {
  ForeignKey key{"fk_posts_self",
                 {"user_id"},
                 "posts",
                 {"id"},
                 ForeignKeyAction::Restrict,
                 ForeignKeyAction::Cascade,
                 Deferrable::InitiallyImmediate};
  expect_round_trip(shop_schema(), AddForeignKey{"posts", key});
  expect_round_trip(shop_schema(), DropForeignKey{"posts", posts().foreign_keys[0]}, kRows);
}

TEST(PostgresRoundTrip, AddAndDropCheck) {
  expect_round_trip(shop_schema(),
                    AddCheck{"posts", CheckConstraint{"ck_posts_title", "title <> ''"}}, kRows);
  expect_round_trip(shop_schema(),
                    AddCheck{"posts", CheckConstraint{"ck_posts_price", "price >= 0"}}, kRows);
  expect_round_trip(shop_schema(), DropCheck{"users", users().checks[0]}, kRows);
}

TEST(PostgresRoundTrip, CreateAndDropEnum) {
  expect_round_trip(shop_schema(), CreateEnum{EnumType{"mood", {"happy", "it's ok", "sad"}}});
  Schema without_users = shop_schema();
  without_users.tables.clear();
  expect_round_trip(without_users, DropEnum{without_users.enums[0]});
}

TEST(PostgresRoundTrip, AddEnumValueAppendsOrInserts) {
  // Appending, then (inverse) removing it again by rebuilding the type with rows in place.
  expect_round_trip(shop_schema(), AddEnumValue{"status", "deleted", 3}, kRows);
  expect_round_trip(shop_schema(), AddEnumValue{"status", "review", 1}, kRows);
  expect_round_trip(shop_schema(), AddEnumValue{"status", "first", 0}, kRows);
}

TEST(PostgresRoundTrip, DropEnumValueRebuildsTheTypeAndKeepsRows) {
  // "archived" appears in the partial index ix_posts_recent, which the rebuild recreates.
  const std::string rows =
      "INSERT INTO users (email) VALUES ('a@x');"
      "INSERT INTO posts (user_id, title, status) VALUES (1, 'one', 'archived'), (1, 'two', "
      "'draft')";
  expect_round_trip(shop_schema(), DropEnumValue{"status", "published", 1}, rows);
  TempPgDatabase db;
  Driver& driver = db.driver();
  create_schema(driver, postgres_dialect(), shop_schema());
  driver.execute(rows);
  execute_steps(
      driver, postgres_dialect().render({DropEnumValue{"status", "published", 1}}, shop_schema()));
  QueryResult result = driver.query("SELECT title, status::text FROM posts ORDER BY id");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0], (std::vector<SqlValue>{"one", "archived"}));
  EXPECT_EQ(result.rows[1], (std::vector<SqlValue>{"two", "draft"}));
  EXPECT_EQ(
      driver.query("SELECT count(*) FROM pg_type WHERE typname = 'tempest_old_status'").rows[0][0],
      "0");
}

TEST(PostgresRoundTrip, DropEnumValueInUseFailsAndChangesNothing) {
  TempPgDatabase db;
  Driver& driver = db.driver();
  create_schema(driver, postgres_dialect(), shop_schema());
  driver.execute(kRows);
  try {
    execute_steps(driver, postgres_dialect().render({DropEnumValue{"status", "published", 1}},
                                                    shop_schema()));
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.code(), "22P02");  // invalid_text_representation: "published" has no place
    EXPECT_NE(std::string(e.what()).find("\"published\""), std::string::npos) << e.what();
  }
  EXPECT_TRUE(same_schema(postgres_dialect().introspect(driver),
                          postgres_dialect().normalize(shop_schema())));
  EXPECT_EQ(driver.query("SELECT count(*) FROM posts WHERE status = 'published'").rows[0][0], "1");
}

TEST(PostgresRoundTrip, AddedEnumLabelIsCommittedBeforeLaterStepsUseIt) {
  // PostgreSQL refuses to use a label in the transaction that added it ("unsafe use of new
  // value", 55P04), so the ADD VALUE step is non-transactional: the transactional steps after
  // it, run together in one transaction as the runner does, can use the label.
  TempPgDatabase db;
  Driver& driver = db.driver();
  create_schema(driver, postgres_dialect(), shop_schema());
  Column uses_it =
      with_default(column("mood", enum_type("status")), DefaultKind::Literal, "hidden");
  std::vector<Operation> ops{AddEnumValue{"status", "hidden", 3}, AddColumn{"posts", uses_it}};
  std::vector<RenderedStep> steps = postgres_dialect().render(ops, shop_schema());
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_FALSE(steps[0].transactional);
  EXPECT_TRUE(steps[1].transactional);
  for (const std::string& statement : steps[0].statements) driver.execute(statement);
  {
    Transaction transaction(driver);
    for (const std::string& statement : steps[1].statements) driver.execute(statement);
    transaction.commit();
  }
  Schema after = shop_schema();
  apply(after, ops);
  EXPECT_TRUE(
      same_schema(postgres_dialect().introspect(driver), postgres_dialect().normalize(after)));
  // Repeating the step (a run that stopped right after it) is harmless.
  for (const std::string& statement : steps[0].statements) driver.execute(statement);
}

TEST(PostgresRoundTrip, ConcurrentIndexRunsOutsideATransaction) {
  TempPgDatabase db;
  Driver& driver = db.driver();
  create_schema(driver, postgres_dialect(), shop_schema());
  std::vector<RenderedStep> steps = postgres_dialect().render(
      {Execute{"CREATE INDEX CONCURRENTLY ix_users_score ON users (score)", std::nullopt}},
      shop_schema());
  ASSERT_FALSE(steps.at(0).transactional);
  execute_steps(driver, steps);
  EXPECT_EQ(
      driver.query("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_users_score'").rows[0][0],
      "1");
}

TEST(PostgresRoundTrip, ExecuteWithReverse) {
  expect_round_trip(
      shop_schema(),
      Execute{"UPDATE users SET score = score + 1;", "UPDATE users SET score = score - 1"}, kRows);
}

TEST(PostgresRoundTrip, VersionTableIsNotPartOfTheSchema) {
  TempPgDatabase db;
  create_schema(db.driver(), postgres_dialect(), shop_schema());
  db.driver().execute("CREATE TABLE tempest_db_version (revision text PRIMARY KEY)");
  EXPECT_TRUE(same_schema(postgres_dialect().introspect(db.driver()),
                          postgres_dialect().normalize(shop_schema())));
}

TEST(PostgresRoundTrip, AnotherSchemaIsReadAndWrittenThere) {
  TempPgDatabase db;
  Driver& driver = db.driver();
  auto app = make_postgres_dialect("app");
  // "app" is not on the search path, so the enum constant names its schema.
  Schema schema = shop_schema();
  find_table(schema, "posts")->indexes[1].where = "status <> 'archived'::app.status";
  driver.execute("CREATE SCHEMA app");
  create_schema(driver, *app, schema);
  EXPECT_TRUE(same_schema(app->introspect(driver), app->normalize(schema)));
  EXPECT_TRUE(same_schema(postgres_dialect().introspect(driver), Schema{}));
  execute_steps(driver, app->render({DropEnumValue{"status", "published", 1}}, schema));
  Schema after = schema;
  apply(after, DropEnumValue{"status", "published", 1});
  EXPECT_TRUE(same_schema(app->introspect(driver), app->normalize(after)));
}

}  // namespace
}  // namespace tempest::testing
