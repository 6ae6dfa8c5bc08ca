#include "support/seeds.hpp"

#include <cstdlib>
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

}  // namespace tempest::testing
