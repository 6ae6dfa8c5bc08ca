#pragma once

// Databases and migrations for the MigrationRunner suites (runner_*_test.cpp), on both
// engines.

#include <memory>
#include <string>
#include <vector>

#include "support/engine.hpp"
#include "support/temp_dir.hpp"
#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"
#include "tempest/migration.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {

// An empty database that other connections, other processes and the engine's shell can
// reach: an SQLite file in a temporary directory, or a database of the PostgreSQL test cluster.
class RunnerDatabase {
 public:
  virtual ~RunnerDatabase() = default;

  // The test's own connection, opened on first use (so that a test can fork before it).
  [[nodiscard]] virtual Driver& driver() = 0;
  [[nodiscard]] virtual const Dialect& dialect() const = 0;
  // A new connection to the same database.
  [[nodiscard]] virtual std::unique_ptr<Driver> connect() const = 0;
  // Runs `script` with the engine's shell (sqlite3 -bail / psql -v ON_ERROR_STOP=1), stopping
  // at the first error. Throws std::runtime_error with the shell's output on failure.
  virtual void run_script(const std::string& script) const = 0;
  // Runs `script` with the shell as it runs without -bail / ON_ERROR_STOP: on after each
  // error. Returns the shell's output.
  [[nodiscard]] virtual std::string run_script_to_the_end(const std::string& script) const = 0;

  // The live schema (the dialect's introspect).
  [[nodiscard]] Schema schema() { return dialect().introspect(driver()); }
};

[[nodiscard]] std::unique_ptr<RunnerDatabase> runner_database(Engine engine);

// The version rows without applied_at and execution_ms (which differ from run to run),
// sorted by revision: "revision|label|checksum|steps_done|down_steps_done".
[[nodiscard]] std::vector<std::string> comparable_rows(const std::vector<AppliedRevision>& rows);

// A migration whose down is derived (make_migration).
[[nodiscard]] Migration migration(std::string revision, std::vector<std::string> parents,
                                  std::vector<Operation> up);

// `count` migrations in a line, r0000 <- r0001 <- ..., each creating a small table t<i>
// (id, name) with an index, the odd ones also adding a column to the previous table.
[[nodiscard]] std::vector<Migration> chain_of_tables(int count);

// The result of running `command` with a shell: its exit status and output (stdout+stderr).
struct CommandResult {
  int status = 0;
  std::string output;
};
[[nodiscard]] CommandResult run_command(const std::string& command);

}  // namespace tempest::testing
