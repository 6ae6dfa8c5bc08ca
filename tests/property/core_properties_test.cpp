// Properties of the dialect-free pipeline over random schemas. A failure prints the case's
// seed: rerun with TEMPEST_SEED=<seed> TEMPEST_CASES=1 to reproduce it alone.

#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "support/random_schema.hpp"
#include "support/seeds.hpp"
#include "tempest/tempest.hpp"

namespace {

using namespace tempest;
using tempest::testing::mutate_schema;
using tempest::testing::random_schema;
using tempest::testing::with_sorted_columns;
using tempest::testing::without_hints;

constexpr int kDefaultCases = 2000;

// Runs `check` for every case with its own generator; stops at the first failing case.
void for_each_case(const std::function<void(std::mt19937_64&)>& check) {
  tempest::testing::for_each_seeded_case(kDefaultCases, check);
}

TEST(CoreProperties, DiffOfASchemaWithItselfIsEmpty) {
  for_each_case([](std::mt19937_64& rng) {
    Schema s = random_schema(rng);
    EXPECT_TRUE(diff_schema(s, s).empty());
  });
}

TEST(CoreProperties, ApplyingTheDiffReachesTheTarget) {
  for_each_case([](std::mt19937_64& rng) {
    Schema a = random_schema(rng);
    Schema b = mutate_schema(a, rng);
    std::vector<Operation> ops = diff_schema(a, b);
    Schema reached = a;
    apply(reached, ops);
    EXPECT_EQ(reached, without_hints(b)) << operations_to_json(ops);
    EXPECT_TRUE(diff_schema(reached, b).empty());
  });
}

TEST(CoreProperties, TheInverseComesBack) {
  for_each_case([](std::mt19937_64& rng) {
    Schema a = random_schema(rng);
    Schema b = mutate_schema(a, rng);
    std::vector<Operation> ops = diff_schema(a, b);
    Schema reached = a;
    apply(reached, ops);
    apply(reached, invert(ops));
    EXPECT_EQ(with_sorted_columns(reached), with_sorted_columns(a)) << operations_to_json(ops);
    EXPECT_TRUE(diff_schema(reached, a).empty());
  });
}

TEST(CoreProperties, ReplayOfAHistoryGivesTheLastTarget) {
  for_each_case([](std::mt19937_64& rng) {
    std::vector<Migration> history;
    Schema state = empty_schema();
    Schema target = random_schema(rng);
    const int steps = 1 + static_cast<int>(rng() % 5);
    for (int step = 0; step < steps; ++step) {
      std::vector<std::string> parents;
      if (!history.empty()) parents.push_back(history.back().revision);
      history.push_back(
          make_migration("r" + std::to_string(step), parents, "step", diff_schema(state, target)));
      state = without_hints(target);
      target = mutate_schema(target, rng);
    }
    EXPECT_EQ(replay_schema(history), state);
  });
}

TEST(CoreProperties, JsonRoundTripIsExact) {
  for_each_case([](std::mt19937_64& rng) {
    Schema a = random_schema(rng);
    Schema b = mutate_schema(a, rng);
    std::string text = schema_to_json(b);
    EXPECT_EQ(schema_from_json(text), b);
    EXPECT_EQ(schema_to_json(schema_from_json(text)), text);
    std::vector<Operation> ops = diff_schema(a, b);
    EXPECT_EQ(operations_from_json(operations_to_json(ops)), ops);
  });
}

}  // namespace
