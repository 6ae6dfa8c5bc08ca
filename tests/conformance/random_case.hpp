#pragma once

// One case of the conformance suites: a random schema pair (A, B) and rows for A, fitted so
// that diff(A, B) and its inverse can run on those rows (see random_rows.hpp).

#include <random>
#include <vector>

#include "random_rows.hpp"
#include "tempest/schema.hpp"

namespace tempest::testing {

struct RandomCase {
  Schema a;
  Schema b;  // with its rename hints
  std::vector<TableRows> rows;
};

// Drawn from `rng` with hostile names, type changes, identity toggles, every column type and
// expressions naming columns (see RandomSchemaOptions).
[[nodiscard]] RandomCase random_case(std::mt19937_64& rng);

}  // namespace tempest::testing
