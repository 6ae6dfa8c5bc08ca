#pragma once

// Random kill points over whole upgrades and downgrades of the crash history. Each run is
// killed at a point drawn within a short stretch ahead of where the database is, the database
// is checked, and the run starts again, until one completes; then the database goes back down
// (killed as well) or starts over empty.

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <random>

#include "crash_world.hpp"
#include "killed_run.hpp"

namespace tempest::testing {

struct CampaignTally {
  int kills = 0;
  int by_delay = 0;
  int in_downgrades = 0;
  int in_rebuild = 0;  // kills at a statement of an SQLite rebuild ("_tempest_new_...")
  int runs_completed = 0;
  int partial = 0;       // checks that found a migration partly applied or partly reverted
  int ahead = 0;         // checks that found a step run alone but not yet recorded
  double in_runs = 0;    // seconds in runs
  double in_checks = 0;  // seconds in checks
  double longest_check = 0;

  void print(std::ostream& out, Engine engine) const;
};

class RandomCampaign {
 public:
  // `world` must be calibrated (calibrated_world); its database is emptied. The draws follow
  // `seed` (the run's TEMPEST_SEED), offset by the engine so that engines differ.
  RandomCampaign(CrashWorld& world, std::uint64_t seed);

  // One run and the check after it. A failure message names the seed, the iteration, the kill
  // point and what the check found; the database then starts over empty.
  [[nodiscard]] ::testing::AssertionResult step();

  [[nodiscard]] const CampaignTally& tally() const { return tally_; }

 private:
  [[nodiscard]] KillPlan draw();
  void start_over();

  CrashWorld& world_;
  std::uint64_t seed_;
  std::mt19937_64 rng_;
  Direction direction_ = Direction::Up;
  std::size_t position_ = 0;  // where the database is, in direction_'s sequence
  int iteration_ = 0;
  CampaignTally tally_;
};

}  // namespace tempest::testing
