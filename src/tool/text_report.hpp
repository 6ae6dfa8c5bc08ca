#pragma once

#include <ostream>

#include "tempest/schema.hpp"

namespace tempest::tool {

// Writes the schema for people: enums, then each table with its columns (type, nullability,
// default, identity, comment) aligned in a grid, primary key, unique constraints, indexes,
// foreign keys and checks. Names that are not plain identifiers are double-quoted. An empty
// schema writes nothing.
void write_text_report(const Schema& schema, std::ostream& out);

}  // namespace tempest::tool
