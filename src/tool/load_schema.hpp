#pragma once

#include <optional>

#include "tempest/driver.hpp"
#include "tempest/schema.hpp"
#include "tool/urls.hpp"

namespace tempest::tool {

struct LoadedSchema {
  Schema schema;                       // introspected (so normalised), or as the file says
  std::optional<DialectKind> dialect;  // the database's engine; nullopt for a JSON file
};

// Reads the schema behind `source`: introspects the database (the connection is closed
// before returning) or parses the JSON file. Never creates anything: a SQLite path that does
// not exist is an error. Throws Error whose message starts with source.display, or for a file
// with its path: "schema.json: $.tables[0].name: expected a string".
[[nodiscard]] LoadedSchema load_schema(const SchemaSource& source);

}  // namespace tempest::tool
