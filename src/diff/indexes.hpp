#pragma once

#include "diff/phases.hpp"
#include "diff/renames.hpp"

namespace tempest::diff {

// Indexes, uniques and checks of a kept table, compared by name: one that is gone or whose
// definition changed is dropped (as it is before the renames, under the table's old name) and
// the target's version is created. Check expressions, index expressions and predicates are
// compared after normalize_sql_expression (case outside quotes, white space, outer parentheses).
void diff_indexes(const TablePair& pair, DiffPhases& phases);

// AlterPrimaryKey when the key (name or columns) differs from the target's.
void diff_primary_key(const TablePair& pair, DiffPhases& phases);

// True when the two indexes are the same by name and definition.
[[nodiscard]] bool same_index(const Index& a, const Index& b);

// True when the two checks are the same by name and (normalised) expression.
[[nodiscard]] bool same_check(const CheckConstraint& a, const CheckConstraint& b);

}  // namespace tempest::diff
