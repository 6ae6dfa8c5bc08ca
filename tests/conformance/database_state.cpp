#include "database_state.hpp"

namespace tempest::testing {

DatabaseState database_state(Driver& driver, const Dialect& dialect) {
  DatabaseState state{dialect.introspect(driver), {}};
  state.rows = table_rows(driver, state.schema);
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
