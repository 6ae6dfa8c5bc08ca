#pragma once

// A snapshot of everything a failed command must leave as it was: the schema, the rows of
// every table and the version table (the databases are those of support/engine.hpp).

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "support/database_contents.hpp"
#include "support/engine.hpp"
#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"
#include "tempest/runner.hpp"
#include "tempest/schema.hpp"

namespace tempest::testing {

struct DatabaseSnapshot {
  Schema schema;                     // introspected
  std::map<std::string, Rows> rows;  // by table: every column, ordered by every column
  bool version_table = false;        // whether tempest_db_migrations exists
  std::vector<AppliedRevision> applied;

  friend bool operator==(const DatabaseSnapshot&, const DatabaseSnapshot&) = default;
};

[[nodiscard]] DatabaseSnapshot snapshot(Driver& driver, const Dialect& dialect);

// Success when equal; otherwise what differs.
[[nodiscard]] ::testing::AssertionResult same_snapshot(const DatabaseSnapshot& actual,
                                                       const DatabaseSnapshot& expected);

}  // namespace tempest::testing
