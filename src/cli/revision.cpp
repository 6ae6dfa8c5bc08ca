// revision: a new migration file, empty or (--autogenerate) holding the models'
// changes that the history does not hold yet.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/migration_files.hpp"
#include "cli/revision_names.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/risks.hpp"

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

std::vector<std::string> parents_of_new(const Context& context, const MigrationGraph& graph,
                                        const RevisionOptions& options) {
  std::vector<std::string> parents;
  if (!options.head.empty()) {
    parents.push_back(resolve_name(context, graph, options.head));
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
    const std::string revision = resolve_name(context, graph, name);
    if (std::find(parents.begin(), parents.end(), revision) == parents.end()) {
      parents.push_back(revision);
    }
  }
  return parents;
}

int run_revision(const RevisionOptions& options, const Context& context) {
  const CliConfig& config = context.config;
  const MigrationGraph& graph = context.graph;
  const std::string revision =
      options.rev_id.empty() ? default_revision_id(graph.size(), options.message) : options.rev_id;
  check_new_revision(graph, revision);
  check_all_collected(graph, config.migrations_dir);
  MigrationSource source{.revision = revision,
                         .down_revisions = parents_of_new(context, graph, options),
                         .label = options.message};
  if (options.autogenerate) {
    const Schema before = replay_schema(config.migrations);
    source.operations = diff_schema(before, config.models);
    if (source.operations.empty()) {
      context.out << "no changes detected\n";
      return kCliOk;
    }
    if (!context.quiet) {
      for (const Operation& op : source.operations) {
        context.out << "detected " << describe(op) << '\n';
      }
    }
    for (const Risk& risk : assess_risks(source.operations, before, config.dialect)) {
      context.warn(risk.reason);
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
                    "fill it with the models' changes the migrations do not hold yet, with a "
                    "warning for each risky one (data loss, failure on existing rows, lock)");
  command->add_option("--rev-id", options->rev_id,
                      "the revision id (default: NNNN_<message words>)");
  command->add_option("--head", options->head, "the parent revision, when there are several heads");
  command->add_option("--depends-on", options->depends_on,
                      "another revision that must be applied first (added as a parent)");
  return {command, [options](const Context& context) { return run_revision(*options, context); }};
}

}  // namespace tempest::cli
