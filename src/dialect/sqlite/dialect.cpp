// SqliteDialect: the four concerns of Dialect for SQLite, each delegated to its own file.

#include "tempest/dialect.hpp"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dialect/common/bind_literals.hpp"
#include "dialect/sqlite/execute_step.hpp"
#include "dialect/sqlite/introspect.hpp"
#include "dialect/sqlite/normalize.hpp"
#include "dialect/sqlite/planner.hpp"
#include "dialect/sqlite/runner_sql.hpp"

namespace tempest {

namespace sqlite {

namespace {

class SqliteDialect final : public Dialect {
 public:
  [[nodiscard]] DialectKind kind() const override { return DialectKind::Sqlite; }
  [[nodiscard]] std::string_view name() const override { return "sqlite"; }

  // DDL is transactional; everything beyond RENAME / ADD / DROP COLUMN is a table rebuild.
  [[nodiscard]] Capabilities capabilities() const override {
    Capabilities capabilities;
    capabilities.transactional_ddl = true;
    capabilities.alter_column = false;
    capabilities.native_enums = false;
    capabilities.comments = false;
    capabilities.add_constraint = false;
    return capabilities;
  }

  [[nodiscard]] std::vector<RenderedStep> render(const std::vector<Operation>& ops,
                                                 const Schema& before) const override {
    return plan_operations(ops, before);
  }

  [[nodiscard]] Schema introspect(Driver& driver) const override {
    return introspect_sqlite(driver);
  }

  [[nodiscard]] Schema normalize(Schema schema) const override {
    return normalize_sqlite(std::move(schema));
  }

  [[nodiscard]] std::unique_ptr<StepExecutor> step_executor(Driver& driver) const override {
    return make_step_executor(driver);
  }

  [[nodiscard]] VersionTableSql version_table_sql(std::string_view table) const override {
    return version_table_statements(table);
  }

  [[nodiscard]] std::string bind_literals(std::string_view statement,
                                          const std::vector<SqlValue>& params) const override {
    return bind_literals_with(statement, '?', params);
  }

  [[nodiscard]] ScriptFrame script_frame(std::span<const RenderedStep> steps) const override {
    return transaction_frame(steps);
  }

  [[nodiscard]] std::vector<std::string> script_guard(std::string_view problem,
                                                      std::string_view count_sql) const override {
    return sqlite::script_guard(problem, count_sql);
  }
  [[nodiscard]] std::vector<std::string> script_prologue() const override {
    return script_prologue_statements();
  }
  [[nodiscard]] std::string script_run_advice() const override {
    return "run it so that the first error stops it: sqlite3 -bail DATABASE < SCRIPT";
  }
};

}  // namespace

}  // namespace sqlite

const Dialect& sqlite_dialect() {
  static const sqlite::SqliteDialect dialect;
  return dialect;
}

}  // namespace tempest
