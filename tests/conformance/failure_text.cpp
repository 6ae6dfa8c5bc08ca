#include "failure_text.hpp"

#include "tempest/diff.hpp"
#include "tempest/json.hpp"

namespace tempest::testing {

::testing::AssertionResult same_schema(const Schema& actual, const Schema& expected) {
  if (actual == expected) return ::testing::AssertionSuccess();
  std::string differences;
  for (const Operation& op : diff_schema(actual, expected)) differences += describe(op) + "\n";
  return ::testing::AssertionFailure()
         << "schemas differ\n--- operations from actual to expected:\n"
         << (differences.empty() ? "(none: a difference the differ ignores, e.g. column order)\n"
                                 : differences)
         << "--- actual:\n"
         << schema_to_json(actual) << "\n--- expected:\n"
         << schema_to_json(expected);
}

std::string describe_plan(const std::vector<RenderedStep>& steps) {
  std::string out;
  for (const RenderedStep& step : steps) {
    out += "-- " + step.description + (step.rebuild_table.empty() ? "" : " (rebuild)") +
           (step.transactional ? "" : " (outside a transaction)") + "\n";
    for (const std::string& statement : step.statements) out += statement + ";\n";
  }
  return out;
}

std::string describe_rows(const Rows& rows) {
  std::string out;
  for (const auto& row : rows) {
    out += "  (";
    for (std::size_t i = 0; i < row.size(); ++i)
      out += (i == 0 ? "" : ", ") + (row[i] ? "'" + *row[i] + "'" : std::string("NULL"));
    out += ")\n";
  }
  return out;
}

}  // namespace tempest::testing
