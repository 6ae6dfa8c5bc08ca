// Crash safety of the migration runner on both engines. A migrating process (forked, see
// killed_run.hpp) is SIGKILLed during a long upgrade or downgrade (crash_history.hpp: 40
// migrations, SQLite table rebuilds of 20,000 rows, PostgreSQL steps that run outside
// transactions). After every kill a fresh connection checks that the live schema is the replay
// of exactly what the version table records, that every table holds exactly the rows the model
// computes for that state, and that nothing half-done is left (crash_check.hpp); then the run
// starts again, to be killed again, until a run completes, which must leave the whole history
// applied (or reverted) with every row intact.
//
// Kill points: a random delay after the migrator starts, after which the test sends SIGKILL;
// and a driver call (the n-th call, execute(), query() or commit(), or the n-th statement of a
// given class), right before or right after which the migrator kills itself. RandomKillPoints
// draws them (random_campaign.hpp); KillAfterEveryCallOfOneMigration takes every call of one
// migration in turn, up and down.
//
// Environment:
//   TEMPEST_CRASH_POINTS=N  kill points per engine in RandomKillPoints (default 200)
//   TEMPEST_SEED=S          the seed of the draws (printed on failure). Delays still depend on
//                           timing, so only the kill points at driver calls replay exactly.

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "crash_world.hpp"
#include "killed_run.hpp"
#include "random_campaign.hpp"
#include "support/seeds.hpp"

namespace tempest::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kDefaultKillPoints = 200;
// Failures after which a test stops: each one resets the database, and a systematic bug
// would otherwise repeat the same report for the whole budget.
constexpr int kMaxFailures = 5;
// The migration whose every driver call is a kill point in KillAfterEveryCallOfOneMigration,
// by its place in the chain. PostgreSQL: c11, which runs VACUUM twice and adds two enum labels
// (steps run outside transactions), a column and an index. SQLite: c24, a rebuild of accounts,
// which events reference (so the rebuild checks their foreign keys before COMMIT).
std::size_t swept_migration(Engine engine) { return engine == Engine::Postgres ? 11 : 24; }

