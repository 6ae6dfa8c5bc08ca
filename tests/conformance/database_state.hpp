#pragma once

// Everything a migration could change in a database: its schema and the rows of every table.

#include <map>
#include <string>

#include "failure_text.hpp"
#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"
#include "tempest/schema.hpp"

namespace tempest::testing {

struct DatabaseState {
  Schema schema;                     // introspected
  std::map<std::string, Rows> rows;  // by table, every column, ordered by every column

  friend bool operator==(const DatabaseState&, const DatabaseState&) = default;
};

[[nodiscard]] DatabaseState database_state(Driver& driver, const Dialect& dialect);

// Success when equal; otherwise what differs (schema operations, or the rows of a table).
[[nodiscard]] ::testing::AssertionResult same_state(const DatabaseState& actual,
                                                    const DatabaseState& expected);

}  // namespace tempest::testing
