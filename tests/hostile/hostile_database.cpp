#include "hostile_database.hpp"

#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::testing {

namespace {

// The JSON form when it can be written (it cannot for invalid UTF-8).
std::string printable(const Schema& schema) {
  try {
    return schema_to_json(schema);
  } catch (const Error& e) {
    return std::string("(no JSON: ") + e.what() + ")\n";
  }
}

std::string printable(const Rows& rows) {
  std::string out;
  for (const auto& row : rows) {
    out += "(";
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += (i == 0 ? "" : ", ") + (row[i] ? quote_literal(*row[i]) : std::string("NULL"));
    }
    out += ")\n";
  }
  return out;
}

}  // namespace

DatabaseSnapshot snapshot(Driver& driver, const Dialect& dialect) {
  DatabaseSnapshot out;
  out.schema = dialect.introspect(driver);
  for (const Table& table : out.schema.tables) {
    std::string columns;
    std::string order;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      columns += (i == 0 ? "" : ", ") + quote_ident(table.columns[i].name);
      order += (i == 0 ? "" : ", ") + std::to_string(i + 1);
    }
    if (columns.empty()) continue;
    out.rows[table.name] =
        driver
            .query("SELECT " + columns + " FROM " + quote_ident(table.name) + " ORDER BY " + order)
            .rows;
  }
  const VersionTableSql sql = dialect.version_table_sql("tempest_db_migrations");
  out.version_table = !driver.query(sql.exists).rows.empty();
  out.applied = MigrationRunner(driver, dialect).applied();
  return out;
}

::testing::AssertionResult same_schema(const Schema& actual, const Schema& expected) {
  if (actual == expected) return ::testing::AssertionSuccess();
  std::string differences;
  for (const Operation& op : diff_schema(actual, expected)) differences += describe(op) + "\n";
  return ::testing::AssertionFailure()
         << "schemas differ\n--- operations from actual to expected:\n"
         << (differences.empty() ? "(none: the difference is one the differ ignores)\n"
                                 : differences)
         << "--- actual:\n"
         << printable(actual) << "--- expected:\n"
         << printable(expected);
}

::testing::AssertionResult same_snapshot(const DatabaseSnapshot& actual,
                                         const DatabaseSnapshot& expected) {
  if (::testing::AssertionResult schemas = same_schema(actual.schema, expected.schema); !schemas) {
    return schemas;
  }
  if (actual.rows != expected.rows) {
    auto failure = ::testing::AssertionFailure() << "rows differ\n";
    for (const auto& [table, rows] : expected.rows) {
      auto found = actual.rows.find(table);
      const Rows now = found == actual.rows.end() ? Rows{} : found->second;
      if (now != rows) {
        failure << "table " << table << ", expected:\n"
                << printable(rows) << "actual:\n"
                << printable(now);
      }
    }
    return failure;
  }
  if (actual.version_table != expected.version_table) {
    return ::testing::AssertionFailure()
           << "the version table " << (actual.version_table ? "appeared" : "disappeared");
  }
  if (actual.applied != expected.applied) {
    auto failure = ::testing::AssertionFailure() << "version rows differ\nexpected:\n";
    for (const AppliedRevision& row : expected.applied) failure << "  " << row.revision << "\n";
    failure << "actual:\n";
    for (const AppliedRevision& row : actual.applied) failure << "  " << row.revision << "\n";
    return failure;
  }
  return ::testing::AssertionSuccess();
}

}  // namespace tempest::testing
