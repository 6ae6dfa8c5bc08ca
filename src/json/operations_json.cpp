#include <array>
#include <string_view>
#include <variant>
#include <vector>

#include "json/json_reader.hpp"
#include "json/schema_json.hpp"
#include "tempest/json.hpp"

namespace tempest {

namespace {

constexpr std::string_view kOperationsFormat = "tempest.operations";

OrderedJson op_object(std::string_view name) {
  OrderedJson out = OrderedJson::object();
  out["op"] = std::string(name);
  return out;
}

OrderedJson op_with_table(std::string_view name, const std::string& table) {
  OrderedJson out = op_object(name);
  out["table"] = table;
  return out;
}

OrderedJson enum_value_json(std::string_view name, const std::string& enum_name,
                            const std::string& label, std::size_t position) {
  OrderedJson out = op_object(name);
  out["enum"] = enum_name;
  out["label"] = label;
  out["position"] = position;
  return out;
}

// One overload per alternative: std::visit fails to compile when an operation is missing.
// The names match operation_name().
struct OperationWriter {
  OrderedJson operator()(const CreateTable& op) const {
    OrderedJson out = op_object("create_table");
    out["table"] = table_to_json(op.table);
    return out;
  }
  OrderedJson operator()(const DropTable& op) const {
    OrderedJson out = op_object("drop_table");
    out["table"] = table_to_json(op.table);
    return out;
  }
  OrderedJson operator()(const RenameTable& op) const {
    OrderedJson out = op_object("rename_table");
    out["from"] = op.from;
    out["to"] = op.to;
    return out;
  }
  OrderedJson operator()(const AlterTableComment& op) const {
    OrderedJson out = op_with_table("alter_table_comment", op.table);
    out["from"] = op.from;
    out["to"] = op.to;
    return out;
  }
  OrderedJson operator()(const AddColumn& op) const {
    OrderedJson out = op_with_table("add_column", op.table);
    out["column"] = column_to_json(op.column);
    return out;
  }
  OrderedJson operator()(const DropColumn& op) const {
    OrderedJson out = op_with_table("drop_column", op.table);
    out["column"] = column_to_json(op.column);
    return out;
  }
  OrderedJson operator()(const RenameColumn& op) const {
    OrderedJson out = op_with_table("rename_column", op.table);
    out["from"] = op.from;
    out["to"] = op.to;
    return out;
  }
  OrderedJson operator()(const AlterColumn& op) const {
    OrderedJson out = op_with_table("alter_column", op.table);
    out["from"] = column_to_json(*op.from);
    out["to"] = column_to_json(*op.to);
    return out;
  }
  OrderedJson operator()(const AlterPrimaryKey& op) const {
    // An absent side means "no primary key".
    OrderedJson out = op_with_table("alter_primary_key", op.table);
    if (op.from) out["from"] = primary_key_to_json(*op.from);
    if (op.to) out["to"] = primary_key_to_json(*op.to);
    return out;
  }
  OrderedJson operator()(const CreateIndex& op) const {
    OrderedJson out = op_with_table("create_index", op.table);
    out["index"] = index_to_json(op.index);
    return out;
  }
  OrderedJson operator()(const DropIndex& op) const {
    OrderedJson out = op_with_table("drop_index", op.table);
    out["index"] = index_to_json(op.index);
    return out;
  }
  OrderedJson operator()(const AddUnique& op) const {
    OrderedJson out = op_with_table("add_unique", op.table);
    out["unique"] = unique_to_json(op.unique);
    return out;
  }
  OrderedJson operator()(const DropUnique& op) const {
    OrderedJson out = op_with_table("drop_unique", op.table);
    out["unique"] = unique_to_json(op.unique);
    return out;
  }
  OrderedJson operator()(const AddForeignKey& op) const {
    OrderedJson out = op_with_table("add_foreign_key", op.table);
    out["foreign_key"] = foreign_key_to_json(op.foreign_key);
    return out;
  }
  OrderedJson operator()(const DropForeignKey& op) const {
    OrderedJson out = op_with_table("drop_foreign_key", op.table);
    out["foreign_key"] = foreign_key_to_json(op.foreign_key);
    return out;
  }
  OrderedJson operator()(const AddCheck& op) const {
    OrderedJson out = op_with_table("add_check", op.table);
    out["check"] = check_to_json(op.check);
    return out;
  }
  OrderedJson operator()(const DropCheck& op) const {
    OrderedJson out = op_with_table("drop_check", op.table);
    out["check"] = check_to_json(op.check);
    return out;
  }
  OrderedJson operator()(const CreateEnum& op) const {
    OrderedJson out = op_object("create_enum");
    out["enum"] = enum_to_json(op.enum_type);
    return out;
  }
  OrderedJson operator()(const DropEnum& op) const {
    OrderedJson out = op_object("drop_enum");
    out["enum"] = enum_to_json(op.enum_type);
    return out;
  }
  OrderedJson operator()(const AddEnumValue& op) const {
    return enum_value_json("add_enum_value", op.enum_name, op.label, op.position);
  }
  OrderedJson operator()(const DropEnumValue& op) const {
    return enum_value_json("drop_enum_value", op.enum_name, op.label, op.position);
  }
  OrderedJson operator()(const Execute& op) const {
    OrderedJson out = op_object("execute");
    out["sql"] = op.sql;
    if (op.reverse_sql) out["reverse_sql"] = *op.reverse_sql;
    return out;
  }
};

// Readers by name. Each first rejects keys its operation does not have, so a misspelled
// field is reported as such rather than as a missing one.
struct OperationReader {
  std::string_view name;
  Operation (*read)(const JsonObject& object);
};

template <class Op>
Operation read_table_op(const JsonObject& o) {
  o.only({"op", "table"});
  return Op{table_from_json(o.required("table"))};
}

template <class Op>
Operation read_rename(const JsonObject& o) {
  o.only({"op", "table", "from", "to"});
  return Op{o.string("table"), o.string("from"), o.string("to")};
}

template <class Op>
Operation read_column_op(const JsonObject& o) {
  o.only({"op", "table", "column"});
  return Op{o.string("table"), column_from_json(o.required("column"))};
}

// Keys of the operations that carry one table object (index, unique, foreign key, check).
constexpr char kIndexKey[] = "index";
constexpr char kUniqueKey[] = "unique";
constexpr char kForeignKeyKey[] = "foreign_key";
constexpr char kCheckKey[] = "check";

template <class Op, auto read, const char* key>
Operation read_member_op(const JsonObject& o) {
  o.only({"op", "table", key});
  return Op{o.string("table"), read(o.required(key))};
}

template <class Op>
Operation read_enum_op(const JsonObject& o) {
  o.only({"op", "enum"});
  return Op{enum_from_json(o.required("enum"))};
}

template <class Op>
Operation read_enum_value(const JsonObject& o) {
  o.only({"op", "enum", "label", "position"});
  return Op{o.string("enum"), o.string("label"), o.required("position").as_size()};
}

Operation read_rename_table(const JsonObject& o) {
  o.only({"op", "from", "to"});
  return RenameTable{o.string("from"), o.string("to")};
}

Operation read_alter_column(const JsonObject& o) {
  o.only({"op", "table", "from", "to"});
  return AlterColumn{o.string("table"), column_from_json(o.required("from")),
                     column_from_json(o.required("to"))};
}

Operation read_alter_primary_key(const JsonObject& o) {
  o.only({"op", "table", "from", "to"});
  AlterPrimaryKey op{o.string("table"), std::nullopt, std::nullopt};
  if (auto from = o.optional("from")) op.from = primary_key_from_json(*from);
  if (auto to = o.optional("to")) op.to = primary_key_from_json(*to);
  return op;
}

Operation read_execute(const JsonObject& o) {
  o.only({"op", "sql", "reverse_sql"});
  Execute op{o.string("sql"), std::nullopt};
  if (auto reverse = o.optional("reverse_sql")) op.reverse_sql = reverse->as_string();
  return op;
}

constexpr std::array<OperationReader, std::variant_size_v<Operation>> kReaders = {{
    {"create_table", read_table_op<CreateTable>},
    {"drop_table", read_table_op<DropTable>},
    {"rename_table", read_rename_table},
    {"alter_table_comment", read_rename<AlterTableComment>},
    {"add_column", read_column_op<AddColumn>},
    {"drop_column", read_column_op<DropColumn>},
    {"rename_column", read_rename<RenameColumn>},
    {"alter_column", read_alter_column},
    {"alter_primary_key", read_alter_primary_key},
    {"create_index", read_member_op<CreateIndex, index_from_json, kIndexKey>},
    {"drop_index", read_member_op<DropIndex, index_from_json, kIndexKey>},
    {"add_unique", read_member_op<AddUnique, unique_from_json, kUniqueKey>},
    {"drop_unique", read_member_op<DropUnique, unique_from_json, kUniqueKey>},
    {"add_foreign_key", read_member_op<AddForeignKey, foreign_key_from_json, kForeignKeyKey>},
    {"drop_foreign_key", read_member_op<DropForeignKey, foreign_key_from_json, kForeignKeyKey>},
    {"add_check", read_member_op<AddCheck, check_from_json, kCheckKey>},
    {"drop_check", read_member_op<DropCheck, check_from_json, kCheckKey>},
    {"create_enum", read_enum_op<CreateEnum>},
    {"drop_enum", read_enum_op<DropEnum>},
    {"add_enum_value", read_enum_value<AddEnumValue>},
    {"drop_enum_value", read_enum_value<DropEnumValue>},
    {"execute", read_execute},
}};

Operation operation_from_json(const JsonReader& reader) {
  JsonObject object = reader.as_object();
  JsonReader op = object.required("op");
  std::string name = op.as_string();
  for (const OperationReader& entry : kReaders) {
    if (entry.name == name) return entry.read(object);
  }
  op.fail("unknown operation " + nlohmann::json(name).dump());
}

}  // namespace

std::string operations_to_json(const std::vector<Operation>& ops) {
  OrderedJson document = OrderedJson::object();
  document["format"] = std::string(kOperationsFormat);
  document["version"] = kFormatVersion;
  OrderedJson list = OrderedJson::array();
  for (const Operation& op : ops) list.push_back(std::visit(OperationWriter{}, op));
  document["operations"] = std::move(list);
  return dump_document(document);
}

std::vector<Operation> operations_from_json(std::string_view json) {
  nlohmann::json parsed = JsonReader::parse(json);
  JsonObject document = JsonReader(parsed, "$").as_object();
  check_header(document, kOperationsFormat);
  document.only({"format", "version", "operations"});
  std::vector<Operation> ops;
  for (const JsonReader& item : document.required("operations").as_array()) {
    ops.push_back(operation_from_json(item));
  }
  return ops;
}

}  // namespace tempest
