#pragma once

// The engines the hostile-input suite runs on, a fresh database on each, and a snapshot of
// everything a failed command must leave as it was: the schema, the rows of every table and
// the version table.

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"
#include "tempest/runner.hpp"
#include "tempest/schema.hpp"

namespace tempest::testing {

enum class Engine { Sqlite, Postgres };

// "sqlite" or "postgres", for test names.
[[nodiscard]] std::string engine_name(Engine engine);
inline void PrintTo(Engine engine, std::ostream* out) { *out << engine_name(engine); }

// A database of one engine, alive as long as the object.
class EngineDatabase {
 public:
  virtual ~EngineDatabase() = default;
  [[nodiscard]] virtual Driver& driver() = 0;
  [[nodiscard]] virtual const Dialect& dialect() const = 0;
  // Empties the database. SQLite: a new in-memory database. PostgreSQL: the schema public
  // dropped and created again, much cheaper than a database per case.
  virtual void reset() = 0;
};

// An empty database. SQLite: in memory. PostgreSQL: a database of the test cluster, dropped
// by the destructor.
[[nodiscard]] std::unique_ptr<EngineDatabase> open_database(Engine engine);

using Rows = std::vector<std::vector<SqlValue>>;

struct DatabaseSnapshot {
  Schema schema;                     // introspected
  std::map<std::string, Rows> rows;  // by table: every column, ordered by every column
  bool version_table = false;        // whether tempest_db_migrations exists
  std::vector<AppliedRevision> applied;

  friend bool operator==(const DatabaseSnapshot&, const DatabaseSnapshot&) = default;
};

[[nodiscard]] DatabaseSnapshot snapshot(Driver& driver, const Dialect& dialect);

// Success when equal; otherwise the operations between the schemas and both as JSON.
[[nodiscard]] ::testing::AssertionResult same_schema(const Schema& actual, const Schema& expected);

// Success when equal; otherwise what differs.
[[nodiscard]] ::testing::AssertionResult same_snapshot(const DatabaseSnapshot& actual,
                                                       const DatabaseSnapshot& expected);

}  // namespace tempest::testing
