#pragma once

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace tempest::tool {

struct DiffOptions {
  std::string from;
  std::string to;
  bool sql = false;
  std::string dialect;  // "sqlite" or "postgresql"; empty: FROM's engine, else TO's
};

// Declares `diff` and its options on `app`, filled into `options` by parsing.
CLI::App* add_diff_command(CLI::App& app, DiffOptions& options);

// Compares the schemas behind options.from and options.to and writes the operations that turn
// FROM into TO: describe() one per line, or with --sql a script for the engine's shell (see
// write_sql_script). Both schemas are normalised with the dialect of the comparison: --dialect,
// else FROM's engine, else TO's (none for two JSON files without --dialect; --sql then is an
// error). Drop/add pairs that look like renames are reported on `err` as warnings. Returns 0
// when there is no difference and 1 otherwise; throws Error.
[[nodiscard]] int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err);

}  // namespace tempest::tool
