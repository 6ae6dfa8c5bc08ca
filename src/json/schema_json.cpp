#include "json/schema_json.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tempest/error.hpp"
#include "tempest/json.hpp"

namespace tempest {

namespace {

constexpr std::string_view kSchemaFormat = "tempest.schema";

OrderedJson text(std::string_view value) { return OrderedJson(std::string(value)); }

template <class T>
void put_list(OrderedJson& out, const char* key, const std::vector<T>& items,
              OrderedJson (*write)(const T&)) {
  if (items.empty()) return;
  OrderedJson list = OrderedJson::array();
  for (const T& item : items) list.push_back(write(item));
  out[key] = std::move(list);
}

template <class T>
std::vector<T> list_from(const JsonObject& object, std::string_view key,
                         T (*read)(const JsonReader&)) {
  std::vector<T> items;
  if (auto member = object.optional(key)) {
    for (const JsonReader& item : member->as_array()) items.push_back(read(item));
  }
  return items;
}

// Two items of one list with the same name (two columns "id", two tables "users") would make
// lookups by name find either one and the rendered DDL fail half-way, so the reader
// refuses them at the second one. `items` were read in order from the array `key` of `object`;
// unnamed objects (named by convention later) are not compared.
template <class T>
void require_distinct_names(const JsonObject& object, std::string_view key, std::string_view what,
                            const std::vector<T>& items) {
  std::unordered_map<std::string_view, std::size_t> first;
  first.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].name.empty()) continue;
    auto [it, fresh] = first.emplace(items[i].name, i);
    if (fresh) continue;
    const std::string list = object.reader().path() + "." + std::string(key);
    throw ModelError(list + "[" + std::to_string(i) + "].name: duplicate " + std::string(what) +
                     " " + nlohmann::json(items[i].name).dump() + ", first declared at " + list +
                     "[" + std::to_string(it->second) + "]");
  }
}

// The type as an object rather than its spelling, so that `raw` and odd combinations
// (a Custom type spelled like a known one) survive the round trip exactly.
OrderedJson type_to_json(const ColumnType& type) {
  OrderedJson out = OrderedJson::object();
  out["kind"] = text(to_string(type.kind));
  if (type.length) out["length"] = *type.length;
  if (type.precision) out["precision"] = *type.precision;
  if (type.scale) out["scale"] = *type.scale;
  if (!type.enum_name.empty()) out["enum"] = type.enum_name;
  if (!type.raw.empty()) out["raw"] = type.raw;
  return out;
}

ColumnType type_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object({"kind", "length", "precision", "scale", "enum", "raw"});
  ColumnType type;
  type.kind = object.required("kind").as_enum(parse_type_kind, "type kind");
  if (auto length = object.optional("length")) type.length = length->as_int();
  if (auto precision = object.optional("precision")) type.precision = precision->as_int();
  if (auto scale = object.optional("scale")) type.scale = scale->as_int();
  type.enum_name = object.string_or_empty("enum");
  type.raw = object.string_or_empty("raw");
  return type;
}

OrderedJson index_key_to_json(const IndexKey& key) {
  OrderedJson out = OrderedJson::object();
  // An (invalid) key with neither field still needs one to be read back.
  if (!key.column.empty() || key.expression.empty()) out["column"] = key.column;
  if (!key.expression.empty()) out["expression"] = key.expression;
  if (key.descending) out["descending"] = true;
  return out;
}

IndexKey index_key_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object({"column", "expression", "descending"});
  if (!object.optional("column") && !object.optional("expression")) {
    reader.fail("expected \"column\" or \"expression\"");
  }
  IndexKey key;
  key.column = object.string_or_empty("column");
  key.expression = object.string_or_empty("expression");
  key.descending = object.bool_or_false("descending");
  return key;
}

}  // namespace

std::string dump_document(const OrderedJson& document) {
  try {
    return document.dump(2) + "\n";
  } catch (const nlohmann::json::type_error& error) {
    throw ModelError("$: cannot write JSON: " + json_error_text(error));
  }
}

void check_header(const JsonObject& document, std::string_view format) {
  JsonReader format_member = document.required("format");
  if (!format_member.value().is_string() || format_member.value().get<std::string>() != format) {
    format_member.fail("expected " + nlohmann::json(std::string(format)).dump());
  }
  JsonReader version = document.required("version");
  if (std::int64_t number = version.as_int64(); number != kFormatVersion) {
    version.fail("unsupported version " + std::to_string(number));
  }
}

