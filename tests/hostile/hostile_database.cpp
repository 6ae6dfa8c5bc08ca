#include "hostile_database.hpp"

namespace tempest::testing {

DatabaseSnapshot snapshot(Driver& driver, const Dialect& dialect) {
  DatabaseSnapshot out;
  out.schema = dialect.introspect(driver);
  out.rows = table_rows(driver, out.schema);
  const VersionTableSql sql = dialect.version_table_sql("tempest_db_migrations");
  out.version_table = !driver.query(sql.exists).rows.empty();
  out.applied = MigrationRunner(driver, dialect).applied();
  return out;
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
                << describe_rows(rows) << "actual:\n"
                << describe_rows(now);
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
