// drift: the live database compared with the models (check_drift), each
// difference with its cause and the operation that would fix it.

#include "tempest/drift.hpp"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace tempest::cli {

namespace {

// One line per kind of issue found: what brings the database and the models together.
void print_hints(const Context& context, const std::vector<DriftIssue>& issues) {
  const auto found = [&](DriftKind kind) {
    return std::any_of(issues.begin(), issues.end(),
                       [&](const DriftIssue& issue) { return issue.kind == kind; });
  };
  if (found(DriftKind::ModelsChangedWithoutMigration)) {
    context.hint(
        "the models changed: write a migration with `revision --autogenerate -m MSG`, rebuild, "
        "then run `upgrade`");
  }
  if (found(DriftKind::MigrationNotApplied)) {
    context.hint("migrations are pending: run `upgrade` first");
  }
  if (found(DriftKind::DatabaseChangedByHand)) {
    context.hint(
        "the database was changed outside the migrations: undo the change, or add it to the "
        "models and write a migration for it");
  }
}

int run_drift(bool json, const Context& context) {
  const std::vector<DriftIssue> issues =
      check_drift(context.driver("drift"), context.config.models, context.config.migrations,
                  {.version_table = context.config.version_table});
  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (const DriftIssue& issue : issues) {
      list.push_back({{"kind", to_string(issue.kind)},
                      {"object", issue.object},
                      {"expected", issue.expected},
                      {"found", issue.found},
                      {"fix", issue.fix ? describe(*issue.fix) : std::string()}});
    }
    context.out << nlohmann::json{{"ok", issues.empty()}, {"issues", list}}.dump() << '\n';
  } else if (issues.empty()) {
    context.out << "no drift: the database matches the models\n";
  } else {
    for (const DriftIssue& issue : issues) {
      context.out << to_string(issue.kind) << ": " << issue.object;
      if (!issue.expected.empty()) context.out << "; expected " << issue.expected;
      if (!issue.found.empty()) context.out << "; found " << issue.found;
      if (issue.fix) context.out << "; fix: " << describe(*issue.fix);
      context.out << '\n';
    }
    print_hints(context, issues);
  }
  return issues.empty() ? kCliOk : kCliDifferences;
}

}  // namespace

Command add_drift_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  CLI::App* command =
      app.add_subcommand("drift", "Exit 1 when the live database differs from the models");
  command->add_flag("--json", *json, "as JSON: {\"ok\", \"issues\": [...]}");
  return {command, [json](const Context& context) { return run_drift(*json, context); }};
}

}  // namespace tempest::cli
