#pragma once

// JSON conversions of the individual IR objects, shared by the schema and the operations
// documents. Writers emit keys in a fixed order and omit fields at their default value;
// readers accept exactly what the writers emit (plus explicit defaults) and throw ModelError
// naming the JSON path of the fault.

#include <nlohmann/json.hpp>
#include <string>

#include "json/json_reader.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// The version written into, and accepted from, both documents.
inline constexpr int kFormatVersion = 1;

// Insertion-ordered, so the output's key order is the order the writers use.
using OrderedJson = nlohmann::ordered_json;

// Two-space indentation and a trailing newline. Throws ModelError for a string that is not
// valid UTF-8, which JSON cannot carry.
[[nodiscard]] std::string dump_document(const OrderedJson& document);

[[nodiscard]] OrderedJson column_to_json(const Column& column);
[[nodiscard]] OrderedJson primary_key_to_json(const PrimaryKey& primary_key);
[[nodiscard]] OrderedJson index_to_json(const Index& index);
[[nodiscard]] OrderedJson unique_to_json(const UniqueConstraint& unique);
[[nodiscard]] OrderedJson foreign_key_to_json(const ForeignKey& foreign_key);
[[nodiscard]] OrderedJson check_to_json(const CheckConstraint& check);
[[nodiscard]] OrderedJson table_to_json(const Table& table);
[[nodiscard]] OrderedJson enum_to_json(const EnumType& enum_type);

[[nodiscard]] Column column_from_json(const JsonReader& reader);
[[nodiscard]] PrimaryKey primary_key_from_json(const JsonReader& reader);
[[nodiscard]] Index index_from_json(const JsonReader& reader);
[[nodiscard]] UniqueConstraint unique_from_json(const JsonReader& reader);
[[nodiscard]] ForeignKey foreign_key_from_json(const JsonReader& reader);
[[nodiscard]] CheckConstraint check_from_json(const JsonReader& reader);
// The table is canonicalized (named objects sorted by name).
[[nodiscard]] Table table_from_json(const JsonReader& reader);
[[nodiscard]] EnumType enum_from_json(const JsonReader& reader);

// Checks the "format" and "version" members of a document's top-level object.
void check_header(const JsonObject& document, std::string_view format);

}  // namespace tempest
