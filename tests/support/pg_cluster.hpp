#pragma once

// The throwaway PostgreSQL cluster of the test command (scripts/pg-cluster, started by the
// ctest fixture `postgres`) and one fresh database per test in it.

#include <memory>
#include <string>

#include "tempest/postgres.hpp"

namespace tempest::testing {

// The URL of the test cluster's `postgres` database, read from the file named by
// $TEMPEST_PG_URL_FILE. Throws std::runtime_error explaining how to start the cluster when
// the variable or the file is missing: PostgreSQL tests fail, they never skip.
[[nodiscard]] std::string postgres_url();

// A database created for one test ("t_<pid>_<counter>") and dropped, with any connection
// still open to it, by the destructor.
class TempPgDatabase {
 public:
  TempPgDatabase();
  ~TempPgDatabase();
  TempPgDatabase(const TempPgDatabase&) = delete;
  TempPgDatabase& operator=(const TempPgDatabase&) = delete;

  [[nodiscard]] PostgresDriver& driver() { return *driver_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::string& url() const { return url_; }

  // Runs `script` with the psql shell against this database (psql meta-commands allowed),
  // stopping at the first error. Throws std::runtime_error with psql's output on failure.
  void run_psql(const std::string& script) const;
  // Runs `script` with psql as a shell without ON_ERROR_STOP does: on after each error.
  // Returns psql's output.
  [[nodiscard]] std::string run_psql_to_the_end(const std::string& script) const;

 private:
  std::string name_;
  std::string url_;
  std::unique_ptr<PostgresDriver> admin_;
  std::unique_ptr<PostgresDriver> driver_;
};

}  // namespace tempest::testing
