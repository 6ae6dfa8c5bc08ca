#pragma once

#include <deque>
#include <vector>

#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest::diff {

// A table that survives the migration, seen three ways.
struct TablePair {
  const Table* current = nullptr;  // as it is before the migration
  // `current` after every rename: named as in the target. Points to `current` itself when no
  // rename touches the table, else into TableMatching::renamed_tables.
  const Table* renamed = nullptr;
  const Table* target = nullptr;
};

// How the tables of two schemas correspond, after rename hints are resolved. Pointers point
// into the schemas given to match_tables.
struct TableMatching {
  std::vector<TablePair> kept;        // in target order
  std::vector<const Table*> dropped;  // in current order
  std::vector<const Table*> created;  // in target order
  std::vector<Operation> renames;     // RenameTable (target order), then RenameColumn
  std::deque<Table> renamed_tables;   // the renamed views that differ from their table
};

// Pairs the tables of `current` and `target` by name, or by rename hint. A hint
// (Table::renamed_from, Column::renamed_from) is honoured when the old name exists in current,
// is gone from target, no earlier hint (in target order) claimed it, and the new name is not
// taken in current: a rename onto a name still in use would need a drop or a swap first, so
// such a hint is ignored and the objects are compared by name. `renamed` rewrites what
// apply() rewrites on a rename: column names, primary key, index keys, uniques, foreign
// keys in every table (ref_table and ref_columns), and the SQL text of checks, index
// expressions and partial-index predicates (rename_column_in_expressions).
[[nodiscard]] TableMatching match_tables(const Schema& current, const Schema& target);

// The object without its rename hints, as it goes into an operation: hints are consumed by
// the diff and are not state.
[[nodiscard]] Column without_hint(Column column);
[[nodiscard]] Table without_hints(Table table);

}  // namespace tempest::diff
