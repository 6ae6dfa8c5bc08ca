// downgrade: revert migrations, or (--sql) print the script that would.

#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/revision_names.hpp"

namespace tempest::cli {

namespace {

struct DowngradeOptions {
  std::string target;
  bool sql = false;
  bool accept_changed_checksums = false;
};

int run_downgrade(const DowngradeOptions& options, const Context& context) {
  const std::vector<Migration>& migrations = context.config.migrations;
  const MigrationGraph& graph = context.graph;
  if (options.sql) {
    const std::size_t colon = options.target.find(':');
    const std::string from = colon == std::string::npos ? "" : options.target.substr(0, colon);
    const std::string to =
        colon == std::string::npos ? options.target : options.target.substr(colon + 1);
    check_target(context, graph, from, TargetUse::Stamp);
    check_target(context, graph, to, TargetUse::Downgrade);
    with_runner(
        context, "downgrade",
        [&](MigrationRunner& runner) { runner.downgrade_sql(migrations, context.out, from, to); },
        {.offline = !from.empty(),
         .script = true,
         .accept_changed_checksums = options.accept_changed_checksums});
    return kCliOk;
  }
  check_target(context, graph, options.target, TargetUse::Downgrade);
  std::vector<std::string> reverted;
  with_runner(
      context, "downgrade",
      [&](MigrationRunner& runner) { reverted = runner.downgrade(migrations, options.target); },
      {.accept_changed_checksums = options.accept_changed_checksums});
  if (reverted.empty() && !context.quiet) context.out << "nothing to revert\n";
  return kCliOk;
}

}  // namespace

Command add_downgrade_command(CLI::App& app) {
  auto options = std::make_shared<DowngradeOptions>();
  CLI::App* command = app.add_subcommand("downgrade", "Revert applied migrations");
  command
      ->add_option("TARGET", options->target,
                   "N or -N (the last N applied), a revision (it stays applied), or base; with "
                   "--sql also FROM:TO (FROM: a revision, taken as applied)")
      ->required();
  command->add_flag("--sql", options->sql,
                    "print the SQL script instead of running it (the database is not changed)");
  command->add_flag("--accept-changed-checksums", options->accept_changed_checksums,
                    "record the new checksum of applied migrations edited since, instead of "
                    "stopping");
  return {command, [options](const Context& context) { return run_downgrade(*options, context); }};
}

}  // namespace tempest::cli
