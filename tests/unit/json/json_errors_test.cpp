#include <gtest/gtest.h>

#include <string>

#include "json_fixtures.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"

namespace tempest {
namespace {

using json_fixtures::expect_model_error;

void expect_schema_error(const std::string& json, const std::string& message) {
  expect_model_error([&] { (void)schema_from_json(json); }, message);
}

void expect_operations_error(const std::string& json, const std::string& message) {
  expect_model_error([&] { (void)operations_from_json(json); }, message);
}

// A schema document whose "tables" array is `tables`.
std::string schema_with(const std::string& tables) {
  return R"({"format": "tempest.schema", "version": 1, "enums": [], "tables": )" + tables + "}";
}

std::string operations_with(const std::string& ops) {
  return R"({"format": "tempest.operations", "version": 1, "operations": )" + ops + "}";
}

const std::string kColumn = R"({"name": "c", "type": {"kind": "text"}, "nullable": false})";

TEST(JsonErrors, NotJson) {
  try {
    (void)schema_from_json("{\"format\": ");
    FAIL() << "no exception";
  } catch (const ModelError& error) {
    std::string message = error.what();
    EXPECT_EQ(message.rfind("$: not JSON: parse error at line 1, column 12: ", 0), 0u) << message;
  }
  try {
    (void)operations_from_json("");
    FAIL() << "no exception";
  } catch (const ModelError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("$: not JSON: ", 0), 0u) << error.what();
  }
}

TEST(JsonErrors, TopLevelShape) {
  expect_schema_error("[]", "$: expected an object");
  expect_schema_error("{}", "$.format: required key missing");
  expect_schema_error(R"({"format": "tempest.operations", "version": 1})",
                      "$.format: expected \"tempest.schema\"");
  expect_schema_error(R"({"format": 7, "version": 1})", "$.format: expected \"tempest.schema\"");
  expect_operations_error(R"({"format": "tempest.schema", "version": 1})",
                          "$.format: expected \"tempest.operations\"");
  expect_schema_error(R"({"format": "tempest.schema"})", "$.version: required key missing");
  expect_schema_error(R"({"format": "tempest.schema", "version": 2})",
                      "$.version: unsupported version 2");
  expect_schema_error(R"({"format": "tempest.schema", "version": "1"})",
                      "$.version: expected an integer");
  expect_schema_error(R"({"format": "tempest.schema", "version": 1.0})",
                      "$.version: expected an integer");
  expect_schema_error(R"({"format": "tempest.schema", "version": 1, "enums": []})",
                      "$.tables: required key missing");
  expect_schema_error(
      R"({"format": "tempest.schema", "version": 1, "enums": [], "tables": [], "extra": 1})",
      "$.extra: unknown key");
  expect_schema_error(
      R"({"format": "tempest.schema", "version": 1, "enums": [], "tables": [], "odd key": 1})",
      "$[\"odd key\"]: unknown key");
  expect_schema_error(schema_with("{}"), "$.tables: expected an array");
}

TEST(JsonErrors, TablesAndColumns) {
  expect_schema_error(schema_with("[1]"), "$.tables[0]: expected an object");
  expect_schema_error(schema_with(R"([{"columns": []}])"),
                      "$.tables[0].name: required key missing");
  expect_schema_error(schema_with(R"([{"name": 3, "columns": []}])"),
                      "$.tables[0].name: expected a string");
  expect_schema_error(schema_with(R"([{"name": "t", "columns": [], "colour": "red"}])"),
                      "$.tables[0].colour: unknown key");
  expect_schema_error(schema_with(R"([{"name": "a", "columns": []}, {"name": "b", "columns": []},
                      {"name": "c", "columns": [{"name": "x", "type": "text",
                                                  "nullable": true}]}])"),
                      "$.tables[2].columns[0].type: expected an object");
  expect_schema_error(
      schema_with(R"([{"name": "t", "columns": [{"name": "x", "type": {"kind": "int128"},
                                                  "nullable": true}]}])"),
      "$.tables[0].columns[0].type.kind: unknown type kind \"int128\"");
  expect_schema_error(
      schema_with(R"([{"name": "t", "columns": [{"name": "x", "type": {"kind": "varchar",
                                                  "length": "255"}, "nullable": true}]}])"),
      "$.tables[0].columns[0].type.length: expected an integer");
  expect_schema_error(
      schema_with(R"([{"name": "t", "columns": [{"name": "x", "type": {"kind": "varchar",
                                                  "length": 4294967296}, "nullable": true}]}])"),
      "$.tables[0].columns[0].type.length: integer out of range");
  expect_schema_error(
      schema_with(R"([{"name": "t", "columns": [{"name": "x", "type": {"kind": "text"}}]}])"),
      "$.tables[0].columns[0].nullable: required key missing");
  expect_schema_error(
      schema_with(R"([{"name": "t", "columns": [{"name": "x", "type": {"kind": "text"},
                                                  "nullable": "yes"}]}])"),
      "$.tables[0].columns[0].nullable: expected a boolean");
  expect_schema_error(
      schema_with(R"([{"name": "t", "columns": [{"name": "x", "type": {"kind": "text"},
                       "nullable": true, "identity": "sometimes"}]}])"),
      "$.tables[0].columns[0].identity: unknown identity \"sometimes\"");
  expect_schema_error(
      schema_with(R"([{"name": "t", "columns": [{"name": "x", "type": {"kind": "text"},
                       "nullable": true, "default": {"kind": "constant", "value": "1"}}]}])"),
      "$.tables[0].columns[0].default.kind: unknown default kind \"constant\"");
  expect_schema_error(
      schema_with(R"([{"name": "t", "columns": [{"name": "x", "type": {"kind": "text"},
                       "nullable": true, "default": {"kind": "literal"}}]}])"),
      "$.tables[0].columns[0].default.value: required key missing");
}

