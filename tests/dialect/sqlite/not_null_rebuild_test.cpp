// A NOT NULL column without a default added by a rebuild: fine on an empty table, refused
// with nothing changed on a table with rows (as PostgreSQL refuses ADD COLUMN ... NOT NULL).

#include <gtest/gtest.h>

#include "dialect/sqlite/execute_step.hpp"
#include "tempest/dialect.hpp"
#include "tempest/error.hpp"
#include "tempest/sqlite.hpp"

namespace {

using namespace tempest;

Schema table_with_a_check() {
  Table t;
  t.name = "items";
  Column id;
  id.name = "id";
  id.type.kind = TypeKind::Int64;
  Column name;
  name.name = "name";
  name.type.kind = TypeKind::Text;
  t.columns = {id, name};
  t.primary_key = PrimaryKey{"pk_items", {"id"}};
  t.checks = {CheckConstraint{"ck_items_name", "name <> ''"}};
  Schema s;
  s.tables = {t};
  return s;
}

// AddColumn of a CURRENT_TIMESTAMP-less NOT NULL column: SQLite's ADD COLUMN refuses it, so
// the planner rebuilds the table.
AddColumn must_column() {
  Column must;
  must.name = "must";
  must.type.kind = TypeKind::Text;
  return AddColumn{"items", must};
}

void run(Driver& driver, const std::vector<RenderedStep>& steps) {
  for (const RenderedStep& step : steps) sqlite::execute_step(driver, step);
}

std::vector<RenderedStep> create(const Schema& schema) {
  return render_schema(sqlite_dialect(), schema);
}

TEST(SqliteNotNullRebuild, EmptyTableTakesTheColumn) {
  auto db = SqliteDriver::open(":memory:");
  Schema before = table_with_a_check();
  run(*db, create(before));
  std::vector<Operation> ops{must_column()};
  run(*db, sqlite_dialect().render(ops, before));
  Schema after = before;
  apply(after, ops);
  EXPECT_EQ(sqlite_dialect().introspect(*db), sqlite_dialect().normalize(after));
}

TEST(SqliteNotNullRebuild, TableWithRowsIsLeftUnchanged) {
  auto db = SqliteDriver::open(":memory:");
  Schema before = table_with_a_check();
  run(*db, create(before));
  db->execute("INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b')");
  std::vector<Operation> ops{must_column()};
  try {
    run(*db, sqlite_dialect().render(ops, before));
    FAIL() << "expected the rebuild to fail";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("NOT NULL constraint failed"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(sqlite_dialect().introspect(*db), sqlite_dialect().normalize(before));
  QueryResult rows = db->query("SELECT id, name FROM items ORDER BY id");
  ASSERT_EQ(rows.rows.size(), 2u);
  EXPECT_EQ(rows.rows[1][1], SqlValue("b"));
  EXPECT_FALSE(db->in_transaction());
  EXPECT_EQ(db->query("PRAGMA foreign_keys").rows[0][0], SqlValue("1"));
}

}  // namespace
