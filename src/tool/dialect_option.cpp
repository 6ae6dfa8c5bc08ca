#include "tool/dialect_option.hpp"

#include <vector>

#include "tempest/error.hpp"

namespace tempest::tool {

std::optional<DialectKind> parse_dialect_option(const std::string& value) {
  if (value.empty()) return std::nullopt;
  if (value == "sqlite") return DialectKind::Sqlite;
  if (value == "postgresql" || value == "postgres") return DialectKind::Postgres;
  throw Error("--dialect " + value + ": expected sqlite or postgresql");
}

std::optional<DialectKind> choose_dialect(std::optional<DialectKind> requested,
                                          const std::vector<EngineOf>& engines) {
  for (const EngineOf& side : engines) {
    if (!side.engine) continue;
    if (!requested) return side.engine;
    if (*requested != *side.engine) {
      throw Error("--dialect " + std::string(dialect_for(*requested).name()) + " contradicts " +
                  side.what + ", a " + std::string(dialect_for(*side.engine).name()) + " database");
    }
  }
  return requested;
}

}  // namespace tempest::tool
