#pragma once

// One upgrade or downgrade of the crash history in a forked process, which is SIGKILLed at a
// random delay or kills itself at a chosen driver call.
//
// Forked rather than re-executed: the child needs the migrations, the kill point and the
// database's address, all of which it inherits with fork() at no cost, where a re-executed
// process would have to be told them and would start a whole test binary (tens of ms) per kill
// point. The child opens its own connection after the fork and ends by _exit() or SIGKILL,
// never touching the parent's connections (a PostgreSQL socket stays open while the parent
// holds it; SQLite file locks belong to the process that took them), nor running atexit
// handlers or the test framework's teardown.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "crash_database.hpp"
#include "expected_states.hpp"
#include "kill_switch_driver.hpp"
#include "tempest/migration.hpp"

namespace tempest::testing {

struct KillPlan {
  Direction direction = Direction::Up;
  // The parent sends SIGKILL this long after fork().
  std::optional<std::chrono::microseconds> delay;
  // The child kills itself at this call (ordinal 0: never).
  KillPoint point;
  // The revision to upgrade or downgrade to; empty: "heads" going up, "base" going down.
  std::string target;
};

// "upgrade, SIGKILL 1234 us after the start" or "downgrade, killed before the 3rd commit()".
[[nodiscard]] std::string describe(const KillPlan& plan);

struct ChildOutcome {
  enum class Status { Killed, Completed, Failed };
  Status status = Status::Failed;
  // Killed at a call: where ("before execute(): ALTER TABLE ..."). Failed: the error, or how
  // the process ended.
  std::string detail;
  std::chrono::microseconds elapsed{0};
};

// Forks, runs the migration in the child through a KillSwitchDriver over
// database.connect_migrator(), and reaps it. A child that is neither killed nor done after
// 120 s is killed and reported as Failed.
[[nodiscard]] ChildOutcome run_killable(const CrashDatabase& database,
                                        const std::vector<Migration>& migrations,
                                        const KillPlan& plan);

}  // namespace tempest::testing
