#include "tool/diff.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <variant>
#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/operations.hpp"
#include "tool/dialect_option.hpp"
#include "tool/load_schema.hpp"
#include "tool/sql_script.hpp"
#include "tool/urls.hpp"

namespace tempest::tool {

namespace {

// The database schema is what its engine reported; a JSON file (or a database of the other
// engine) is brought to the form that engine would report, so that equal schemas compare
// equal (a database and its own `inspect --json` give no difference).
void normalize_for(LoadedSchema& loaded, DialectKind kind) {
  if (loaded.dialect != kind) loaded.schema = dialect_for(kind).normalize(loaded.schema);
}

void warn_about_renames(const std::vector<Operation>& ops, std::ostream& err) {
  for (const RenameCandidate& candidate : find_rename_candidates(ops)) {
    const std::string what =
        candidate.is_table
            ? "table " + candidate.from + " is dropped and table " + candidate.to + " created"
            : "column " + candidate.table + "." + candidate.from + " is dropped and " +
                  candidate.table + "." + candidate.to + " added";
    err << "tempest: warning: " << what
        << ": if this is a rename, say so with \"renamed_from\" in a JSON schema, or the data "
           "is lost\n";
  }
}

}  // namespace

CLI::App* add_diff_command(CLI::App& app, DiffOptions& options) {
  CLI::App* command = app.add_subcommand(
      "diff",
      "Print the changes that turn schema FROM into schema TO; exit code 0 when they are the "
      "same, 1 when they differ, 2 on error");
  const std::string sources =
      ": sqlite:PATH, sqlite::memory:, postgresql://..., or a JSON schema file (file:PATH or "
      "PATH.json)";
  command->add_option("FROM", options.from, "the current schema" + sources)->required();
  command->add_option("TO", options.to, "the wanted schema" + sources)->required();
  command->add_flag("--sql", options.sql,
                    "a script in FROM's dialect (TO's if FROM is a JSON file) that sqlite3 or "
                    "psql runs as it is");
  command
      ->add_option("--dialect", options.dialect,
                   "compare (and write --sql) for this engine; needed by --sql when FROM and "
                   "TO are both JSON files")
      ->check(CLI::IsMember({"sqlite", "postgresql", "postgres"}));
  return command;
}

int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err) {
  const SchemaSource from_source = parse_source(options.from);
  const SchemaSource to_source = parse_source(options.to);
  LoadedSchema from = load_schema(from_source);
  LoadedSchema to = load_schema(to_source);
  const std::optional<DialectKind> kind = choose_dialect(
      parse_dialect_option(options.dialect), {{from.dialect, "FROM (" + from_source.display + ")"},
                                              {to.dialect, "TO (" + to_source.display + ")"}});
  if (options.sql && !kind) {
    throw Error("diff --sql of two JSON files needs --dialect sqlite or --dialect postgresql");
  }
  if (kind) {
    normalize_for(from, *kind);
    normalize_for(to, *kind);
  }
  const std::vector<Operation> ops = diff_schema(from.schema, to.schema);
  warn_about_renames(ops, err);
  if (options.sql) {
    const Dialect& dialect = dialect_for(*kind);
    write_sql_script(dialect, {dialect.render(ops, from.schema)}, out);
  } else {
    for (const Operation& op : ops) out << describe(op) << '\n';
  }
  return ops.empty() ? 0 : 1;
}

}  // namespace tempest::tool
