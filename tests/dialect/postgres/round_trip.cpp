#include "round_trip.hpp"

#include <algorithm>
#include <variant>

#include "support/pg_cluster.hpp"
#include "tempest/diff.hpp"

namespace tempest::testing {

void execute_steps(Driver& driver, const std::vector<RenderedStep>& steps) {
  for (const RenderedStep& step : steps) {
    if (!step.transactional) {
      for (const std::string& statement : step.statements) driver.execute(statement);
      continue;
    }
    Transaction transaction(driver);
    for (const std::string& statement : step.statements) driver.execute(statement);
    transaction.commit();
  }
}

void create_schema(Driver& driver, const Dialect& dialect, const Schema& schema) {
  execute_steps(driver, render_schema(dialect, schema));
}

void expect_round_trip(const Schema& before, const Operation& op, const std::string& setup_sql) {
  const Dialect& dialect = postgres_dialect();
  TempPgDatabase db;
  Driver& driver = db.driver();
  create_schema(driver, dialect, before);
  ASSERT_TRUE(same_schema(dialect.introspect(driver), dialect.normalize(before))) << "before state";
  if (!setup_sql.empty()) driver.execute(setup_sql);

  Schema after = before;
  apply(after, op);
  execute_steps(driver, dialect.render({op}, before));
  EXPECT_TRUE(same_schema(dialect.introspect(driver), dialect.normalize(after)))
      << "after " << describe(op);

  Operation back = invert(op);
  execute_steps(driver, dialect.render({back}, after));
  Schema restored = before;
  if (const auto* drop = std::get_if<DropColumn>(&op)) {
    // ADD COLUMN appends: the column comes back last, and the differ ignores column order.
    std::vector<Column>& columns = find_table(restored, drop->table)->columns;
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&](const Column& c) { return c.name == drop->column.name; });
    std::rotate(it, it + 1, columns.end());
  }
  EXPECT_TRUE(same_schema(dialect.introspect(driver), dialect.normalize(restored)))
      << "after " << describe(back);
}

}  // namespace tempest::testing
