#pragma once

#include <string>
#include <vector>

#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// Computes the operations that turn `current` into `target`, in an order that can be executed:
// enums created before the tables using them, tables before the foreign keys that need them,
// dependents dropped before what they depend on, and foreign keys that close a cycle between
// new tables split out as AddForeignKey after the CreateTables. The result is deterministic.
//
// Renames are emitted only where `target` carries a rename hint (Table::renamed_from,
// Column::renamed_from) naming an object of `current`. Comparison is semantic: type aliases
// are parsed away by the IR and defaults are compared with equivalent_defaults. Column order
// is not compared (neither engine can reorder columns without rewriting the table).
//
// Pure: it works the same for every dialect and produces forward operations only; the down
// direction is invert(diff_schema(current, target)). An empty vector means no difference.
[[nodiscard]] std::vector<Operation> diff_schema(const Schema& current, const Schema& target);

// A dropped and an added object that may be one object renamed without a hint.
struct RenameCandidate {
  std::string table;  // the table, or for a table rename the dropped table
  std::string from;   // dropped column (or table)
  std::string to;     // added column (or table)
  bool is_table = false;

  friend bool operator==(const RenameCandidate&, const RenameCandidate&) = default;
};

// Finds drop/add pairs in `ops` that look like renames: in one table, a dropped and an added
// column of the same type and nullability; or a dropped and a created table with the same
// columns. Tools warn about these and suggest the renamed_from hint that makes them a rename.
[[nodiscard]] std::vector<RenameCandidate> find_rename_candidates(
    const std::vector<Operation>& ops);

}  // namespace tempest
