#pragma once

#include <vector>

#include "tempest/operations.hpp"

namespace tempest::diff {

// The operations of a diff, sorted into the phases they run in. diff_schema concatenates the
// phases in declaration order; within a phase, operations go by table (target order) and then
// by object. The order is what makes the result executable by apply() and by a real engine:
// - enum labels and types exist before any column uses them and go only after the last use;
// - foreign keys go before the tables, columns, uniques and primary keys they depend on;
// - drops that work on the state before the migration run before the renames, everything that
//   names objects the way the target does runs after them;
// - a new table may reference the columns, uniques and keys that the earlier phases give the
//   kept tables (PostgreSQL checks them in CREATE TABLE), so tables are created late.
struct DiffPhases {
  // CreateEnum, AddEnumValue, and the drop-and-insert sequences of reordered labels.
  std::vector<Operation> enum_additions;
  // DropForeignKey of kept tables, as they are before the renames.
  std::vector<Operation> foreign_key_drops;
  // DropTable, with DropForeignKey where dropped tables reference each other in a cycle.
  std::vector<Operation> table_drops;
  // DropIndex, DropUnique, DropCheck of kept tables, as they are before the renames.
  std::vector<Operation> constraint_drops;
  // RenameTable, then RenameColumn.
  std::vector<Operation> renames;
  // AddColumn, AlterColumn, AlterTableComment, AlterPrimaryKey.
  std::vector<Operation> column_changes;
  std::vector<Operation> column_drops;
  // CreateIndex, AddUnique, AddCheck of kept tables.
  std::vector<Operation> constraint_adds;
  // CreateTable, in dependency order.
  std::vector<Operation> table_creates;
  // New and changed foreign keys, and those that close a cycle between new tables; sorted by
  // table and name when the phases are joined.
  std::vector<AddForeignKey> foreign_key_adds;
  // DropEnumValue, DropEnum.
  std::vector<Operation> enum_removals;
};

}  // namespace tempest::diff
