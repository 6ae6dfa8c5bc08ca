// Text values inside DDL: literal defaults, string literals in check expressions, and comments
// holding quotes, semicolons, comment markers, backslashes, control characters and non-ASCII
// text come back exactly, from the catalog and in the rows that use them, on both engines.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hostile_database.hpp"
#include "support/execute_plan.hpp"
#include "tempest/build.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"

namespace tempest::testing {
namespace {

using namespace tempest::build;

const std::vector<std::string> kValues = {
    "it's",
    "''",
    "\"double\" \"\"",
    "semi;colon; DROP TABLE victim; --",
    "'); DROP TABLE victim; --",
    "back\\slash \\' \\\\ \\n",
    "/* block */ -- line",
    "$$dollar$$ $1 ?1 :name %s",
    "line\nbreak\r\ttab",
    std::string("\x01\x02\x1b[31m\x7f", 8),
    "\u00ff\u0080 é ключ 表 😀",
    "E'\\x41'",
    "   spaces   ",
    "",
    "NULL",
    "CURRENT_TIMESTAMP",
    "0",
    "true",
};

std::string column_name(std::size_t i) { return "v" + std::to_string(i); }

// One nullable text column per value: the value as its default and comment, and a check that
// refuses the value followed by "!".
Table values_table() {
  std::vector<Column> columns = {column("id", bigint())};
  for (std::size_t i = 0; i < kValues.size(); ++i) {
    columns.push_back(
        column(column_name(i), text()).nullable().default_literal(kValues[i]).comment(kValues[i]));
  }
  TableBuilder out = table("values", columns).primary_key("pk_values", {"id"});
  for (std::size_t i = 0; i < kValues.size(); ++i) {
    // The column bare, as PostgreSQL prints it, so that the expression reads back verbatim.
    out.check("ck" + std::to_string(i), column_name(i) + " <> " + quote_literal(kValues[i] + "!"));
  }
  return out.comment(kValues[3] + kValues[5] + kValues[8]);
}

class HostileValues : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override { db_ = open_database(GetParam()); }

  void run(const std::vector<Operation>& ops, const Schema& before) {
    execute_plan_atomically(db_->driver(), db_->dialect(), db_->dialect().render(ops, before));
  }
  [[nodiscard]] ::testing::AssertionResult live_schema_is(const Schema& expected) {
    return same_schema(db_->dialect().introspect(db_->driver()),
                       db_->dialect().normalize(expected));
  }
  // The value each column holds in the row `id`.
  [[nodiscard]] std::vector<SqlValue> row(int id) {
    std::string columns;
    for (std::size_t i = 0; i < kValues.size(); ++i) {
      columns += (i == 0 ? "" : ", ") + quote_ident(column_name(i));
    }
    return db_->driver()
        .query("SELECT " + columns + " FROM \"values\" WHERE id = " + std::to_string(id))
        .rows.at(0);
  }

  std::unique_ptr<EngineDatabase> db_;
};

TEST_P(HostileValues, DefaultsChecksAndCommentsSurviveExactly) {
  Schema schema;
  schema.tables = {values_table()};
  run(diff_schema(empty_schema(), schema), empty_schema());
  ASSERT_TRUE(live_schema_is(schema));

  // The defaults are values, not SQL: a row takes them byte for byte.
  db_->driver().execute("INSERT INTO \"values\" (id) VALUES (1)");
  const std::vector<SqlValue> expected(kValues.begin(), kValues.end());
  EXPECT_EQ(row(1), expected);

  // Each check compares with exactly the value it was given.
  for (std::size_t i = 0; i < kValues.size(); ++i) {
    SCOPED_TRACE(i);
    const std::string insert = "INSERT INTO \"values\" (id, " + quote_ident(column_name(i)) +
                               ") VALUES (2, " + quote_literal(kValues[i] + "!") + ")";
    EXPECT_THROW(db_->driver().execute(insert), DatabaseError);
  }
  EXPECT_EQ(db_->driver().query("SELECT count(*) FROM \"values\"").rows.at(0).at(0), "1");
}

TEST_P(HostileValues, AlteredDefaultsCommentsAndChecksRoundTrip) {
  Schema schema;
  schema.tables = {values_table()};
  run(diff_schema(empty_schema(), schema), empty_schema());
  const Table& table = schema.tables.at(0);
  for (std::size_t i = 0; i < kValues.size(); ++i) {
    SCOPED_TRACE(i);
    const std::string& next = kValues[(i + 1) % kValues.size()];
    const Column& from = table.columns.at(i + 1);
    Column to = from;
    to.default_value = ColumnDefault{DefaultKind::Literal, next};
    to.comment = next;
    const std::vector<Operation> ops = {
        AlterColumn{"values", from, to},
        AlterTableComment{"values", table.comment, kValues[i]},
        AddCheck{"values",
                 CheckConstraint{"ck_more", from.name + " <> " + quote_literal(next + "?")}},
    };
    Schema after = schema;
    apply(after, ops);
    run(ops, schema);
    EXPECT_TRUE(live_schema_is(after));
    db_->driver().execute("INSERT INTO \"values\" (id) VALUES (" + std::to_string(10 + i) + ")");
    EXPECT_EQ(row(static_cast<int>(10 + i)).at(i), next);
    run(invert(ops), after);
    EXPECT_TRUE(live_schema_is(schema));
  }
}

// PostgreSQL stores text in the database encoding (UTF-8 here) and refuses anything else; the
// refusal names the statement and leaves nothing behind. SQLite stores the bytes as given.
TEST_P(HostileValues, InvalidUtf8Default) {
  Schema before;
  before.tables = {table("items", {column("id", bigint())}).primary_key("pk_items", {"id"})};
  run(diff_schema(empty_schema(), before), empty_schema());
  const DatabaseSnapshot start = snapshot(db_->driver(), db_->dialect());
  const Operation op =
      AddColumn{"items", column("bad", text()).nullable().default_literal("caf\xe9 \xff")};
  if (GetParam() == Engine::Sqlite) {
    run({op}, before);
    db_->driver().execute("INSERT INTO items (id) VALUES (1)");
    EXPECT_EQ(db_->driver().query("SELECT bad FROM items").rows.at(0).at(0), "caf\xe9 \xff");
    return;
  }
  try {
    run({op}, before);
    FAIL() << "PostgreSQL took invalid UTF-8";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.code(), "22021") << e.what();
    EXPECT_NE(e.statement().find("ALTER TABLE \"public\".\"items\" ADD COLUMN \"bad\""),
              std::string::npos)
        << e.statement();
  }
  EXPECT_TRUE(same_snapshot(snapshot(db_->driver(), db_->dialect()), start));
}

INSTANTIATE_TEST_SUITE_P(Engines, HostileValues,
                         ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace
}  // namespace tempest::testing
