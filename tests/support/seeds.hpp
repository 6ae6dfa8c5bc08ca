#pragma once

// Seeds for property tests: TEMPEST_SEED=N reproduces a run; otherwise each run draws a fresh
// base seed. Every case prints its seed when it fails.

#include <cstdint>
#include <functional>
#include <random>

namespace tempest::testing {

// The run's base seed: $TEMPEST_SEED when set, else a random one (printed once).
[[nodiscard]] std::uint64_t base_seed();

// Cases per property: $TEMPEST_CASES when set, else `fallback`.
[[nodiscard]] int property_cases(int fallback);

// Runs `check` for property_cases(fallback) cases, each with a generator of its own seeded from
// base_seed(). A failing case's trace names its seed (TEMPEST_SEED=N TEMPEST_CASES=1 runs it
// alone), an exception fails it, and the first failing case ends the run.
void for_each_seeded_case(int fallback, const std::function<void(std::mt19937_64&)>& check);

}  // namespace tempest::testing
