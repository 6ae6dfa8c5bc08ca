#include "dialect/sqlite/introspect.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dialect/sqlite/normalize.hpp"
#include "model/naming.hpp"
#include "tempest/dialect.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

using Names = std::vector<std::string>;

Column column(std::string name, std::string_view type, bool nullable,
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

ColumnDefault literal(std::string value) { return {DefaultKind::Literal, std::move(value)}; }
ColumnDefault expression(std::string value) { return {DefaultKind::Expression, std::move(value)}; }

IndexKey key(std::string column, bool descending = false) {
  return IndexKey{std::move(column), "", descending};
}
IndexKey expression_key(std::string expression, bool descending = false) {
  return IndexKey{"", std::move(expression), descending};
}

void expect_same(const Schema& actual, const Schema& expected) {
  EXPECT_TRUE(actual == expected) << "actual:\n"
                                  << schema_to_json(actual) << "expected:\n"
                                  << schema_to_json(expected);
}

Schema introspect(const std::string& ddl) {
  auto db = SqliteDriver::open(":memory:");
  db->execute(ddl);
  return introspect_sqlite(*db);
}

TEST(SqliteIntrospect, EmptyDatabase) { expect_same(introspect(""), Schema{}); }

TEST(SqliteIntrospect, EveryFeatureOfHandWrittenTables) {
  Schema actual = introspect(R"(
    CREATE TABLE "parent" (
      "id" INTEGER NOT NULL CONSTRAINT "pk_parent" PRIMARY KEY AUTOINCREMENT,
      "code" text NOT NULL,
      CONSTRAINT "uq_parent_code" UNIQUE ("code")
    );
    CREATE TABLE child (
      a int NOT NULL,
      b bigint NOT NULL,
      parent_id INTEGER REFERENCES parent ON DELETE CASCADE,  -- implicit parent key
      code text CONSTRAINT fk_code REFERENCES "parent" ("code")
        ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
      price numeric(10, 2) DEFAULT 0.00 CHECK (price >= 0),
      name varchar(40) DEFAULT 'it''s' UNIQUE,
      flag boolean NOT NULL DEFAULT TRUE,
      flag2 BOOLEAN DEFAULT 0,
      created timestamp DEFAULT CURRENT_TIMESTAMP,
      lowered text DEFAULT (lower('ABC')),
      neg int DEFAULT -1,
      sci real DEFAULT 1.5e3,
      nada text DEFAULT NULL,
      paren int DEFAULT ((1)),
      blob_default blob DEFAULT X'00FF',
      CONSTRAINT pk_child PRIMARY KEY (a, b),
      CONSTRAINT ck_child_ab CHECK (a < b),
      CHECK (b > 0),
      CHECK ((a + b) % 2 = 0)
      UNIQUE (a, name),
      FOREIGN KEY (a) REFERENCES parent (id) ON DELETE SET DEFAULT ON UPDATE RESTRICT DEFERRABLE
    );
    CREATE INDEX ix_child_expr ON child (lower(name) DESC, b, (a + b)) WHERE flag = 1;
    CREATE UNIQUE INDEX "ix child desc" ON child (b DESC, a COLLATE NOCASE ASC);
  )");

  Table parent;
  parent.name = "parent";
  parent.columns = {column("id", "bigint", false, std::nullopt, Identity::Autoincrement),
                    column("code", "text", false)};
  parent.primary_key = PrimaryKey{"pk_parent", {"id"}};
  parent.uniques = {{"uq_parent_code", {"code"}}};

  Table child;
  child.name = "child";
  child.columns = {
      column("a", "int", false),
      column("b", "bigint", false),
      column("parent_id", "integer", true),
      column("code", "text", true),
      column("price", "numeric(10,2)", true, literal("0.00")),
      column("name", "varchar(40)", true, literal("it's")),
      column("flag", "boolean", false, literal("true")),
      column("flag2", "boolean", true, literal("false")),
      column("created", "timestamp", true, expression("CURRENT_TIMESTAMP")),
      column("lowered", "text", true, expression("lower('ABC')")),
      column("neg", "int", true, literal("-1")),
      column("sci", "real", true, literal("1.5e3")),
      column("nada", "text", true),
      column("paren", "int", true, expression("(1)")),
      column("blob_default", "blob", true, expression("X'00FF'")),
  };
  child.primary_key = PrimaryKey{"pk_child", {"a", "b"}};
  child.uniques = {{"uq_child_a_name", {"a", "name"}}, {"uq_child_name", {"name"}}};
  child.foreign_keys = {
      {"fk_child_a_parent",
       {"a"},
       "parent",
       {"id"},
       ForeignKeyAction::SetDefault,
       ForeignKeyAction::Restrict,
       Deferrable::InitiallyImmediate},
      {"fk_child_parent_id_parent",
       {"parent_id"},
       "parent",
       {"id"},
       ForeignKeyAction::Cascade,
       ForeignKeyAction::NoAction,
       Deferrable::No},
      {"fk_code",
       {"code"},
       "parent",
       {"code"},
       ForeignKeyAction::NoAction,
       ForeignKeyAction::SetNull,
       Deferrable::InitiallyDeferred},
  };
  child.checks = {{"ck_child_1", "b > 0"},
                  {"ck_child_2", "(a + b) % 2 = 0"},
                  {"ck_child_ab", "a < b"},
                  {"ck_child_price", "price >= 0"}};
  child.indexes = {
      {"ix child desc", {key("b", true), key("a")}, true, ""},
      {"ix_child_expr",
       {expression_key("lower(name)", true), key("b"), expression_key("a + b")},
       false,
       "flag = 1"},
  };

  Schema expected;
  expected.tables = {child, parent};
  expect_same(actual, expected);
  // What introspection reports is already normal.
  expect_same(normalize_sqlite(actual), actual);
}

TEST(SqliteIntrospect, RowidAliasRules) {
  Schema actual = introspect(R"(
    CREATE TABLE a (id INTEGER PRIMARY KEY);
    CREATE TABLE b (id integer primary key desc);
    CREATE TABLE c (id INTEGER PRIMARY KEY, x int) WITHOUT ROWID;
    CREATE TABLE d (id INT PRIMARY KEY);
    CREATE TABLE e (id BIGINT PRIMARY KEY);
    CREATE TABLE f (id Integer, CONSTRAINT pf PRIMARY KEY (id));
    CREATE TABLE g (id INTEGER NOT NULL, CONSTRAINT pg PRIMARY KEY (id AUTOINCREMENT));
    CREATE TABLE h (a INTEGER, b INTEGER, PRIMARY KEY (a, b));
  )");
  auto only = [](std::string name, Column c, Names key, const std::string& key_name = "") {
    Table t;
    t.columns = {std::move(c)};
    t.primary_key = PrimaryKey{key_name.empty() ? "pk_" + name : key_name, std::move(key)};
    t.name = std::move(name);
    return t;
  };
  Schema expected;
  expected.tables = {
      only("a", column("id", "bigint", false, std::nullopt, Identity::ByDefault), {"id"}),
      only("b", column("id", "integer", true), {"id"}),
      only("c", column("id", "integer", false), {"id"}),  // WITHOUT ROWID keys are NOT NULL
      only("d", column("id", "int", true), {"id"}),
      only("e", column("id", "bigint", true), {"id"}),
      only("f", column("id", "bigint", false, std::nullopt, Identity::ByDefault), {"id"}, "pf"),
      only("g", column("id", "bigint", false, std::nullopt, Identity::Autoincrement), {"id"}, "pg"),
      only("h", column("a", "integer", true), {"a", "b"}),
  };
  expected.tables[2].columns.push_back(column("x", "int", true));
  expected.tables[7].columns.push_back(column("b", "integer", true));
  expect_same(actual, expected);
}

TEST(SqliteIntrospect, ReportsOnlyTheUsersTables) {
  Schema actual = introspect(R"(
    CREATE TABLE tempest_db_version (revision TEXT PRIMARY KEY);
    CREATE TABLE tempest_db_lock (id INTEGER PRIMARY KEY);
    CREATE TABLE "Tempest_db_other_case" (id INTEGER PRIMARY KEY AUTOINCREMENT);
    CREATE TABLE tempest_dbx (id INT);
    CREATE VIEW v AS SELECT id FROM tempest_dbx;
    CREATE TRIGGER tr AFTER INSERT ON tempest_dbx BEGIN SELECT 1; END;
    CREATE VIRTUAL TABLE docs USING fts5(body);
    CREATE INDEX ix_v ON tempest_db_version (revision DESC);
    INSERT INTO "Tempest_db_other_case" DEFAULT VALUES;
    ANALYZE;
  )");
  Names names;
  for (const Table& t : actual.tables) names.push_back(t.name);
  // sqlite_sequence, sqlite_stat1, the fts5 table and its shadow tables, views, triggers and
  // the project's own tables are not the user's schema.
  EXPECT_EQ(names, (Names{"Tempest_db_other_case", "tempest_dbx"}));
}

TEST(SqliteIntrospect, HostileIdentifiersRoundTrip) {
  const std::string parent = "pa'rent \"q\"";
  const std::string child = "we\"ird; DROP TABLE x; --";
  const std::string unique_name = "uq ; x";
  auto q = [](const std::string& name) { return quote_ident(name); };
  Schema actual = introspect(
      "CREATE TABLE " + q(parent) + " (" + q("ïd") + " INTEGER PRIMARY KEY);\n" + "CREATE TABLE " +
      q(child) + " (" + q("sp ace") + " text NOT NULL, " + q("ref;col") + " int, " + q("ключ") +
      " text DEFAULT 'а''б', " + q("[br]") + " int CHECK (" + q("[br]") + " > 0), CONSTRAINT " +
      q("fk \"x\"") + " FOREIGN KEY (" + q("ref;col") + ") REFERENCES " + q(parent) + " (" +
      q("ïd") + ") ON DELETE CASCADE, CONSTRAINT " + q(unique_name) + " UNIQUE (" + q("sp ace") +
      "), UNIQUE (" + q("ключ") + "), CONSTRAINT " + q("ck 'q'") + " CHECK (" + q("sp ace") +
      " <> 'x;y'));\n" + "CREATE INDEX " + q("ix \"i\"") + " ON " + q(child) + " (" + q("sp ace") +
      " DESC, (lower(" + q("ключ") + "))) WHERE " + q("ref;col") + " IS NOT NULL;");

  Table p;
  p.name = parent;
  p.columns = {column("ïd", "bigint", false, std::nullopt, Identity::ByDefault)};
  p.primary_key = PrimaryKey{naming::primary_key(parent), {"ïd"}};

  Table c;
  c.name = child;
  c.columns = {column("sp ace", "text", false), column("ref;col", "int", true),
               column("ключ", "text", true, literal("а'б")), column("[br]", "int", true)};
  c.uniques = {{naming::unique(child, {"ключ"}), {"ключ"}}, {unique_name, {"sp ace"}}};
  c.foreign_keys = {{"fk \"x\"",
                     {"ref;col"},
                     parent,
                     {"ïd"},
                     ForeignKeyAction::Cascade,
                     ForeignKeyAction::NoAction,
                     Deferrable::No}};
  c.checks = {{"ck 'q'", "\"sp ace\" <> 'x;y'"},
              {naming::column_check(child, "[br]"), "\"[br]\" > 0"}};
  c.indexes = {{"ix \"i\"",
                {key("sp ace", true), expression_key("lower(\"ключ\")")},
                false,
                "\"ref;col\" IS NOT NULL"}};
  canonicalize(c);

  Schema expected;
  expected.tables = {p, c};
  canonicalize(expected);
  expect_same(actual, expected);
}

TEST(SqliteIntrospect, ForeignKeysMatchTheirNamesInDeclarationOrder) {
  Schema actual = introspect(R"(
    CREATE TABLE p (id INTEGER PRIMARY KEY, other INT UNIQUE);
    CREATE TABLE c (
      a INT,
      CONSTRAINT first FOREIGN KEY (a) REFERENCES p (id),
      CONSTRAINT second FOREIGN KEY (a) REFERENCES P (id) ON DELETE CASCADE,
      FOREIGN KEY (a) REFERENCES p (other) DEFERRABLE INITIALLY DEFERRED
    );
  )");
  const Table& c = *find_table(actual, "c");
  ASSERT_EQ(c.foreign_keys.size(), 3u);
  EXPECT_EQ(c.foreign_keys[0], (ForeignKey{"first",
                                           {"a"},
                                           "p",
                                           {"id"},
                                           ForeignKeyAction::NoAction,
                                           ForeignKeyAction::NoAction,
                                           Deferrable::No}));
  // The unnamed third one takes the convention's name; its columns differ from "first"'s
  // only in the referenced column, which the pragma reports.
  EXPECT_EQ(c.foreign_keys[1], (ForeignKey{"fk_c_a_p",
                                           {"a"},
                                           "p",
                                           {"other"},
                                           ForeignKeyAction::NoAction,
                                           ForeignKeyAction::NoAction,
                                           Deferrable::InitiallyDeferred}));
  EXPECT_EQ(c.foreign_keys[2], (ForeignKey{"second",
                                           {"a"},
                                           "P",
                                           {"id"},
                                           ForeignKeyAction::Cascade,
                                           ForeignKeyAction::NoAction,
                                           Deferrable::No}));
}

TEST(SqliteIntrospect, RedundantUniqueConstraintsAreInvisible) {
  Schema actual = introspect(R"(
    CREATE TABLE t (a INT NOT NULL, b INT, CONSTRAINT pk_t PRIMARY KEY (a),
                    CONSTRAINT u1 UNIQUE (b), CONSTRAINT u2 UNIQUE (b), CONSTRAINT u3 UNIQUE (a));
  )");
  EXPECT_EQ(find_table(actual, "t")->uniques, (std::vector<UniqueConstraint>{{"u1", {"b"}}}));
}

TEST(SqliteIntrospect, TablesWithoutKeyOrTypes) {
  Schema actual = introspect("CREATE TABLE bare (x, y DEFAULT 'v')");
  const Table& t = actual.tables.at(0);
  EXPECT_FALSE(t.primary_key.has_value());
  ASSERT_EQ(t.columns.size(), 2u);
  EXPECT_EQ(t.columns[0].type.kind, TypeKind::Custom);
  EXPECT_EQ(t.columns[0].type.raw, "");
  EXPECT_TRUE(t.columns[0].nullable);
  EXPECT_EQ(t.columns[1].default_value, literal("v"));
}

TEST(SqliteIntrospect, GeneratedColumnsAreRefusedByName) {
  auto db = SqliteDriver::open(":memory:");
  db->execute("CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL)");
  try {
    (void)introspect_sqlite(*db);
    FAIL() << "no UnsupportedError";
  } catch (const UnsupportedError& e) {
    EXPECT_EQ(std::string(e.what()),
              "sqlite: table \"t\": column \"b\" is a generated column, which tempest cannot "
              "represent");
  }
}

TEST(SqliteIntrospect, InspectSchemaDispatchesOnTheDriversDialect) {
  auto db = SqliteDriver::open(":memory:");
  db->execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name text DEFAULT 'x')");
  EXPECT_EQ(&dialect_for(DialectKind::Sqlite), &sqlite_dialect());
  EXPECT_EQ(dialect_for(DialectKind::Sqlite).name(), "sqlite");
  EXPECT_EQ(&dialect_for(DialectKind::Postgres), &postgres_dialect());
  expect_same(inspect_schema(*db), introspect_sqlite(*db));
  expect_same(sqlite_dialect().introspect(*db), introspect_sqlite(*db));
}

TEST(SqliteIntrospect, SeesUncommittedChangesOfItsOwnTransaction) {
  auto db = SqliteDriver::open(":memory:");
  Transaction tx(*db);
  db->execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  EXPECT_EQ(introspect_sqlite(*db).tables.size(), 1u);
}

}  // namespace
}  // namespace tempest
