#pragma once

// How messages name a revision, target, table or column: in double quotes, as written. Not
// SQL quoting (see sql_identifiers.hpp): people read these.

#include <string>
#include <string_view>

namespace tempest {

[[nodiscard]] inline std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

}  // namespace tempest
