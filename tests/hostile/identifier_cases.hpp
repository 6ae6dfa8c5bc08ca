#pragma once

// The identifier suite's table: one schema built from a hostile name, and one builder per
// operation kind that adds, renames or changes something (several for the kinds with several
// shapes), each using the hostile name in every role the operation has. The removals (drop
// table, column, index, constraint, enum, label) are the inverses, which the suite runs after
// each operation, so every kind of operations.hpp is covered.

#include <functional>
#include <string>
#include <vector>

#include "hostile_names.hpp"
#include "tempest/driver.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest::testing {

// Two enum types; a parent table; a table with a primary key, an index, a unique constraint,
// a foreign key, a check, an enum column with a default, comments; all named from `names`.
[[nodiscard]] Schema hostile_schema(const ObjectNames& names);

struct OperationCase {
  std::string kind;  // for messages: "rename_column (foreign key column)"
  // The operation, built against `current` (removals carry the whole object as it is).
  std::function<Operation(const ObjectNames& names, const Schema& current)> make;
  // Optional: checks the rows after the operation (`applied`) and after its inverse.
  std::function<void(Driver& driver, const ObjectNames& names, bool applied)> check_rows;
};

[[nodiscard]] const std::vector<OperationCase>& operation_cases();

}  // namespace tempest::testing
