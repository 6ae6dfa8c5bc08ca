// Identifier length. PostgreSQL keeps 63 bytes of a name and silently drops the rest, so the
// PostgreSQL renderer refuses a new name over 63 bytes (multi-byte characters count in bytes)
// with an error naming the object, before anything runs. Names of exactly 63 bytes work (the
// identifier suite uses them everywhere); SQLite has no limit.

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "hostile_database.hpp"
#include "hostile_names.hpp"
#include "identifier_cases.hpp"
#include "support/execute_plan.hpp"
#include "tempest/build.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {
namespace {

using namespace tempest::build;

// 21 three-byte characters and one ASCII letter: 22 characters, 64 bytes.
const std::string kLong = [] {
  std::string out;
  for (int i = 0; i < 21; ++i) out += "表";
  return out + "x";
}();

const ObjectNames kNames("t");

std::string refusal(const std::string& owner, const std::string& what, const std::string& name) {
  return owner + what + " \"" + name + "\" is " + std::to_string(name.size()) +
         " bytes long; PostgreSQL identifiers are limited to 63 bytes (it would silently cut "
         "the name): shorten it";
}

struct LongNameCase {
  Operation op;
  std::string message;  // the refusal, after "operation 0 (kind): "
};

// Every way an operation gives a new name, each with `name` in that place.
std::vector<LongNameCase> long_name_cases(const std::string& name) {
  const Schema base = hostile_schema(kNames);
  const Table& main = *find_table(base, kNames.table);
  const std::string in_main = "table \"t\": ";
  const Column id = column("id", bigint());
  return {
      {create_table(table(name, {id})), refusal("", "table", name)},
      {create_table(table("ok", {column(name, bigint())})),
       refusal("table \"ok\": ", "column", name)},
      {create_table(table("ok", {id}).primary_key(name, {"id"})),
       refusal("table \"ok\": ", "primary key", name)},
      {create_table(table("ok", {id}).index(index(name, {"id"}))),
       refusal("table \"ok\": ", "index", name)},
      {create_table(table("ok", {id}).unique(name, {"id"})),
       refusal("table \"ok\": ", "unique constraint", name)},
      {create_table(table("ok", {id}).check(name, "id > 0")),
       refusal("table \"ok\": ", "check constraint", name)},
      {create_table(table("ok", {id})
                        .foreign_key(foreign_key(name, {"id"}, kNames.parent, {kNames.parent_id}))),
       refusal("table \"ok\": ", "foreign key", name)},
      {rename_table(kNames.table, name), refusal(in_main, "new name", name)},
      {add_column(kNames.table, column(name, text()).nullable()), refusal(in_main, "column", name)},
      {rename_column(kNames.table, kNames.text, name),
       refusal(in_main + "column \"t\": ", "new name", name)},
      {alter_primary_key(kNames.table, main.primary_key, primary_key(name, {kNames.key})),
       refusal(in_main, "primary key", name)},
      {create_index(kNames.table, index(name, {kNames.text})), refusal(in_main, "index", name)},
      {add_unique(kNames.table, build::unique(name, {kNames.text})),
       refusal(in_main, "unique constraint", name)},
      {add_foreign_key(kNames.table,
                       foreign_key(name, {kNames.ref}, kNames.parent, {kNames.parent_id})),
       refusal(in_main, "foreign key", name)},
      {add_check(kNames.table, check(name, "true")), refusal(in_main, "check constraint", name)},
      {create_enum(name, {"a"}), refusal("", "enum", name)},
      {create_enum("e2", {"a", name}), refusal("enum \"e2\": ", "label", name)},
      {add_enum_value(kNames.mood, name, 0), refusal("enum \"t e\": ", "label", name)},
  };
}

// The base schema's operations, for the runner and for a fresh database.
std::vector<Operation> base_operations() {
  const Schema schema = hostile_schema(kNames);
  std::vector<Operation> ops;
  for (const EnumType& type : schema.enums) ops.push_back(CreateEnum{type});
  ops.push_back(CreateTable{*find_table(schema, kNames.parent)});
  ops.push_back(CreateTable{*find_table(schema, kNames.table)});
  return ops;
}

class IdentifierLength : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override { db_ = open_database(GetParam()); }

