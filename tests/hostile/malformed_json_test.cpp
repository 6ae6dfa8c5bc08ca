// Malformed schema and operations documents: every one is refused with a ModelError whose
// message starts with the JSON path of the fault, never a crash or another exception. The
// cases are generated from valid documents: every truncation, every value replaced by one of
// another type, every key removed; then duplicates, odd numbers, deep nesting, bad UTF-8.

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hostile_names.hpp"
#include "identifier_cases.hpp"
#include "tempest/build.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"

namespace tempest::testing {
namespace {

using nlohmann::json;
using Reader = std::function<void(const std::string&)>;

const Reader kSchemaReader = [](const std::string& text) { (void)schema_from_json(text); };
const Reader kOperationsReader = [](const std::string& text) { (void)operations_from_json(text); };

// The message of the ModelError `read(text)` throws; "no error" or the other exception's.
std::string error_of(const Reader& read, const std::string& text) {
  try {
    read(text);
    return "no error";
  } catch (const ModelError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not a ModelError: ") + e.what();
  }
}

// A schema using every field of the format: hostile names, both enums, identity, sized types,
// both kinds of defaults, every constraint, expression and partial indexes, comments.
Schema rich_schema() {
  using namespace tempest::build;
  Schema schema = hostile_schema(ObjectNames("it's"));
  schema.tables.push_back(
      table("extras", {column("id", bigint()).identity_always(),
                       column("code", varchar(12)).default_literal("a'b"),
                       column("price", numeric(10, 2)).nullable(),
                       column("at", timestamptz(3)).default_sql("CURRENT_TIMESTAMP"),
                       column("odd", custom("citext")).nullable()})
          .primary_key("", {"id"})
          .foreign_key(foreign_key("fk_extras", {"id"}, "it's p", {"it's pid"})
                           .on_delete(set_null)
                           .on_update(restrict)
                           .deferrable(initially_deferred))
          .index(
              index("ix_extras", {desc(expr("lower(code)")), "price"}).unique().where("id > 0")));
  canonicalize(schema);
  return schema;
}

// One operation of every kind (the first of the identifier suite's cases, or of their inverses,
// of each kind), built against rich_schema().
std::vector<Operation> every_operation() {
  const ObjectNames names("it's");
  const Schema schema = rich_schema();
  std::vector<Operation> ops;
  std::set<std::string_view> kinds;
  for (const OperationCase& test_case : operation_cases()) {
    for (Operation op : {test_case.make(names, schema), invert(test_case.make(names, schema))}) {
      if (kinds.insert(operation_name(op)).second) ops.push_back(std::move(op));
    }
  }
  // And the shape that leaves an optional part out: no primary key after the change.
  for (const OperationCase& test_case : operation_cases()) {
    if (test_case.kind == "alter_primary_key (drop)") ops.push_back(test_case.make(names, schema));
  }
  return ops;
}

struct Location {
  std::string path;  // as tempest writes it: $.tables[0].name
  json::json_pointer pointer;
};

// Every value of `value` but the root, parents before children.
void collect(const json& value, const std::string& path, const json::json_pointer& pointer,
             std::vector<Location>& out) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      out.push_back({path + "." + key, pointer / key});
      collect(member, path + "." + key, pointer / key, out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string item = path + "[" + std::to_string(i) + "]";
      out.push_back({item, pointer / i});
      collect(value[i], item, pointer / i, out);
    }
  }
}

std::vector<Location> locations(const json& document) {
  std::vector<Location> out;
  collect(document, "$", json::json_pointer(), out);
  return out;
}

// Values of another JSON type than `value`.
std::vector<json> wrong_types(const json& value) {
  if (value.is_string()) return {7, nullptr, json::array()};
  if (value.is_boolean()) return {"true", 1};
  if (value.is_number()) return {"7", nullptr, 1.5, json::object()};
  if (value.is_array()) return {json::object(), "x", nullptr};
  return {json::array(), 1, "x"};  // an object
}

struct Document {
  std::string name;
  std::string text;
  Reader read;
};

std::vector<Document> documents() {
  return {{"schema", schema_to_json(rich_schema()), kSchemaReader},
          {"operations", operations_to_json(every_operation()), kOperationsReader}};
}

