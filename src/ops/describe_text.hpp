#pragma once

// Text pieces shared by describe() and the drift report: how names, lists and default values
// read for people.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/schema.hpp"

namespace tempest::describe_text {

// 'text' with embedded quotes doubled, as SQL writes a string.
[[nodiscard]] std::string quoted(std::string_view text);

// "a, b, c".
[[nodiscard]] std::string join(const std::vector<std::string>& items);

// A default as SQL would spell it: numbers and booleans bare, other literals quoted,
// expressions verbatim; "none" when absent.
[[nodiscard]] std::string default_value(const ColumnType& type,
                                        const std::optional<ColumnDefault>& value);

}  // namespace tempest::describe_text
