#pragma once

// The canonical JSON form of the Schema IR and of operations: versioned, byte-stable for
// equal inputs (fixed key order, no insignificant white space differences), and the
// interchange format of the `inspect`/`diff` tools and of migration checksums.
//
//   {"format":"tempest.schema","version":1,"enums":[...],"tables":[...]}
//   {"format":"tempest.operations","version":1,"operations":[{"op":"add_column",...}]}

#include <string>
#include <string_view>
#include <vector>

#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// Serializes with two-space indentation and a trailing newline; equal inputs give equal bytes.
[[nodiscard]] std::string schema_to_json(const Schema& schema);
[[nodiscard]] std::string operations_to_json(const std::vector<Operation>& ops);

// Parses the forms above. Throws ModelError whose message starts with the JSON path of the
// fault ("$.tables[2].columns[0].type: ...") for malformed JSON, a key repeated in one
// object, a wrong format or version, a missing, unknown or mistyped field, or an unknown
// enumerator. The result is canonical.
[[nodiscard]] Schema schema_from_json(std::string_view json);
[[nodiscard]] std::vector<Operation> operations_from_json(std::string_view json);

}  // namespace tempest
