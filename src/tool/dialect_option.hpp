#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tempest/dialect.hpp"

namespace tempest::tool {

// The engine named by a --dialect value ("sqlite", "postgresql" or "postgres"); nullopt for
// an empty value. Throws Error for any other name.
[[nodiscard]] std::optional<DialectKind> parse_dialect_option(const std::string& value);

// The engine of one side of a command (nullopt for a JSON file) and how to name that side.
struct EngineOf {
  std::optional<DialectKind> engine;
  std::string what;  // "FROM (sqlite:app.db)"
};

// The dialect to work in: `requested` if given, else the first known engine of `engines`
// (nullopt when none is known). Throws Error when `requested` contradicts one of `engines`: a
// script must suit the database it was made from.
[[nodiscard]] std::optional<DialectKind> choose_dialect(std::optional<DialectKind> requested,
                                                        const std::vector<EngineOf>& engines);

}  // namespace tempest::tool