TEST(MalformedJson, TheValidDocumentsAreRead) {
  EXPECT_EQ(schema_from_json(schema_to_json(rich_schema())), rich_schema());
  EXPECT_EQ(operations_from_json(operations_to_json(every_operation())), every_operation());
  std::set<std::string_view> kinds;
  for (const Operation& op : every_operation()) kinds.insert(operation_name(op));
  EXPECT_EQ(kinds.size(), std::variant_size_v<Operation>);
  EXPECT_EQ(every_operation().size(), std::variant_size_v<Operation> + 1);
}

TEST(MalformedJson, EveryTruncationIsNotJson) {
  for (const Document& document : documents()) {
    // Prefixes that stop before the closing brace are never JSON. Each cut costs a parse of the
    // prefix, so all of them are tried near the start and then those at (and just after) each
    // structural character, which reach every state of the parser.
    // The compact form: the same structure in fewer bytes to parse.
    const std::string text = json::parse(document.text).dump();
    const std::size_t end = text.rfind('}');
    ASSERT_GT(end, 512u);
    EXPECT_EQ(error_of(document.read, text), "no error");
    std::vector<std::size_t> cuts;
    for (std::size_t size = 0; size < end; ++size) {
      const bool structural =
          std::string_view("{}[]:,\"\\").find(text[size]) != std::string::npos ||
          (size > 0 && std::string_view("{}[]:,\"").find(text[size - 1]) != std::string::npos);
      if (size < 256 || structural) cuts.push_back(size);
    }
    for (std::size_t size : cuts) {
      const std::string message = error_of(document.read, text.substr(0, size));
      ASSERT_EQ(message.rfind("$: not JSON: ", 0), 0u)
          << document.name << " cut to " << size << " bytes: " << message;
    }
  }
}

TEST(MalformedJson, EveryValueOfTheWrongTypeIsNamedByItsPath) {
  std::size_t cases = 0;
  for (const Document& document : documents()) {
    const json parsed = json::parse(document.text);
    for (const Location& location : locations(parsed)) {
      for (const json& replacement : wrong_types(parsed.at(location.pointer))) {
        json broken = parsed;
        broken.at(location.pointer) = replacement;
        const std::string message = error_of(document.read, broken.dump());
        EXPECT_EQ(message.rfind(location.path + ": ", 0), 0u)
            << document.name << ": " << location.path << " = " << replacement.dump() << ": "
            << message;
        ++cases;
      }
    }
  }
  EXPECT_GT(cases, 1000u);
}

TEST(MalformedJson, EveryMissingKeyIsNamedOrOptional) {
  // Keys every object that has them needs.
  const std::vector<std::string> required = {
      "format", "version", "tables",   "operations", "op",         "name",      "columns",
      "type",   "kind",    "nullable", "labels",     "expression", "ref_table", "ref_columns",
      "keys",   "sql",     "column",   "table",      "label"};
  std::size_t refused = 0;
  for (const Document& document : documents()) {
    const json parsed = json::parse(document.text);
    std::vector<Location> objects = {{"$", json::json_pointer()}};
    for (const Location& location : locations(parsed)) {
      if (parsed.at(location.pointer).is_object()) objects.push_back(location);
    }
    for (const Location& object : objects) {
      for (const auto& [key, value] : parsed.at(object.pointer).items()) {
        json broken = parsed;
        broken.at(object.pointer).erase(key);
        const std::string message = error_of(document.read, broken.dump());
        const std::string missing = object.path + "." + key + ": required key missing";
        const bool must = std::find(required.begin(), required.end(), key) != required.end();
        // An index key needs a column or an expression, whichever it has.
        const std::string key_message = object.path + ": expected \"column\" or \"expression\"";
        if (message == "no error") {
          EXPECT_FALSE(must) << document.name << ": " << missing << " was accepted";
        } else if (message != key_message) {
          EXPECT_EQ(message, missing) << document.name;
          ++refused;
        }
      }
    }
  }
  EXPECT_GT(refused, 100u);
}

