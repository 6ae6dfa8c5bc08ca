#pragma once

#include <vector>

#include "diff/phases.hpp"
#include "diff/renames.hpp"

namespace tempest::diff {

// AlterTableComment when the comment of a kept table changes.
void diff_table_comment(const TablePair& pair, DiffPhases& phases);

// CreateTable for the new tables in dependency order, without rename hints; foreign keys that
// close a cycle go to the AddForeignKey phase.
void create_tables(const std::vector<const Table*>& created, DiffPhases& phases);

// DropTable for the removed tables as they are before the migration, referencing tables
// first (see drop_order).
void drop_tables(const std::vector<const Table*>& dropped, DiffPhases& phases);

}  // namespace tempest::diff
