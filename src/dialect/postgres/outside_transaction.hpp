#pragma once

#include <string_view>

namespace tempest::postgres {

// True when `sql` (one or more statements) holds a statement PostgreSQL refuses inside a
// transaction block ("cannot run inside a transaction block", SQLSTATE 25001): CREATE/DROP
// INDEX CONCURRENTLY, REINDEX CONCURRENTLY or of a database/system, DETACH PARTITION
// CONCURRENTLY, VACUUM, CREATE/DROP DATABASE, CREATE/DROP TABLESPACE, ALTER SYSTEM.
// Strings, quoted identifiers and comments are skipped.
[[nodiscard]] bool must_run_outside_transaction(std::string_view sql);

}  // namespace tempest::postgres
