#include "support/database_contents.hpp"

#include "tempest/dialect.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"

namespace tempest::testing {

namespace {

std::string printable(const Schema& schema) {
  try {
    return schema_to_json(schema);
  } catch (const Error& e) {
    return std::string("(no JSON: ") + e.what() + ")\n";
  }
}

}  // namespace

std::map<std::string, Rows> table_rows(Driver& driver, const Schema& schema) {
  std::map<std::string, Rows> rows;
  for (const Table& table : schema.tables) {
    std::string columns;
    std::string order;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      columns += (i == 0 ? "" : ", ") + quote_ident(table.columns[i].name);
      order += (i == 0 ? "" : ", ") + std::to_string(i + 1);
    }
    if (columns.empty()) continue;
    rows[table.name] =
        driver
            .query("SELECT " + columns + " FROM " + quote_ident(table.name) + " ORDER BY " + order)
            .rows;
  }
  return rows;
}

::testing::AssertionResult same_schema(const Schema& actual, const Schema& expected) {
  if (actual == expected) return ::testing::AssertionSuccess();
  std::string differences;
  for (const Operation& op : diff_schema(actual, expected)) differences += describe(op) + "\n";
  return ::testing::AssertionFailure()
         << "schemas differ\n--- operations from actual to expected:\n"
         << (differences.empty() ? "(none: a difference the differ ignores, e.g. column order)\n"
                                 : differences)
         << "--- actual:\n"
         << printable(actual) << "\n--- expected:\n"
         << printable(expected);
}

std::string describe_rows(const Rows& rows) {
  std::string out;
  for (const auto& row : rows) {
    out += "  (";
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += (i == 0 ? "" : ", ") + (row[i] ? quote_literal(*row[i]) : std::string("NULL"));
    }
    out += ")\n";
  }
  return out;
}

}  // namespace tempest::testing