OrderedJson column_to_json(const Column& column) {
  OrderedJson out = OrderedJson::object();
  out["name"] = column.name;
  out["type"] = type_to_json(column.type);
  out["nullable"] = column.nullable;
  if (column.default_value) {
    OrderedJson value = OrderedJson::object();
    value["kind"] = text(to_string(column.default_value->kind));
    value["value"] = column.default_value->value;
    out["default"] = std::move(value);
  }
  if (column.identity != Identity::None) out["identity"] = text(to_string(column.identity));
  if (!column.comment.empty()) out["comment"] = column.comment;
  if (!column.renamed_from.empty()) out["renamed_from"] = column.renamed_from;
  return out;
}

Column column_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object(
      {"name", "type", "nullable", "default", "identity", "comment", "renamed_from"});
  Column column;
  column.name = object.string("name");
  column.type = type_from_json(object.required("type"));
  column.nullable = object.required("nullable").as_bool();
  if (auto member = object.optional("default")) {
    JsonObject value = member->as_object({"kind", "value"});
    column.default_value = ColumnDefault{
        value.required("kind").as_enum(parse_default_kind, "default kind"), value.string("value")};
  }
  if (auto identity = object.optional("identity")) {
    column.identity = identity->as_enum(parse_identity, "identity");
  }
  column.comment = object.string_or_empty("comment");
  column.renamed_from = object.string_or_empty("renamed_from");
  return column;
}

OrderedJson primary_key_to_json(const PrimaryKey& primary_key) {
  OrderedJson out = OrderedJson::object();
  out["name"] = primary_key.name;
  out["columns"] = primary_key.columns;
  return out;
}

PrimaryKey primary_key_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object({"name", "columns"});
  return PrimaryKey{object.string("name"), object.strings("columns")};
}

OrderedJson index_to_json(const Index& index) {
  OrderedJson out = OrderedJson::object();
  out["name"] = index.name;
  OrderedJson keys = OrderedJson::array();
  for (const IndexKey& key : index.keys) keys.push_back(index_key_to_json(key));
  out["keys"] = std::move(keys);
  if (index.unique) out["unique"] = true;
  if (!index.where.empty()) out["where"] = index.where;
  return out;
}

Index index_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object({"name", "keys", "unique", "where"});
  Index index;
  index.name = object.string("name");
  for (const JsonReader& key : object.required("keys").as_array()) {
    index.keys.push_back(index_key_from_json(key));
  }
  index.unique = object.bool_or_false("unique");
  index.where = object.string_or_empty("where");
  return index;
}

OrderedJson unique_to_json(const UniqueConstraint& unique) {
  OrderedJson out = OrderedJson::object();
  out["name"] = unique.name;
  out["columns"] = unique.columns;
  return out;
}

UniqueConstraint unique_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object({"name", "columns"});
  return UniqueConstraint{object.string("name"), object.strings("columns")};
}

OrderedJson foreign_key_to_json(const ForeignKey& foreign_key) {
  OrderedJson out = OrderedJson::object();
  out["name"] = foreign_key.name;
  out["columns"] = foreign_key.columns;
  out["ref_table"] = foreign_key.ref_table;
  out["ref_columns"] = foreign_key.ref_columns;
  if (foreign_key.on_delete != ForeignKeyAction::NoAction) {
    out["on_delete"] = text(to_string(foreign_key.on_delete));
  }
  if (foreign_key.on_update != ForeignKeyAction::NoAction) {
    out["on_update"] = text(to_string(foreign_key.on_update));
  }
  if (foreign_key.deferrable != Deferrable::No) {
    out["deferrable"] = text(to_string(foreign_key.deferrable));
  }
  return out;
}

ForeignKey foreign_key_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object(
      {"name", "columns", "ref_table", "ref_columns", "on_delete", "on_update", "deferrable"});
  ForeignKey foreign_key;
  foreign_key.name = object.string("name");
  foreign_key.columns = object.strings("columns");
  foreign_key.ref_table = object.string("ref_table");
  foreign_key.ref_columns = object.strings("ref_columns");
  if (auto action = object.optional("on_delete")) {
    foreign_key.on_delete = action->as_enum(parse_foreign_key_action, "action");
  }
  if (auto action = object.optional("on_update")) {
    foreign_key.on_update = action->as_enum(parse_foreign_key_action, "action");
  }
  if (auto deferrable = object.optional("deferrable")) {
    foreign_key.deferrable = deferrable->as_enum(parse_deferrable, "deferrable");
  }
  return foreign_key;
}

