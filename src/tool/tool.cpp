// run_tempest_tool: parses the command line with CLI11 and runs one subcommand; the only
// place that turns exceptions into messages and exit codes.

#include "tempest/tool.hpp"

#include <CLI/CLI.hpp>
#include <exception>
#include <string>
#include <vector>

#include "tool/diff.hpp"
#include "tool/inspect.hpp"
#include "tool/urls.hpp"

namespace tempest {

namespace {

constexpr int kExitError = 2;

// Engine messages span lines (libpq adds "\n\tIs the server running...?"): the tool reports
// one line, and never a password given on the command line.
std::string one_line_message(std::string message, const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    for (const std::string& secret : tool::url_secrets(arg)) {
      for (std::size_t at = message.find(secret); at != std::string::npos;
           at = message.find(secret, at + 4)) {
        message.replace(at, secret.size(), "****");
      }
    }
  }
  std::string out;
  bool line_break = false;  // inside white space that holds a line break or tab
  for (char c : message) {
    if (c == '\n' || c == '\r' || c == '\t') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      line_break = true;
      continue;
    }
    if (line_break) {
      if (c == ' ') continue;
      if (!out.empty()) out += ' ';
      line_break = false;
    }
    out += c;
  }
  return out;
}

}  // namespace

int run_tempest_tool(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("Inspect and compare database schemas without models", "tempest");
  app.require_subcommand(1);
  tool::InspectOptions inspect_options;
  tool::DiffOptions diff_options;
  CLI::App* inspect = tool::add_inspect_command(app, inspect_options);
  CLI::App* diff = tool::add_diff_command(app, diff_options);
  try {
    app.parse(std::vector<std::string>(args.rbegin(), args.rend()));  // CLI11 wants it reversed
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success))
      return app.exit(e, out, err);
    err << "tempest: " << one_line_message(e.what(), args) << " (see tempest --help)\n";
    return kExitError;
  }
  try {
    if (inspect->parsed()) return tool::run_inspect(inspect_options, out);
    if (diff->parsed()) return tool::run_diff(diff_options, out, err);
  } catch (const std::exception& e) {
    out.flush();
    err << "tempest: " << one_line_message(e.what(), args) << '\n';
    return kExitError;
  }
  return kExitError;  // unreachable: require_subcommand(1)
}

}  // namespace tempest
