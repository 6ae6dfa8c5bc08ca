// Quoting of identifiers and string literals: the one place rendered SQL escapes names and
// values, so that no name or value can change the meaning of a statement.

#include <string>
#include <string_view>

#include "tempest/dialect.hpp"
#include "tempest/error.hpp"

namespace tempest {

namespace {

// Both engines end a name or a string at a NUL byte (SQLite reads C strings, PostgreSQL's
// protocol is NUL-terminated), so doubling quotes cannot make one safe: refuse it.
void reject_nul(std::string_view text, std::string_view what) {
  if (text.find('\0') == std::string_view::npos) return;
  std::string shown;
  for (char c : text) shown += c == '\0' ? std::string("\\0") : std::string(1, c);
  throw ModelError(std::string(what) + " \"" + shown + "\" contains a NUL byte");
}

std::string quote(std::string_view text, char mark) {
  std::string out;
  out.reserve(text.size() + 2);
  out += mark;
  for (char c : text) {
    out += c;
    if (c == mark) out += mark;
  }
  out += mark;
  return out;
}

}  // namespace

std::string quote_ident(std::string_view name) {
  reject_nul(name, "identifier");
  return quote(name, '"');
}

std::string quote_literal(std::string_view value) {
  reject_nul(value, "string literal");
  return quote(value, '\'');
}

}  // namespace tempest