OrderedJson check_to_json(const CheckConstraint& check) {
  OrderedJson out = OrderedJson::object();
  out["name"] = check.name;
  out["expression"] = check.expression;
  return out;
}

CheckConstraint check_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object({"name", "expression"});
  return CheckConstraint{object.string("name"), object.string("expression")};
}

OrderedJson table_to_json(const Table& table) {
  OrderedJson out = OrderedJson::object();
  out["name"] = table.name;
  if (!table.comment.empty()) out["comment"] = table.comment;
  if (!table.renamed_from.empty()) out["renamed_from"] = table.renamed_from;
  OrderedJson columns = OrderedJson::array();
  for (const Column& column : table.columns) columns.push_back(column_to_json(column));
  out["columns"] = std::move(columns);
  if (table.primary_key) out["primary_key"] = primary_key_to_json(*table.primary_key);
  put_list(out, "indexes", table.indexes, index_to_json);
  put_list(out, "uniques", table.uniques, unique_to_json);
  put_list(out, "foreign_keys", table.foreign_keys, foreign_key_to_json);
  put_list(out, "checks", table.checks, check_to_json);
  return out;
}

Table table_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object({"name", "comment", "renamed_from", "columns", "primary_key",
                                        "indexes", "uniques", "foreign_keys", "checks"});
  Table table;
  table.name = object.string("name");
  table.comment = object.string_or_empty("comment");
  table.renamed_from = object.string_or_empty("renamed_from");
  for (const JsonReader& column : object.required("columns").as_array()) {
    table.columns.push_back(column_from_json(column));
  }
  if (auto primary_key = object.optional("primary_key")) {
    table.primary_key = primary_key_from_json(*primary_key);
  }
  table.indexes = list_from(object, "indexes", index_from_json);
  table.uniques = list_from(object, "uniques", unique_from_json);
  table.foreign_keys = list_from(object, "foreign_keys", foreign_key_from_json);
  table.checks = list_from(object, "checks", check_from_json);
  require_distinct_names(object, "columns", "column", table.columns);
  require_distinct_names(object, "indexes", "index", table.indexes);
  require_distinct_names(object, "uniques", "unique constraint", table.uniques);
  require_distinct_names(object, "foreign_keys", "foreign key", table.foreign_keys);
  require_distinct_names(object, "checks", "check constraint", table.checks);
  canonicalize(table);
  return table;
}

OrderedJson enum_to_json(const EnumType& enum_type) {
  OrderedJson out = OrderedJson::object();
  out["name"] = enum_type.name;
  out["labels"] = enum_type.labels;
  return out;
}

EnumType enum_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object({"name", "labels"});
  EnumType enum_type{object.string("name"), object.strings("labels")};
  // A label given twice is as ambiguous as a name (and CREATE TYPE refuses it).
  const std::vector<std::string>& labels = enum_type.labels;
  for (std::size_t i = 1; i < labels.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (labels[j] != labels[i]) continue;
      const std::string list = reader.path() + ".labels";
      throw ModelError(list + "[" + std::to_string(i) + "]: duplicate label " +
                       nlohmann::json(labels[i]).dump() + ", first declared at " + list + "[" +
                       std::to_string(j) + "]");
    }
  }
  return enum_type;
}

std::string schema_to_json(const Schema& schema) {
  OrderedJson document = OrderedJson::object();
  document["format"] = text(kSchemaFormat);
  document["version"] = kFormatVersion;
  OrderedJson enums = OrderedJson::array();
  for (const EnumType& enum_type : schema.enums) enums.push_back(enum_to_json(enum_type));
  document["enums"] = std::move(enums);
  OrderedJson tables = OrderedJson::array();
  for (const Table& table : schema.tables) tables.push_back(table_to_json(table));
  document["tables"] = std::move(tables);
  return dump_document(document);
}

Schema schema_from_json(std::string_view json) {
  nlohmann::json parsed = JsonReader::parse(json);
  JsonObject document = JsonReader(parsed, "$").as_object();
  check_header(document, kSchemaFormat);
  document.only({"format", "version", "enums", "tables"});
  Schema schema;
  for (const JsonReader& item : document.required("enums").as_array()) {
    schema.enums.push_back(enum_from_json(item));
  }
  for (const JsonReader& item : document.required("tables").as_array()) {
    schema.tables.push_back(table_from_json(item));
  }
  require_distinct_names(document, "enums", "enum", schema.enums);
  require_distinct_names(document, "tables", "table", schema.tables);
  canonicalize(schema);
  return schema;
}

}  // namespace tempest
