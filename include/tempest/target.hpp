#pragma once

// Upgrade and downgrade targets, resolved against the revision graph and the set of applied
// revisions. Pure: no database, no IO; MigrationRunner plans every run with these.
//
// Target syntax:
//   heads      every head (upgrade only; the default)
//   head       the only head; an error naming them all when there are several
//   base       before the first migration: nothing applied
//   <revision> a full revision id, or a prefix that matches exactly one revision
//   REV@head   the head of the branch holding REV: the only head descending from it
//   +N         upgrade: the next N pending migrations, in topological order
//   -N         downgrade: revert the last N applied migrations, in reverse topological order
//   N          downgrade: as -N, when N is written without leading zeros and no revision id
//              starts with it (so "0001" is a prefix of "0001_init", and "1" with a revision
//              "1_x" is refused as ambiguous: write -1 or more of the id)

#include <string>
#include <string_view>
#include <vector>

#include "tempest/migration.hpp"

namespace tempest {

// The revision `name` designates: a full revision id, "head" when the graph has exactly one
// head, "REV@head" (the one head descending from REV), or a unique prefix of a revision id (an
// exact id wins over longer ids it prefixes). Throws MigrationError for an empty name, an
// unknown revision, several heads for "head" or "REV@head" (naming them) and an ambiguous
// prefix (listing the matching revisions).
[[nodiscard]] std::string resolve_revision(const MigrationGraph& graph, std::string_view name);

// The revisions an upgrade to `target` applies, in the graph's topological order: the target's
// ancestors (itself included) that are not in `applied`; for "heads" every revision not in
// `applied`; for "+N" the first N of those. "base" and an applied target give nothing. Throws
// MigrationError for an unknown target, a "+N" beyond the pending migrations, a "-N" target,
// and an `applied` revision missing from the graph.
[[nodiscard]] std::vector<std::string> plan_upgrade(const MigrationGraph& graph,
                                                    const std::vector<std::string>& applied,
                                                    std::string_view target);

// The revisions a downgrade to `target` reverts, in reverse topological order: for a revision,
// the applied revisions that descend from it (it stays applied); for "base" every applied
// revision; for "-N" or "N" the last N applied revisions in reverse topological order. Throws
// MigrationError for an unknown target, a revision target that is not applied, a count beyond
// the applied migrations, "heads" or "+N", and an `applied` revision missing from the graph.
[[nodiscard]] std::vector<std::string> plan_downgrade(const MigrationGraph& graph,
                                                      const std::vector<std::string>& applied,
                                                      std::string_view target);

}  // namespace tempest
