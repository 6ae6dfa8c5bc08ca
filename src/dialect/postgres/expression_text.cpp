#include "dialect/postgres/expression_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <vector>

#include "schema/sql_literal.hpp"

namespace tempest::postgres {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}


bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }


bool is_type_name(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s.front())) || s.front() == '"')) {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      i = quoted_token_end(s, i) - 1;
    } else if (!is_word(c) && !is_space(c) && c != '.' && c != '(' && c != ')' && c != ',' &&
               c != '[' && c != ']') {
      return false;
    }
  }
  return true;
}

// The position of the last "::" at nesting depth 0 when what follows it is a type name
// ('x'::character varying, '{}'::integer[], 'a'::"my enum").
std::optional<std::size_t> trailing_cast(std::string_view s) {
  std::optional<std::size_t> last;
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\'' || c == '"') {
      i = quoted_token_end(s, i) - 1;
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

// The text of `s` when it is exactly one '...' string, with '' unescaped.
std::optional<std::string> unquote(std::string_view s) {
  if (s.size() < 2 || s.front() != '\'' || quoted_token_end(s, 0) != s.size()) return std::nullopt;
  std::string out;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    out += s[i];
    if (s[i] == '\'') ++i;
  }
  return out;
}

// A constant as PostgreSQL prints a Const node: a number, true/false, NULL, or one '...'
// string with at most one cast ('-1'::integer, 'x'::character varying, 'a'::"my enum").
// Anything more is an expression evaluated at insert time: ('now'::text)::date is not the
// constant 'now'.
struct Constant {
  std::string text;
  bool quoted = false;
  bool null = false;
};

std::optional<Constant> constant_of(std::string_view sql) {
  std::string_view s = strip_outer_parens(sql);
  if (s.empty()) return std::nullopt;
  std::size_t end = 0;
  if (s.front() == '\'') {
    end = quoted_token_end(s, 0);
  } else {
    while (end < s.size() && (is_word(s[end]) || s[end] == '.' || s[end] == '-')) ++end;
  }
  if (end != s.size()) {
    auto cast = trailing_cast(s);
    if (!cast || !trim_sql_space(s.substr(end, *cast - end)).empty()) return std::nullopt;
  }
  std::string_view value = s.substr(0, end);
  if (auto text = unquote(value)) return Constant{std::move(*text), true, false};
  std::string word = lower(value);
  if (word == "null") return Constant{"", false, true};
  if (word == "true" || word == "false" || is_number(value)) return Constant{word, false, false};
  return std::nullopt;
}

// When s continues at `at` with "::name" where name is one of `types` and is not followed
// by more of a type name, the position after it.
template <std::size_t N>
std::optional<std::size_t> cast_to(std::string_view s, std::size_t at,
                                   const std::array<std::string_view, N>& types) {
  if (s.substr(at, 2) != "::") return std::nullopt;
  std::string_view rest = s.substr(at + 2);
  for (std::string_view type : types) {
    if (rest.substr(0, type.size()) != type) continue;
    std::size_t end = at + 2 + type.size();
    if (end < s.size() && (is_word(s[end]) || s[end] == '(' || s[end] == '[' || s[end] == '.')) {
      continue;
    }
    return end;
  }
  return std::nullopt;
}

// Casts that only restate the type PostgreSQL inferred for a constant. real and double
// precision are left: dropping them would change which comparison operator is chosen.
constexpr std::array<std::string_view, 1> kTextCast = {"text"};
constexpr std::array<std::string_view, 4> kNumberCasts = {"integer", "bigint", "smallint",
                                                          "numeric"};

std::string_view unquoted(std::string_view literal) {
  return literal.substr(1, literal.size() - 2);
}

// "007" -> "7", "+5" -> "5": how PostgreSQL prints an integer constant; nullopt when `text`
// is not an integer that fits 64 bits.
std::optional<std::string> canonical_integer(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return std::to_string(value);
}

