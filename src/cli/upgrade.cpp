// upgrade: apply the migrations a target needs, or (--sql) print the script
// that would.

#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/revision_names.hpp"

namespace tempest::cli {

namespace {

struct UpgradeOptions {
  std::string target = "heads";
  bool sql = false;
  bool accept_changed_checksums = false;
};

int run_upgrade(const UpgradeOptions& options, const Context& context) {
  const std::vector<Migration>& migrations = context.config.migrations;
  const MigrationGraph& graph = context.graph;
  if (options.sql) {
    // Alembic's offline range: FROM:TO, FROM being base or a revision; without
    // it the database's version table says where to start.
    const std::size_t colon = options.target.find(':');
    const std::string from = colon == std::string::npos ? "" : options.target.substr(0, colon);
    std::string to = colon == std::string::npos ? options.target : options.target.substr(colon + 1);
    if (to.empty()) to = "heads";
    check_target(context, graph, from, TargetUse::Stamp);
    check_target(context, graph, to, TargetUse::Upgrade);
    with_runner(
        context, "upgrade",
        [&](MigrationRunner& runner) { runner.upgrade_sql(migrations, context.out, from, to); },
        {.offline = colon != std::string::npos && !from.empty(),
         .script = true,
         .accept_changed_checksums = options.accept_changed_checksums});
    return kCliOk;
  }
  check_target(context, graph, options.target, TargetUse::Upgrade);
  std::vector<std::string> applied;
  with_runner(context, "upgrade",
              [&](MigrationRunner& runner) {
                applied = runner.upgrade(migrations, context.now(), options.target);
              },
              {.accept_changed_checksums = options.accept_changed_checksums});
  if (applied.empty() && !context.quiet) {
    context.out << "nothing to upgrade: " << options.target << " is applied\n";
  }
  return kCliOk;
}

}  // namespace

Command add_upgrade_command(CLI::App& app) {
  auto options = std::make_shared<UpgradeOptions>();
  CLI::App* command = app.add_subcommand("upgrade", "Apply migrations to the database");
  command->add_option("TARGET", options->target,
                      "heads (default), head, a revision or unique prefix, REV@head, +N; with "
                      "--sql also FROM:TO (FROM: base or a revision)");
  command->add_flag("--sql", options->sql,
                    "print the SQL script instead of running it (the database is not changed)");
  command->add_flag("--accept-changed-checksums", options->accept_changed_checksums,
                    "record the new checksum of applied migrations edited since, instead of "
                    "stopping");
  return {command, [options](const Context& context) { return run_upgrade(*options, context); }};
}

}  // namespace tempest::cli
