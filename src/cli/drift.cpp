// drift: the live database compared with the models (check_drift), each
// difference with its cause and the operation that would fix it.

#include "tempest/drift.hpp"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace tempest::cli {

namespace {

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
