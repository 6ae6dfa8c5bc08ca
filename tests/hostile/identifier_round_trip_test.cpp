// Every operation kind, with hostile names in every role it has, on both engines: rendered,
// run, introspected and compared with the IR the operation gives, then inverted and compared
// again. Names of exactly 63 bytes (multi-byte included) are among them.

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "hostile_database.hpp"
#include "hostile_names.hpp"
#include "identifier_cases.hpp"
#include "support/execute_plan.hpp"
#include "tempest/build.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"

namespace tempest::testing {
namespace {

// One test per engine, every name in one database (emptied between names): a database per
// name would cost more than the operations themselves.
class HostileIdentifiers : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override { db_ = open_database(GetParam()); }

  void round_trip_every_operation(const HostileName& hostile);

  [[nodiscard]] Driver& driver() { return db_->driver(); }
  [[nodiscard]] const Dialect& dialect() const { return db_->dialect(); }

  // Renders `ops` against `before` and runs them as the runner runs one migration.
  void run(const std::vector<Operation>& ops, const Schema& before) {
    execute_plan_atomically(driver(), dialect(), dialect().render(ops, before));
  }
  [[nodiscard]] ::testing::AssertionResult live_schema_is(const Schema& expected) {
    return same_schema(dialect().introspect(driver()), dialect().normalize(expected));
  }

  std::unique_ptr<EngineDatabase> db_;
};

// A table the injection attempts name; it must outlive them all.
Table victim() { return build::table("victim", {build::column("id", build::bigint())}); }

void HostileIdentifiers::round_trip_every_operation(const HostileName& hostile) {
  const ObjectNames names(hostile.name);
  Schema start = hostile_schema(names);
  start.tables.push_back(victim());
  canonicalize(start);
  ASSERT_NO_THROW(run(diff_schema(empty_schema(), start), empty_schema()));
  ASSERT_TRUE(live_schema_is(start));

  Schema current = start;
  for (const OperationCase& test_case : operation_cases()) {
    SCOPED_TRACE(test_case.kind);
    const Operation op = test_case.make(names, current);
    Schema after = current;
    apply(after, op);
    const Operation back = invert(op);
    Schema restored = after;
    apply(restored, back);
    try {
      run({op}, current);
      EXPECT_TRUE(live_schema_is(after)) << describe(op);
      if (test_case.check_rows) test_case.check_rows(driver(), names, true);
      run({back}, after);
      EXPECT_TRUE(live_schema_is(restored)) << describe(back);
      if (test_case.check_rows) test_case.check_rows(driver(), names, false);
    } catch (const Error& e) {
      ADD_FAILURE() << describe(op) << ": " << e.what();
      db_->reset();  // start the next case from a known state
      run(diff_schema(empty_schema(), start), empty_schema());
      current = start;
      continue;
    }
    // The inverse gives the IR back (a re-added column comes last: order is not compared).
    EXPECT_TRUE(diff_schema(restored, current).empty()) << describe(op);
    current = restored;
  }

  // Dropping every hostile object leaves exactly the table the injections name.
  Schema survivors;
  survivors.tables = {victim()};
  ASSERT_NO_THROW(run(diff_schema(current, survivors), current));
  EXPECT_TRUE(live_schema_is(survivors));
}

TEST_P(HostileIdentifiers, EveryNameThroughEveryOperation) {
  const auto start = std::chrono::steady_clock::now();
  for (const HostileName& hostile : hostile_names()) {
    SCOPED_TRACE(hostile.label);
    db_->reset();
    round_trip_every_operation(hostile);
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  RecordProperty("seconds", std::to_string(elapsed.count()));
}

INSTANTIATE_TEST_SUITE_P(Engines, HostileIdentifiers,
                         ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace
}  // namespace tempest::testing
