#pragma once

// The database a crash test kills migrators on: an SQLite file or a database of the PostgreSQL
// test cluster, reachable from forked processes.

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "row_model.hpp"
#include "support/engine.hpp"
#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"

namespace tempest::testing {

class CrashDatabase {
 public:
  virtual ~CrashDatabase() = default;

  [[nodiscard]] virtual const Dialect& dialect() const = 0;

  // A new connection for the migrating process. PostgreSQL tags its session, so that
  // wait_for_migrators_gone() can find the server process of a killed migrator.
  [[nodiscard]] virtual std::unique_ptr<Driver> connect_migrator() const = 0;

  // A new connection for checks.
  [[nodiscard]] virtual std::unique_ptr<Driver> connect() const = 0;

  // Returns once no migrator session is left. A PostgreSQL server process only notices that
  // its client died when it next reads from the socket (after the statement at hand), then
  // rolls back and exits, releasing its locks and the runner's advisory lock. SQLite: the
  // kernel released the killed process's file locks already; nothing to wait for. Throws
  // std::runtime_error after 30 s.
  virtual void wait_for_migrators_gone(Driver& checker) const = 0;

  // Empties the database (tables, types and the version table). No connection of this
  // object's may be open in another process.
  virtual void reset() = 0;

  // Objects a half-done step leaves behind when its transaction is lost: SQLite rebuild
  // tables ("_tempest_new_*"), PostgreSQL enum types renamed away by a label removal
  // ("tempest_old_*"). Empty in a healthy database.
  [[nodiscard]] virtual std::vector<std::string> leftovers(Driver& checker) const = 0;

  // Runs `select` on `checker` (a connection from connect()) and digests its rows as
  // RowsDigest::add would, reading each value straight from the engine's result: a check
  // reads some 35,000 rows, and a QueryResult would allocate a string for every value.
  // Throws std::runtime_error with the engine's message.
  [[nodiscard]] virtual RowsDigest digest_rows(Driver& checker,
                                               const std::string& select) const = 0;

  // Engine-level consistency problems, one line each: SQLite integrity_check and
  // foreign_key_check (a rebuild runs with foreign keys off); PostgreSQL advisory locks still
  // held, prepared transactions and invalid indexes. Empty in a healthy database.
  [[nodiscard]] virtual std::vector<std::string> consistency_problems(Driver& checker) const = 0;
};

[[nodiscard]] std::unique_ptr<CrashDatabase> crash_database(Engine engine);

}  // namespace tempest::testing