std::optional<std::string> canonical_bool(std::string_view text) {
  std::string word = lower(text);
  if (word == "true" || word == "t" || word == "yes" || word == "y" || word == "on" ||
      word == "1") {
    return "true";
  }
  if (word == "false" || word == "f" || word == "no" || word == "n" || word == "off" ||
      word == "0") {
    return "false";
  }
  return std::nullopt;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// PostgreSQL prints timestamp and time constants with seconds: '2020-01-01' on a timestamp
// column comes back as '2020-01-01 00:00:00', '10:00' on a time column as '10:00:00'.
std::string with_seconds(TypeKind kind, std::string text) {
  auto is_date = [](std::string_view s) {
    return s.size() == 10 && all_digits(s.substr(0, 4)) && s[4] == '-' &&
           all_digits(s.substr(5, 2)) && s[7] == '-' && all_digits(s.substr(8, 2));
  };
  auto is_minutes = [](std::string_view s) {
    return s.size() == 5 && all_digits(s.substr(0, 2)) && s[2] == ':' && all_digits(s.substr(3));
  };
  if (kind == TypeKind::Timestamp && is_date(text)) return text + " 00:00:00";
  if (kind == TypeKind::Timestamp && text.size() == 16 && is_date(text.substr(0, 10)) &&
      text[10] == ' ' && is_minutes(text.substr(11))) {
    return text + ":00";
  }
  if (kind == TypeKind::Time && is_minutes(text)) return text + ":00";
  return text;
}

std::string stored_literal(const ColumnType& type, const std::string& text) {
  switch (type.kind) {
    case TypeKind::Int16:
    case TypeKind::Int32:
    case TypeKind::Int64:
      // Not value_or(text): g++ 12 at -O2 warns (falsely) of an uninitialized string there.
      if (auto canonical = canonical_integer(text)) return *canonical;
      return text;
    case TypeKind::Bool:
      if (auto canonical = canonical_bool(text)) return *canonical;
      return text;
    case TypeKind::Uuid:
      return lower(text);
    case TypeKind::Timestamp:
    case TypeKind::Time:
      return with_seconds(type.kind, text);
    default:
      return text;
  }
}

// PostgreSQL prints the SQL value functions in upper case (CURRENT_TIMESTAMP) and calls of
// unquoted function names in lower case (now()), whatever the user typed.
std::string canonical_call(std::string text) {
  static constexpr std::array<std::string_view, 11> kValueFunctions = {
      "current_date", "current_time", "current_timestamp", "localtime",       "localtimestamp",
      "current_user", "session_user", "current_role",      "current_catalog", "current_schema",
      "user"};
  std::string word = lower(text);
  for (std::string_view function : kValueFunctions) {
    if (word == function) {
      for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return text;
    }
  }
  bool bare_call = word.size() > 2 && word.ends_with("()") &&
                   std::all_of(word.begin(), word.end() - 2, [](char c) { return is_word(c); });
  return bare_call ? word : text;
}

// True when another cast applies to what precedes `at` ("'now'::text)::date"): the text cast
// is then a step of a conversion, not noise, and dropping it would change what is cast.
bool cast_follows(std::string_view s, std::size_t at) {
  while (at < s.size() && (s[at] == ')' || is_space(s[at]))) ++at;
  return s.substr(at, 2) == "::";
}

// True when `token` is an identifier, bare or quoted, naming one of `columns`.
bool is_varchar_column(std::string_view token, const std::vector<std::string>& columns) {
  if (token.empty()) return false;
  std::string name;
  if (token.front() == '"') {
    if (quoted_token_end(token, 0) != token.size()) return false;
    for (std::size_t i = 1; i + 1 < token.size(); ++i) {
      name += token[i];
      if (token[i] == '"') ++i;
    }
  } else {
    if (!std::all_of(token.begin(), token.end(), is_word)) return false;
    name = token;
  }
  return std::find(columns.begin(), columns.end(), name) != columns.end();
}

// For the "(" at s[open] of "(token)", the position of its ")"; npos when something else
// follows. The token is a quoted identifier (which may hold parentheses of its own, as in
// ("a)b")::text) or a run of anything but parentheses and quotes (a number, a bare name).
std::size_t single_token_close(std::string_view s, std::size_t open) {
  std::size_t end = open + 1;
  if (end < s.size() && s[end] == '"') {
    end = quoted_token_end(s, end);
  } else {
    while (end < s.size() && s[end] != ')' && s[end] != '(' && s[end] != '"' && s[end] != '\'') {
      ++end;
    }
  }
  return end < s.size() && s[end] == ')' ? end : std::string_view::npos;
}

}  // namespace

