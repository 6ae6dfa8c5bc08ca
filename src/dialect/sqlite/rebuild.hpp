#pragma once

// The data-safe SQLite table rebuild: what SQLite's ALTER TABLE cannot do (type, nullability,
// default, key and constraint changes) is done by SQLite's documented procedure for other
// schema changes (https://sqlite.org/lang_altertable.html#otheralter), planned from the IR.

#include <string>
#include <string_view>
#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/schema.hpp"

namespace tempest::sqlite {

// The name the new table has until it replaces the old one.
inline constexpr std::string_view kRebuildPrefix = "_tempest_new_";

// One table to bring from the structure the database holds to the one wanted.
struct TableRebuild {
  Table source;                        // as the database holds it; its name is the live name
  std::vector<EnumType> source_enums;  // the enums whose labels `source`'s CHECKs were written with
  Table target;                        // the structure wanted; same name as `source`
  // origins[i]: the source column target.columns[i] takes its values from; empty for a new
  // column, which gets its default (a new rowid alias gets the old rowids).
  std::vector<std::string> origins;
  // The database differs from what `source` renders to (an enum CHECK keeps the name it had
  // before a native rename), so the table must be rebuilt even if source renders as target.
  bool force = false;
  std::vector<std::string> changes;  // describe() of the operations this serves
};

// The steps that make the table `rebuild.target` (enum labels from `schema`):
// - none when source and target render to the same table and every column keeps its values;
// - one step of DROP INDEX / CREATE INDEX when only the indexes differ;
// - otherwise one rebuild step, foreign_keys_off and rebuild_table set: CREATE TABLE of the
//   new table, INSERT ... SELECT of the surviving columns (and the rowid), the sqlite_sequence
//   row carried over for AUTOINCREMENT, DROP TABLE, ALTER TABLE ... RENAME TO under
//   PRAGMA legacy_alter_table = ON (so views and triggers of other tables that name the
//   table are neither rewritten nor checked while it is briefly missing), and the indexes.
//   The triggers of the table are not in the IR: execute_step re-creates them.
// Throws ModelError naming the table and column for a new NOT NULL column without a default,
// which the rows already in the table could not get.
[[nodiscard]] std::vector<RenderedStep> render_table_change(const TableRebuild& rebuild,
                                                            const Schema& schema);

}  // namespace tempest::sqlite
