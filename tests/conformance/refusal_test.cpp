// All or nothing: what the engine refuses leaves the database exactly as it was, schema and
// rows, on both engines: the refused step when steps run one by one, the whole migration when
// it runs in one transaction as the migration runner runs it. Random pairs as in
// random_pairs_test.cpp, poisoned with one change that rows make impossible: a NOT NULL column
// without default added to a table with rows, or a column holding NULLs made NOT NULL without
// default. On SQLite the change joins the table's rebuild, with every other change to that
// table; on PostgreSQL it is one step of several ALTER statements. The refusal must be the
// engine's NOT NULL error.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "counterparts.hpp"
#include "database_state.hpp"
#include "failure_text.hpp"
#include "random_case.hpp"
#include "support/engine.hpp"
#include "support/execute_plan.hpp"
#include "support/seeds.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"

namespace tempest::testing {
namespace {

constexpr int kDefaultCases = 25;

bool in_foreign_key(const Table& table, const std::string& column) {
  for (const ForeignKey& fk : table.foreign_keys)
    if (std::find(fk.columns.begin(), fk.columns.end(), column) != fk.columns.end()) return true;
  return false;
}

// Adds a NOT NULL column without default to a table of B that holds rows.
bool poison_with_new_column(RandomCase& pair, std::mt19937_64& rng) {
  std::vector<Table*> candidates;
  for (const TableRows& rows : pair.rows) {
    Table* after = counterpart(pair.b, rows.table);
    if (!rows.rows.empty() && after != nullptr) candidates.push_back(after);
  }
  if (candidates.empty()) return false;
  Table& table = *candidates[rng() % candidates.size()];
  Column poison;
  poison.name = "poison \"; ключ";
  poison.type.kind = TypeKind::Text;
  poison.comment = "refused";
  table.columns.push_back(poison);
  return true;
}

// Makes NOT NULL, without default, a column of a table with rows whose values are all NULL.
bool poison_with_nulls(RandomCase& pair, std::mt19937_64& rng) {
  struct Candidate {
    TableRows* rows;
    std::size_t column;
    Column* after;
  };
  std::vector<Candidate> candidates;
  for (TableRows& rows : pair.rows) {
    const Table* before = find_table(pair.a, rows.table);
    Table* after = counterpart(pair.b, rows.table);
    if (rows.rows.empty() || after == nullptr) continue;
    for (std::size_t i = 0; i < before->columns.size(); ++i) {
      const Column& column = before->columns[i];
      Column* kept = counterpart(*after, column.name);
      if (kept == nullptr || !column.nullable || !kept->nullable || !(kept->type == column.type) ||
          in_foreign_key(*before, column.name) || in_foreign_key(*after, kept->name)) {
        continue;
      }
      candidates.push_back({&rows, i, kept});
    }
  }
  if (candidates.empty()) return false;
  const Candidate& pick = candidates[rng() % candidates.size()];
  for (auto& row : pick.rows->rows) row[pick.column] = std::nullopt;
  pick.after->nullable = false;
  pick.after->default_value.reset();
  pick.after->comment = "refused";
  return true;
}

bool is_not_null_violation(Engine engine, const DatabaseError& e) {
  return e.code() == (engine == Engine::Sqlite ? "SQLITE_CONSTRAINT_NOTNULL" : "23502");
}

class Refusal : public ::testing::TestWithParam<Engine> {};

// A poisoned case built in `database`, with its plan rendered.
struct Poisoned {
  RandomCase pair;
  std::vector<RenderedStep> steps;
};

// nullopt when no poison could be placed (no table with rows).
std::optional<Poisoned> poisoned_case(EngineDatabase& database, std::mt19937_64& rng) {
  RandomCase pair = random_case(rng);
  const bool placed = rng() % 2 == 0
                          ? poison_with_new_column(pair, rng)
                          : poison_with_nulls(pair, rng) || poison_with_new_column(pair, rng);
  if (!placed) return std::nullopt;
  database.reset();
  const Dialect& dialect = database.dialect();
  execute_plan(database.driver(), dialect, render_schema(dialect, pair.a));
  insert_rows(database.driver(), pair.rows);
  std::vector<RenderedStep> steps = dialect.render(diff_schema(pair.a, pair.b), pair.a);
  return Poisoned{std::move(pair), std::move(steps)};
}

void expect_refused_cleanly(Engine engine, Driver& driver, const Dialect& dialect,
                            const DatabaseError& e, const DatabaseState& before,
                            const std::string& what) {
  EXPECT_TRUE(is_not_null_violation(engine, e))
      << what << " refused for another reason: " << e.what();
  EXPECT_TRUE(same_state(database_state(driver, dialect), before)) << "after " << what;
  EXPECT_FALSE(driver.in_transaction());
  if (engine == Engine::Sqlite) {
    EXPECT_EQ(driver.query("PRAGMA foreign_keys").rows.at(0).at(0), SqlValue("1"));
  }
}

// Step by step; returns whether the case could be poisoned.
bool refuse_one_step(Engine engine, EngineDatabase& database, std::mt19937_64& rng) {
  std::optional<Poisoned> poisoned = poisoned_case(database, rng);
  if (!poisoned) return false;
  Driver& driver = database.driver();
  const Dialect& dialect = database.dialect();
  SCOPED_TRACE("plan:\n" + describe_plan(poisoned->steps));
  for (const RenderedStep& step : poisoned->steps) {
    const DatabaseState before = database_state(driver, dialect);
    try {
      execute_plan(driver, dialect, {step});
    } catch (const DatabaseError& e) {
      expect_refused_cleanly(engine, driver, dialect, e, before,
                             "the step \"" + step.description + "\"");
      return true;
    }
  }
  ADD_FAILURE() << "no step was refused";
  return true;
}

// Steps a renderer marks non-transactional (a new PostgreSQL enum label) commit on their
// own, so all-or-nothing holds for plans made only of transactional steps.
bool all_transactional(const std::vector<RenderedStep>& steps) {
  return std::all_of(steps.begin(), steps.end(),
                     [](const RenderedStep& step) { return step.transactional; });
}

// The whole plan in one transaction; returns whether the case could be poisoned.
bool refuse_the_migration(Engine engine, EngineDatabase& database, std::mt19937_64& rng) {
  std::optional<Poisoned> poisoned = poisoned_case(database, rng);
  if (!poisoned || !all_transactional(poisoned->steps)) return false;
  Driver& driver = database.driver();
  const Dialect& dialect = database.dialect();
  SCOPED_TRACE("plan:\n" + describe_plan(poisoned->steps));
  const DatabaseState before = database_state(driver, dialect);
  try {
    execute_plan_atomically(driver, dialect, poisoned->steps);
    ADD_FAILURE() << "the migration was not refused";
  } catch (const DatabaseError& e) {
    expect_refused_cleanly(engine, driver, dialect, e, before, "the migration");
  }
  return true;
}

using Case = bool (*)(Engine, EngineDatabase&, std::mt19937_64&);

// A quarter of TEMPEST_CASES (default 100): every step is compared with the database before it.
void run_cases(Engine engine, Case run_case) {
  const int cases = std::max(1, property_cases(kDefaultCases * 4) / 4);
  const std::unique_ptr<EngineDatabase> database = open_database(engine);
  int refused = 0;
  for (int i = 0; i < cases; ++i) {
    const std::uint64_t seed = base_seed() + static_cast<std::uint64_t>(i);
    SCOPED_TRACE("TEMPEST_SEED=" + std::to_string(seed) + " TEMPEST_CASES=4");
    std::mt19937_64 rng(seed);
    try {
      refused += run_case(engine, *database, rng) ? 1 : 0;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "exception: " << e.what();
    }
    if (::testing::Test::HasFailure()) return;
  }
  // Tables without rows leave no room for a poison; most cases have some.
  EXPECT_GE(refused, cases / 2);
}

TEST_P(Refusal, RefusedStepLeavesTheDatabaseAsItWas) { run_cases(GetParam(), refuse_one_step); }

TEST_P(Refusal, RefusedMigrationInOneTransactionLeavesTheDatabaseAsItWas) {
  run_cases(GetParam(), refuse_the_migration);
}

INSTANTIATE_TEST_SUITE_P(Engines, Refusal, ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const ::testing::TestParamInfo<Engine>& info) {
                           return engine_name(info.param);
                         });

}  // namespace
}  // namespace tempest::testing
