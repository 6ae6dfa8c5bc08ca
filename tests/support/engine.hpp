#pragma once

// The engines the suites that run on both run on, and a fresh, empty database on each.

#include <memory>
#include <ostream>
#include <string>

#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"

namespace tempest::testing {

enum class Engine { Sqlite, Postgres };

// "sqlite" or "postgres": the parameter's name in test names (RandomPairs/Conformance.X/sqlite).
[[nodiscard]] std::string engine_name(Engine engine);
inline void PrintTo(Engine engine, std::ostream* out) { *out << engine_name(engine); }

// A database of one engine, alive as long as the object, emptied for each case.
class EngineDatabase {
 public:
  virtual ~EngineDatabase() = default;
  // The connection; reset() may replace it, so do not keep the reference across a reset.
  [[nodiscard]] virtual Driver& driver() = 0;
  [[nodiscard]] virtual const Dialect& dialect() const = 0;
  // Empties the database: SQLite opens a new in-memory database; PostgreSQL drops and
  // re-creates the schema public (with its tables, types and sequences), some 20 times faster
  // than a CREATE DATABASE per case.
  virtual void reset() = 0;
};

// An empty database. SQLite: a private in-memory database. PostgreSQL: a database of the test
// cluster created for the caller and dropped by the destructor (see TempPgDatabase).
[[nodiscard]] std::unique_ptr<EngineDatabase> open_database(Engine engine);

}  // namespace tempest::testing
