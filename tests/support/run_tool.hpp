#pragma once

// Runs the `tempest` tool in-process (run_tempest_tool) and external programs (sqlite3,
// psql, the built executable) for the tool's tests.

#include <string>
#include <vector>

namespace tempest::testing {

struct ToolRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// run_tempest_tool(args) with string streams.
[[nodiscard]] ToolRun run_tool(const std::vector<std::string>& args);

// Runs `command` with /bin/sh, feeding `input` on stdin; returns the exit status and what it
// wrote on stdout and stderr.
[[nodiscard]] ToolRun run_command(const std::string& command, const std::string& input = "");

// `text` single-quoted for /bin/sh.
[[nodiscard]] std::string shell_quote(const std::string& text);

}  // namespace tempest::testing
