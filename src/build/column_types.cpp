// Column types of the builder API.

#include <optional>
#include <string>
#include <utility>

#include "tempest/build.hpp"

namespace tempest::build {

namespace {

// Built field by field rather than parsed, so that even values parse_type() would refuse
// (varchar(0)) come back as written; `raw` is the canonical spelling, as parse_type() of that
// spelling would set it.
ColumnType type_of(TypeKind kind, std::optional<int> length = std::nullopt,
                   std::optional<int> precision = std::nullopt,
                   std::optional<int> scale = std::nullopt) {
  ColumnType type;
  type.kind = kind;
  type.length = length;
  type.precision = precision;
  type.scale = scale;
  type.raw = type_to_string(type);
  return type;
}

}  // namespace

ColumnType smallint() { return type_of(TypeKind::Int16); }
ColumnType integer() { return type_of(TypeKind::Int32); }
ColumnType bigint() { return type_of(TypeKind::Int64); }
ColumnType boolean() { return type_of(TypeKind::Bool); }
ColumnType real() { return type_of(TypeKind::Float32); }
ColumnType double_precision() { return type_of(TypeKind::Float64); }
ColumnType numeric() { return type_of(TypeKind::Numeric); }
ColumnType numeric(int precision) { return type_of(TypeKind::Numeric, {}, precision); }
ColumnType numeric(int precision, int scale) {
  return type_of(TypeKind::Numeric, {}, precision, scale);
}
ColumnType text() { return type_of(TypeKind::Text); }
ColumnType varchar(int length) { return type_of(TypeKind::Varchar, length); }
ColumnType bytes() { return type_of(TypeKind::Bytes); }
ColumnType date() { return type_of(TypeKind::Date); }
ColumnType time() { return type_of(TypeKind::Time); }
ColumnType time(int precision) { return type_of(TypeKind::Time, {}, precision); }
ColumnType timestamp() { return type_of(TypeKind::Timestamp); }
ColumnType timestamp(int precision) { return type_of(TypeKind::Timestamp, {}, precision); }
ColumnType timestamptz() { return type_of(TypeKind::TimestampTz); }
ColumnType timestamptz(int precision) { return type_of(TypeKind::TimestampTz, {}, precision); }
ColumnType uuid() { return type_of(TypeKind::Uuid); }
ColumnType json() { return type_of(TypeKind::Json); }

ColumnType enum_of(std::string name) {
  ColumnType type;
  type.kind = TypeKind::Enum;
  type.enum_name = name;
  type.raw = std::move(name);
  return type;
}

ColumnType custom(std::string spelling) {
  ColumnType type;
  type.kind = TypeKind::Custom;
  type.raw = std::move(spelling);
  return type;
}

}  // namespace tempest::build
