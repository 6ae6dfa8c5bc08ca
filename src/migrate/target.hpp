#pragma once

// Parsing of relative targets, shared by target.cpp and plan.cpp.

#include <cstddef>
#include <optional>
#include <string_view>

#include "tempest/migration.hpp"

namespace tempest {

enum class CountSign { Plus, Minus, None };

struct RelativeTarget {
  CountSign sign = CountSign::None;
  std::size_t count = 0;
};

// "+N", "-N", or (with `bare_counts`) digits without a leading zero that no revision id of
// `graph` starts with; nullopt for anything else. Throws MigrationError for bare digits that
// are also a prefix of a revision id (ambiguous), and for a count too large to hold.
[[nodiscard]] std::optional<RelativeTarget> parse_relative_target(const MigrationGraph& graph,
                                                                  std::string_view target,
                                                                  bool bare_counts);

}  // namespace tempest
