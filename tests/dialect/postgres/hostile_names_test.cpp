#include <gtest/gtest.h>

#include "round_trip.hpp"
#include "shop_schema.hpp"
#include "support/pg_cluster.hpp"

// Names and values that would break or inject SQL if any of them were not quoted: quotes,
// semicolons, comment markers, spaces, reserved words, mixed case and non-ASCII letters.

namespace tempest::testing {
namespace {

Schema hostile_schema() {
  Schema schema;
  schema.enums.push_back(EnumType{"Mood\"; DROP TYPE x; --", {"it's", "a;b", "ünï", "\\"}});
  Table parent;
  parent.name = "select";
  parent.comment = "'; DROP TABLE \"select\"; --";
  parent.columns = {
      with_identity(column("Order ID", type_of(TypeKind::Int64)), Identity::ByDefault),
      with_default(column("ключ", type_of(TypeKind::Text)), DefaultKind::Literal,
                   "'); DROP TABLE x; --"),
      with_default(column("we\"ird", enum_type("Mood\"; DROP TYPE x; --"), true),
                   DefaultKind::Literal, "it's"),
  };
  parent.columns[1].comment = "it's \"quoted\"";
  parent.primary_key = PrimaryKey{"pk \"select\"", {"Order ID"}};
  parent.uniques = {UniqueConstraint{"uq;ключ", {"ключ"}}};
  parent.checks = {CheckConstraint{"ck'quote", "\"Order ID\" > 0"}};
  parent.indexes = {Index{"ix Mixed", {IndexKey{"we\"ird", "", true}}, false, ""}};

  Table child;
  child.name = "Child Table; --";
  child.columns = {column("id", type_of(TypeKind::Int64)),
                   column("parent \"ref\"", type_of(TypeKind::Int64), true)};
  child.primary_key = PrimaryKey{"pk_child", {"id"}};
  child.foreign_keys = {ForeignKey{"fk -- to select",
                                   {"parent \"ref\""},
                                   "select",
                                   {"Order ID"},
                                   ForeignKeyAction::Cascade,
                                   ForeignKeyAction::NoAction,
                                   Deferrable::No}};
  schema.tables = {parent, child};
  canonicalize(schema);
  return schema;
}

TEST(PostgresHostileNames, SchemaRoundTripsExactly) {
  TempPgDatabase db;
  create_schema(db.driver(), postgres_dialect(), hostile_schema());
  EXPECT_TRUE(same_schema(postgres_dialect().introspect(db.driver()),
                          postgres_dialect().normalize(hostile_schema())));
  // The defaults are values, not SQL: a row takes them verbatim.
  db.driver().execute("INSERT INTO \"select\" DEFAULT VALUES");
  QueryResult row = db.driver().query("SELECT \"ключ\", \"we\"\"ird\"::text FROM \"select\"");
  EXPECT_EQ(row.rows.at(0), (std::vector<SqlValue>{"'); DROP TABLE x; --", "it's"}));
}

TEST(PostgresHostileNames, OperationsRoundTrip) {
  const Schema schema = hostile_schema();
  const Table& parent = *find_table(schema, "select");
  expect_round_trip(schema, RenameTable{"select", "from; \"where\""});
  expect_round_trip(schema, RenameColumn{"select", "ключ", "Ключ \"2\""});
  Column added =
      with_default(column("a'b", type_of(TypeKind::Text), true), DefaultKind::Literal, "x\\y'z");
  added.comment = "; --";
  expect_round_trip(schema, AddColumn{"Child Table; --", added});
  expect_round_trip(schema, DropIndex{"select", parent.indexes[0]});
  expect_round_trip(schema, AddEnumValue{"Mood\"; DROP TYPE x; --", "new'one", 1});
  expect_round_trip(schema, DropEnumValue{"Mood\"; DROP TYPE x; --", "a;b", 1},
                    "INSERT INTO \"select\" (\"ключ\", \"we\"\"ird\") VALUES ('1', 'ünï'), "
                    "('2', '\\')");
  Column from = parent.columns[2];
  Column to = from;
  to.type = type_of(TypeKind::Text);
  to.default_value = ColumnDefault{DefaultKind::Literal, "x'; --"};
  expect_round_trip(schema, AlterColumn{"select", from, to});
  expect_round_trip(schema, AlterTableComment{"select", parent.comment, "\\'\"; --"});
}

TEST(PostgresHostileNames, AnotherHostileSchemaName) {
  auto dialect = make_postgres_dialect("My \"App\"; --");
  TempPgDatabase db;
  db.driver().execute("CREATE SCHEMA \"My \"\"App\"\"; --\"");
  create_schema(db.driver(), *dialect, hostile_schema());
  EXPECT_TRUE(same_schema(dialect->introspect(db.driver()), dialect->normalize(hostile_schema())));
}

}  // namespace
}  // namespace tempest::testing
