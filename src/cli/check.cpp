// check: do the migrations hold every change of the models? No database needed:
// the models are compared with the replay of the migrations. Also fails on
// several heads.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "tempest/diff.hpp"

namespace tempest::cli {

namespace {

int run_check(bool json, const Context& context) {
  const std::vector<Migration>& migrations = context.config.migrations;
  const std::vector<std::string> heads = MigrationRunner::heads(migrations);
  const std::vector<Operation> ops = diff_schema(replay_schema(migrations), context.config.models);
  const bool several_heads = heads.size() > 1;
  if (json) {
    std::vector<std::string> lines;
    lines.reserve(ops.size());
    for (const Operation& op : ops) lines.push_back(describe(op));
    context.out << nlohmann::json{{"ok", ops.empty() && !several_heads},
                                  {"operations", lines},
                                  {"heads", heads}}
                       .dump()
                << '\n';
  } else {
    if (several_heads) {
      std::string names;
      for (const std::string& head : heads) names += " " + head;
      context.out << "several heads:" << names << " (join them with `merge -m MSG" << names
                  << "`)\n";
    }
    if (!ops.empty()) {
      context.out << "the models hold changes no migration holds"
                  << " (run `revision --autogenerate -m MSG`):\n";
      for (const Operation& op : ops) context.out << "  " << describe(op) << '\n';
    }
    if (ops.empty() && !several_heads) {
      context.out << "no differences: the migrations hold the models\n";
    }
  }
  return ops.empty() && !several_heads ? kCliOk : kCliDifferences;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand("check",
                                         "Exit 1 when the models hold changes no "
                                         "migration holds, or several heads");
  command->add_flag("--json", *json, "as JSON: {\"ok\", \"operations\", \"heads\"}");
  return {command, [json](const Context& context) { return run_check(*json, context); }};
}

}  // namespace tempest::cli
