#pragma once

#include "diff/phases.hpp"
#include "tempest/schema.hpp"

namespace tempest::diff {

// CreateEnum and DropEnum by name, and the label changes of the enums in both schemas.
// Applied in order, the label operations turn the current labels into the target's exactly:
// - When the labels both keep are in the same relative order (insertions and removals only),
//   new labels are inserted early (AddEnumValue, increasing position) into the current ones,
//   and removed labels go late (DropEnumValue, highest position first), after the columns
//   stopped using them. With insertions only, the positions are the final ones.
// - Otherwise (a label moved), the labels outside a longest common subsequence are dropped
//   (highest position first) and re-inserted where the target has them, all early.
void diff_enums(const Schema& current, const Schema& target, DiffPhases& phases);

}  // namespace tempest::diff
