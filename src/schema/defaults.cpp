#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <type_traits>

#include "schema/sql_literal.hpp"
#include "tempest/schema.hpp"

namespace tempest {

namespace {

enum class Family { Integer, Float32, Float64, Decimal, Bool, Uuid, Other };

Family family_of(TypeKind kind) {
  switch (kind) {
    case TypeKind::Int16:
    case TypeKind::Int32:
    case TypeKind::Int64:
      return Family::Integer;
    case TypeKind::Float32:
      return Family::Float32;
    case TypeKind::Float64:
      return Family::Float64;
    case TypeKind::Numeric:
      return Family::Decimal;
    case TypeKind::Bool:
      return Family::Bool;
    case TypeKind::Uuid:
      return Family::Uuid;
    default:
      return Family::Other;
  }
}

bool is_numeric_family(Family family) {
  return family == Family::Integer || family == Family::Float32 || family == Family::Float64 ||
         family == Family::Decimal || family == Family::Bool;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A comparison key for a decimal number: its significant digits and exponent, so "1.50",
// "+1.5", "15e-1" and "0001.5" all give "15e-1". nullopt when `s` is not a number.
std::optional<std::string> decimal_key(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::string digits;
  long exponent = 0;
  std::size_t i = 0;
  for (; i < s.size() && is_digit(s[i]); ++i) digits += s[i];
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && is_digit(s[i]); ++i, --exponent) digits += s[i];
  }
  if (digits.empty()) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::string_view rest = s.substr(i + 1);
    if (!rest.empty() && rest.front() == '+') rest.remove_prefix(1);
    long written = 0;
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), written);
    if (ec != std::errc() || end != rest.data() + rest.size()) return std::nullopt;
    exponent += written;
    i = s.size();
  }
  if (i != s.size()) return std::nullopt;
  std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return "0";
  digits.erase(0, first);
  while (digits.back() == '0') {
    digits.pop_back();
    ++exponent;
  }
  return (negative ? "-" : "") + digits + "e" + std::to_string(exponent);
}

std::optional<bool> bool_value(std::string_view s) {
  std::string word = lower(s);
  if (word == "true" || word == "t" || word == "1" || word == "yes" || word == "y" ||
      word == "on") {
    return true;
  }
  if (word == "false" || word == "f" || word == "0" || word == "no" || word == "n" ||
      word == "off") {
    return false;
  }
  return std::nullopt;
}

template <class Float>
std::optional<Float> float_value(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  Float value =
      std::is_same_v<Float, float> ? std::strtof(s.c_str(), &end) : std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return value;
}

template <class Float>
bool same_float(const std::string& a, const std::string& b) {
  auto x = float_value<Float>(a);
  auto y = float_value<Float>(b);
  return x && y && (*x == *y || (std::isnan(*x) && std::isnan(*y)));
}

bool same_constant(Family family, const std::string& a, const std::string& b) {
  if (a == b) return true;
  switch (family) {
    case Family::Bool: {
      auto x = bool_value(a);
      return x && x == bool_value(b);
    }
    case Family::Uuid:
      return lower(a) == lower(b);
    case Family::Other:
      return false;
    default:
      break;
  }
  auto x = decimal_key(a);
  if (x && x == decimal_key(b)) return true;
  // 'Infinity', '1e400' rounded, 0.1 spelled with 17 digits: let the machine type decide.
  if (family == Family::Float32) return same_float<float>(a, b);
  if (family == Family::Float64) return same_float<double>(a, b);
  return false;
}

// What a default means, reduced to one of three shapes that compare simply.
struct Meaning {
  enum class Shape { None, Constant, Expression } shape = Shape::None;
  std::string text;
};

Meaning meaning_of(Family family, const std::optional<ColumnDefault>& value) {
  using Shape = Meaning::Shape;
  if (!value) return {};
  SqlConstant constant = strip_constant(value->value);
  if (value->kind == DefaultKind::Literal) {
    // Only quoting and casts around a number or bool are noise; in a text literal "(a)" and
    // "a::b" are the value itself.
    if (constant.quoted || is_numeric_family(family)) return {Shape::Constant, constant.text};
    return {Shape::Constant, value->value};
  }
  if (constant.quoted) return {Shape::Constant, constant.text};
  std::string word = lower(constant.text);
  // PostgreSQL reports DEFAULT NULL on a varchar as NULL::character varying: no default.
  if (word == "null") return {};
  if (word == "true" || word == "false" || decimal_key(constant.text)) {
    return {Shape::Constant, constant.text};
  }
  return {Shape::Expression, normalize_sql_expression(value->value)};
}

}  // namespace

bool equivalent_defaults(const ColumnType& type, const std::optional<ColumnDefault>& a,
                         const std::optional<ColumnDefault>& b) {
  Family family = family_of(type.kind);
  Meaning x = meaning_of(family, a);
  Meaning y = meaning_of(family, b);
  if (x.shape != y.shape) return false;
  switch (x.shape) {
    case Meaning::Shape::None:
      return true;
    case Meaning::Shape::Expression:
      return x.text == y.text;
    case Meaning::Shape::Constant:
      return same_constant(family, x.text, y.text);
  }
  return false;
}

}  // namespace tempest
