#pragma once

// The `tempest` executable for work without models, as a library function so that tests and
// other programs can run it with their own streams:
//
//   tempest inspect URL [--json | --sql | --mermaid]
//   tempest diff FROM TO [--sql] [--dialect sqlite|postgresql]
//
// URL, FROM and TO are `sqlite:PATH` (relative or absolute; `sqlite::memory:` for an empty
// in-memory database), `postgresql://...` / `postgres://...` (any URL libpq accepts), or a JSON
// schema file (`file:PATH`, or a path ending in `.json`) in the form of schema_to_json.

#include <ostream>
#include <string>
#include <vector>

namespace tempest {

// Runs the tool with `args`, the command line without the program name. Results go to `out`;
// errors go to `err` as one line starting with "tempest: ". Returns the exit code: 0 on
// success (for diff: the schemas are the same), 1 when diff finds differences, 2 on any error
// (bad arguments or URL, unreachable database, unreadable or malformed JSON file). Passwords
// given in URLs never appear in either stream. Never throws.
[[nodiscard]] int run_tempest_tool(const std::vector<std::string>& args, std::ostream& out,
                                   std::ostream& err);

}  // namespace tempest
