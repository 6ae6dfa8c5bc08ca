#pragma once

// Readable failure messages for the conformance suites.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"
#include "tempest/schema.hpp"

namespace tempest::testing {

using Rows = std::vector<std::vector<SqlValue>>;

// Success when equal; otherwise the operations from `actual` to `expected` and both as JSON.
[[nodiscard]] ::testing::AssertionResult same_schema(const Schema& actual, const Schema& expected);

// The steps as an SQL script, each under a comment with its description.
[[nodiscard]] std::string describe_plan(const std::vector<RenderedStep>& steps);

// One line per row: ('a', NULL, '3').
[[nodiscard]] std::string describe_rows(const Rows& rows);

}  // namespace tempest::testing
