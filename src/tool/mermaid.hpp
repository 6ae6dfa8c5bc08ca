#pragma once

#include <ostream>

#include "tempest/schema.hpp"

namespace tempest::tool {

// Writes the schema as a Mermaid entity-relationship diagram, the text that goes between
// "```mermaid" and "```" in Markdown: "erDiagram", one entity per table with an attribute per
// column (type, name; PK, FK, and UK for a column unique on its own), then one relationship
// per foreign key from the referencing table to the referenced one, `}o--||`, or `}o--o|`
// when a key column is nullable, labelled with the key's name.
//
// Mermaid's grammar restricts names (https://mermaid.js.org/syntax/entityRelationshipDiagram.html):
// table names that are not plain identifiers, or that are keywords of the diagram, are
// double-quoted (a `"`, `%` or `\`, which quoting cannot carry, becomes `_`); column names and
// types keep letters, digits and `_` (types also parentheses and brackets), other characters
// become `_`, and a column whose name had to change carries its real name as the comment.
void write_mermaid(const Schema& schema, std::ostream& out);

}  // namespace tempest::tool
