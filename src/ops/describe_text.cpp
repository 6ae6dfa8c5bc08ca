#include "ops/describe_text.hpp"

namespace tempest::describe_text {

namespace {

bool is_unquoted_literal_type(TypeKind kind) {
  switch (kind) {
    case TypeKind::Int16:
    case TypeKind::Int32:
    case TypeKind::Int64:
    case TypeKind::Bool:
    case TypeKind::Float32:
    case TypeKind::Float64:
    case TypeKind::Numeric:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::string default_value(const ColumnType& type, const std::optional<ColumnDefault>& value) {
  if (!value) return "none";
  if (value->kind == DefaultKind::Expression) return value->value;
  return is_unquoted_literal_type(type.kind) ? value->value : quoted(value->value);
}

}  // namespace tempest::describe_text
