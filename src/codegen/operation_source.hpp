#pragma once

#include "codegen/source_tree.hpp"
#include "tempest/operations.hpp"

namespace tempest::codegen {

// `op` as a call of the tempest::build API (see build.hpp) which, compiled with
// `using namespace tempest::build`, gives back `op` (types up to `raw`, which the builders set
// to the canonical spelling; tables canonicalized), added to `tree`; returns its root. Throws
// ModelError naming the table and column for a type the API cannot spell (varchar without a
// length, a scale without a precision).
[[nodiscard]] NodeId operation_source(SourceTree& tree, const Operation& op);

}  // namespace tempest::codegen
