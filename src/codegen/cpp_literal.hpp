#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tempest::codegen {

// `text` as an ordinary C++ string literal ("..."): quotes, backslashes and control characters
// escaped (octal, so no following digit is swallowed), the second '?' of "??" escaped (g++
// -Wtrigraphs), valid UTF-8 kept as it is and other bytes >= 0x80 escaped. The result holds
// no newline and never ends in a backslash, so it is safe in a // comment too.
[[nodiscard]] std::string string_literal(std::string_view text);
// Appends string_literal(text) to `out`.
void append_string_literal(std::string& out, std::string_view text);

// `text` as a person would want to edit it, in one or more adjacent literals: a raw string
// literal R"tempest(...)tempest" when `text` spans several lines and can be written raw (no
// carriage return or other control character but tab, no ")tempest\"" inside, valid UTF-8);
// otherwise string_literal() of each line, its "\n" included.
[[nodiscard]] std::vector<std::string> readable_literal(std::string_view text);

}  // namespace tempest::codegen
