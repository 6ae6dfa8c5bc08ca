#pragma once

// Helpers of the PostgreSQL suite: run rendered steps, build a schema in a database, compare
// schemas with a readable difference, and the round trip of one operation.

#include <gtest/gtest.h>

#include <ostream>
#include <vector>

#include "support/database_contents.hpp"
#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// Readable values in gtest failure messages (found by argument-dependent lookup).
inline void PrintTo(const ColumnDefault& value, std::ostream* out) {
  *out << to_string(value.kind) << " `" << value.value << "`";
}
inline void PrintTo(Identity identity, std::ostream* out) { *out << to_string(identity); }
inline void PrintTo(const IndexKey& key, std::ostream* out) {
  *out << (key.expression.empty() ? key.column : "(" + key.expression + ")")
       << (key.descending ? " DESC" : "");
}
inline void PrintTo(const Index& index, std::ostream* out) {
  *out << (index.unique ? "UNIQUE " : "") << index.name << " (";
  for (const IndexKey& key : index.keys) {
    PrintTo(key, out);
    *out << ", ";
  }
  *out << ") WHERE `" << index.where << "`";
}

}  // namespace tempest

namespace tempest::testing {

// Executes the steps in order, each transactional step in its own transaction.
void execute_steps(Driver& driver, const std::vector<RenderedStep>& steps);

// Creates `schema` in the (empty) database behind `driver` with render_schema.
void create_schema(Driver& driver, const Dialect& dialect, const Schema& schema);

// The key property, in a fresh database: build `before`, render and execute `op`, introspect
// and compare with normalize(apply(before, op)); then render and execute invert(op) and
// compare with normalize(before). `setup_sql` runs after `before` is built (rows to keep).
void expect_round_trip(const Schema& before, const Operation& op,
                       const std::string& setup_sql = "");

}  // namespace tempest::testing
