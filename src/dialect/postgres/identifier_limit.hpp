#pragma once

// PostgreSQL keeps the first 63 bytes of an identifier and drops the rest with no error, only a
// NOTICE (NAMEDATALEN - 1, https://www.postgresql.org/docs/15/sql-syntax-lexical.html): the
// database would hold a name no migration wrote, and two names sharing their first 63 bytes
// would name one object. The renderer refuses such names instead of letting them be cut.

#include "tempest/operations.hpp"

namespace tempest::postgres {

// Throws UnsupportedError naming the object ("table \"t\": column \"c...\" is 64 bytes long;
// ...") when `op` gives a new name over 63 bytes to a table, column, primary key, index,
// constraint, enum type or enum label. Names the operation only refers to are left alone: they
// can only name objects that exist, and PostgreSQL cuts a reference the way it cut the name.
void require_short_new_names(const Operation& op);

}  // namespace tempest::postgres
