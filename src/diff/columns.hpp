#pragma once

#include "diff/phases.hpp"
#include "diff/renames.hpp"

namespace tempest::diff {

// AddColumn (target order, so they append as in the target), AlterColumn and DropColumn for a
// kept table. A column differs when its type (ColumnType's operator==, which ignores `raw`),
// nullability, identity or comment differs, or its default is not equivalent_defaults; its
// position and rename hint never count.
void diff_columns(const TablePair& pair, DiffPhases& phases);

}  // namespace tempest::diff
