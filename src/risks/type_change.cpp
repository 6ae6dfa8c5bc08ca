#include "risks/type_change.hpp"

#include <optional>

namespace tempest::risks {

namespace {

std::optional<int> integer_width(TypeKind kind) {
  switch (kind) {
    case TypeKind::Int16:
      return 16;
    case TypeKind::Int32:
      return 32;
    case TypeKind::Int64:
      return 64;
    default:
      return std::nullopt;
  }
}

bool is_text(TypeKind kind) { return kind == TypeKind::Text || kind == TypeKind::Varchar; }

bool has_fractional_seconds(TypeKind kind) {
  return kind == TypeKind::Timestamp || kind == TypeKind::TimestampTz || kind == TypeKind::Time;
}

}  // namespace

std::string narrowing_reason(const ColumnType& from, const ColumnType& to) {
  if (from == to) return "";
  const std::optional<int> from_int = integer_width(from.kind);
  const std::optional<int> to_int = integer_width(to.kind);
  if (from_int && to_int) {
    return *to_int < *from_int ? "values may not fit the smaller integer" : "";
  }
  if (from.kind == TypeKind::Float64 && to.kind == TypeKind::Float32) return "precision is lost";
  if (from_int && (to.kind == TypeKind::Float64 || to.kind == TypeKind::Numeric)) return "";
  // Every type has a text form, and both engines convert to text without a USING clause.
  if (to.kind == TypeKind::Text) return "";
  if (is_text(from.kind) && to.kind == TypeKind::Varchar) {
    if (from.kind == TypeKind::Text || from.length.value_or(0) > to.length.value_or(0)) {
      return "longer strings do not fit varchar(" + std::to_string(to.length.value_or(0)) + ")";
    }
    return "";
  }
  if (from.kind == TypeKind::Numeric && to.kind == TypeKind::Numeric) {
    if (!to.precision) return "";
    if (!from.precision || *to.precision < *from.precision ||
        to.scale.value_or(0) < from.scale.value_or(0)) {
      return "numeric precision or scale is reduced";
    }
    return "";
  }
  if (has_fractional_seconds(from.kind) && from.kind == to.kind) {
    return to.precision && (!from.precision || *to.precision < *from.precision)
               ? "fractional seconds are truncated"
               : "";
  }
  return "existing values may not convert to the new type";
}

bool postgres_changes_type_in_place(const ColumnType& from, const ColumnType& to) {
  if (from == to) return true;
  if (from.kind == TypeKind::Varchar && to.kind == TypeKind::Text) return true;
  if (from.kind == TypeKind::Varchar && to.kind == TypeKind::Varchar) {
    return to.length.value_or(0) >= from.length.value_or(0);
  }
  if (from.kind == TypeKind::Numeric && to.kind == TypeKind::Numeric) {
    return !to.precision || (from.precision && *to.precision >= *from.precision &&
                             to.scale.value_or(0) == from.scale.value_or(0));
  }
  return false;
}

}  // namespace tempest::risks
