// run_migration_cli: parses the command line with CLI11 and runs one
// subcommand; the only place that turns exceptions into messages and exit
// codes.

#include "tempest/cli.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <regex>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/driver_on_first_use.hpp"
#include "cli/style.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"

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
  kept.emplace_back("--");
  kept.insert(kept.end(), counts.begin(), counts.end());
  return kept;
}

// The --color mode written in `args` ("--color=X" or "--color X"), for the errors printed
// before the command line is parsed.
cli::ColorMode color_mode_in(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i].starts_with("--color=")) return cli::parse_color_mode(args[i].substr(8));
    if (args[i] == "--color" && i + 1 < args.size()) return cli::parse_color_mode(args[i + 1]);
  }
  return cli::ColorMode::Auto;
}

// The first argument that is neither an option nor an option's value: the command's name.
std::string first_word(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--color") {
      ++i;
    } else if (!args[i].starts_with("-")) {
      return args[i];
    }
  }
  return "";
}

// Every command reads the history: a broken one is reported first, with where to fix it.
MigrationGraph checked_history(const CliConfig& config) {
  try {
    return MigrationGraph(config.migrations);
  } catch (const MigrationError& e) {
    throw MigrationError(
        std::string(e.what()) + "; fix the migration files" +
        (config.migrations_dir.empty() ? std::string() : " in " + config.migrations_dir.string()) +
        ", then rebuild the application");
  }
}

}  // namespace

int run_migration_cli(const std::vector<std::string>& args, const CliConfig& config) {
  std::ostream& out = *config.out;
  std::ostream& err = *config.err;
  bool err_color = cli::use_color(color_mode_in(args), config.err);
  const auto error_line = [&](const std::string& message) {
    out.flush();
    err << cli::paint("error:", cli::Color::Red, err_color) << ' ' << one_line(message) << '\n';
    return kCliError;
  };
  std::string command_name;
  try {
    CLI::App app("Generate, apply and inspect the application's migrations", "migrate");
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 success; 1 check or drift found differences; 2 error (one line on "
        "stderr). Colour only on a terminal; NO_COLOR=1 turns it off, --color=always on.");
    bool quiet = false;
    bool verbose = false;
    std::string color = "auto";
    CLI::Option* quiet_flag =
        app.add_flag("-q,--quiet", quiet, "print only errors and the command's own result");
    app.add_flag("--verbose", verbose, "also print the SQL as it runs (upgrade, downgrade, stamp)")
        ->excludes(quiet_flag);
    app.add_option("--color", color,
                   "colour: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
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
      std::string help = "--help";
      for (const cli::Command& command : commands) {
        if (command.app->parsed()) help = command.app->get_name() + " --help";
      }
      const std::string word = first_word(args);
      const bool unknown = !word.empty() && std::none_of(commands.begin(), commands.end(),
                                                         [&](const cli::Command& command) {
                                                           return command.app->get_name() == word;
                                                         });
      if (unknown) {
        std::string names;
        for (const cli::Command& command : commands) {
          names += (names.empty() ? "" : ", ") + command.app->get_name();
        }
        return error_line("unknown command \"" + word + "\": the commands are " + names +
                          " (see `--help`)");
      }
      return error_line(std::string(e.what()) + " (see `" + help + "`)");
    }
    const cli::ColorMode mode = cli::parse_color_mode(color);
    err_color = cli::use_color(mode, config.err);
    const MigrationGraph graph = checked_history(config);
    if (config.driver != nullptr) {
      cli::require_dialect(*config.driver, config.dialect, "CliConfig::driver is");
    }
    cli::DriverOnFirstUse on_first_use(config.open_driver, config.dialect);
    const cli::Context context{.config = config,
                               .graph = graph,
                               .on_first_use = config.open_driver ? &on_first_use : nullptr,
                               .out = out,
                               .quiet = quiet,
                               .verbose = verbose,
                               .color = cli::use_color(mode, config.out)};
    for (const cli::Command& command : commands) {
      if (!command.app->parsed()) continue;
      command_name = command.app->get_name();
      return command.run(context);
    }
    return kCliError;  // unreachable: require_subcommand(1)
  } catch (const MigrationStepError& e) {
    return error_line(std::string(e.what()) + "; fix migration " + e.revision() +
                      ", rebuild, then run `" + command_name + "` again");
  } catch (const std::exception& e) {
    return error_line(e.what());
  } catch (...) {
    return error_line("unknown exception");
  }
}

}  // namespace tempest
