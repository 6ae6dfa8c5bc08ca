#include "tool/inspect.hpp"

#include <CLI/CLI.hpp>
#include <optional>

#include "tempest/dialect.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tool/dialect_option.hpp"
#include "tool/load_schema.hpp"
#include "tool/mermaid.hpp"
#include "tool/sql_script.hpp"
#include "tool/text_report.hpp"
#include "tool/urls.hpp"

namespace tempest::tool {

CLI::App* add_inspect_command(CLI::App& app, InspectOptions& options) {
  CLI::App* command =
      app.add_subcommand("inspect", "Print the schema of a database (or of a JSON schema file)");
  command
      ->add_option("URL", options.url,
                   "sqlite:PATH, sqlite::memory:, postgresql://..., or a JSON schema file "
                   "(file:PATH or PATH.json)")
      ->required();
  CLI::Option* json = command->add_flag("--json", options.json, "the schema as tempest JSON");
  CLI::Option* sql = command->add_flag(
      "--sql", options.sql, "the statements that create the schema in an empty database");
  CLI::Option* mermaid = command->add_flag("--mermaid", options.mermaid,
                                           "a Mermaid entity-relationship diagram (erDiagram)");
  json->excludes(sql)->excludes(mermaid);
  sql->excludes(mermaid);
  command
      ->add_option("--dialect", options.dialect,
                   "normalise for this engine (needed by --sql for a JSON file)")
      ->check(CLI::IsMember({"sqlite", "postgresql", "postgres"}));
  return command;
}

int run_inspect(const InspectOptions& options, std::ostream& out) {
  const SchemaSource source = parse_source(options.url);
  LoadedSchema loaded = load_schema(source);
  const std::optional<DialectKind> kind =
      choose_dialect(parse_dialect_option(options.dialect), {{loaded.dialect, source.display}});
  if (kind && !loaded.dialect) loaded.schema = dialect_for(*kind).normalize(loaded.schema);
  if (options.json) {
    out << schema_to_json(loaded.schema);
  } else if (options.sql) {
    if (!kind) {
      throw Error("inspect --sql of the JSON file " + source.location +
                  " needs --dialect sqlite or --dialect postgresql");
    }
    write_statements(render_schema(dialect_for(*kind), loaded.schema), out);
  } else if (options.mermaid) {
    write_mermaid(loaded.schema, out);
  } else {
    write_text_report(loaded.schema, out);
  }
  return 0;
}

}  // namespace tempest::tool