TEST(MalformedJson, UnknownOperationKinds) {
  for (const std::string kind :
       {"CREATE_TABLE", "create_table ", "create table", "", "drop_database", "ａdd_column"}) {
    const std::string text =
        R"({"format": "tempest.operations", "version": 1, "operations": [{"op": "execute",
           "sql": "SELECT 1"}, {"op": )" +
        json(kind).dump() + R"(, "table": "t"}]})";
    EXPECT_EQ(error_of(kOperationsReader, text),
              "$.operations[1].op: unknown operation " + json(kind).dump());
  }
}

std::string schema_with(const std::string& enums, const std::string& tables) {
  return R"({"format": "tempest.schema", "version": 1, "enums": )" + enums + R"(, "tables": )" +
         tables + "}";
}

std::string table_json(const std::string& name, const std::string& extra = "") {
  return R"({"name": )" + json(name).dump() +
         R"(, "columns": [{"name": "id", "type": {"kind": "text"}, "nullable": false}])" + extra +
         "}";
}

TEST(MalformedJson, DuplicateNamesAreRefusedAtTheSecond) {
  EXPECT_EQ(error_of(kSchemaReader,
                     schema_with("[]", "[" + table_json("a") + ", " + table_json("it's") + ", " +
                                           table_json("b") + ", " + table_json("it's") + "]")),
            "$.tables[3].name: duplicate table \"it's\", first declared at $.tables[1]");
  EXPECT_EQ(error_of(kSchemaReader, schema_with("[]", R"([{"name": "t", "columns": [
          {"name": "id", "type": {"kind": "text"}, "nullable": false},
          {"name": "ключ", "type": {"kind": "text"}, "nullable": true},
          {"name": "ключ", "type": {"kind": "text"}, "nullable": false}]}])")),
            "$.tables[0].columns[2].name: duplicate column \"ключ\", first declared at "
            "$.tables[0].columns[1]");
  EXPECT_EQ(error_of(kSchemaReader, schema_with(R"([{"name": "e", "labels": ["a"]},
          {"name": "e", "labels": ["b"]}])",
                                                "[]")),
            "$.enums[1].name: duplicate enum \"e\", first declared at $.enums[0]");
  EXPECT_EQ(
      error_of(kSchemaReader, schema_with(R"([{"name": "e", "labels": ["a", "b", "a"]}])", "[]")),
      "$.enums[0].labels[2]: duplicate label \"a\", first declared at $.enums[0].labels[0]");
  const std::vector<std::pair<std::string, std::string>> objects = {
      {R"("indexes": [{"name": "x", "keys": [{"column": "id"}]},
                      {"name": "x", "keys": [{"expression": "id + 1"}]}])",
       "$.tables[0].indexes[1].name: duplicate index \"x\", first declared at "
       "$.tables[0].indexes[0]"},
      {R"("uniques": [{"name": "x", "columns": ["id"]}, {"name": "x", "columns": ["id"]}])",
       "$.tables[0].uniques[1].name: duplicate unique constraint \"x\", first declared at "
       "$.tables[0].uniques[0]"},
      {R"("foreign_keys": [{"name": "x", "columns": ["id"], "ref_table": "t",
                            "ref_columns": ["id"]},
                           {"name": "x", "columns": ["id"], "ref_table": "t",
                            "ref_columns": ["id"]}])",
       "$.tables[0].foreign_keys[1].name: duplicate foreign key \"x\", first declared at "
       "$.tables[0].foreign_keys[0]"},
      {R"("checks": [{"name": "x", "expression": "id > 0"}, {"name": "x", "expression": "1"}])",
       "$.tables[0].checks[1].name: duplicate check constraint \"x\", first declared at "
       "$.tables[0].checks[0]"},
  };
  for (const auto& [extra, message] : objects) {
    EXPECT_EQ(error_of(kSchemaReader, schema_with("[]", "[" + table_json("t", ", " + extra) + "]")),
              message);
  }
  // Unnamed objects get their names later, by convention: not duplicates here.
  EXPECT_EQ(error_of(kSchemaReader, schema_with("[]", "[" + table_json("t", R"(, "checks": [
          {"name": "", "expression": "id > 0"}, {"name": "", "expression": "id < 9"}])") +
                                                          "]")),
            "no error");
  // The same rule inside operations.
  EXPECT_EQ(error_of(kOperationsReader,
                     R"({"format": "tempest.operations", "version": 1, "operations": [
          {"op": "create_table", "table": {"name": "t", "columns": [
            {"name": "a", "type": {"kind": "text"}, "nullable": true},
            {"name": "a", "type": {"kind": "text"}, "nullable": true}]}}]})"),
            "$.operations[0].table.columns[1].name: duplicate column \"a\", first declared at "
            "$.operations[0].table.columns[0]");
}

