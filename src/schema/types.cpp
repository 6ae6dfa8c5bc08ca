#include <array>
#include <cctype>
#include <charconv>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "schema/sql_literal.hpp"
#include "tempest/schema.hpp"

namespace tempest {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Lower case, single spaces, none next to parentheses or commas: "Numeric ( 10, 2 )" ->
// "numeric(10,2)", "TIMESTAMP(3)  WITH time zone" -> "timestamp(3)with time zone".
std::string normalize_spelling(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char c : trim(s)) {
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    bool punct = c == '(' || c == ')' || c == ',';
    bool after_punct =
        !out.empty() && (out.back() == '(' || out.back() == ')' || out.back() == ',');
    if (pending_space && !punct && !after_punct) out += ' ';
    pending_space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// A normalized spelling split into its name and its parenthesized integer arguments:
// "timestamp(3)with time zone" -> {"timestamp with time zone", {3}}.
struct Spelling {
  std::string name;
  std::vector<int> args;
  bool valid = true;  // false when the parentheses do not hold a list of integers
};

std::optional<int> parse_int(std::string_view s) {
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

Spelling split_spelling(const std::string& s) {
  std::size_t open = s.find('(');
  if (open == std::string::npos) return {s, {}, true};
  std::size_t close = s.find(')', open);
  if (close == std::string::npos) return {s, {}, false};
  Spelling result;
  std::string_view suffix = std::string_view(s).substr(close + 1);
  result.name = s.substr(0, open);
  if (!suffix.empty()) result.name += ' ' + std::string(suffix);
  std::string_view args = std::string_view(s).substr(open + 1, close - open - 1);
  while (true) {
    std::size_t comma = args.find(',');
    auto arg = parse_int(args.substr(0, comma));
    if (!arg) return {s, {}, false};
    result.args.push_back(*arg);
    if (comma == std::string_view::npos) break;
    args.remove_prefix(comma + 1);
  }
  return result;
}

struct Alias {
  std::string_view name;
  TypeKind kind;
};

// Spellings of SQLite (https://sqlite.org/datatype3.html) and PostgreSQL
// (https://www.postgresql.org/docs/current/datatype.html); "bytes" is our canonical name.
constexpr std::array kAliases = {
    Alias{"smallint", TypeKind::Int16},
    Alias{"int2", TypeKind::Int16},
    Alias{"smallserial", TypeKind::Int16},
    Alias{"serial2", TypeKind::Int16},
    Alias{"integer", TypeKind::Int32},
    Alias{"int", TypeKind::Int32},
    Alias{"int4", TypeKind::Int32},
    Alias{"serial", TypeKind::Int32},
    Alias{"serial4", TypeKind::Int32},
    Alias{"mediumint", TypeKind::Int32},
    Alias{"bigint", TypeKind::Int64},
    Alias{"int8", TypeKind::Int64},
    Alias{"bigserial", TypeKind::Int64},
    Alias{"serial8", TypeKind::Int64},
    Alias{"boolean", TypeKind::Bool},
    Alias{"bool", TypeKind::Bool},
    Alias{"real", TypeKind::Float32},
    Alias{"float4", TypeKind::Float32},
    Alias{"double precision", TypeKind::Float64},
    Alias{"float8", TypeKind::Float64},
    Alias{"double", TypeKind::Float64},
    Alias{"float", TypeKind::Float64},
    Alias{"numeric", TypeKind::Numeric},
    Alias{"decimal", TypeKind::Numeric},
    Alias{"text", TypeKind::Text},
    Alias{"varchar", TypeKind::Varchar},
    Alias{"character varying", TypeKind::Varchar},
    Alias{"nvarchar", TypeKind::Varchar},
    Alias{"bytea", TypeKind::Bytes},
    Alias{"blob", TypeKind::Bytes},
    Alias{"bytes", TypeKind::Bytes},
    Alias{"date", TypeKind::Date},
    Alias{"time", TypeKind::Time},
    Alias{"time without time zone", TypeKind::Time},
    Alias{"timestamp", TypeKind::Timestamp},
    Alias{"timestamp without time zone", TypeKind::Timestamp},
    Alias{"datetime", TypeKind::Timestamp},
    Alias{"timestamptz", TypeKind::TimestampTz},
    Alias{"timestamp with time zone", TypeKind::TimestampTz},
    Alias{"uuid", TypeKind::Uuid},
    Alias{"json", TypeKind::Json},
    Alias{"jsonb", TypeKind::Json},
};

std::optional<TypeKind> find_alias(std::string_view name) {
  for (const Alias& alias : kAliases) {
    if (alias.name == name) return alias.kind;
  }
  return std::nullopt;
}

// Fills `type` from the arguments its kind accepts; false when they do not fit the kind.
bool apply_args(const Spelling& spelling, ColumnType& type) {
  const std::vector<int>& args = spelling.args;
  switch (type.kind) {
    case TypeKind::Numeric:
      if (args.size() > 2 || (!args.empty() && args[0] < 1)) return false;
      if (!args.empty()) type.precision = args[0];
      if (args.size() == 2) type.scale = args[1];
      return true;
    case TypeKind::Varchar:
      if (args.empty()) {
        type.kind = TypeKind::Text;  // varchar without a length is unbounded in both engines
        return true;
      }
      if (args.size() != 1 || args[0] < 1) return false;
      type.length = args[0];
      return true;
    case TypeKind::Float64:
      // PostgreSQL: float(1..24) is real, float(25..53) is double precision.
      if (args.empty()) return true;
      if (spelling.name != "float" || args.size() != 1 || args[0] < 1 || args[0] > 53) {
        return false;
      }
      if (args[0] <= 24) type.kind = TypeKind::Float32;
      return true;
    case TypeKind::Time:
    case TypeKind::Timestamp:
    case TypeKind::TimestampTz:
      if (args.size() > 1 || (!args.empty() && args[0] < 0)) return false;
      if (!args.empty()) type.precision = args[0];
      return true;
    default:
      return args.empty();
  }
}

std::string with_precision(std::string_view name, const std::optional<int>& precision) {
  if (!precision) return std::string(name);
  char digits[16];
  const auto length = static_cast<std::size_t>(
      std::to_chars(std::begin(digits), std::end(digits), *precision).ptr - digits);
  std::string out;
  out.reserve(name.size() + length + 2);
  out.append(name).append(1, '(').append(digits, length).append(1, ')');
  return out;
}

}  // namespace

ColumnType parse_type(std::string_view spelled) {
  ColumnType custom;
  custom.kind = TypeKind::Custom;
  custom.raw = std::string(trim(spelled));
  Spelling spelling = split_spelling(normalize_spelling(spelled));
  if (!spelling.valid) return custom;
  auto kind = find_alias(spelling.name);
  if (!kind) return custom;
  ColumnType type = custom;
  type.kind = *kind;
  return apply_args(spelling, type) ? type : custom;
}

std::string type_to_string(const ColumnType& type) {
  switch (type.kind) {
    case TypeKind::Int16:
      return "smallint";
    case TypeKind::Int32:
      return "integer";
    case TypeKind::Int64:
      return "bigint";
    case TypeKind::Bool:
      return "boolean";
    case TypeKind::Float32:
      return "real";
    case TypeKind::Float64:
      return "double precision";
    case TypeKind::Numeric:
      if (!type.precision) return "numeric";
      if (!type.scale) return "numeric(" + std::to_string(*type.precision) + ")";
      return "numeric(" + std::to_string(*type.precision) + "," + std::to_string(*type.scale) + ")";
    case TypeKind::Text:
      return "text";
    case TypeKind::Varchar:
      return with_precision("varchar", type.length);
    case TypeKind::Bytes:
      return "bytes";
    case TypeKind::Date:
      return "date";
    case TypeKind::Time:
      return with_precision("time", type.precision);
    case TypeKind::Timestamp:
      return with_precision("timestamp", type.precision);
    case TypeKind::TimestampTz:
      return with_precision("timestamptz", type.precision);
    case TypeKind::Uuid:
      return "uuid";
    case TypeKind::Json:
      return "json";
    case TypeKind::Enum:
      return type.enum_name;
    case TypeKind::Custom:
      return type.raw;
  }
  return type.raw;
}

bool operator==(const ColumnType& a, const ColumnType& b) {
  if (a.kind != b.kind || a.length != b.length || a.precision != b.precision ||
      a.scale != b.scale || a.enum_name != b.enum_name) {
    return false;
  }
  // A custom type is known only by its spelling; engines differ in case and spacing.
  return a.kind != TypeKind::Custom ||
         normalize_sql_expression(a.raw) == normalize_sql_expression(b.raw);
}

}  // namespace tempest
