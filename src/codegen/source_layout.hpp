#pragma once

// A small code layout engine for the expressions generate_migration() writes: calls, method
// chains and braced lists of literals (source_tree.hpp). It follows clang-format's Google style
// closely enough that the generated files read as formatted code: everything on one line when
// it fits in 100 columns, otherwise arguments packed after the open parenthesis or moved to the
// next line, chained calls one per line, and lists of columns or operations one element per
// line with a trailing comma.

#include <string>
#include <string_view>

#include "codegen/source_tree.hpp"

namespace tempest::codegen {

inline constexpr int kColumnLimit = 100;

// Appends `node` of `tree` to `out`, laid out as if it started at `column` of a line indented
// by `indent` and followed on its last line by `tail` (",", ");"...), which is appended too.
// Lines after the first carry their own indentation; no newline is added at the end.
void layout(std::string& out, const SourceTree& tree, NodeId node, int column, int indent,
            std::string_view tail);

}  // namespace tempest::codegen
