#include "database_state.hpp"

namespace tempest::testing {

DatabaseState database_state(Driver& driver, const Dialect& dialect) {
  DatabaseState state{dialect.introspect(driver), {}};
  for (const Table& table : state.schema.tables) {
    std::string columns;
    std::string order;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      columns += (i == 0 ? "" : ", ") + quote_ident(table.columns[i].name);
      order += (i == 0 ? "" : ", ") + std::to_string(i + 1);
    }
    if (columns.empty()) continue;
    state.rows[table.name] =
        driver
            .query("SELECT " + columns + " FROM " + quote_ident(table.name) + " ORDER BY " + order)
            .rows;
  }
  return state;
}

::testing::AssertionResult same_state(const DatabaseState& actual, const DatabaseState& expected) {
  if (::testing::AssertionResult schemas = same_schema(actual.schema, expected.schema); !schemas) {
    return schemas;
  }
  for (const auto& [table, rows] : expected.rows) {
    auto found = actual.rows.find(table);
    const Rows now = found == actual.rows.end() ? Rows{} : found->second;
    if (now != rows) {
      return ::testing::AssertionFailure() << "rows of " << table << " differ, expected:\n"
                                           << describe_rows(rows) << "actual:\n"
                                           << describe_rows(now);
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace tempest::testing
