#pragma once

#include "diff/phases.hpp"
#include "diff/renames.hpp"

namespace tempest::diff {

// Foreign keys of the kept tables. One that is gone or changed is dropped before anything it
// depends on changes (as it is before the renames) and the target's version is added at the
// end. An unchanged foreign key is dropped and added again when the migration changes what it
// stands on, as PostgreSQL refuses to drop a key or unique that a foreign key uses and to
// change the type of a column in a foreign key: the referenced table is dropped, its primary
// key or a unique (constraint or index) on the referenced columns is dropped or changed, or a
// referencing or referenced column changes type.
void diff_foreign_keys(const TableMatching& matching, DiffPhases& phases);

}  // namespace tempest::diff