// nlohmann keeps the last of two equal keys; the readers refuse the document instead, naming
// the second key by its path.
TEST(MalformedJson, RepeatedKeysAreRefusedAtTheSecond) {
  EXPECT_EQ(error_of(kSchemaReader, R"({"format": "tempest.schema", "version": 1,
      "enums": [], "tables": [], "enums": []})"),
            "$.enums: key \"enums\" appears twice in one object");
  EXPECT_EQ(error_of(kSchemaReader, schema_with("[]", R"([{"name": "t", "columns": [
          {"name": "id", "type": {"kind": "text"}, "nullable": false},
          {"name": "b", "type": {"kind": "text", "kind": "integer"}, "nullable": true}]}])")),
            "$.tables[0].columns[1].type.kind: key \"kind\" appears twice in one object");
  EXPECT_EQ(error_of(kSchemaReader, schema_with("[]", R"([{"name": "t", "columns": [
          {"name": "id", "type": {"kind": "text"}, "nullable": false, "odd key": 1,
           "odd key": 2}]}])")),
            "$.tables[0].columns[0][\"odd key\"]: key \"odd key\" appears twice in one object");
  EXPECT_EQ(error_of(kOperationsReader,
                     R"({"format": "tempest.operations", "version": 1, "operations": [
          {"op": "drop_enum", "op": "create_enum", "enum": {"name": "e", "labels": []}}]})"),
            "$.operations[0].op: key \"op\" appears twice in one object");
  // A large object: the repeat is found past the first keys too.
  std::string many_keys;
  for (int i = 0; i < 40; ++i)
    many_keys += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
  EXPECT_EQ(error_of(kSchemaReader, "{" + many_keys + R"("k33": 0})"),
            "$.k33: key \"k33\" appears twice in one object");
  // Equal keys in different objects, and equal strings as values, are not repeats.
  EXPECT_EQ(error_of(kSchemaReader, schema_with("[]", R"([{"name": "t", "columns": [
          {"name": "name", "type": {"kind": "text"}, "nullable": false},
          {"name": "kind", "type": {"kind": "text"}, "nullable": true}]}])")),
            "no error");
}

TEST(MalformedJson, NumbersOutOfRange) {
  const std::string column_head =
      R"([{"name": "t", "columns": [{"name": "c", "nullable": true, "type": {"kind": "varchar", "length": )";
  const std::vector<std::pair<std::string, std::string>> lengths = {
      {"1e400", "$: not JSON: number overflow parsing '1e400'"},
      {"-1e400", "$: not JSON: number overflow parsing '-1e400'"},
      {"18446744073709551616", "$.tables[0].columns[0].type.length: expected an integer"},
      {"9223372036854775808", "$.tables[0].columns[0].type.length: integer out of range"},
      {"-9223372036854775809", "$.tables[0].columns[0].type.length: expected an integer"},
      {"2147483648", "$.tables[0].columns[0].type.length: integer out of range"},
      {"-2147483649", "$.tables[0].columns[0].type.length: integer out of range"},
      {"1e3", "$.tables[0].columns[0].type.length: expected an integer"},
      {"12.0", "$.tables[0].columns[0].type.length: expected an integer"},
      {"0x10", "$: not JSON: "},
      {"NaN", "$: not JSON: "},
      {"Infinity", "$: not JSON: "},
      {"+1", "$: not JSON: "},
      {"01", "$: not JSON: "},
  };
  for (const auto& [number, message] : lengths) {
    const std::string text = schema_with("[]", column_head + number + "}}]}]");
    const std::string got = error_of(kSchemaReader, text);
    EXPECT_EQ(got.substr(0, message.size()), message) << number << ": " << got;
  }
  const std::string huge_version = R"({"format": "tempest.schema", "version": 1e999})";
  EXPECT_EQ(error_of(kSchemaReader, huge_version), "$: not JSON: number overflow parsing '1e999'");
  // A position no enum reaches reads as a number; apply() refuses it naming the enum.
  const std::vector<Operation> ops = operations_from_json(
      R"({"format": "tempest.operations", "version": 1, "operations": [{"op": "add_enum_value",
          "enum": "mood", "label": "x", "position": 18446744073709551615}]})");
  Schema schema;
  schema.enums = {EnumType{"mood", {"a"}}};
  try {
    apply(schema, ops);
    FAIL() << "position accepted";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("enum \"mood\": position 18446744073709551615"),
              std::string::npos)
        << e.what();
  }
}

