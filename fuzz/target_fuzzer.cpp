// libFuzzer target: resolve_revision, plan_upgrade and plan_downgrade on a fixed graph with
// branches, a merge, several heads and ids made of digits, fed a fuzzed target string and a
// fuzzed set of applied revisions. Each call gives either a tempest::Error or a result that
// agrees with the graph: known revisions, no repeats, topological order, and a set of applied
// revisions that stays closed under parents after the run.
//
// Input: two bytes that pick the applied revisions (bit i: kRevisions[i], with its ancestors;
// bit 15: also an id the graph does not know), then the target string.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/error.hpp"
#include "tempest/migration.hpp"
#include "tempest/target.hpp"

namespace {

struct Revision {
  const char* id;
  std::vector<std::string> parents;
};

// 0001 -> 0002 -> {0003a, 0003b} -> 0004 (merge) -> {0005_audit -> 20, 0005x_side}, and
// 0001 -> 12ab_hotfix: three heads. "20" and "12ab" make bare counts ambiguous or ids.
const std::array<Revision, 9> kRevisions = {{
    {"0001_init", {}},
    {"0002_users", {"0001_init"}},
    {"0003a_posts", {"0002_users"}},
    {"0003b_tags", {"0002_users"}},
    {"0004_merge", {"0003a_posts", "0003b_tags"}},
    {"0005_audit", {"0004_merge"}},
    {"12ab_hotfix", {"0001_init"}},
    {"20", {"0005_audit"}},
    {"0005x_side", {"0004_merge"}},
}};

constexpr std::uint16_t kUnknownAppliedBit = 1u << 15;

const tempest::MigrationGraph& graph() {
  static const tempest::MigrationGraph instance = [] {
    std::vector<tempest::Migration> migrations;
    for (const Revision& revision : kRevisions) {
      migrations.push_back(tempest::Migration{revision.id, revision.parents, "", {}, {}});
    }
    return tempest::MigrationGraph(migrations);
  }();
  return instance;
}

[[noreturn]] void fail(const char* what, std::string_view target) {
  std::fprintf(stderr, "target_fuzzer: target \"%.*s\": %s\n", static_cast<int>(target.size()),
               target.data(), what);
  std::abort();
}

std::size_t position(const std::string& revision) {
  const std::vector<std::string>& order = graph().topological_order();
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), revision) - order.begin());
}

// Every parent of every member is a member.
bool closed_under_parents(const std::set<std::string>& revisions) {
  for (const std::string& revision : revisions) {
    for (const std::string& parent : graph().parents(revision)) {
      if (revisions.count(parent) == 0) return false;
    }
  }
  return true;
}

// Known revisions, each once, in topological order (or its reverse).
void check_sequence(const std::vector<std::string>& plan, bool reversed, std::string_view target) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (!graph().contains(plan[i])) fail("plan names an unknown revision", target);
    if (!seen.insert(plan[i]).second) fail("plan names a revision twice", target);
    if (i == 0) continue;
    const bool ascending = position(plan[i - 1]) < position(plan[i]);
    if (ascending == reversed) fail("plan is not in topological order", target);
  }
}

std::vector<std::string> applied_from(std::uint16_t bits) {
  std::set<std::string> closed;
  for (std::size_t i = 0; i < kRevisions.size(); ++i) {
    if ((bits & (1u << i)) == 0) continue;
    for (std::string& ancestor : graph().ancestors(kRevisions[i].id)) {
      closed.insert(std::move(ancestor));
    }
  }
  std::vector<std::string> applied(closed.begin(), closed.end());
  if ((bits & kUnknownAppliedBit) != 0) applied.push_back("0099_gone");
  return applied;
}

void check_resolve(std::string_view target) {
  std::string revision;
  try {
    revision = tempest::resolve_revision(graph(), target);
  } catch (const tempest::Error&) {
    return;
  }
  if (!graph().contains(revision)) fail("resolved to an unknown revision", target);
  if (graph().contains(std::string(target)) && revision != target) {
    fail("a full revision id resolved to another revision", target);
  }
}

void check_upgrade(const std::vector<std::string>& applied, bool unknown_applied,
                   std::string_view target) {
  std::vector<std::string> plan;
  try {
    plan = tempest::plan_upgrade(graph(), applied, target);
  } catch (const tempest::Error&) {
    return;
  }
  if (unknown_applied) fail("upgrade planned with an unknown applied revision", target);
  check_sequence(plan, false, target);
  std::set<std::string> after(applied.begin(), applied.end());
  for (const std::string& revision : plan) {
    if (!after.insert(revision).second) fail("upgrade applies an applied revision", target);
  }
  if (!closed_under_parents(after)) fail("upgrade applies a child before its parent", target);
  if (target == "base" && !plan.empty()) fail("upgrade to base applies something", target);
  if (target == "heads" && after.size() != graph().size()) {
    fail("upgrade to heads leaves revisions pending", target);
  }
  if (graph().contains(std::string(target))) {
    std::vector<std::string> expected;
    for (std::string& revision : graph().ancestors(std::string(target))) {
      if (std::find(applied.begin(), applied.end(), revision) == applied.end()) {
        expected.push_back(std::move(revision));
      }
    }
    if (plan != expected) fail("upgrade to a revision is not its pending ancestors", target);
  }
}

void check_downgrade(const std::vector<std::string>& applied, bool unknown_applied,
                     std::string_view target) {
  std::vector<std::string> plan;
  try {
    plan = tempest::plan_downgrade(graph(), applied, target);
  } catch (const tempest::Error&) {
    return;
  }
  if (unknown_applied) fail("downgrade planned with an unknown applied revision", target);
  check_sequence(plan, true, target);
  std::set<std::string> after(applied.begin(), applied.end());
  for (const std::string& revision : plan) {
    if (after.erase(revision) == 0) fail("downgrade reverts a revision not applied", target);
  }
  if (!closed_under_parents(after)) fail("downgrade leaves a child of a reverted one", target);
  if (target == "base" && !after.empty()) fail("downgrade to base leaves revisions", target);
  if (graph().contains(std::string(target)) && after.count(std::string(target)) == 0) {
    fail("downgrade to a revision reverts it", target);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const auto bits = static_cast<std::uint16_t>(data[0] | (data[1] << 8));
  const std::string_view target(reinterpret_cast<const char*>(data + 2), size - 2);
  const std::vector<std::string> applied = applied_from(bits);
  const bool unknown_applied = (bits & kUnknownAppliedBit) != 0;
  try {
    check_resolve(target);
    check_upgrade(applied, unknown_applied, target);
    check_downgrade(applied, unknown_applied, target);
  } catch (const std::exception& error) {
    // Anything but a tempest::Error (std::out_of_range, std::invalid_argument...) is a fault.
    std::fprintf(stderr, "target_fuzzer: unexpected exception: %s\n", error.what());
    std::abort();
  }
  return 0;
}
