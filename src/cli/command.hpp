#pragma once

// What every subcommand of run_migration_cli shares: the configuration and
// global flags (Context), and the shape of a subcommand (its CLI11 parser and
// the function that runs it).

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/driver_on_first_use.hpp"
#include "cli/style.hpp"
#include "tempest/cli.hpp"
#include "tempest/dialect.hpp"
#include "tempest/migration.hpp"
#include "tempest/runner.hpp"

namespace tempest::cli {

struct Context {
  const CliConfig& config;
  const MigrationGraph& graph;  // of config.migrations, built (and checked) once per command
  // The database of config.open_driver, not yet open; null without one.
  DriverOnFirstUse* on_first_use = nullptr;
  std::ostream& out;
  bool quiet = false;    // --quiet: errors and the command's own result only
  bool verbose = false;  // --verbose: also the SQL as it runs
  bool color = false;    // colour what goes to `out` (see use_color)

  [[nodiscard]] const Dialect& dialect() const { return dialect_for(config.dialect); }
  // Whether the configuration names a database (CliConfig::driver or open_driver).
  [[nodiscard]] bool has_database() const {
    return config.driver != nullptr || on_first_use != nullptr;
  }
  // The database, opened now if need be; throws Error naming `command` when the configuration
  // has none.
  [[nodiscard]] Driver& driver(std::string_view command) const;
  [[nodiscard]] std::string now() const;
  // `text` in `color` when colouring `out`.
  [[nodiscard]] std::string paint(std::string_view text, Color color) const;
  // A warning line ("warning: ...", the prefix yellow), unless --quiet.
  void warn(std::string_view text) const;
  // What to do next ("hint: ..."), unless --quiet.
  void hint(std::string_view text) const;
};

struct RunnerSetup {
  // --sql FROM:TO: without a configured driver, a stand-in that fails when the runner reads it.
  bool offline = false;
  // --sql: `out` holds the script alone, so neither progress lines nor echoed statements.
  bool script = false;
  bool accept_changed_checksums = false;
};

// Runs `body` with a MigrationRunner on the configured driver: its progress lines go to out
// unless --quiet, and with --verbose every statement it runs is echoed first.
void with_runner(const Context& context, std::string_view command,
                 const std::function<void(MigrationRunner&)>& body, RunnerSetup setup = {});

struct Command {
  CLI::App* app = nullptr;
  std::function<int(const Context&)> run;
};

Command add_revision_command(CLI::App& app);
Command add_merge_command(CLI::App& app);
Command add_upgrade_command(CLI::App& app);
Command add_downgrade_command(CLI::App& app);
Command add_current_command(CLI::App& app);
Command add_heads_command(CLI::App& app);
Command add_branches_command(CLI::App& app);
Command add_history_command(CLI::App& app);
Command add_show_command(CLI::App& app);
Command add_stamp_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_drift_command(CLI::App& app);

}  // namespace tempest::cli
