#pragma once

// Revision names and targets typed on the command line, checked against the history before
// anything runs, so that every mistake is reported with the next step to take.

#include <string>
#include <string_view>

#include "cli/command.hpp"
#include "tempest/migration.hpp"

namespace tempest::cli {

// resolve_revision, whose MigrationError also says what to do: for an unknown revision, that
// its file is in the migrations directory but not collected yet (rebuild), or to list the
// revisions with `history`; for an ambiguous prefix, to type more of the id; for "head" among
// several heads, heads or REV@head.
[[nodiscard]] std::string resolve_name(const Context& context, const MigrationGraph& graph,
                                       std::string_view name);

enum class TargetUse { Upgrade, Downgrade, Stamp };

// Checks an upgrade, downgrade or stamp target the way resolve_name does, when it names a
// revision (not heads, base, +N, -N, or for downgrade N); the runner reports the other
// mistakes (a count too large, a target that is not applied...) itself.
void check_target(const Context& context, const MigrationGraph& graph, std::string_view target,
                  TargetUse use);

}  // namespace tempest::cli
