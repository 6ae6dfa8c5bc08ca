#pragma once

// Seeds for property tests: TEMPEST_SEED=N reproduces a run; otherwise each run draws a fresh
// base seed. Every case prints its seed when it fails.

#include <cstdint>

namespace tempest::testing {

// The run's base seed: $TEMPEST_SEED when set, else a random one (printed once).
[[nodiscard]] std::uint64_t base_seed();

// Cases per property: $TEMPEST_CASES when set, else `fallback`.
[[nodiscard]] int property_cases(int fallback);

}  // namespace tempest::testing
