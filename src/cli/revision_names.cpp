#include "cli/revision_names.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "tempest/error.hpp"
#include "tempest/target.hpp"

namespace tempest::cli {

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "\"" : ", \"") + name + "\"";
  return text;
}

// The message for "head" among several heads or none; "" when "head" resolves.
std::string head_message(const MigrationGraph& graph) {
  const std::vector<std::string> heads = graph.heads();
  if (heads.empty()) {
    return "target \"head\": there are no migrations yet: write the first with "
           "`revision --autogenerate -m MSG`";
  }
  if (heads.size() == 1) return "";
  return "target \"head\" is ambiguous: there are " + std::to_string(heads.size()) + " heads (" +
         quoted_list(heads) +
         "): use heads for all of them, REV@head for the head of REV's branch, or join them "
         "with `merge -m MSG heads`";
}

// What to add to resolve_revision's message about `name`; "" when it has nothing to add.
std::string hint_for(const Context& context, const MigrationGraph& graph, std::string_view name) {
  if (name.size() > 5 && name.ends_with("@head")) {
    return hint_for(context, graph, name.substr(0, name.size() - 5));
  }
  std::size_t matches = 0;
  for (const std::string& revision : graph.topological_order()) {
    matches += revision.starts_with(name) ? 1 : 0;
  }
  if (matches > 1) return "; type more of the revision id";
  if (matches == 1) return "";
  const std::filesystem::path& dir = context.config.migrations_dir;
  const std::filesystem::path file = dir / (std::string(name) + ".cpp");
  std::error_code error;
  if (!dir.empty() && std::filesystem::exists(file, error)) {
    return ": " + file.string() +
           " exists but is not collected yet: rebuild the application, then run the command "
           "again";
  }
  return ": run `history` to list the revisions";
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// +N, -N, and for a downgrade N without leading zeros: counts, which the runner checks.
bool is_count(std::string_view target, TargetUse use) {
  if (target.size() > 1 && (target[0] == '+' || target[0] == '-')) {
    return all_digits(target.substr(1));
  }
  return use == TargetUse::Downgrade && all_digits(target) && target[0] != '0';
}

}  // namespace

std::string resolve_name(const Context& context, const MigrationGraph& graph,
                         std::string_view name) {
  if (name == "head") {
    const std::string message = head_message(graph);
    if (!message.empty()) throw MigrationError(message);
  }
  try {
    return resolve_revision(graph, name);
  } catch (const MigrationError& e) {
    const std::string hint = hint_for(context, graph, name);
    if (hint.empty()) throw;
    throw MigrationError(e.what() + hint);
  }
}

void check_target(const Context& context, const MigrationGraph& graph, std::string_view target,
                  TargetUse use) {
  if (target.empty() || target == "heads" || target == "base" || is_count(target, use)) return;
  (void)resolve_name(context, graph, target);
}

}  // namespace tempest::cli
