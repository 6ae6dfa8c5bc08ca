#pragma once

// What must hold after a migrator died at any point: the version table names a prefix of the
// chain (at most its last row partly applied or partly reverted), the live schema is the
// replay of exactly what it records, every table holds exactly the model's rows, and nothing
// half-done is left behind.

#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "crash_database.hpp"
#include "crash_history.hpp"
#include "expected_states.hpp"
#include "tempest/driver.hpp"

namespace tempest::testing {

struct CheckOutcome {
  ::testing::AssertionResult result = ::testing::AssertionSuccess();
  std::string recorded;      // what the version table said: "c00-c10 applied, c11 steps_done 2"
  std::size_t position = 0;  // the position the database matched
  bool partial = false;      // a row was partly applied or partly reverted
  // The database was one non-transactional step ahead of its version table: the step ran and
  // the process died before recording it (runner.hpp: such a step is run again).
  bool ahead = false;
};

// How much a check reads.
enum class CheckDepth {
  Schema,  // the version table, leftovers of half-done steps and the live schema
  Rows,    // and every row of every table
  Engine,  // and the engine's own consistency checks (CrashDatabase::consistency_problems),
           // which on SQLite read every page and cost as much as the rest
};

// Checks the database behind `checker` against the states of a run begun at `start`.
[[nodiscard]] CheckOutcome check_database(Driver& checker, const CrashDatabase& database,
                                          const CrashHistory& history, ExpectedStates& states,
                                          const RunStart& start, CheckDepth depth);

}  // namespace tempest::testing
