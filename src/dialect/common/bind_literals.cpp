#include "dialect/common/bind_literals.hpp"

#include <cctype>
#include <string>

#include "tempest/dialect.hpp"
#include "tempest/error.hpp"

namespace tempest {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The end of the quoted text or comment starting at `at`, or `at` when none starts there.
std::size_t skip_quoted(std::string_view sql, std::size_t at) {
  const char c = sql[at];
  if (c == '\'' || c == '"') {
    std::size_t end = at + 1;
    while (end < sql.size()) {
      if (sql[end] == c) {
        if (end + 1 < sql.size() && sql[end + 1] == c) {  // a doubled quote
          end += 2;
          continue;
        }
        return end + 1;
      }
      ++end;
    }
    return sql.size();
  }
  if (sql.substr(at, 2) == "--") {
    const std::size_t end = sql.find('\n', at);
    return end == std::string_view::npos ? sql.size() : end;
  }
  if (sql.substr(at, 2) == "/*") {
    const std::size_t end = sql.find("*/", at + 2);
    return end == std::string_view::npos ? sql.size() : end + 2;
  }
  return at;
}

}  // namespace

std::string bind_literals_with(std::string_view sql, char marker,
                               const std::vector<SqlValue>& params) {
  std::string out;
  out.reserve(sql.size() + 64);
  std::size_t i = 0;
  while (i < sql.size()) {
    const std::size_t skipped = skip_quoted(sql, i);
    if (skipped != i) {
      out.append(sql.substr(i, skipped - i));
      i = skipped;
      continue;
    }
    if (sql[i] != marker || i + 1 >= sql.size() || !is_digit(sql[i + 1])) {
      out += sql[i++];
      continue;
    }
    std::size_t end = i + 1;
    std::size_t number = 0;
    for (; end < sql.size() && is_digit(sql[end]); ++end) {
      number = number * 10 + static_cast<std::size_t>(sql[end] - '0');
    }
    if (number == 0 || number > params.size()) {
      throw Error("placeholder " + std::string(sql.substr(i, end - i)) + " has no value (" +
                  std::to_string(params.size()) + " given) in statement: " + std::string(sql));
    }
    const SqlValue& value = params[number - 1];
    out += value ? quote_literal(*value) : "NULL";
    i = end;
  }
  return out;
}

}  // namespace tempest
