// stamp: make the version table say a revision is applied, without running
// anything.

#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/revision_names.hpp"

namespace tempest::cli {

namespace {

// The runner's log says what was recorded ("stamped REV: N revisions recorded
// as applied").
int run_stamp(const std::string& target, const Context& context) {
  check_target(context, context.graph, target, TargetUse::Stamp);
  with_runner(context, "stamp", [&](MigrationRunner& runner) {
    runner.stamp(context.config.migrations, target, context.now());
  });
  return kCliOk;
}

}  // namespace

Command add_stamp_command(CLI::App& app) {
  auto target = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("stamp",
                                         "Record a revision (and its ancestors) as "
                                         "applied without running migrations");
  command->add_option("REVISION", *target, "a revision or prefix, head, heads, or base")
      ->required();
  return {command, [target](const Context& context) { return run_stamp(*target, context); }};
}

}  // namespace tempest::cli
