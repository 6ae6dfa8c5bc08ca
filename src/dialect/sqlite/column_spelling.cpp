#include "dialect/sqlite/column_spelling.hpp"

#include <cctype>

#include "model/naming.hpp"
#include "tempest/dialect.hpp"

namespace tempest {

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// An SQLite numeric literal with an optional sign: [+-]digits[.digits][e[+-]digits] or
// [+-].digits[e...] (https://sqlite.org/syntax/numeric-literal.html, decimal forms only).
bool is_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
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

// The words equivalent_defaults accepts for a bool.
std::optional<bool> bool_word(std::string_view s) {
  std::string word = upper(s);
  if (word == "TRUE" || word == "T" || word == "1" || word == "YES" || word == "Y" ||
      word == "ON") {
    return true;
  }
  if (word == "FALSE" || word == "F" || word == "0" || word == "NO" || word == "N" ||
      word == "OFF") {
    return false;
  }
  return std::nullopt;
}

bool is_numeric_kind(TypeKind kind) {
  switch (kind) {
    case TypeKind::Int16:
    case TypeKind::Int32:
    case TypeKind::Int64:
    case TypeKind::Float32:
    case TypeKind::Float64:
    case TypeKind::Numeric:
      return true;
    default:
      return false;
  }
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
      return i + 1 == s.size() ? std::optional<std::string>(std::move(out)) : std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

bool is_rowid_alias(const Table& table, const Column& column) {
  return column.identity != Identity::None && table.primary_key &&
         table.primary_key->columns.size() == 1 && table.primary_key->columns[0] == column.name;
}

std::string sqlite_type_sql(const Table& table, const Column& column) {
  if (is_rowid_alias(table, column)) return "INTEGER";
  switch (column.type.kind) {
    case TypeKind::Int32:
      return "int";
    case TypeKind::Bytes:
      return "blob";
    case TypeKind::Enum:
      return "text";
    default:
      return type_to_string(column.type);
  }
}

std::optional<std::string> sqlite_default_sql(const Column& column) {
  if (!column.default_value) return std::nullopt;
  const ColumnDefault& value = *column.default_value;
  if (value.kind == DefaultKind::Expression) return "(" + value.value + ")";
  if (column.type.kind == TypeKind::Bool) {
    if (auto truth = bool_word(value.value)) return *truth ? "TRUE" : "FALSE";
  }
  if (is_numeric_kind(column.type.kind) && is_number(value.value)) return value.value;
  return quote_literal(value.value);
}

std::optional<ColumnDefault> classify_sqlite_default(const std::optional<std::string>& reported,
                                                     const ColumnType& type) {
  if (!reported) return std::nullopt;
  const std::string& text = *reported;
  std::string word = upper(text);
  if (word == "NULL") return std::nullopt;
  if (auto unquoted = unquote(text)) return ColumnDefault{DefaultKind::Literal, *unquoted};
  if (word == "TRUE" || word == "FALSE") {
    return ColumnDefault{DefaultKind::Literal, word == "TRUE" ? "true" : "false"};
  }
  if (is_number(text)) {
    if (type.kind == TypeKind::Bool && (text == "1" || text == "0")) {
      return ColumnDefault{DefaultKind::Literal, text == "1" ? "true" : "false"};
    }
    return ColumnDefault{DefaultKind::Literal, text};
  }
  return ColumnDefault{DefaultKind::Expression, text};
}

CheckConstraint sqlite_enum_check(std::string_view table, const Column& column,
                                  const EnumType& enum_type) {
  std::string expression = quote_ident(column.name) + " IN (";
  for (std::size_t i = 0; i < enum_type.labels.size(); ++i) {
    if (i > 0) expression += ", ";
    expression += quote_literal(enum_type.labels[i]);
  }
  expression += ")";
  return {naming::fit("ck_" + std::string(table) + "_" + column.name + "_enum"),
          std::move(expression)};
}

}  // namespace tempest
