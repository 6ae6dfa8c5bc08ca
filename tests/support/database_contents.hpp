#pragma once

// What the suites that run on live databases compare after each step: the schema and the rows
// of every table, with failure messages that say what differs.

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "tempest/driver.hpp"
#include "tempest/schema.hpp"

namespace tempest::testing {

using Rows = std::vector<std::vector<SqlValue>>;

// The rows of every table of `schema` (as introspected from `driver`'s database), by table:
// every column, ordered by every column. Tables without columns are left out.
[[nodiscard]] std::map<std::string, Rows> table_rows(Driver& driver, const Schema& schema);

// Success when equal; otherwise the operations from `actual` to `expected` and both as JSON
// (or why there is no JSON: invalid UTF-8 cannot be written).
[[nodiscard]] ::testing::AssertionResult same_schema(const Schema& actual, const Schema& expected);

// One line per row, as SQL literals: ('a', NULL, 'it''s').
[[nodiscard]] std::string describe_rows(const Rows& rows);

}  // namespace tempest::testing
