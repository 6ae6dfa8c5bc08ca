// revision: a new migration file, empty or (--autogenerate) holding the models'
// changes that the history does not hold yet.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/migration_files.hpp"
#include "cli/risks.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/target.hpp"

namespace tempest::cli {

namespace {

struct RevisionOptions {
  std::string message;
  bool autogenerate = false;
  std::string rev_id;
  std::string head;
  std::vector<std::string> depends_on;
};

std::string joined(const std::vector<std::string>& names, const char* separator = ", ") {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : separator) + name;
  return text;
}

std::vector<std::string> parents_of_new(const MigrationGraph& graph,
                                        const RevisionOptions& options) {
  std::vector<std::string> parents;
  if (!options.head.empty()) {
    parents.push_back(resolve_revision(graph, options.head));
  } else {
    const std::vector<std::string> heads = graph.heads();
    if (heads.size() > 1) {
      throw MigrationError("several heads (" + joined(heads) +
                           "): pass --head REV to choose the parent, or merge them first with "
                           "`merge -m MSG " +
                           joined(heads, " ") + "`");
    }
    parents = heads;
  }
  for (const std::string& name : options.depends_on) {
    const std::string revision = resolve_revision(graph, name);
    if (std::find(parents.begin(), parents.end(), revision) == parents.end()) {
      parents.push_back(revision);
    }
  }
  return parents;
}

int run_revision(const RevisionOptions& options, const Context& context) {
  const CliConfig& config = context.config;
  const MigrationGraph graph(config.migrations);
  const std::string revision =
      options.rev_id.empty() ? default_revision_id(graph.size(), options.message) : options.rev_id;
  check_new_revision(graph, revision);
  MigrationSource source{.revision = revision,
                         .down_revisions = parents_of_new(graph, options),
                         .label = options.message};
  if (options.autogenerate) {
    source.operations = diff_schema(replay_schema(config.migrations), config.models);
    if (source.operations.empty()) {
      context.out << "no changes detected\n";
      return kCliOk;
    }
    if (!context.quiet) {
      for (const Operation& op : source.operations) {
        context.out << "detected " << describe(op) << '\n';
      }
    }
    for (const std::string& warning : risk_warnings(source.operations, config.dialect)) {
      context.warn(warning);
    }
  }
  const std::filesystem::path path = write_migration_file(config.migrations_dir, source);
  context.out << "wrote " << path.string() << '\n';
  if (!context.quiet) {
    context.out << "review it, rebuild so that it is collected, then run upgrade\n";
  }
  return kCliOk;
}

}  // namespace

Command add_revision_command(CLI::App& app) {
  auto options = std::make_shared<RevisionOptions>();
  CLI::App* command = app.add_subcommand("revision", "Write a new migration file");
  command->add_option("-m,--message", options->message, "what the migration does")->required();
  command->add_flag("--autogenerate", options->autogenerate,
                    "fill it with the models' changes the migrations do not hold yet");
  command->add_option("--rev-id", options->rev_id,
                      "the revision id (default: NNNN_<message words>)");
  command->add_option("--head", options->head, "the parent revision, when there are several heads");
  command->add_option("--depends-on", options->depends_on,
                      "another revision that must be applied first (added as a parent)");
  return {command, [options](const Context& context) { return run_revision(*options, context); }};
}

}  // namespace tempest::cli