TEST(JsonErrors, ConstraintsAndEnums) {
  std::string table_head = R"([{"name": "t", "columns": [)" + kColumn + "], ";
  expect_schema_error(schema_with(table_head + R"("foreign_keys": [
        {"name": "a", "columns": ["c"], "ref_table": "t", "ref_columns": ["c"]},
        {"name": "b", "columns": ["c"], "ref_table": "t", "ref_columns": ["c"],
         "on_delete": "explode"}]}])"),
                      "$.tables[0].foreign_keys[1].on_delete: unknown action \"explode\"");
  expect_schema_error(schema_with(table_head + R"("foreign_keys": [
        {"name": "a", "columns": ["c"], "ref_table": "t", "ref_columns": ["c"],
         "deferrable": true}]}])"),
                      "$.tables[0].foreign_keys[0].deferrable: expected a string");
  expect_schema_error(schema_with(table_head + R"("primary_key": {"name": "p", "columns": [1]}}])"),
                      "$.tables[0].primary_key.columns[0]: expected a string");
  expect_schema_error(schema_with(table_head + R"("indexes": [{"name": "i", "keys": [{}]}]}])"),
                      "$.tables[0].indexes[0].keys[0]: expected \"column\" or \"expression\"");
  expect_schema_error(schema_with(table_head + R"("indexes": [{"name": "i", "keys": [{"column": "c",
                                                                     "order": "desc"}]}]}])"),
                      "$.tables[0].indexes[0].keys[0].order: unknown key");
  expect_schema_error(schema_with(table_head + R"("checks": [{"name": "k"}]}])"),
                      "$.tables[0].checks[0].expression: required key missing");
  expect_schema_error(R"({"format": "tempest.schema", "version": 1, "tables": [],
                          "enums": [{"name": "e", "labels": "a,b"}]})",
                      "$.enums[0].labels: expected an array");
}

TEST(JsonErrors, Operations) {
  expect_operations_error(R"({"format": "tempest.operations", "version": 1})",
                          "$.operations: required key missing");
  expect_operations_error(operations_with(R"([{"table": "t"}])"),
                          "$.operations[0].op: required key missing");
  expect_operations_error(operations_with(R"([{"op": "truncate_table", "table": "t"}])"),
                          "$.operations[0].op: unknown operation \"truncate_table\"");
  expect_operations_error(operations_with(R"([{"op": 1}])"),
                          "$.operations[0].op: expected a string");
  expect_operations_error(
      operations_with(R"([{"op": "rename_table", "from": "a", "to": "b", "table": "t"}])"),
      "$.operations[0].table: unknown key");
  expect_operations_error(operations_with(R"([{"op": "execute", "sql": "SELECT 1"},
                          {"op": "add_column", "table": "t", "colum": {}}])"),
                          "$.operations[1].colum: unknown key");
  expect_operations_error(operations_with(R"([{"op": "add_column", "table": "t"}])"),
                          "$.operations[0].column: required key missing");
  expect_operations_error(
      operations_with(R"([{"op": "add_column", "table": "t", "column": {"name": "c",
                          "type": {"kind": "text"}, "nullable": 0}}])"),
      "$.operations[0].column.nullable: expected a boolean");
  expect_operations_error(
      operations_with(R"([{"op": "add_enum_value", "enum": "e", "label": "x", "position": -1}])"),
      "$.operations[0].position: expected a non-negative integer");
  expect_operations_error(operations_with(R"([{"op": "drop_foreign_key", "table": "t",
        "foreign_key": {"name": "f", "columns": ["a"], "ref_table": "u", "ref_columns": ["id"],
                        "on_update": "explode"}}])"),
                          "$.operations[0].foreign_key.on_update: unknown action \"explode\"");
  expect_operations_error(
      operations_with(R"([{"op": "execute", "sql": "x", "reverse_sql": null}])"),
      "$.operations[0].reverse_sql: expected a string");
}

TEST(JsonErrors, WritingInvalidUtf8) {
  Schema schema;
  schema.enums = {EnumType{"bad\xff", {}}};
  expect_model_error([&] { (void)schema_to_json(schema); },
                     "$: cannot write JSON: invalid UTF-8 byte at index 3: 0xFF");
  std::vector<Operation> ops = {Execute{"SELECT '\xc3'", std::nullopt}};
  expect_model_error([&] { (void)operations_to_json(ops); },
                     "$: cannot write JSON: invalid UTF-8 byte at index 9: 0x27");
}

}  // namespace
}  // namespace tempest
