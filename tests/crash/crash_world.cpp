#include "crash_world.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "killed_run.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {

namespace {

constexpr const char* kAppliedAt = "2024-01-01T00:00:00Z";

using Clock = std::chrono::steady_clock;

Calibration calibrate(CrashWorld& world, Direction direction) {
  Calibration calibration;
  const Clock::time_point start = Clock::now();
  calibration.calls = migrate_here(world, direction, "");
  calibration.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
  calibration.check =
      check_now(world, {direction, world.history.migrations.size()}, CheckDepth::Engine);
  return calibration;
}

std::unique_ptr<CrashWorld> build_world(Engine engine) {
  auto world = std::make_unique<CrashWorld>();
  world->engine = engine;
  world->database = crash_database(engine);
  world->history =
      crash_history(engine, engine == Engine::Sqlite ? kSqliteEvents : kPostgresEvents);
  world->states = std::make_unique<ExpectedStates>(world->history, world->database->dialect());
  return world;
}

}  // namespace

CrashWorld& crash_world(Engine engine) {
  static std::map<Engine, std::unique_ptr<CrashWorld>> worlds;
  std::unique_ptr<CrashWorld>& world = worlds[engine];
  if (!world) world = build_world(engine);
  return *world;
}

CrashWorld& calibrated_world(Engine engine) {
  CrashWorld& world = crash_world(engine);
  if (world.calibrated) return world;
  world.database->reset();
  world.up = calibrate(world, Direction::Up);
  world.idle.calls = migrate_here(world, Direction::Up, "");
  world.idle.elapsed = run_killable(*world.database, world.history.migrations, KillPlan{}).elapsed;
  world.down = calibrate(world, Direction::Down);
  world.calibrated = true;
  return world;
}

CheckOutcome check_now(CrashWorld& world, const RunStart& start, CheckDepth depth) {
  const std::unique_ptr<Driver> checker = world.database->connect();
  world.database->wait_for_migrators_gone(*checker);
  return check_database(*checker, *world.database, world.history, *world.states, start, depth);
}

std::vector<DriverCall> migrate_here(CrashWorld& world, Direction direction,
                                     const std::string& target) {
  const std::unique_ptr<Driver> connection = world.database->connect_migrator();
  KillSwitchDriver driver(*connection, KillPoint{});
  MigrationRunner runner(driver, world.database->dialect());
  if (direction == Direction::Up) {
    (void)runner.upgrade(world.history.migrations, kAppliedAt, target.empty() ? "heads" : target);
  } else {
    (void)runner.downgrade(world.history.migrations, target.empty() ? "base" : target);
  }
  return driver.calls();
}

std::vector<std::string> statement_classes(const std::vector<DriverCall>& calls) {
  std::set<std::string> classes;
  for (const DriverCall& call : calls) {
    if (call.kind != CallKind::Execute && call.kind != CallKind::Query) continue;
    std::size_t end = 0;
    for (int words = 0; words < 3 && end < call.sql.size(); ++words) {
      end = call.sql.find_first_not_of(" \n", end);
      if (end == std::string::npos) break;
      end = std::min(call.sql.find_first_of(" \n", end), call.sql.size());
    }
    classes.insert(call.sql.substr(0, end));
  }
  return {classes.begin(), classes.end()};
}

}  // namespace tempest::testing
