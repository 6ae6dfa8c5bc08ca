// SqliteDialect: the four concerns of Dialect for SQLite, each delegated to its own file.

#include "tempest/dialect.hpp"

#include <string_view>
#include <utility>
#include <vector>

#include "dialect/sqlite/introspect.hpp"
#include "dialect/sqlite/normalize.hpp"
#include "dialect/sqlite/planner.hpp"

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
};

}  // namespace

}  // namespace sqlite

const Dialect& sqlite_dialect() {
  static const sqlite::SqliteDialect dialect;
  return dialect;
}

}  // namespace tempest
