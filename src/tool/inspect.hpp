#pragma once

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace tempest::tool {

struct InspectOptions {
  std::string url;
  bool json = false;
  bool sql = false;
  bool mermaid = false;
  std::string dialect;  // "sqlite" or "postgresql"; empty: the database's own
};

// Declares `inspect` and its options on `app`, filled into `options` by parsing.
CLI::App* add_inspect_command(CLI::App& app, InspectOptions& options);

// Writes the schema behind options.url to `out`: a text report, or schema_to_json, or the
// statements creating it (render_schema) in the database's dialect, or a Mermaid diagram.
// With --dialect the schema is first normalised for that engine (required for --sql of a
// JSON file; for a database it must name the database's own engine). Returns 0; throws Error.
[[nodiscard]] int run_inspect(const InspectOptions& options, std::ostream& out);

}  // namespace tempest::tool
