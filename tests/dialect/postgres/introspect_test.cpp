#include <gtest/gtest.h>

#include "round_trip.hpp"
#include "shop_schema.hpp"
#include "support/pg_cluster.hpp"
#include "tempest/error.hpp"

// Introspection of schemas written by hand in PostgreSQL's own DDL, as a user's database
// would be: serials, defaults as pg_get_expr prints them, implicit names, objects outside
// the IR.

namespace tempest::testing {
namespace {

Schema introspect_sql(const std::string& sql) {
  TempPgDatabase db;
  db.driver().execute(sql);
  return postgres_dialect().introspect(db.driver());
}

TEST(PostgresIntrospect, SerialsBecomeIdentitiesAndDefaultsLoseTheirCasts) {
  Schema schema = introspect_sql(
      "CREATE TYPE mood AS ENUM ('ok', 'it''s');"
      "CREATE TABLE t ("
      " id serial PRIMARY KEY, big bigserial, i int DEFAULT 007, neg smallint DEFAULT -3,"
      " f real DEFAULT -1.5, n numeric(6,2) DEFAULT 4.99, b boolean DEFAULT 't',"
      " s text DEFAULT 'it''s', v varchar(10) DEFAULT 'x', nul varchar(3) DEFAULT NULL,"
      " m mood DEFAULT 'it''s', ts timestamp DEFAULT current_timestamp, d date DEFAULT now(),"
      " e text DEFAULT ('a' || 'b'), u uuid DEFAULT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',"
      " g int GENERATED ALWAYS AS (i * 2) STORED, arr int[], ch char(2))");
  ASSERT_EQ(schema.tables.size(), 1u);
  const Table& t = schema.tables[0];
  ASSERT_EQ(t.columns.size(), 18u);
  auto literal = [](const std::string& value) {
    return std::optional<ColumnDefault>(ColumnDefault{DefaultKind::Literal, value});
  };
  auto expression = [](const std::string& value) {
    return std::optional<ColumnDefault>(ColumnDefault{DefaultKind::Expression, value});
  };
  EXPECT_EQ(t.columns[0].identity, Identity::ByDefault);
  EXPECT_EQ(t.columns[0].default_value, std::nullopt);
  EXPECT_EQ(t.columns[0].type.kind, TypeKind::Int32);
  EXPECT_EQ(t.columns[1].identity, Identity::ByDefault);
  EXPECT_EQ(t.columns[1].type.kind, TypeKind::Int64);
  EXPECT_EQ(t.columns[2].default_value, literal("7"));
  EXPECT_EQ(t.columns[3].default_value, literal("-3"));
  EXPECT_EQ(t.columns[4].default_value, literal("-1.5"));
  EXPECT_EQ(t.columns[5].default_value, literal("4.99"));
  EXPECT_EQ(t.columns[5].type.precision, 6);
  EXPECT_EQ(t.columns[5].type.scale, 2);
  EXPECT_EQ(t.columns[6].default_value, literal("true"));
  EXPECT_EQ(t.columns[7].default_value, literal("it's"));
  EXPECT_EQ(t.columns[8].default_value, literal("x"));
  EXPECT_EQ(t.columns[8].type.length, 10);
  EXPECT_EQ(t.columns[9].default_value, std::nullopt);
  EXPECT_EQ(t.columns[10].type.kind, TypeKind::Enum);
  EXPECT_EQ(t.columns[10].type.enum_name, "mood");
  EXPECT_EQ(t.columns[10].default_value, literal("it's"));
  EXPECT_EQ(t.columns[11].default_value, expression("CURRENT_TIMESTAMP"));
  EXPECT_EQ(t.columns[12].default_value, expression("now()"));
  EXPECT_EQ(t.columns[13].default_value, expression("'a' || 'b'"));
  EXPECT_EQ(t.columns[14].default_value, literal("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
  EXPECT_EQ(t.columns[15].default_value, std::nullopt);  // a generation expression
  EXPECT_EQ(t.columns[16].type.kind, TypeKind::Custom);
  EXPECT_EQ(t.columns[16].type.raw, "integer[]");
  EXPECT_EQ(t.columns[17].type.raw, "character(2)");
  ASSERT_TRUE(t.primary_key.has_value());
  EXPECT_EQ(t.primary_key->name, "t_pkey");
  EXPECT_EQ(schema.enums, (std::vector<EnumType>{EnumType{"mood", {"ok", "it's"}}}));
}

TEST(PostgresIntrospect, UserSpellingsNormalizeToWhatTheServerReports) {
  // The same table declared through the IR with the user's spellings.
  Schema declared;
  Table t;
  t.name = "t";
  t.columns = {
      with_default(column("i", type_of(TypeKind::Int32)), DefaultKind::Literal, "007"),
      with_default(column("b", type_of(TypeKind::Bool)), DefaultKind::Literal, "t"),
      with_default(column("u", type_of(TypeKind::Uuid)), DefaultKind::Literal,
                   "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"),
      with_default(column("ts", type_of(TypeKind::Timestamp)), DefaultKind::Literal, "2020-01-01"),
      with_default(column("tm", type_of(TypeKind::Time)), DefaultKind::Literal, "10:00"),
      with_default(column("c", type_of(TypeKind::Timestamp)), DefaultKind::Expression,
                   "current_timestamp"),
      with_default(column("n", type_of(TypeKind::TimestampTz)), DefaultKind::Expression, "NOW()"),
      with_default(column("e", type_of(TypeKind::Text)), DefaultKind::Expression, "'a'"),
      with_default(column("z", type_of(TypeKind::Int64)), DefaultKind::Expression, "(0)"),
      with_default(column("x", numeric(10, 0), true), DefaultKind::Expression, "NULL"),
      with_identity(column("id", type_of(TypeKind::Int64), true), Identity::Autoincrement),
  };
  ColumnType array = type_of(TypeKind::Custom);
  array.raw = "int[]";
  t.columns.push_back(column("arr", array, true));
  t.checks = {CheckConstraint{"ck_t", "(i >= 0)"}, CheckConstraint{"ck_words", "e <> lower('X')"}};
  t.indexes = {Index{"ix_t", {IndexKey{"", "(i + 1)", false}}, false, "(b)"}};
  declared.tables = {t};
  TempPgDatabase db;
  create_schema(db.driver(), postgres_dialect(), declared);
  EXPECT_TRUE(same_schema(postgres_dialect().introspect(db.driver()),
                          postgres_dialect().normalize(declared)));
}

TEST(PostgresIntrospect, ConstraintsIndexesAndComments) {
  Schema schema = introspect_sql(
      "CREATE TABLE parent (a int, b int, PRIMARY KEY (b, a));"
      "CREATE TABLE child (id int PRIMARY KEY, pa int, pb int, note text,"
      " CONSTRAINT fk_parent FOREIGN KEY (pb, pa) REFERENCES parent (b, a)"
      "   ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,"
      " CONSTRAINT uq_note UNIQUE (note, id), CONSTRAINT ck_id CHECK (id > 0));"
      "CREATE UNIQUE INDEX ix_expr ON child (lower(note) DESC, pa) WHERE note IS NOT NULL;"
      "CREATE INDEX ix_gin ON child USING hash (note);"
      "COMMENT ON TABLE child IS 'kids';"
      "COMMENT ON COLUMN child.note IS 'free text';"
      "CREATE VIEW v AS SELECT * FROM child;"
      "CREATE SEQUENCE loose;"
      "CREATE TABLE tempest_db_versions (id int)");
  ASSERT_EQ(schema.tables.size(), 2u);
  const Table& child = schema.tables[0];
  const Table& parent = schema.tables[1];
  EXPECT_EQ(parent.primary_key, (PrimaryKey{"parent_pkey", {"b", "a"}}));
  EXPECT_EQ(child.comment, "kids");
  EXPECT_EQ(child.columns[3].comment, "free text");
  EXPECT_EQ(child.foreign_keys,
            (std::vector<ForeignKey>{ForeignKey{"fk_parent",
                                                {"pb", "pa"},
                                                "parent",
                                                {"b", "a"},
                                                ForeignKeyAction::SetNull,
                                                ForeignKeyAction::Cascade,
                                                Deferrable::InitiallyDeferred}}));
  EXPECT_EQ(child.uniques, (std::vector<UniqueConstraint>{{"uq_note", {"note", "id"}}}));
  EXPECT_EQ(child.checks, (std::vector<CheckConstraint>{{"ck_id", "id > 0"}}));
  ASSERT_EQ(child.indexes.size(), 2u);  // not the indexes of the primary key and unique
  EXPECT_EQ(child.indexes[0], (Index{"ix_expr",
                                     {IndexKey{"", "lower(note)", true}, IndexKey{"pa", "", false}},
                                     true,
                                     "note IS NOT NULL"}));
  EXPECT_EQ(child.indexes[1], (Index{"ix_gin", {IndexKey{"note", "", false}}, false, ""}));
}

// Keys are read as attribute numbers: a dropped column leaves a gap in them, INCLUDE columns
// follow an index's keys, and a foreign key into another schema names columns of a table
// that is not read.
TEST(PostgresIntrospect, KeyColumnsAfterDroppedColumnsAndIntoAnotherSchema) {
  Schema schema = introspect_sql(
      "CREATE SCHEMA other;"
      "CREATE TABLE other.owner (x int, code text, y int, UNIQUE (y, code));"
      "CREATE TABLE tempest_db_hidden (k int PRIMARY KEY);"
      "CREATE TABLE t (gone int, id int, code text, y int, note text, k int);"
      "ALTER TABLE t DROP COLUMN gone;"
      "ALTER TABLE t ADD PRIMARY KEY (id);"
      "ALTER TABLE t ADD CONSTRAINT fk_owner FOREIGN KEY (y, code)"
      "  REFERENCES other.owner (y, code);"
      "ALTER TABLE t ADD CONSTRAINT fk_hidden FOREIGN KEY (k) REFERENCES tempest_db_hidden (k);"
      "CREATE INDEX ix_t ON t (note DESC, (id + 1), id) INCLUDE (code);");
  ASSERT_EQ(schema.tables.size(), 1u);
  const Table& t = schema.tables[0];
  EXPECT_EQ(t.primary_key, (PrimaryKey{"t_pkey", {"id"}}));
  ASSERT_EQ(t.foreign_keys.size(), 2u);
  EXPECT_EQ(t.foreign_keys[0].name, "fk_hidden");
  EXPECT_EQ(t.foreign_keys[0].ref_table, "tempest_db_hidden");
  EXPECT_EQ(t.foreign_keys[0].ref_columns, (std::vector<std::string>{"k"}));
  EXPECT_EQ(t.foreign_keys[1].name, "fk_owner");
  EXPECT_EQ(t.foreign_keys[1].columns, (std::vector<std::string>{"y", "code"}));
  EXPECT_EQ(t.foreign_keys[1].ref_table, "owner");
  EXPECT_EQ(t.foreign_keys[1].ref_columns, (std::vector<std::string>{"y", "code"}));
  ASSERT_EQ(t.indexes.size(), 1u);
  EXPECT_EQ(t.indexes[0].keys,
            (std::vector<IndexKey>{IndexKey{"note", "", true}, IndexKey{"", "id + 1", false},
                                   IndexKey{"id", "", false}}));
}

// Which check expressions come back as written. PostgreSQL stores the parsed expression and
// prints it back with its own parentheses and casts; introspection removes outer parentheses,
// casts of string constants to text, integer/numeric casts of number constants and the text
// relabelling of varchar columns. The rest of its spelling stays, and a check written in
// another form is reported (and compared by the differ) in PostgreSQL's form: write checks
// in that form to keep `tempest diff` quiet.
TEST(PostgresIntrospect, CheckExpressionForms) {
  struct Form {
    std::string written;
    std::string reported;
  };
  const std::vector<Form> forms = {
      // Reported as written.
      {"id > 0", "id > 0"},
      {"id > -1", "id > -1"},
      {"\"Weird\" > 0", "\"Weird\" > 0"},
      {"price >= 0", "price >= 0"},
      {"price > 0.5", "price > 0.5"},
      {"lower(email) <> ''", "lower(email) <> ''"},
      {"email <> 'x'", "email <> 'x'"},
      {"(id > 0) AND (id < 10)", "(id > 0) AND (id < 10)"},
      {"(name IS NOT NULL) OR (id IS NULL)", "(name IS NOT NULL) OR (id IS NULL)"},
      {"COALESCE(id, 0) >= 0", "COALESCE(id, 0) >= 0"},
      {"d > '2020-01-01'::date", "d > '2020-01-01'::date"},
      // Reported in PostgreSQL's spelling.
      {"id > 0 and id < 10", "(id > 0) AND (id < 10)"},
      {"id between 1 and 5", "(id >= 1) AND (id <= 5)"},
      {"name in ('a', 'b')", "name = ANY (ARRAY['a', 'b'])"},
      {"name like 'x%'", "name ~~ 'x%'"},
      {"f > 1.5", "f > (1.5)::double precision"},
      {"d > '2020-01-01'", "d > '2020-01-01'::date"},
      {"coalesce(id, 0) >= 0", "COALESCE(id, 0) >= 0"},
  };
  Table table;
  table.name = "forms";
  table.columns = {column("id", type_of(TypeKind::Int32), true),
                   column("name", type_of(TypeKind::Text), true),
                   column("email", varchar(20), true),
                   column("price", numeric(10, 2), true),
                   column("Weird", type_of(TypeKind::Int32), true),
                   column("f", type_of(TypeKind::Float64), true),
                   column("d", type_of(TypeKind::Date), true)};
  for (std::size_t i = 0; i < forms.size(); ++i) {
    table.checks.push_back(CheckConstraint{"ck_" + std::to_string(100 + i), forms[i].written});
  }
  Schema declared;
  declared.tables = {table};
  TempPgDatabase db;
  create_schema(db.driver(), postgres_dialect(), declared);
  Schema inspected = postgres_dialect().introspect(db.driver());
  const Schema normalized_schema = postgres_dialect().normalize(declared);
  const Table& normalized = normalized_schema.tables.at(0);
  ASSERT_EQ(inspected.tables.at(0).checks.size(), forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const std::string& reported = inspected.tables[0].checks[i].expression;
    EXPECT_EQ(reported, forms[i].reported) << "written: " << forms[i].written;
    EXPECT_EQ(reported == normalized.checks[i].expression, forms[i].written == forms[i].reported)
        << "written: " << forms[i].written;
  }
}

// PostgreSQL would keep only the first 63 bytes of each name (with a NOTICE): the renderer
// refuses such names, and normalize() cuts them as the server does, for schemas read elsewhere.
// Without tables only the enums are asked for; objects that are not tables (a view, a
// sequence) and tables of other schemas are not read as tables.
TEST(PostgresIntrospect, ASchemaWithoutTablesGivesItsEnums) {
  EXPECT_EQ(introspect_sql("SELECT 1"), Schema{});
  Schema schema = introspect_sql(
      "CREATE TYPE mood AS ENUM ('ok', 'it''s'); CREATE SEQUENCE s; CREATE VIEW v AS SELECT 1 AS x;"
      "CREATE SCHEMA other; CREATE TABLE other.t (id int PRIMARY KEY);");
  EXPECT_EQ(schema, (Schema{{EnumType{"mood", {"ok", "it's"}}}, {}}));
}

TEST(PostgresIntrospect, LongNamesAreRefusedAndNormalizedLikeTheServerCutsThem) {
  Schema declared;
  Table t;
  t.name = std::string(70, 'x');
  t.columns = {column(std::string(40, 'a') + "ééééééééééééé", type_of(TypeKind::Int32))};
  t.primary_key = PrimaryKey{"", {t.columns[0].name}};
  declared.tables = {t};
  Schema normalized = postgres_dialect().normalize(declared);
  EXPECT_EQ(normalized.tables[0].name, std::string(63, 'x'));
  EXPECT_EQ(normalized.tables[0].columns[0].name, std::string(40, 'a') + "ééééééééééé");
  try {
    (void)postgres_dialect().render({CreateTable{t}}, Schema{});
    FAIL() << "a 70-byte table name was rendered";
  } catch (const UnsupportedError& e) {
    EXPECT_NE(std::string(e.what()).find("is 70 bytes long"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tempest::testing
