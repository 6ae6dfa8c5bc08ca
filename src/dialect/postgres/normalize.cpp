#include <string>
#include <vector>

#include "dialect/postgres/expression_text.hpp"
#include "dialect/postgres/object_names.hpp"
#include "dialect/postgres/postgres_dialect.hpp"

// What PostgreSQL does to a schema on the way in, applied to the IR, so that
// normalize(S) == introspect(database made from S). Each rule names the behaviour it mirrors.

namespace tempest::postgres {

namespace {

void store_names(std::vector<std::string>& names) {
  for (std::string& name : names) name = stored_name(name);
}

// format_type's spelling of the element type of an array, for custom array types
// ("int[]" is reported as "integer[]"); empty when the element is not a plain built-in type.
std::string array_element_spelling(const ColumnType& type) {
  auto precision = [&](std::string name, std::string_view suffix) {
    if (type.precision) name += "(" + std::to_string(*type.precision) + ")";
    return name + std::string(suffix);
  };
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
    case TypeKind::Text:
      return "text";
    case TypeKind::Varchar:
      return type.length ? "character varying(" + std::to_string(*type.length) + ")" : "text";
    case TypeKind::Bytes:
      return "bytea";
    case TypeKind::Date:
      return "date";
    case TypeKind::Uuid:
      return "uuid";
    case TypeKind::Time:
      return precision("time", " without time zone");
    case TypeKind::Timestamp:
      return precision("timestamp", " without time zone");
    case TypeKind::TimestampTz:
      return precision("timestamp", " with time zone");
    default:
      return "";  // numeric and json keep their spelling; enums are not parsed here
  }
}

void normalize_type(ColumnType& type) {
  type.enum_name = stored_name(type.enum_name);
  // numeric(p) is numeric(p,0) (https://www.postgresql.org/docs/15/datatype-numeric.html).
  if (type.kind == TypeKind::Numeric && type.precision && !type.scale) type.scale = 0;
  if (type.kind == TypeKind::Varchar && !type.length) type.kind = TypeKind::Text;
  if (type.kind == TypeKind::Custom && type.raw.size() > 2 && type.raw.ends_with("[]")) {
    ColumnType element = parse_type(std::string_view(type.raw).substr(0, type.raw.size() - 2));
    std::string spelling = array_element_spelling(element);
    if (!spelling.empty()) type.raw = spelling + "[]";
  }
}

bool in_primary_key(const Table& table, const std::string& column) {
  if (!table.primary_key) return false;
  for (const std::string& name : table.primary_key->columns) {
    if (name == column) return true;
  }
  return false;
}

void normalize_column(const Table& table, Column& column) {
  normalize_type(column.type);
  // No AUTOINCREMENT in PostgreSQL: a sequence never reuses a number anyway.
  if (column.identity == Identity::Autoincrement) column.identity = Identity::ByDefault;
  // Identity and primary key columns are implicitly NOT NULL.
  if (column.identity != Identity::None || in_primary_key(table, column.name)) {
    column.nullable = false;
  }
  column.default_value = stored_default(column.type, std::move(column.default_value));
}

void normalize_table(Table& table) {
  // Unnamed objects get the names the renderer gives them, computed from the names as
  // written, before truncation.
  const std::vector<std::string> varchars = varchar_columns(table);
  if (table.primary_key) {
    table.primary_key->name = stored_name(primary_key_name(table.name, *table.primary_key));
    store_names(table.primary_key->columns);
  }
  for (UniqueConstraint& unique : table.uniques) {
    unique.name = stored_name(unique_name(table.name, unique));
    store_names(unique.columns);
  }
  for (Index& index : table.indexes) {
    index.name = stored_name(index_name(table.name, index));
    for (IndexKey& key : index.keys) {
      key.column = stored_name(key.column);
      if (!key.expression.empty()) key.expression = clean_expression(key.expression, varchars);
    }
    if (!index.where.empty()) index.where = clean_expression(index.where, varchars);
  }
  for (ForeignKey& key : table.foreign_keys) {
    key.name = stored_name(foreign_key_name(table.name, key));
    store_names(key.columns);
    key.ref_table = stored_name(key.ref_table);
    store_names(key.ref_columns);
  }
  for (CheckConstraint& check : table.checks) {
    check.name = stored_name(check_name(table.name, check));
    check.expression = clean_expression(check.expression, varchars);
  }
  table.name = stored_name(table.name);
  for (Column& column : table.columns) column.name = stored_name(column.name);
  for (Column& column : table.columns) normalize_column(table, column);
}

}  // namespace

Schema normalize_schema(Schema schema) {
  for (EnumType& type : schema.enums) type.name = stored_name(type.name);
  for (Table& table : schema.tables) normalize_table(table);
  canonicalize(schema);
  return schema;
}

}  // namespace tempest::postgres
