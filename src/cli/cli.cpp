// run_migration_cli: parses the command line with CLI11 and runs one
// subcommand; the only place that turns exceptions into messages and exit
// codes.

#include "tempest/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <exception>
#include <regex>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace tempest {

namespace {

// Engine messages span lines (libpq adds "\n\tIs the server running...?"):
// report one line.
std::string one_line(const std::string& message) {
  std::string out;
  bool pending_space = false;
  for (char c : message) {
    if (c == '\n' || c == '\r' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space && c != ' ' && out.back() != ' ') out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// CLI11 reads "-1" as an option: put negative counts after "--", where they are
// positional.
std::vector<std::string> protect_negative_counts(const std::vector<std::string>& args) {
  static const std::regex negative_count("-[0-9]+");
  std::vector<std::string> kept;
  std::vector<std::string> counts;
  for (const std::string& arg : args) {
    (std::regex_match(arg, negative_count) ? counts : kept).push_back(arg);
  }
  if (counts.empty()) return args;
  kept.push_back("--");
  kept.insert(kept.end(), counts.begin(), counts.end());
  return kept;
}

bool is_terminal(const std::ostream* out) {
  if (std::getenv("NO_COLOR") != nullptr) return false;
  if (out == &std::cout) return ::isatty(STDOUT_FILENO) != 0;
  if (out == &std::cerr) return ::isatty(STDERR_FILENO) != 0;
  return false;
}

}  // namespace

int run_migration_cli(const std::vector<std::string>& args, const CliConfig& config) {
  std::ostream& out = *config.out;
  std::ostream& err = *config.err;
  try {
    CLI::App app("Generate, apply and inspect the application's migrations", "migrate");
    app.require_subcommand(1);
    bool quiet = false;
    bool verbose = false;
    CLI::Option* quiet_flag = app.add_flag("-q,--quiet", quiet, "print results only");
    app.add_flag("--verbose", verbose, "also print the SQL as it runs")->excludes(quiet_flag);
    const std::vector<cli::Command> commands{
        cli::add_revision_command(app), cli::add_merge_command(app),
        cli::add_upgrade_command(app),  cli::add_downgrade_command(app),
        cli::add_current_command(app),  cli::add_heads_command(app),
        cli::add_branches_command(app), cli::add_history_command(app),
        cli::add_show_command(app),     cli::add_stamp_command(app),
        cli::add_check_command(app),    cli::add_drift_command(app)};
    for (const cli::Command& command : commands) command.app->fallthrough();
    try {
      const std::vector<std::string> parsed = protect_negative_counts(args);
      app.parse(std::vector<std::string>(parsed.rbegin(),
                                         parsed.rend()));  // CLI11: reversed
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
        return app.exit(e, out, err);
      }
      err << "error: " << one_line(e.what()) << " (see --help)\n";
      return kCliError;
    }
    const cli::Context context{.config = config,
                               .out = out,
                               .quiet = quiet,
                               .verbose = verbose,
                               .color = is_terminal(config.out)};
    for (const cli::Command& command : commands) {
      if (command.app->parsed()) return command.run(context);
    }
    return kCliError;  // unreachable: require_subcommand(1)
  } catch (const std::exception& e) {
    out.flush();
    err << "error: " << one_line(e.what()) << '\n';
    return kCliError;
  } catch (...) {
    err << "error: unknown exception\n";
    return kCliError;
  }
}

}  // namespace tempest
