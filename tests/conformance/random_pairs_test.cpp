// The random-pairs property of the core suite, on the real engines and with rows: a database
// at A holding rows, diff(A, B) rendered and executed, the database introspects as B and the
// rows of every surviving column are unchanged; then the inverse brings back A (up to column
// order) with the same rows. One suite, run once per engine (Alembic's __backend__ spirit),
// executing the plans step by step (execute_plan) and as the migration runner does, each
// migration in one transaction (execute_plan_atomically). The pairs change types, identities,
// enum labels and expressions naming columns, with hostile names (random_case.hpp).
// A failure prints the case's seed: rerun with TEMPEST_SEED=<seed> TEMPEST_CASES=1.

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "counterparts.hpp"
#include "failure_text.hpp"
#include "random_case.hpp"
#include "support/engine.hpp"
#include "support/execute_plan.hpp"
#include "support/random_schema.hpp"
#include "support/seeds.hpp"
#include "tempest/diff.hpp"

namespace tempest::testing {
namespace {

constexpr int kDefaultCases = 100;

std::string list(const ColumnPairs& columns, bool from) {
  std::string out;
  for (const auto& [before, after] : columns)
    out += (out.empty() ? "" : ", ") + quote_ident(from ? before : after);
  return out;
}

// The surviving columns of one table, ordered by its key, read under their names in A (`from`)
// or in B.
Rows read_rows(Driver& driver, const SurvivingTable& table, bool from) {
  return driver
      .query("SELECT " + list(table.columns, from) + " FROM " +
             quote_ident(from ? table.from : table.to) + " ORDER BY " + list(table.key, from))
      .rows;
}

// What the cases exercised, printed after the run so that a generator that stopped producing
// rows or operations shows.
struct Coverage {
  std::map<std::string, int> operations;  // by operation_name
  int type_changes = 0;
  int rows = 0;             // inserted
  int values_compared = 0;  // kept values compared after the diff
  int rebuilds = 0;         // SQLite table rebuilds

  void count(const std::vector<Operation>& ops, const std::vector<RenderedStep>& steps) {
    for (const Operation& op : ops) {
      ++operations[std::string(operation_name(op))];
      const auto* alter = std::get_if<AlterColumn>(&op);
      type_changes += alter != nullptr && !(alter->from->type == alter->to->type);
    }
    for (const RenderedStep& step : steps) rebuilds += !step.rebuild_table.empty();
  }

  void print(std::ostream& out) const {
    out << "  rows inserted " << rows << ", values compared " << values_compared
        << ", type changes " << type_changes << ", rebuild steps " << rebuilds;
    out << "\n  operations:";
    for (const auto& [name, count] : operations) out << " " << name << "=" << count;
    out << "\n";
  }
};

class Conformance : public ::testing::TestWithParam<Engine> {};

using Executor = void (*)(Driver&, const Dialect&, const std::vector<RenderedStep>&);

// Executes `steps`, reporting a refusal while the plans' traces are still in scope.
bool execute(Executor executor, Driver& driver, const Dialect& dialect,
             const std::vector<RenderedStep>& steps, const std::string& what) {
  try {
    executor(driver, dialect, steps);
    return true;
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << " refused: " << e.what();
    return false;
  }
}

// One case in the emptied `database`; returns at the first failed assertion.
void run_case(Executor executor, EngineDatabase& database, std::mt19937_64& rng,
              Coverage& coverage) {
  const RandomCase pair = random_case(rng);
  const Schema& a = pair.a;
  const Schema target = without_hints(pair.b);
  database.reset();
  Driver& driver = database.driver();
  const Dialect& dialect = database.dialect();

  execute_plan(driver, dialect, render_schema(dialect, a));
  ASSERT_TRUE(same_schema(dialect.introspect(driver), dialect.normalize(a))) << "A created";
  insert_rows(driver, pair.rows);
  for (const TableRows& table : pair.rows) coverage.rows += static_cast<int>(table.rows.size());
  const std::vector<SurvivingTable> surviving = surviving_tables(a, pair.b);
  std::vector<Rows> kept;
  for (const SurvivingTable& table : surviving) kept.push_back(read_rows(driver, table, true));

  const std::vector<Operation> ops = diff_schema(a, pair.b);
  const std::vector<RenderedStep> forward = dialect.render(ops, a);
  const std::vector<RenderedStep> backward = dialect.render(invert(ops), target);
  coverage.count(ops, forward);
  SCOPED_TRACE("forward plan:\n" + describe_plan(forward));
  if (!execute(executor, driver, dialect, forward, "the forward plan")) return;
  ASSERT_TRUE(same_schema(dialect.introspect(driver), dialect.normalize(target))) << "after diff";
  for (std::size_t i = 0; i < surviving.size(); ++i) {
    const Rows now = read_rows(driver, surviving[i], false);
    for (const auto& row : kept[i]) coverage.values_compared += static_cast<int>(row.size());
    ASSERT_EQ(now, kept[i]) << "rows of " << surviving[i].from << " (now " << surviving[i].to
                            << ") before:\n"
                            << describe_rows(kept[i]) << "after:\n"
                            << describe_rows(now);
  }

  SCOPED_TRACE("inverse plan:\n" + describe_plan(backward));
  if (!execute(executor, driver, dialect, backward, "the inverse plan")) return;
  ASSERT_TRUE(same_schema(with_sorted_columns(dialect.introspect(driver)),
                          with_sorted_columns(dialect.normalize(a))))
      << "after the inverse";
  for (std::size_t i = 0; i < surviving.size(); ++i) {
    const Rows now = read_rows(driver, surviving[i], true);
    ASSERT_EQ(now, kept[i]) << "rows of " << surviving[i].from << " after the inverse, before:\n"
                            << describe_rows(kept[i]) << "after:\n"
                            << describe_rows(now);
  }
}

void run_cases(Engine engine, Executor executor) {
  const int cases = property_cases(kDefaultCases);
  const auto start = std::chrono::steady_clock::now();
  Coverage coverage;
  const std::unique_ptr<EngineDatabase> database = open_database(engine);
  for (int i = 0; i < cases; ++i) {
    const std::uint64_t seed = base_seed() + static_cast<std::uint64_t>(i);
    SCOPED_TRACE("TEMPEST_SEED=" + std::to_string(seed) + " TEMPEST_CASES=1");
    std::mt19937_64 rng(seed);
    try {
      run_case(executor, *database, rng, coverage);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "exception: " << e.what();
    }
    if (::testing::Test::HasFailure()) return;
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  std::cerr << engine_name(engine) << ": " << cases << " random pairs in " << elapsed.count()
            << " ms\n";
  coverage.print(std::cerr);
}

// Step by step, each step in a transaction of its own.
TEST_P(Conformance, RandomPairsWithRowsAndTheirInverse) { run_cases(GetParam(), execute_plan); }

// As the migration runner runs one migration: the whole plan in one transaction, through the
// dialect's StepExecutor.
TEST_P(Conformance, RandomPairsRunAsOneTransaction) {
  run_cases(GetParam(), execute_plan_atomically);
}

INSTANTIATE_TEST_SUITE_P(Engines, Conformance, ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const ::testing::TestParamInfo<Engine>& info) {
                           return engine_name(info.param);
                         });

}  // namespace
}  // namespace tempest::testing
