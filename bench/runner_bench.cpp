// Revision graph queries of the migration runner on long histories (goal < 50 ms
// each at 10,000 revisions):
//   build/release/bench/tempest_bench --benchmark_filter=runner

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "tempest/migration.hpp"
#include "tempest/runner.hpp"

namespace {

using namespace tempest;

// `count` revisions without operations: a line where every 100th revision opens a two-way
// branch that the next one merges, so the graph has forks and merges throughout.
std::vector<Migration> history(int count) {
  std::vector<Migration> migrations;
  migrations.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    Migration m;
    m.revision = "r" + std::to_string(i) + "_step";
    m.label = "step " + std::to_string(i);
    if (i > 0) m.down_revisions.push_back(migrations.back().revision);
    if (i % 100 == 2) m.down_revisions = {migrations[static_cast<std::size_t>(i - 2)].revision};
    if (i % 100 == 3)
      m.down_revisions.push_back(migrations[static_cast<std::size_t>(i - 2)].revision);
    migrations.push_back(std::move(m));
  }
  return migrations;
}

// What `tempest heads` does: build the graph, list its heads.
void runner_heads(benchmark::State& state) {
  const std::vector<Migration> migrations = history(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    std::vector<std::string> heads = MigrationRunner::heads(migrations);
    if (heads.size() != 1) state.SkipWithError("expected one head");
    benchmark::DoNotOptimize(heads);
  }
  state.counters["revisions"] = static_cast<double>(migrations.size());
}
BENCHMARK(runner_heads)->Arg(10000)->Unit(benchmark::kMillisecond);

// What `tempest history` does: build the graph and walk it in topological order, writing one
// line per revision with its down revisions and label.
void runner_history(benchmark::State& state) {
  const std::vector<Migration> migrations = history(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const MigrationGraph graph(migrations);
    std::string out;
    out.reserve(migrations.size() * 40);
    const std::vector<std::size_t>& indexes = graph.topological_indexes();
    for (std::size_t index : indexes) {
      const Migration& migration = migrations[index];
      for (const std::string& parent : migration.down_revisions) out += parent + " ";
      out += "-> " + migration.revision + "  " + migration.label + "\n";
    }
    benchmark::DoNotOptimize(out);
  }
  state.counters["revisions"] = static_cast<double>(migrations.size());
}
BENCHMARK(runner_history)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
