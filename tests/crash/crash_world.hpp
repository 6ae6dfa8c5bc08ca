#pragma once

// What the crash tests of one engine share, built once per test process: the database, the
// history, its expected states and, on demand, an uninterrupted upgrade and downgrade of the
// whole history, checked against the model and recorded call by call (the calibration that
// sizes random kill points).

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "crash_check.hpp"
#include "crash_database.hpp"
#include "crash_history.hpp"
#include "expected_states.hpp"
#include "kill_switch_driver.hpp"

namespace tempest::testing {

// Rows of the big table. SQLite: enough that a rebuild of it takes milliseconds, so that
// delays land inside rebuilds. PostgreSQL alters columns in place; there the rows only have
// to make statements take a while, and every run and check pays for them.
inline constexpr int kSqliteEvents = 20000;
inline constexpr int kPostgresEvents = 5000;

struct Calibration {
  std::vector<DriverCall> calls;  // every driver call of an uninterrupted run
  std::chrono::microseconds elapsed{0};
  CheckOutcome check;  // the database after it
};

struct CrashWorld {
  Engine engine = Engine::Sqlite;
  std::unique_ptr<CrashDatabase> database;
  CrashHistory history;
  std::unique_ptr<ExpectedStates> states;
  Calibration up;    // from an empty database to the last migration
  Calibration down;  // and back to base
  // An upgrade with nothing to do, in a forked process: the calls and the time a run takes
  // before its first migration.
  Calibration idle;
  bool calibrated = false;  // up, down and idle are set
};

// The world of `engine`, built on first use, without calibration. Throws what building it
// throws.
[[nodiscard]] CrashWorld& crash_world(Engine engine);

// The same, calibrated: the database is left empty but for the version table.
[[nodiscard]] CrashWorld& calibrated_world(Engine engine);

// Checks the database as it is now (after waiting for killed migrators' sessions to end),
// from a new connection closed before returning; see check_database.
[[nodiscard]] CheckOutcome check_now(CrashWorld& world, const RunStart& start, CheckDepth depth);

// Upgrades (or downgrades) to `target` in this process, without kills, through a
// KillSwitchDriver that records the calls, which are returned. Throws what the runner throws.
std::vector<DriverCall> migrate_here(CrashWorld& world, Direction direction,
                                     const std::string& target);

// The distinct statement classes of `calls`: the first three words of each execute() and
// query() statement ("UPDATE events SET", "CREATE TABLE \"_tempest_new_events\""), sorted.
[[nodiscard]] std::vector<std::string> statement_classes(const std::vector<DriverCall>& calls);

}  // namespace tempest::testing
