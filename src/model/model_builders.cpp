// The non-template parts of the model declaration API.

#include <cxxabi.h>

#include <charconv>
#include <cstdlib>
#include <memory>

#include "tempest/model.hpp"

namespace tempest::model {

namespace detail {

std::string model_name(const std::type_info& type) {
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> demangled(
      abi::__cxa_demangle(type.name(), nullptr, nullptr, &status), &std::free);
  return status == 0 && demangled ? std::string(demangled.get()) : std::string(type.name());
}

std::string literal_text(double value) {
  // Shortest text that reads back as the same double, so defaults compare exactly.
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

}  // namespace detail

namespace {
ColumnType with(TypeKind kind, std::optional<int> length, std::optional<int> precision,
                std::optional<int> scale) {
  ColumnType type;
  type.kind = kind;
  type.length = length;
  type.precision = precision;
  type.scale = scale;
  return type;
}
}  // namespace

ColumnType varchar(int length) { return with(TypeKind::Varchar, length, {}, {}); }
ColumnType numeric(int precision, int scale) {
  return with(TypeKind::Numeric, {}, precision, scale);
}
ColumnType time(int precision) { return with(TypeKind::Time, {}, precision, {}); }
ColumnType timestamp(int precision) { return with(TypeKind::Timestamp, {}, precision, {}); }
ColumnType timestamptz(int precision) { return with(TypeKind::TimestampTz, {}, precision, {}); }
ColumnType sql_type(std::string_view spelled) { return parse_type(spelled); }

IndexKeyDef expr(std::string expression, bool descending) {
  return IndexKeyDef(IndexKeySpec{std::nullopt, std::move(expression), descending});
}

IndexDef::IndexDef(std::vector<IndexKeyDef> keys) {
  for (IndexKeyDef& key : keys) spec_.keys.push_back(std::move(key.spec));
}

}  // namespace tempest::model
