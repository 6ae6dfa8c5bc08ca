#pragma once

// What a column type change does to the values already stored, and whether PostgreSQL must
// rewrite the table to make it.

#include <string>

#include "tempest/schema.hpp"

namespace tempest::risks {

// Why changing `from` to `to` may cut values or fail on some, or "" when every value fits.
[[nodiscard]] std::string narrowing_reason(const ColumnType& from, const ColumnType& to);

// True when PostgreSQL changes the type in place, without rewriting the table: the same type,
// varchar to text or to a longer varchar, numeric to an unconstrained or wider numeric of the
// same scale (https://www.postgresql.org/docs/current/sql-altertable.html, "Notes").
[[nodiscard]] bool postgres_changes_type_in_place(const ColumnType& from, const ColumnType& to);

}  // namespace tempest::risks
