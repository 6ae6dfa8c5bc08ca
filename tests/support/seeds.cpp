#include "support/seeds.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <random>
#include <string>

namespace tempest::testing {

std::uint64_t base_seed() {
  static const std::uint64_t seed = [] {
    if (const char* text = std::getenv("TEMPEST_SEED"))
      return static_cast<std::uint64_t>(std::stoull(text));
    std::uint64_t drawn = (std::uint64_t{std::random_device{}()} << 32) | std::random_device{}();
    std::cerr << "property tests: base seed " << drawn << " (set TEMPEST_SEED to reproduce)\n";
    return drawn;
  }();
  return seed;
}

int property_cases(int fallback) {
  if (const char* text = std::getenv("TEMPEST_CASES")) return std::stoi(text);
  return fallback;
}

void for_each_seeded_case(int fallback, const std::function<void(std::mt19937_64&)>& check) {
  const int cases = property_cases(fallback);
  for (int i = 0; i < cases; ++i) {
    const std::uint64_t seed = base_seed() + static_cast<std::uint64_t>(i);
    SCOPED_TRACE("TEMPEST_SEED=" + std::to_string(seed) + " TEMPEST_CASES=1");
    std::mt19937_64 rng(seed);
    try {
      check(rng);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "exception: " << e.what();
    }
    if (::testing::Test::HasFailure()) return;
  }
}

}  // namespace tempest::testing
