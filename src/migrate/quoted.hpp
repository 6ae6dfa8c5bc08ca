#pragma once

// How the runner's messages name a revision, target or table: in double quotes, as written.
// Not SQL quoting: people read these.

#include <string>
#include <string_view>

namespace tempest {

[[nodiscard]] inline std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

}  // namespace tempest
