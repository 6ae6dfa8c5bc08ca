#include "schema/sql_literal.hpp"

#include <cctype>
#include <optional>

namespace tempest {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool is_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// True when s[0] is '(' and its matching ')' is the last character. Quotes are skipped; a
// doubled quote inside a string toggles out and back in, which gives the same result.
bool parens_wrap_whole(std::string_view s) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1 == s.size();
    }
  }
  return false;
}

bool is_type_name(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s.front())) || s.front() == '"')) {
    return false;
  }
  for (char c : s) {
    if (!is_word(c) && !is_space(c) && c != '.' && c != '"' && c != '(' && c != ')' && c != ',' &&
        c != '[' && c != ']') {
      return false;
    }
  }
  return true;
}

// The position of a trailing "::type" cast at nesting depth 0, if any. PostgreSQL's
// pg_get_expr spells defaults like 'x'::character varying or '{}'::integer[].
std::optional<std::size_t> trailing_cast(std::string_view s) {
  std::optional<std::size_t> last;
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == ':' && depth == 0 && i + 1 < s.size() && s[i + 1] == ':') {
      last = i;
      ++i;
    }
  }
  if (!last || !is_type_name(trim(s.substr(*last + 2)))) return std::nullopt;
  return last;
}

// The content of `s` when it is exactly one single-quoted SQL string, '' unescaped.
std::optional<std::string> unquote(std::string_view s) {
  if (s.size() < 2 || s.front() != '\'') return std::nullopt;
  std::string out;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] != '\'') {
      out += s[i];
    } else if (i + 1 < s.size() && s[i + 1] == '\'') {
      out += '\'';
      ++i;
    } else {
      return i + 1 == s.size() ? std::optional<std::string>(out) : std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view strip_outer_parens(std::string_view sql) {
  std::string_view s = trim(sql);
  while (s.size() >= 2 && parens_wrap_whole(s)) s = trim(s.substr(1, s.size() - 2));
  return s;
}

SqlConstant strip_constant(std::string_view sql) {
  std::string_view s = strip_outer_parens(sql);
  while (auto cast = trailing_cast(s)) s = strip_outer_parens(s.substr(0, *cast));
  if (auto text = unquote(s)) return {std::move(*text), true};
  return {std::string(s), false};
}

std::string normalize_sql_expression(std::string_view sql) {
  std::string_view s = strip_outer_parens(sql);
  std::string out;
  out.reserve(s.size());
  char quote = 0;
  bool pending_space = false;
  for (char c : s) {
    if (quote != 0) {
      out += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    // One space survives only where dropping it would join two words ("is not", "'a' b").
    auto wordish = [](char x) { return is_word(x) || x == '\'' || x == '"'; };
    if (pending_space && !out.empty() && wordish(out.back()) && wordish(c)) out += ' ';
    pending_space = false;
    if (c == '\'' || c == '"') quote = c;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace tempest
