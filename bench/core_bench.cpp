// Benchmarks of the dialect-free pipeline: diff, replay, JSON, reflect.
//   build/release/bench/tempest_bench --benchmark_filter=core

#include <benchmark/benchmark.h>

#include "../examples/blog/models.hpp"
#include "memory_probe.hpp"
#include "synthetic_schema.hpp"
#include "tempest/tempest.hpp"

namespace {

using namespace tempest;

// Two schemas of N tables where one column of one table differs.
void core_diff_one_column_changed(benchmark::State& state) {
  const int tables = static_cast<int>(state.range(0));
  Schema current = bench::synthetic_schema(tables);
  Schema target = current;
  target.tables[target.tables.size() / 2].columns[3].nullable = false;
  for (auto _ : state) {
    std::vector<Operation> ops = diff_schema(current, target);
    if (ops.size() != 1) state.SkipWithError("expected exactly one operation");
    benchmark::DoNotOptimize(ops);
  }
  state.counters["tables"] = tables;
}
BENCHMARK(core_diff_one_column_changed)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// The models are C++ types, so reflection is measured on the blog's models; the schema-size
// dependent part of reflect + diff is the diff above.
void core_reflect_blog_models(benchmark::State& state) {
  for (auto _ : state) {
    Schema schema = reflect_schema(blog::user_model(), blog::v2::post_model());
    benchmark::DoNotOptimize(schema);
  }
}
BENCHMARK(core_reflect_blog_models)->Unit(benchmark::kMicrosecond);

// A linear history of N migrations, each creating one table (with its index and FK).
std::vector<Migration> linear_history(int migrations) {
  Schema all = bench::synthetic_schema(migrations);
  std::vector<Migration> history;
  history.reserve(all.tables.size());
  for (std::size_t i = 0; i < all.tables.size(); ++i) {
    Migration m;
    m.revision = "r" + std::to_string(i);
    if (i > 0) m.down_revisions.push_back("r" + std::to_string(i - 1));
    m.label = "step";
    // table_<k>'s foreign key names table_<k-1>: create in numeric order.
    Table table = *find_table(all, "table_" + std::to_string(i));
    m.up.push_back(CreateTable{std::move(table)});
    history.push_back(std::move(m));
  }
  return history;
}

void core_replay_migrations(benchmark::State& state) {
  const int migrations = static_cast<int>(state.range(0));
  std::vector<Migration> history = linear_history(migrations);
  for (auto _ : state) {
    Schema schema = replay_schema(history);
    benchmark::DoNotOptimize(schema);
  }
  state.counters["migrations"] = migrations;
}
BENCHMARK(core_replay_migrations)->Arg(10000)->Unit(benchmark::kMillisecond);

void core_json_round_trip(benchmark::State& state) {
  const int tables = static_cast<int>(state.range(0));
  Schema schema = bench::synthetic_schema(tables);
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string text = schema_to_json(schema);
    Schema back = schema_from_json(text);
    bytes = text.size();
    benchmark::DoNotOptimize(back);
  }
  state.counters["json_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(core_json_round_trip)->Arg(10000)->Unit(benchmark::kMillisecond);

// Memory against schema size, measured once per size (the figures do not vary by iteration):
// - schema_B_per_table: heap bytes a Schema of N tables keeps (mallinfo2 before and after);
// - diff_peak_B_per_table: peak resident set growth while diffing two such schemas.
// Equal figures at 1,000 and 10,000 tables mean memory linear in schema size.
void core_memory(benchmark::State& state) {
  const int tables = static_cast<int>(state.range(0));
  std::size_t schema_bytes = 0;
  std::size_t diff_peak = 0;
  for (auto _ : state) {
    const std::size_t before = bench::heap_in_use();
    Schema current = bench::synthetic_schema(tables);
    schema_bytes = bench::heap_in_use() - before;
    Schema target = current;
    target.tables[target.tables.size() / 2].columns[3].nullable = false;
    bench::PeakRssGrowth peak;
    peak.start();
    std::vector<Operation> ops = diff_schema(current, target);
    diff_peak = peak.growth();
    if (ops.size() != 1) state.SkipWithError("expected exactly one operation");
    benchmark::DoNotOptimize(ops);
  }
  state.counters["tables"] = tables;
  state.counters["schema_B_per_table"] = static_cast<double>(schema_bytes) / tables;
  state.counters["diff_peak_B_per_table"] = static_cast<double>(diff_peak) / tables;
}
BENCHMARK(core_memory)->Arg(1000)->Arg(10000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
