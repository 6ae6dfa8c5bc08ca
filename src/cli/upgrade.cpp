// upgrade: apply the migrations a target needs, or (--sql) print the script
// that would.

#include <memory>
#include <string>

#include "cli/command.hpp"

namespace tempest::cli {

namespace {

struct UpgradeOptions {
  std::string target = "heads";
  bool sql = false;
};

int run_upgrade(const UpgradeOptions& options, const Context& context) {
  const std::vector<Migration>& migrations = context.config.migrations;
  if (options.sql) {
    // Alembic's offline range: FROM:TO, FROM being base or a revision; without
    // it the database's version table says where to start.
    const std::size_t colon = options.target.find(':');
    const std::string from = colon == std::string::npos ? "" : options.target.substr(0, colon);
    std::string to = colon == std::string::npos ? options.target : options.target.substr(colon + 1);
    if (to.empty()) to = "heads";
    with_runner(
        context, "upgrade",
        [&](MigrationRunner& runner) { runner.upgrade_sql(migrations, context.out, from, to); },
        /*offline=*/colon != std::string::npos && !from.empty());
    return kCliOk;
  }
  std::vector<std::string> applied;
  with_runner(context, "upgrade", [&](MigrationRunner& runner) {
    applied = runner.upgrade(migrations, context.now(), options.target);
  });
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
                      "heads (default), head, a revision or unique prefix, +N; with --sql also "
                      "FROM:TO");
  command->add_flag("--sql", options->sql,
                    "print the SQL script instead of running it (the database "
                    "is not changed)");
  return {command, [options](const Context& context) { return run_upgrade(*options, context); }};
}

}  // namespace tempest::cli
