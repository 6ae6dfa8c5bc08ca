#include "schema/sql_literal.hpp"

#include <cctype>
#include <optional>
#include <string>

#include "schema/sql_identifiers.hpp"

namespace tempest {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool is_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}


// A double-quoted identifier as normalize_sql_expression writes it: "title" and title name
// the same column in both engines (after a rename SQLite writes the one, PostgreSQL the
// other), so a name that needs no quotes loses them; "Title" keeps them.
std::string identifier_key(std::string_view token) {
  if (token.size() < 2 || token.back() != '"') return std::string(token);
  std::string name;
  for (std::size_t i = 1; i + 1 < token.size(); ++i) {
    name += token[i];
    if (token[i] == '"') ++i;
  }
  return sql_identifier(name) == name ? name : std::string(token);
}

// True when s[0] is '(' and its matching ')' is the last character ("lower(x)" is not
// wrapped). Quotes are skipped; a doubled quote inside a string toggles out and back in, which
// gives the same result.
bool parens_wrap_whole(std::string_view s) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return false;
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
  if (!last || !is_type_name(trim_sql_space(s.substr(*last + 2)))) return std::nullopt;
  return last;
}

// True when `type` (the text after "::") names a date or time type, whose input function
// reads 'now', 'today'... against the clock.
bool is_clock_type(std::string_view type) {
  std::string word;
  for (char c : trim_sql_space(type)) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_' && c != '.') break;
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (word.starts_with("pg_catalog.")) word.erase(0, 11);
  return word == "date" || word == "time" || word == "timetz" || word == "timestamp" ||
         word == "timestamptz" || word == "datetime";
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

std::string_view trim_sql_space(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::size_t quoted_token_end(std::string_view s, std::size_t start) {
  const char quote = s[start];
  std::size_t i = start + 1;
  while (i < s.size()) {
    if (s[i] != quote) {
      ++i;
    } else if (i + 1 < s.size() && s[i + 1] == quote) {
      i += 2;
    } else {
      return i + 1;
    }
  }
  return s.size();
}

std::string_view strip_outer_parens(std::string_view sql) {
  std::string_view s = trim_sql_space(sql);
  while (s.size() >= 2 && parens_wrap_whole(s)) s = trim_sql_space(s.substr(1, s.size() - 2));
  return s;
}

SqlConstant strip_constant(std::string_view sql) {
  const std::string_view whole = strip_outer_parens(sql);
  std::string_view s = whole;
  while (auto cast = trailing_cast(s)) {
    std::string_view operand = strip_outer_parens(s.substr(0, *cast));
    // A literal cast straight to a date/time type is folded when the default is stored
    // ('now'::date is the day of the CREATE TABLE), but a cast of a typed value, as in Sakila's
    // ('now'::text)::date, is evaluated at every insert (PostgreSQL docs 8.5.1.4, "Special
    // Values"): an expression, not the constant 'now'.
    if (is_clock_type(s.substr(*cast + 2)) && trailing_cast(operand)) {
      return {std::string(whole), false};
    }
    s = operand;
  }
  if (auto text = unquote(s)) return {std::move(*text), true};
  return {std::string(s), false};
}

std::string normalize_sql_expression(std::string_view sql) {
  std::string_view s = strip_outer_parens(sql);
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  // One space survives only where dropping it would join two words ("is not", "'a' b").
  auto wordish = [](char x) { return is_word(x) || x == '\'' || x == '"'; };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (is_space(c)) {
      pending_space = true;
      ++i;
      continue;
    }
    if (pending_space && !out.empty() && wordish(out.back()) && wordish(c)) out += ' ';
    pending_space = false;
    if (c == '\'' || c == '"') {
      const std::size_t end = quoted_token_end(s, i);
      out += c == '"' ? identifier_key(s.substr(i, end - i)) : s.substr(i, end - i);
      i = end;
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      ++i;
    }
  }
  return out;
}

}  // namespace tempest