int kill_point_budget() {
  if (const char* text = std::getenv("TEMPEST_CRASH_POINTS")) return std::stoi(text);
  return kDefaultKillPoints;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds (user + system) of this process, or of its reaped children, so far.
double cpu_seconds(int who) {
  rusage usage{};
  ::getrusage(who, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

class CrashSafety : public ::testing::TestWithParam<Engine> {};

TEST_P(CrashSafety, UninterruptedUpgradeAndDowngradeMatchTheModel) {
  CrashWorld& w = calibrated_world(GetParam());
  EXPECT_TRUE(w.up.check.result);
  EXPECT_EQ(w.up.check.position, w.states->size(Direction::Up));
  EXPECT_EQ(w.up.check.recorded, "c00-c39 recorded");
  EXPECT_TRUE(w.down.check.result);
  EXPECT_EQ(w.down.check.position, w.states->size(Direction::Down));
  EXPECT_EQ(w.down.check.recorded, "nothing applied");
  std::cout << "[crash] " << engine_name(GetParam()) << ": uninterrupted upgrade "
            << w.up.elapsed.count() / 1000 << " ms (" << w.up.calls.size()
            << " driver calls), downgrade " << w.down.elapsed.count() / 1000 << " ms ("
            << w.down.calls.size() << " calls); a forked run with nothing to do "
            << w.idle.elapsed.count() / 1000 << " ms (" << w.idle.calls.size() << " calls)\n";
  std::chrono::microseconds in_calls{0};
  for (const DriverCall& call : w.up.calls) in_calls += call.elapsed;
  std::cout << "[crash]   the upgrade spent " << in_calls.count() / 1000
            << " ms in driver calls; the slowest:\n";
  std::vector<DriverCall> slowest = w.up.calls;
  std::sort(slowest.begin(), slowest.end(),
            [](const DriverCall& a, const DriverCall& b) { return a.elapsed > b.elapsed; });
  slowest.resize(std::min<std::size_t>(slowest.size(), 5));
  for (const DriverCall& call : slowest) {
    std::cout << "[crash]   " << call.elapsed.count() / 1000 << " ms: " << call_kind_name(call.kind)
              << " " << call.sql.substr(0, 80) << "\n";
  }
}

// The check has teeth: it names a lost row, a changed value, a change no migration made, a
// data step done but not recorded, and a leftover of a half-done step.
TEST_P(CrashSafety, CheckFindsWhatACrashCouldLeaveWrong) {
  CrashWorld& w = crash_world(GetParam());
  const bool sqlite = GetParam() == Engine::Sqlite;
  const int events = sqlite ? kSqliteEvents : kPostgresEvents;
  const RunStart up{Direction::Up, 0};
  // c05 fills events.score; the version row of a data step is all that tells it happened.
  const auto upgrade_then = [&](const std::string& sabotage) {
    w.database->reset();
    (void)migrate_here(w, Direction::Up, "c05");
    if (!sabotage.empty()) w.database->connect()->execute(sabotage);
    return check_now(w, up, CheckDepth::Rows);
  };
  const auto message = [](const CheckOutcome& check) {
    return std::string(check.result.message());
  };

  const CheckOutcome healthy = upgrade_then("");
  ASSERT_TRUE(healthy.result);
  EXPECT_EQ(healthy.position, w.states->migration_start(Direction::Up, 6));
  EXPECT_EQ(healthy.recorded, "c00-c05 recorded");

  const CheckOutcome lost = upgrade_then("DELETE FROM events WHERE id = 77");
  EXPECT_FALSE(lost.result);
  EXPECT_NE(message(lost).find("rows of table events differ from the model: 1 rows missing, 0 "
                               "extra, 0 changed, of " +
                               std::to_string(events) + " expected"),
            std::string::npos)
      << message(lost);
  EXPECT_NE(message(lost).find("key 77: live (none), expected ('77', '78', '0', NULL, '849')"),
            std::string::npos)
      << message(lost);

  const CheckOutcome changed = upgrade_then("UPDATE accounts SET name = 'x' WHERE id = 5");
  EXPECT_NE(message(changed).find("rows of table accounts differ from the model: 0 rows "
                                  "missing, 0 extra, 1 changed"),
            std::string::npos)
      << message(changed);
  EXPECT_NE(message(changed).find("key 5: live ('5', 'x'), expected ('5', 'acct-5')"),
            std::string::npos)
      << message(changed);

  const CheckOutcome unrecorded_schema =
      upgrade_then("ALTER TABLE events ADD COLUMN extra integer");
  EXPECT_NE(message(unrecorded_schema)
                .find("c00-c05 recorded: the live schema is not the replay of what the version "
                      "table records"),
            std::string::npos)
      << message(unrecorded_schema);

  const CheckOutcome unrecorded_data =
      upgrade_then("DELETE FROM tempest_db_migrations WHERE revision = 'c05'");
  EXPECT_NE(message(unrecorded_data).find("c00-c04 recorded, schema at upgrade position"),
            std::string::npos)
      << message(unrecorded_data);
  // Every score differs but those c05 leaves at 0: the ids that are multiples of 1,000.
  EXPECT_NE(message(unrecorded_data)
                .find("rows of table events differ from the model: 0 rows missing, 0 extra, " +
                      std::to_string(events - events / 1000) + " changed"),
            std::string::npos)
      << message(unrecorded_data);

  const CheckOutcome leftover =
      upgrade_then(sqlite ? "CREATE TABLE \"_tempest_new_events\" (id integer)"
                          : "CREATE TYPE tempest_old_mood AS ENUM ('ok')");
  EXPECT_NE(message(leftover).find(std::string("objects of a half-done step left:\n  ") +
                                   (sqlite ? "_tempest_new_events" : "tempest_old_mood")),
            std::string::npos)
      << message(leftover);
}

// Before the first driver call of one migration's upgrade and after every one, then the same
// for its downgrade: every statement boundary of a rebuild (SQLite) or of steps outside
// transactions (PostgreSQL), including the window between a step run alone and the record of
// its progress. (Right after call n the database is as right before call n + 1: between
// calls the runner does nothing the database could see.) Each kill is followed by a rerun,
// which must finish the migration; upgrades and downgrades alternate, so that each rerun
// leaves the database where the next killed run starts.
TEST_P(CrashSafety, KillAfterEveryCallOfOneMigration) {
  CrashWorld& w = crash_world(GetParam());
  const Clock::time_point start = Clock::now();
  const std::size_t swept = swept_migration(GetParam());
  const std::string swept_revision = w.history.migrations.at(swept).revision;
  const std::string parent = w.history.migrations.at(swept - 1).revision;
  w.database->reset();
  (void)migrate_here(w, Direction::Up, parent);
  const std::vector<DriverCall> up_calls = migrate_here(w, Direction::Up, swept_revision);
  const std::vector<DriverCall> down_calls = migrate_here(w, Direction::Down, parent);
  // Where the database is before and after the migration, in each direction's sequence.
  const auto before = [&](Direction direction) {
    return direction == Direction::Up ? w.states->migration_start(Direction::Up, swept)
                                      : w.states->migration_start(Direction::Down, swept);
  };
  const auto after = [&](Direction direction) {
    return direction == Direction::Up ? w.states->migration_start(Direction::Up, swept + 1)
                                      : w.states->migration_start(Direction::Down, swept - 1);
  };

  int kills = 0;
  int partial = 0;
  int ahead = 0;
  const std::size_t rounds = std::max(up_calls.size(), down_calls.size());
  for (std::size_t n = 0; n <= rounds; ++n) {
    for (const Direction direction : {Direction::Up, Direction::Down}) {
      const bool up = direction == Direction::Up;
      // Downgrades begin with the swept migration applied; its down loses no data, so the
      // upgrades begin where their parent's ups leave the rows.
      const RunStart run_start{direction, swept + 1};
      const std::string target = up ? swept_revision : parent;
      if (n <= (up ? up_calls : down_calls).size()) {
        KillPlan plan;
        plan.direction = direction;
        plan.target = target;
        plan.point.ordinal = n == 0 ? 1 : n;
        plan.point.after = n > 0;
        SCOPED_TRACE(engine_name(GetParam()) + ": " + describe(plan));
        const ChildOutcome run = run_killable(*w.database, w.history.migrations, plan);
        ASSERT_EQ(run.status, ChildOutcome::Status::Killed) << run.detail;
        ++kills;
        const CheckOutcome killed = check_now(w, run_start, CheckDepth::Engine);
        ASSERT_TRUE(killed.result) << "killed " << run.detail;
        partial += killed.partial ? 1 : 0;
        ahead += killed.ahead ? 1 : 0;
        EXPECT_GE(killed.position, before(direction)) << run.detail;
        EXPECT_LE(killed.position, after(direction)) << run.detail;
      }
      // Each kill point's check reads every row of the state the rerun left (the killed run
      // starts there), so the reruns' own checks stop at the schema, but for the last one.
      (void)migrate_here(w, direction, target);
      const CheckOutcome rerun =
          check_now(w, run_start, n == rounds ? CheckDepth::Rows : CheckDepth::Schema);
      ASSERT_TRUE(rerun.result) << "after the rerun of round " << n;
      ASSERT_EQ(rerun.position, after(direction)) << rerun.recorded;
    }
  }
  if (GetParam() == Engine::Postgres) {
    // Up: steps_done 1 to 5 after each of c11's first five steps; down: down_steps_done 2
    // and 3, then 5 until VACUUM, the last step, is done and the row deleted.
    EXPECT_GT(partial, 0);
    EXPECT_GT(ahead, 0);  // after ADD VALUE or VACUUM, before its progress is recorded
  } else {
    EXPECT_EQ(partial, 0);  // SQLite runs every step in the migration's transaction
    EXPECT_EQ(ahead, 0);
  }
  std::cout << "[crash] " << engine_name(GetParam()) << ": " << kills
            << " kill points, at every call of " << swept_revision << " (" << up_calls.size()
            << " calls up, " << down_calls.size() << " down), " << partial
            << " partly applied or reverted, " << ahead << " one step ahead of the version table; "
            << seconds_since(start) << " s\n";
}

TEST_P(CrashSafety, RandomKillPoints) {
  CrashWorld& w = calibrated_world(GetParam());
  ASSERT_TRUE(w.up.check.result && w.down.check.result) << "the uninterrupted runs fail";
  const Clock::time_point start = Clock::now();
  const double own_cpu = cpu_seconds(RUSAGE_SELF);
  const double migrators_cpu = cpu_seconds(RUSAGE_CHILDREN);
  const int budget = kill_point_budget();
  RandomCampaign campaign(w, base_seed());
  int failures = 0;
  while (campaign.tally().kills < budget && failures < kMaxFailures) {
    if (const ::testing::AssertionResult step = campaign.step(); !step) {
      ADD_FAILURE() << engine_name(GetParam()) << ", " << step.message();
      ++failures;
    }
  }
  EXPECT_EQ(failures, 0);
  if (GetParam() == Engine::Sqlite && budget >= kDefaultKillPoints) {
    EXPECT_GT(campaign.tally().in_rebuild, 0) << "no kill landed in a rebuild";
  }
  std::cout << "[crash] " << engine_name(GetParam()) << ": ";
  campaign.tally().print(std::cout, GetParam());
  std::cout << "; " << seconds_since(start) << " s, CPU " << cpu_seconds(RUSAGE_SELF) - own_cpu
            << " s in this process and " << cpu_seconds(RUSAGE_CHILDREN) - migrators_cpu
            << " s in the migrators\n";
}

INSTANTIATE_TEST_SUITE_P(Engines, CrashSafety, ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace
}  // namespace tempest::testing
