// Resolution of revision names: full ids, "head", unique prefixes, relative counts.

#include "migrate/target.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "schema/quoted.hpp"
#include "tempest/error.hpp"
#include "tempest/target.hpp"

namespace tempest {

namespace {

// Prefix matches listed in an error; a one-letter prefix of 10,000 revisions needs no list.
constexpr std::size_t kMaxMatchesShown = 10;

std::string quoted_list(const std::vector<std::string>& names, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) {
    out += (i == 0 ? "" : ", ") + quoted(names[i]);
  }
  if (names.size() > limit) out += " and " + std::to_string(names.size() - limit) + " more";
  return out;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

std::vector<std::string> prefix_matches(const MigrationGraph& graph, std::string_view prefix) {
  std::vector<std::string> matches;
  for (const std::string& revision : graph.topological_order()) {
    if (revision.starts_with(prefix)) matches.push_back(revision);
  }
  std::sort(matches.begin(), matches.end());
  return matches;
}

std::size_t parse_count(std::string_view target, std::string_view digits) {
  if (digits.size() > 9) throw MigrationError("target " + quoted(target) + ": count too large");
  return static_cast<std::size_t>(std::stoul(std::string(digits)));
}

// "REV@head": the head of the branch that holds REV (Alembic's syntax), the one head that
// descends from it.
std::string branch_head(const MigrationGraph& graph, std::string_view name) {
  const std::string base = resolve_revision(graph, name.substr(0, name.size() - 5));
  std::vector<std::string> heads;
  for (const std::string& head : graph.heads()) {
    const std::vector<std::string> ancestors = graph.ancestors(head);
    if (std::find(ancestors.begin(), ancestors.end(), base) != ancestors.end())
      heads.push_back(head);
  }
  if (heads.size() != 1) {
    throw MigrationError("target " + quoted(name) + " is ambiguous: " + quoted(base) +
                         " leads to " + std::to_string(heads.size()) + " heads (" +
                         quoted_list(heads, kMaxMatchesShown) + "); name one of them");
  }
  return heads.front();
}

}  // namespace

std::string resolve_revision(const MigrationGraph& graph, std::string_view name) {
  if (name.empty()) throw MigrationError("empty revision name");
  std::string text(name);
  if (graph.contains(text)) return text;
  if (name.size() > 5 && name.ends_with("@head")) return branch_head(graph, name);
  if (name == "head") {
    const std::vector<std::string> heads = graph.heads();
    if (heads.size() == 1) return heads.front();
    if (heads.empty()) throw MigrationError("target \"head\": there are no migrations");
    throw MigrationError("target \"head\" is ambiguous: there are " + std::to_string(heads.size()) +
                         " heads (" + quoted_list(heads, heads.size()) +
                         "); upgrade to \"heads\", name one of them, or merge them");
  }
  const std::vector<std::string> matches = prefix_matches(graph, name);
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) throw MigrationError("unknown revision " + quoted(name));
  throw MigrationError("revision prefix " + quoted(name) + " is ambiguous: it matches " +
                       quoted_list(matches, kMaxMatchesShown));
}

std::optional<RelativeTarget> parse_relative_target(const MigrationGraph& graph,
                                                    std::string_view target, bool bare_counts) {
  if (target.size() > 1 && (target[0] == '+' || target[0] == '-') && all_digits(target.substr(1))) {
    return RelativeTarget{target[0] == '+' ? CountSign::Plus : CountSign::Minus,
                          parse_count(target, target.substr(1))};
  }
  if (!bare_counts || !all_digits(target) || target[0] == '0') return std::nullopt;
  if (graph.contains(std::string(target))) return std::nullopt;
  const std::vector<std::string> matches = prefix_matches(graph, target);
  if (!matches.empty()) {
    throw MigrationError("target " + quoted(target) + " is ambiguous: a count, or a prefix of " +
                         quoted_list(matches, kMaxMatchesShown) + "; write -" +
                         std::string(target) + " for a count, or more of the revision id");
  }
  return RelativeTarget{CountSign::None, parse_count(target, target)};
}

}  // namespace tempest
