#pragma once

// Warnings about operations that lose data, may fail on existing rows, or
// (PostgreSQL) rewrite or lock a table, each with its reason; printed by
// revision --autogenerate and show.

#include <string>
#include <vector>

#include "tempest/driver.hpp"
#include "tempest/operations.hpp"

namespace tempest::cli {

// One line per risky operation of `ops`, in order, then one per rename
// candidate naming the renamed_from hint that would make it a rename.
[[nodiscard]] std::vector<std::string> risk_warnings(const std::vector<Operation>& ops,
                                                     DialectKind dialect);

}  // namespace tempest::cli
