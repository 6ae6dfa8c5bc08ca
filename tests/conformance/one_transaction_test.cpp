// Plans run as the migration runner runs one migration: every transactional step in one
// transaction through the dialect's StepExecutor (execute_plan_atomically). Two shapes that
// diff_schema produces and that a step-by-step run accepts, pinned on both engines.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "database_state.hpp"
#include "failure_text.hpp"
#include "support/engine.hpp"
#include "support/execute_plan.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"

namespace tempest::testing {
namespace {

Column column(std::string name, TypeKind kind, bool nullable = false) {
  Column c;
  c.name = std::move(name);
  c.type.kind = kind;
  c.nullable = nullable;
  return c;
}

Column enum_column(std::string name, std::string enum_name, bool nullable = false) {
  Column c = column(std::move(name), TypeKind::Enum, nullable);
  c.type.enum_name = std::move(enum_name);
  return c;
}

Table table(std::string name, std::vector<Column> columns) {
  Table t;
  t.name = std::move(name);
  t.columns = {column("id", TypeKind::Int64)};
  t.columns.insert(t.columns.end(), columns.begin(), columns.end());
  t.primary_key = PrimaryKey{"pk_" + t.name, {"id"}};
  return t;
}

class OneTransaction : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override { database_ = open_database(GetParam()); }

  // Builds `before` with `rows_sql`, runs `ops` in one transaction and expects `after`, rows kept.
  void expect_migrates(const Schema& before, const std::string& rows_sql,
                       const std::vector<Operation>& ops) {
    Driver& driver = database_->driver();
    const Dialect& dialect = database_->dialect();
    execute_plan(driver, dialect, render_schema(dialect, before));
    driver.execute(rows_sql);
    Schema after = before;
    apply(after, ops);
    const std::vector<RenderedStep> steps = dialect.render(ops, before);
    try {
      execute_plan_atomically(driver, dialect, steps);
    } catch (const std::exception& e) {
      FAIL() << e.what() << "\nplan:\n" << describe_plan(steps);
    }
    EXPECT_TRUE(same_schema(dialect.introspect(driver), dialect.normalize(after)));
  }

  std::unique_ptr<EngineDatabase> database_;
};

// PostgreSQL refuses to use an enum label added by ALTER TYPE ... ADD VALUE before the
// transaction that added it commits ("unsafe use of new value", SQLSTATE 55P04), and
// diff_schema puts the label's addition and its first use (here a default) in one migration.
TEST_P(OneTransaction, EnumLabelAddedAndUsedAsADefault) {
  Schema before;
  before.enums = {EnumType{"mood", {"ok"}}};
  before.tables = {table("people", {enum_column("feeling", "mood")})};
  Schema target = before;
  target.enums[0].labels.push_back("happy");
  Column since = enum_column("since", "mood");
  since.default_value = ColumnDefault{DefaultKind::Literal, "happy"};
  target.tables[0].columns.push_back(since);
  expect_migrates(before, "INSERT INTO people (id, feeling) VALUES (1, 'ok')",
                  diff_schema(before, target));
}

// The SQLite executor checks the foreign keys of every table rebuilt in the transaction
// before COMMIT; a table rebuilt and then dropped by the same migration is gone by then.
TEST_P(OneTransaction, TableRebuiltThenDropped) {
  Schema before;
  Table parent = table("parent", {});
  Table child = table("child", {column("parent_id", TypeKind::Int64, true)});
  child.foreign_keys = {ForeignKey{"fk_child_parent", {"parent_id"}, "parent", {"id"}}};
  before.tables = {child, parent};
  canonicalize(before);
  // As the inverse of creating both with a foreign key that closes no cycle, rendered by the
  // SQLite planner as a rebuild of "child" (the key dropped), then the two DROP TABLEs.
  const std::vector<Operation> ops = {DropForeignKey{"child", child.foreign_keys[0]},
                                      DropTable{parent}, DropTable{child}};
  expect_migrates(before,
                  "INSERT INTO parent (id) VALUES (1); INSERT INTO child (id, parent_id) "
                  "VALUES (1, 1)",
                  ops);
}

INSTANTIATE_TEST_SUITE_P(Engines, OneTransaction,
                         ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const ::testing::TestParamInfo<Engine>& info) {
                           return engine_name(info.param);
                         });

}  // namespace
}  // namespace tempest::testing
