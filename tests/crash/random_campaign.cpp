#include "random_campaign.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

namespace tempest::testing {

namespace {

using Clock = std::chrono::steady_clock;

// The share of a whole run within which a kill point is drawn, from where the run starts:
// each run goes a little further than the last one before it is killed, some 40 kill points
// per pass through the history, instead of starting over after a few long runs.
constexpr double kWindow = 0.05;
// The engine's own checks run after completed runs and every this many iterations (they read
// every page of an SQLite database).
constexpr int kEngineCheckEvery = 10;

std::size_t uniform(std::mt19937_64& rng, std::size_t low, std::size_t high) {
  return std::uniform_int_distribution<std::size_t>(low, high)(rng);
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

void CampaignTally::print(std::ostream& out, Engine engine) const {
  out << kills << " kill points (" << by_delay << " by delay, " << kills - by_delay << " at calls, "
      << in_downgrades << " in downgrades";
  if (engine == Engine::Sqlite) out << ", " << in_rebuild << " at a statement of a rebuild";
  out << "), " << runs_completed << " runs completed, " << partial
      << " checks found a migration partly applied or reverted, " << ahead
      << " a step ahead of its record; " << in_runs << " s in runs, " << in_checks
      << " s in checks (longest " << static_cast<int>(longest_check * 1000) << " ms)";
}

RandomCampaign::RandomCampaign(CrashWorld& world, std::uint64_t seed)
    : world_(world), seed_(seed), rng_(seed + static_cast<std::uint64_t>(world.engine)) {
  world_.database->reset();
}

// A kill point within kWindow of the run that starts at position_ (or what is left of the
// run plus 10%, so that some runs complete), its calls and time estimated from the
// calibration in proportion to the operations. A statement class may be rare: its ordinal is
// drawn the same way, so that its first occurrence ahead is hit most often.
KillPlan RandomCampaign::draw() {
  const Calibration& calibration = direction_ == Direction::Up ? world_.up : world_.down;
  const double left =
      1.0 - static_cast<double>(position_) / static_cast<double>(world_.states->size(direction_));
  const double share = std::min(kWindow, left * 1.1);
  const auto within = [&](std::size_t full) {
    return static_cast<std::size_t>(std::ceil(static_cast<double>(full) * share));
  };
  KillPlan plan;
  plan.direction = direction_;
  std::size_t before_work = 0;  // calls a run makes before its first migration
  switch (uniform(rng_, 0, 2)) {
    case 0:
      plan.delay = std::chrono::microseconds(
          uniform(rng_, 0,
                  static_cast<std::size_t>(world_.idle.elapsed.count()) +
                      within(static_cast<std::size_t>(calibration.elapsed.count()))));
      return plan;
    case 1: {
      static constexpr CallKind kKinds[] = {CallKind::Any, CallKind::Execute, CallKind::Query,
                                            CallKind::Commit};
      plan.point.kind = kKinds[uniform(rng_, 0, 3)];
      before_work = count_calls(world_.idle.calls, plan.point.kind, "");
      break;
    }
    default: {
      const std::vector<std::string> classes = statement_classes(calibration.calls);
      plan.point.statement_prefix = classes.at(uniform(rng_, 0, classes.size() - 1));
      break;
    }
  }
  plan.point.after = uniform(rng_, 0, 1) == 1;
  const std::size_t calls =
      count_calls(calibration.calls, plan.point.kind, plan.point.statement_prefix);
  plan.point.ordinal = uniform(rng_, 1, before_work + std::max<std::size_t>(1, within(calls)));
  return plan;
}

void RandomCampaign::start_over() {
  world_.database->reset();
  direction_ = Direction::Up;
  position_ = 0;
}

::testing::AssertionResult RandomCampaign::step() {
  const int iteration = iteration_++;
  const KillPlan plan = draw();
  const std::string where = "TEMPEST_SEED=" + std::to_string(seed_) + ", iteration " +
                            std::to_string(iteration) + ": " + describe(plan);
  const ChildOutcome run = run_killable(*world_.database, world_.history.migrations, plan);
  tally_.in_runs += std::chrono::duration<double>(run.elapsed).count();
  if (run.status == ChildOutcome::Status::Failed) {
    start_over();
    return ::testing::AssertionFailure() << where << ": the run failed: " << run.detail;
  }
  const bool killed = run.status == ChildOutcome::Status::Killed;
  const Clock::time_point check_start = Clock::now();
  const CheckDepth depth =
      !killed || iteration % kEngineCheckEvery == 0 ? CheckDepth::Engine : CheckDepth::Rows;
  const CheckOutcome check =
      check_now(world_, {direction_, world_.history.migrations.size()}, depth);
  tally_.in_checks += seconds_since(check_start);
  tally_.longest_check = std::max(tally_.longest_check, seconds_since(check_start));
  if (!check.result) {
    start_over();
    return ::testing::AssertionFailure()
           << where << ", "
           << (killed ? "killed " + (run.detail.empty() ? "at the delay" : run.detail)
                      : std::string("completed"))
           << ": " << check.result.message();
  }
  position_ = check.position;
  tally_.partial += check.partial ? 1 : 0;
  tally_.ahead += check.ahead ? 1 : 0;
  if (killed) {
    ++tally_.kills;
    tally_.by_delay += plan.delay ? 1 : 0;
    tally_.in_downgrades += direction_ == Direction::Down ? 1 : 0;
    tally_.in_rebuild += run.detail.find("_tempest_new_") != std::string::npos ? 1 : 0;
    return ::testing::AssertionSuccess();
  }
  ++tally_.runs_completed;
  if (position_ != world_.states->size(direction_)) {
    start_over();
    return ::testing::AssertionFailure()
           << where << ": a completed " << direction_name(plan.direction)
           << " stopped short: " << check.recorded;
  }
  if (direction_ == Direction::Up && uniform(rng_, 0, 1) == 1) {
    direction_ = Direction::Down;  // the way back, killed too
  } else {
    if (direction_ == Direction::Up) world_.database->reset();
    direction_ = Direction::Up;
  }
  position_ = 0;
  return ::testing::AssertionSuccess();
}

}  // namespace tempest::testing
