// A column renamed natively by SQLite (ALTER TABLE RENAME COLUMN rewrites CHECK, index and
// partial-index text) and the IR renamed by apply() agree, so a later rebuild of the table,
// which writes the CHECK and the indexes from the IR, names columns that exist.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dialect/sqlite/execute_step.hpp"
#include "dialect/sqlite/introspect.hpp"
#include "dialect/sqlite/normalize.hpp"
#include "tempest/dialect.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/operations.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

Column column(std::string name, std::string_view type, bool nullable = false) {
  Column c;
  c.name = std::move(name);
  c.type = parse_type(type);
  c.nullable = nullable;
  return c;
}

// posts(id, title, status) with a CHECK, an expression index and a partial index on title.
Schema posts_schema() {
  Table posts;
  posts.name = "posts";
  posts.columns = {column("id", "bigint"), column("title", "text"), column("status", "text")};
  posts.primary_key = PrimaryKey{"pk_posts", {"id"}};
  posts.checks = {{"ck_posts_title", "length(title) > 0 AND title <> 'title'"}};
  posts.indexes = {
      Index{"ix_posts_lower_title", {{"", "lower(title)", false}}, false, ""},
      Index{"ix_posts_status", {{"status", "", false}}, false, "title <> 'draft'"},
  };
  Schema schema;
  schema.tables = {posts};
  return schema;
}

void expect_same(const Schema& actual, const Schema& expected, const std::string& context) {
  EXPECT_TRUE(actual == expected) << context << "\nactual:\n"
                                  << schema_to_json(actual) << "\nexpected:\n"
                                  << schema_to_json(expected);
}

void execute_all(Driver& driver, const std::vector<RenderedStep>& steps) {
  for (const RenderedStep& step : steps) sqlite::execute_step(driver, step);
}

std::unique_ptr<SqliteDriver> database_with(const Schema& schema) {
  auto db = SqliteDriver::open(":memory:");
  execute_all(*db, render_schema(sqlite_dialect(), schema));
  db->execute("INSERT INTO posts (id, title, status) VALUES (1, 'hello', 'draft'), (2, 'x', 'ok')");
  return db;
}

const Operation kRename = RenameColumn{"posts", "title", "headline"};

// status NOT NULL -> nullable: SQLite can only do it by rebuilding the table.
Operation nullable_status() {
  const Column before = column("status", "text");
  return AlterColumn{"posts", before, column("status", "text", true)};
}

// The CHECK the rebuild wrote is enforced on the renamed column.
void expect_check_enforced(Driver& db) {
  EXPECT_THROW(db.execute("INSERT INTO posts (id, headline, status) VALUES (3, '', 'ok')"),
               DatabaseError);
  EXPECT_THROW(db.execute("INSERT INTO posts (id, headline, status) VALUES (3, 'title', 'ok')"),
               DatabaseError);
  db.execute("INSERT INTO posts (id, headline, status) VALUES (3, 'fine', NULL)");
  EXPECT_EQ(db.query("SELECT count(*) FROM posts").rows[0][0], "3");
  EXPECT_EQ(db.query("SELECT id FROM posts WHERE lower(headline) = 'hello'").rows[0][0], "1");
}

TEST(SqliteRenameExpression, NativeRenameThenRebuild) {
  const Schema before = posts_schema();
  auto db = database_with(before);

  Schema renamed = before;
  apply(renamed, kRename);
  EXPECT_EQ(renamed.tables[0].checks[0].expression, "length(headline) > 0 AND headline <> 'title'");
  const std::vector<RenderedStep> rename_steps = sqlite_dialect().render({kRename}, before);
  ASSERT_EQ(rename_steps.size(), 1u);
  execute_all(*db, rename_steps);
  // SQLite may quote the name it writes; what it means is what apply() gives: no drift.
  EXPECT_EQ(diff_schema(introspect_sqlite(*db), normalize_sqlite(renamed)),
            std::vector<Operation>{})
      << schema_to_json(introspect_sqlite(*db));

  Schema rebuilt = renamed;
  apply(rebuilt, nullable_status());
  execute_all(*db, sqlite_dialect().render({nullable_status()}, renamed));
  expect_same(introspect_sqlite(*db), normalize_sqlite(rebuilt), "after the rebuild");
  expect_check_enforced(*db);
}

TEST(SqliteRenameExpression, RenameAndRebuildInOneRender) {
  const Schema before = posts_schema();
  auto db = database_with(before);
  const std::vector<Operation> ops = {kRename, nullable_status()};
  Schema after = before;
  apply(after, ops);
  execute_all(*db, sqlite_dialect().render(ops, before));
  expect_same(introspect_sqlite(*db), normalize_sqlite(after), "after rename and rebuild");
  expect_check_enforced(*db);

  // And back: the inverse renames the text again and rebuilds (status NOT NULL again).
  db->execute("DELETE FROM posts WHERE status IS NULL");
  Schema restored = after;
  apply(restored, invert(ops));
  EXPECT_EQ(restored, before);
  execute_all(*db, sqlite_dialect().render(invert(ops), after));
  expect_same(introspect_sqlite(*db), normalize_sqlite(before), "after the inverse");
}

}  // namespace
}  // namespace tempest