TEST(MalformedJson, DeepNesting) {
  constexpr std::size_t kDepth = 100000;
  const std::string deep = std::string(kDepth, '[') + std::string(kDepth, ']');
  EXPECT_EQ(error_of(kSchemaReader, schema_with("[]", deep)), "$.tables[0]: expected an object");
  EXPECT_EQ(error_of(kSchemaReader,
                     schema_with("[]", "[" + table_json("t", R"(, "comment": )" + deep) + "]")),
            "$.tables[0].comment: expected a string");
  std::string objects;
  for (std::size_t i = 0; i < kDepth; ++i) objects += R"({"a":)";
  objects += "1" + std::string(kDepth, '}');
  EXPECT_EQ(error_of(kOperationsReader,
                     R"({"format": "tempest.operations", "version": 1, "operations": [)" + objects +
                         "]}"),
            "$.operations[0].op: required key missing");
  // Unbalanced: a parse error, not a stack overflow.
  EXPECT_EQ(error_of(kSchemaReader, schema_with("[]", std::string(kDepth, '[')))
                .rfind("$: not JSON: ", 0),
            0u);
}

TEST(MalformedJson, InvalidUtf8AndEscapes) {
  const std::vector<std::string> names = {
      "caf\xe9",           // Latin-1, not UTF-8
      "\xc0\xaf",          // overlong encoding of '/'
      "\xed\xa0\x80",      // an encoded surrogate
      "\xf4\x90\x80\x80",  // above U+10FFFF
      "cut \xe2\x82",      // truncated sequence
      "\\ud800",           // a lone surrogate escape
      "\\udc00\\ud800",    // surrogates in the wrong order
      "\\u12",             // a short escape
      "\\x41",             // not a JSON escape
      "tab\there",         // a raw control character
  };
  for (const std::string& name : names) {
    const std::string text = schema_with("[]", R"([{"name": ")" + name + R"(", "columns": []}])");
    const std::string message = error_of(kSchemaReader, text);
    EXPECT_EQ(message.rfind("$: not JSON: parse error at line 1, column ", 0), 0u)
        << json(name).dump(-1, ' ', false, json::error_handler_t::replace) << ": " << message;
  }
  // Valid escapes of odd characters are names like any other.
  const Schema schema =
      schema_from_json(schema_with("[]", R"([{"name": "\u00e9\ud83d\ude00\"'", "columns": []}])"));
  EXPECT_EQ(schema.tables.at(0).name, "é😀\"'");
}

TEST(MalformedJson, NotOneDocument) {
  const std::string valid = schema_to_json(Schema{});
  for (const std::string& text :
       {std::string(), std::string("   \n\t"), valid + "x", valid + valid, "/* c */ " + valid,
        valid.substr(0, valid.size() - 2) + ",}", std::string("\xef\xbb\xbf\xef\xbb\xbf") + valid,
        std::string("nul\0l", 5)}) {
    const std::string message = error_of(kSchemaReader, text);
    EXPECT_EQ(message.rfind("$: not JSON: ", 0), 0u)
        << json(text).dump(-1, ' ', false, json::error_handler_t::replace) << ": " << message;
  }
}

}  // namespace
}  // namespace tempest::testing
