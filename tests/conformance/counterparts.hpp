#pragma once

// What became of the tables and columns of a schema in a schema derived from it by
// mutate_schema, followed through its rename hints.

#include <string>
#include <string_view>
#include <vector>

#include "tempest/schema.hpp"

namespace tempest::testing {

// The table of `to` that the table `from_table` became: the one whose rename hint names it,
// else the one with its name and no hint; nullptr when it was dropped.
[[nodiscard]] const Table* counterpart(const Schema& to, std::string_view from_table);
[[nodiscard]] Table* counterpart(Schema& to, std::string_view from_table);

// The same for a column, within the table it became.
[[nodiscard]] const Column* counterpart(const Table& to, std::string_view from_column);
[[nodiscard]] Column* counterpart(Table& to, std::string_view from_column);

// True when the primary key, a unique constraint or a unique index of `table` has `column`
// among its keys: its values must differ from row to row (NULLs aside).
[[nodiscard]] bool unique_covered(const Table& table, std::string_view column);

using ColumnPairs = std::vector<std::pair<std::string, std::string>>;

// A table present in both schemas whose primary key survives, with the columns kept with the
// same type (their values must survive the migration unchanged), as (name in `from`, name in
// `to`) pairs; `key` are the primary key's columns, which order the rows.
struct SurvivingTable {
  std::string from;
  std::string to;
  ColumnPairs key;
  ColumnPairs columns;
};

[[nodiscard]] std::vector<SurvivingTable> surviving_tables(const Schema& from, const Schema& to);

}  // namespace tempest::testing
