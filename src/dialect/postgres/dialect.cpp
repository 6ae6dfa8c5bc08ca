#include "tempest/dialect.hpp"

#include <memory>
#include <string>

#include "dialect/postgres/postgres_dialect.hpp"

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

}  // namespace postgres

const Dialect& postgres_dialect() {
  static const postgres::PostgresDialect dialect("public");
  return dialect;
}

std::unique_ptr<Dialect> make_postgres_dialect(std::string schema) {
  return std::make_unique<postgres::PostgresDialect>(std::move(schema));
}

}  // namespace tempest