std::vector<std::string> varchar_columns(const Table& table) {
  std::vector<std::string> names;
  for (const Column& column : table.columns) {
    if (column.type.kind == TypeKind::Varchar) names.push_back(column.name);
  }
  return names;
}

bool is_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  std::size_t digits = 0;
  for (; i < s.size() && is_digit(s[i]); ++i) ++digits;
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && is_digit(s[i]); ++i) ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exponent = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) ++exponent;
    if (exponent == 0) return false;
  }
  return i == s.size();
}

std::string clean_expression(std::string_view sql,
                             const std::vector<std::string>& varchar_columns) {
  std::string_view s = strip_outer_parens(sql);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"' || (is_word(c) && !is_digit(c) && (i == 0 || !is_word(s[i - 1])))) {
      // An identifier; "email::text" is how pretty-printed index keys relabel a varchar.
      std::size_t end = i + 1;
      if (c == '"') {
        end = quoted_token_end(s, i);
      } else {
        while (end < s.size() && is_word(s[end])) ++end;
      }
      std::string_view token = s.substr(i, end - i);
      out += token;
      i = end;
      if (auto after = cast_to(s, end, kTextCast);
          after && is_varchar_column(token, varchar_columns)) {
        i = *after;
      }
    } else if (c == '\'') {
      std::size_t end = quoted_token_end(s, i);
      std::string_view literal = s.substr(i, end - i);
      if (auto after = cast_to(s, end, kTextCast); after && !cast_follows(s, *after)) {
        out += literal;
        i = *after;
      } else if (auto after_number = cast_to(s, end, kNumberCasts);
                 after_number && literal.size() >= 2 && is_number(unquoted(literal))) {
        out += unquoted(literal);
        i = *after_number;
      } else {
        out += literal;
        i = end;
      }
    } else if (c == '(') {
      std::size_t close = single_token_close(s, i);
      std::string_view inside =
          close == std::string_view::npos ? std::string_view() : s.substr(i + 1, close - i - 1);
      auto number_cast =
          close == std::string_view::npos ? std::nullopt : cast_to(s, close + 1, kNumberCasts);
      auto text_cast =
          close == std::string_view::npos ? std::nullopt : cast_to(s, close + 1, kTextCast);
      if (number_cast && is_number(inside)) {
        // "(0)::numeric": PostgreSQL's spelling of the constant 0 compared with a numeric.
        out += inside;
        i = *number_cast;
      } else if (text_cast && is_varchar_column(inside, varchar_columns)) {
        // "(email)::text": the implicit relabelling of a varchar column passed to a text
        // function or operator, a no-op.
        out += inside;
        i = *text_cast;
      } else {
        out += c;
        ++i;
      }
    } else {
      out += c;
      ++i;
    }
  }
  return std::string(strip_outer_parens(out));
}

ReadDefault read_default(std::string_view pg_text) {
  std::string_view text = strip_outer_parens(pg_text);
  if (text.substr(0, 8) == "nextval(") return {std::nullopt, true};
  if (std::optional<Constant> constant = constant_of(text)) {
    if (constant->null) return {};  // DEFAULT NULL, echoed as NULL::character varying
    return {ColumnDefault{DefaultKind::Literal, std::move(constant->text)}};
  }
  return {ColumnDefault{DefaultKind::Expression, canonical_call(clean_expression(text))}};
}

std::optional<ColumnDefault> stored_default(const ColumnType& type,
                                            std::optional<ColumnDefault> value) {
  if (!value) return value;
  if (value->kind == DefaultKind::Expression) {
    ReadDefault read = read_default(value->value);
    if (read.serial) return value;
    value = std::move(read.value);
    if (!value || value->kind == DefaultKind::Expression) return value;
  }
  value->value = stored_literal(type, value->value);
  return value;
}

}  // namespace tempest::postgres
