#include "tempest/dialect.hpp"

#include <memory>
#include <string>

#include "dialect/common/bind_literals.hpp"
#include "dialect/postgres/postgres_dialect.hpp"
#include "dialect/postgres/runner_sql.hpp"

namespace tempest {

namespace postgres {

Capabilities PostgresDialect::capabilities() const {
  Capabilities capabilities;
  capabilities.transactional_ddl = true;
  capabilities.alter_column = true;
  capabilities.native_enums = true;
  capabilities.comments = true;
  capabilities.add_constraint = true;
  return capabilities;
}

std::vector<RenderedStep> PostgresDialect::render(const std::vector<Operation>& ops,
                                                  const Schema& before) const {
  return render_operations(ops, before, schema_);
}

Schema PostgresDialect::introspect(Driver& driver) const {
  return normalize_schema(read_schema(driver, schema_));
}

Schema PostgresDialect::normalize(Schema schema) const {
  return normalize_schema(std::move(schema));
}

std::unique_ptr<StepExecutor> PostgresDialect::step_executor(Driver& driver) const {
  return make_step_executor(driver);
}

VersionTableSql PostgresDialect::version_table_sql(std::string_view table) const {
  return version_table_statements(schema_, table);
}

std::string PostgresDialect::bind_literals(std::string_view statement,
                                           const std::vector<SqlValue>& params) const {
  return bind_literals_with(statement, '$', params);
}

ScriptFrame PostgresDialect::script_frame(std::span<const RenderedStep> steps) const {
  return transaction_frame(steps);
}

// Literals are written as standard strings (a backslash is a character): a server configured
// otherwise would read them differently, so the script sets it as PostgresDriver::connect does.
std::vector<std::string> PostgresDialect::script_prologue() const {
  return {"SET standard_conforming_strings = on"};
}

std::string PostgresDialect::script_run_advice() const {
  return "run it so that the first error stops it: psql -v ON_ERROR_STOP=1 -f SCRIPT";
}

std::vector<std::string> PostgresDialect::script_guard(std::string_view problem,
                                                       std::string_view count_sql) const {
  return {postgres::script_guard(problem, count_sql)};
}

}  // namespace postgres

const Dialect& postgres_dialect() {
  static const postgres::PostgresDialect dialect("public");
  return dialect;
}

std::unique_ptr<Dialect> make_postgres_dialect(std::string schema) {
  return std::make_unique<postgres::PostgresDialect>(std::move(schema));
}

}  // namespace tempest
