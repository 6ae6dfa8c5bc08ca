// merge: a migration without operations whose parents are the given heads.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/migration_files.hpp"
#include "cli/revision_names.hpp"
#include "tempest/error.hpp"

namespace tempest::cli {

namespace {

struct MergeOptions {
  std::string message;
  std::string rev_id;
  std::vector<std::string> revisions;
};

int run_merge(const MergeOptions& options, const Context& context) {
  const MigrationGraph& graph = context.graph;
  std::vector<std::string> parents;
  const std::vector<std::string> names =
      options.revisions == std::vector<std::string>{"heads"} ? graph.heads() : options.revisions;
  for (const std::string& name : names) {
    const std::string revision = resolve_name(context, graph, name);
    if (std::find(parents.begin(), parents.end(), revision) == parents.end()) {
      parents.push_back(revision);
    }
  }
  if (parents.size() < 2) {
    const std::vector<std::string> heads = graph.heads();
    std::string listed;
    for (const std::string& head : heads) listed += " " + head;
    throw MigrationError("merge needs two or more distinct revisions (got " +
                         std::to_string(parents.size()) + "): name the heads to join" +
                         (heads.size() > 1 ? " (the heads are" + listed + ")"
                                           : "; there is only one head, nothing to merge"));
  }
  const std::string revision =
      options.rev_id.empty() ? default_revision_id(graph.size(), options.message) : options.rev_id;
  check_new_revision(graph, revision);
  check_all_collected(graph, context.config.migrations_dir);
  const std::filesystem::path path = write_migration_file(
      context.config.migrations_dir,
      {.revision = revision, .down_revisions = parents, .label = options.message});
  context.out << "wrote " << path.string() << '\n';
  return kCliOk;
}

}  // namespace

Command add_merge_command(CLI::App& app) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* command =
      app.add_subcommand("merge", "Write a migration that joins several heads into one");
  command->add_option("-m,--message", options->message, "what the merge joins")->required();
  command->add_option("--rev-id", options->rev_id, "the revision id");
  command->add_option("REVISIONS", options->revisions, "the revisions to join, or heads")
      ->required();
  return {command, [options](const Context& context) { return run_merge(*options, context); }};
}

}  // namespace tempest::cli
