// The free functions of dialect.hpp that only dispatch to a Dialect.

#include "tempest/dialect.hpp"
#include "tempest/diff.hpp"

namespace tempest {

const Dialect& dialect_for(DialectKind kind) {
  switch (kind) {
    case DialectKind::Sqlite:
      return sqlite_dialect();
    case DialectKind::Postgres:
      return postgres_dialect();
  }
  return sqlite_dialect();  // unreachable: the switch covers every kind
}

Schema inspect_schema(Driver& driver) { return dialect_for(driver.dialect()).introspect(driver); }

std::vector<RenderedStep> render_schema(const Dialect& dialect, const Schema& schema) {
  return dialect.render(diff_schema(empty_schema(), schema), empty_schema());
}

}  // namespace tempest
