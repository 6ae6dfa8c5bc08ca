#pragma once

// The part of a schema a migration's rendering can depend on, so that the runner does not
// hand each render() call (which copies its `before`) the whole schema: rendering 1,000
// migrations against a schema of 1,000 tables would otherwise copy a million tables.

#include <optional>
#include <vector>

#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// `schema` reduced to what rendering `ops` may read: every enum; the tables `ops` name
// (including foreign key targets and both names of a rename); and the tables linked to those
// by a foreign key, in either direction. nullopt when `ops` change an enum, whose CHECKs
// (SQLite) or columns (PostgreSQL) may live in any table: render against the whole schema
// then. Dialects render `ops` identically against the result and against `schema` (the
// property suite checks this on random schema changes).
[[nodiscard]] std::optional<Schema> render_scope(const Schema& schema,
                                                 const std::vector<Operation>& ops);

}  // namespace tempest