  void run(const std::vector<Operation>& ops, const Schema& before) {
    execute_plan_atomically(db_->driver(), db_->dialect(), db_->dialect().render(ops, before));
  }
  [[nodiscard]] DatabaseSnapshot state() { return snapshot(db_->driver(), db_->dialect()); }

  std::unique_ptr<EngineDatabase> db_;
};

TEST_P(IdentifierLength, SixtyFourBytes) {
  const Schema base = hostile_schema(kNames);
  run(base_operations(), empty_schema());
  const DatabaseSnapshot before = state();
  for (const LongNameCase& test_case : long_name_cases(kLong)) {
    SCOPED_TRACE(describe(test_case.op));
    if (GetParam() == Engine::Postgres) {
      try {
        (void)db_->dialect().render({test_case.op}, base);
        ADD_FAILURE() << "rendered";
      } catch (const UnsupportedError& e) {
        EXPECT_EQ(std::string(e.what()), "operation 0 (" +
                                             std::string(operation_name(test_case.op)) +
                                             "): " + test_case.message);
      }
      continue;
    }
    // SQLite has no limit: the name is stored and read back whole.
    Schema after = base;
    apply(after, test_case.op);
    run({test_case.op}, base);
    EXPECT_TRUE(
        same_schema(db_->dialect().introspect(db_->driver()), db_->dialect().normalize(after)));
    run({invert(test_case.op)}, after);
    EXPECT_TRUE(same_snapshot(state(), before));
  }
}

TEST_P(IdentifierLength, AThousandBytes) {
  const std::string name = std::string(1000, 'n') + "\"; --";
  const Operation op = create_table(table(name, {column(name, text()).nullable()})
                                        .index(index(name + " ix", {name}))
                                        .check(name + " ck", quote_ident(name) + " <> ''"));
  if (GetParam() == Engine::Postgres) {
    EXPECT_THROW((void)db_->dialect().render({op}, empty_schema()), UnsupportedError);
    EXPECT_TRUE(state().schema.tables.empty());
    return;
  }
  Schema after = empty_schema();
  apply(after, op);
  run({op}, empty_schema());
  EXPECT_TRUE(
      same_schema(db_->dialect().introspect(db_->driver()), db_->dialect().normalize(after)));
}

// The name the catalog holds is the 63-byte name, byte for byte.
TEST_P(IdentifierLength, SixtyThreeBytesAreKeptWhole) {
  const std::string name = utf8_prefix(kLong, kMaxIdentifierBytes);
  ASSERT_EQ(name.size(), kMaxIdentifierBytes);
  run({create_table(table(name, {column(name, text()).nullable()}))}, empty_schema());
  const std::string catalog = GetParam() == Engine::Sqlite
                                  ? "SELECT name FROM pragma_table_info(?1)"
                                  : "SELECT attname FROM pg_attribute WHERE attrelid = "
                                    "('public.' || quote_ident($1))::regclass AND attnum > 0";
  EXPECT_EQ(db_->driver().query(catalog, {name}).rows,
            (std::vector<std::vector<SqlValue>>{{name}}));
}

// Through the runner: the migration is refused while rendering, naming the revision, and the
// operation before the long name does not run either.
TEST_P(IdentifierLength, RunnerRefusesTheWholeMigration) {
  const std::vector<Migration> history = {
      make_migration("0001_base", {}, "base", base_operations()),
      make_migration("0002_long", {"0001_base"}, "long",
                     {add_column(kNames.table, column("fine", text()).nullable()),
                      add_column(kNames.table, column(kLong, text()).nullable())})};
  MigrationRunner runner(db_->driver(), db_->dialect());
  ASSERT_EQ(runner.upgrade(history, "t", "+1").size(), 1u);
  const DatabaseSnapshot before = state();
  if (GetParam() == Engine::Sqlite) {
    EXPECT_EQ(runner.upgrade(history, "t"), std::vector<std::string>{"0002_long"});
    return;
  }
  try {
    (void)runner.upgrade(history, "t");
    FAIL() << "upgraded";
  } catch (const UnsupportedError& e) {
    EXPECT_EQ(std::string(e.what()), "migration \"0002_long\": operation 1 (add_column): " +
                                         refusal("table \"t\": ", "column", kLong));
  }
  EXPECT_TRUE(same_snapshot(state(), before));
}

INSTANTIATE_TEST_SUITE_P(Engines, IdentifierLength,
                         ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace
}  // namespace tempest::testing
