#pragma once

// The migrations of the compiled-generated-files test: a history that uses every operation
// kind, hostile names and multi-line SQL, built as plain IR (not with the build API, which is
// what the generated files are written in). generate_fixture writes them with
// generate_migration(); collected_migrations_test compiles those files and compares.

#include <string>
#include <vector>

#include "tempest/migration.hpp"
#include "tempest/operations.hpp"

namespace tempest::codegen_fixture {

// In file name order, which is how collected_migrations() returns them. down is invert(up),
// or empty when up is irreversible, as generate_migration() writes it.
[[nodiscard]] std::vector<Migration> fixture_migrations();

// `ops` with every non-custom type's `raw` set to its canonical spelling, as the build API
// sets it; operator== ignores `raw` but the JSON form does not.
[[nodiscard]] std::vector<Operation> with_canonical_raw(std::vector<Operation> ops);

}  // namespace tempest::codegen_fixture
