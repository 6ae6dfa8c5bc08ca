// Broken histories given to the MigrationRunner on a real database holding applied
// migrations (revision ids with quotes, semicolons and non-ASCII letters): every command that
// must refuse throws a MigrationError naming the revision at fault, and the database, its rows
// and its version table are exactly as before.

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "hostile_database.hpp"
#include "hostile_history.hpp"
#include "tempest/build.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {
namespace {

using namespace tempest::build;
using History = std::vector<Migration>;

struct Command {
  std::string name;
  std::function<void(MigrationRunner&, const History&)> run;
};

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"upgrade", [](MigrationRunner& r, const History& h) { (void)r.upgrade(h, "t"); }},
      {"upgrade +1", [](MigrationRunner& r, const History& h) { (void)r.upgrade(h, "t", "+1"); }},
      {"downgrade -1", [](MigrationRunner& r, const History& h) { (void)r.downgrade(h, "-1"); }},
      {"downgrade base",
       [](MigrationRunner& r, const History& h) { (void)r.downgrade(h, "base"); }},
      {"current", [](MigrationRunner& r, const History& h) { (void)r.current(h); }},
      {"stamp", [](MigrationRunner& r, const History& h) { r.stamp(h, "heads", "t"); }},
      {"upgrade_sql",
       [](MigrationRunner& r, const History& h) {
         std::ostringstream out;
         r.upgrade_sql(h, out, "");
       }},
      {"downgrade_sql",
       [](MigrationRunner& r, const History& h) {
         std::ostringstream out;
         r.downgrade_sql(h, out, "", "base");
       }},
  };
  return all;
}

struct BrokenCase {
  std::string name;
  std::function<History(History)> make;
  std::string message;                // exact, or a prefix when it ends in "..."
  std::vector<std::string> refusing;  // commands that must refuse; empty: all
};

Migration node(std::string revision, std::vector<std::string> parents) {
  return Migration{std::move(revision), std::move(parents), "broken", {}, {}};
}

const std::vector<BrokenCase>& broken_cases() {
  static const std::vector<BrokenCase> all = {
      {"unknown down revision",
       [](History h) {
         h.push_back(node("0004_x", {"nope'; --"}));
         return h;
       },
       "revision \"0004_x\" names unknown down revision \"nope'; --\"",
       {}},
      {"duplicate revision",
       [](History h) {
         h.push_back(h[1]);
         return h;
       },
       "duplicate revision \"" + kSecondRevision + "\"",
       {}},
      {"cycle",
       [](History h) {
         h[0].down_revisions = {kThirdRevision};
         return h;
       },
       "revision cycle: " + kFirstRevision + " -> " + kThirdRevision + " -> " + kSecondRevision +
           " -> " + kFirstRevision,
       {}},
      {"self reference",
       [](History h) {
         h.push_back(node("0004_self\"", {"0004_self\""}));
         return h;
       },
       "revision cycle: 0004_self\" -> 0004_self\"",
       {}},
      {"empty revision id",
       [](History h) {
         h.push_back(node("", {kThirdRevision}));
         return h;
       },
       "migration 3 (label \"broken\") has an empty revision id",
       {}},
      {"parent named twice",
       [](History h) {
         h.push_back(node("0004_twice", {kThirdRevision, kThirdRevision}));
         return h;
       },
       "revision \"0004_twice\" names down revision \"" + kThirdRevision + "\" twice",
       {}},
      {"applied revision missing from the code",
       [](History h) {
         h.pop_back();
         return h;
       },
       "revision \"" + kThirdRevision +
           "\" is applied in the database (version table \"tempest_db_migrations\") but missing "
           "from the migrations: restore the migration files, or stamp the database to a "
           "revision of the code",
       {"upgrade", "upgrade +1", "downgrade -1", "downgrade base", "current", "upgrade_sql",
        "downgrade_sql"}},
      {"changed checksum",
       [](History h) {
         h[1] = make_migration(
             kSecondRevision, {kFirstRevision}, "edited",
             {add_column(kHostileTable, column("note", text()).nullable().default_literal("y"))});
         return h;
       },
       "migration \"" + kSecondRevision + "\" (recorded ...",
       {"upgrade", "upgrade +1", "downgrade -1", "downgrade base"}},
  };
  return all;
}

bool matches(const std::string& message, const std::string& expected) {
  if (expected.ends_with("..."))
    return message.starts_with(expected.substr(0, expected.size() - 3));
  return message == expected;
}

bool refuses(const BrokenCase& broken, const std::string& command) {
  return broken.refusing.empty() || std::find(broken.refusing.begin(), broken.refusing.end(),
                                              command) != broken.refusing.end();
}

class BrokenHistory : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = open_database(GetParam());
    db_->driver().execute("CREATE TABLE victim (id integer)");
  }
  [[nodiscard]] DatabaseSnapshot state() { return snapshot(db_->driver(), db_->dialect()); }

  // Runs every refusing command of every case and checks the refusal and the database.
  void expect_refusals(bool graph_cases_only) {
    const DatabaseSnapshot before = state();
    for (const BrokenCase& broken : broken_cases()) {
      if (graph_cases_only && !broken.refusing.empty()) continue;
      const History history = broken.make(hostile_history());
      for (const Command& command : commands()) {
        if (!refuses(broken, command.name)) continue;
        SCOPED_TRACE(broken.name + ", " + command.name);
        MigrationRunner runner(db_->driver(), db_->dialect());
        try {
          command.run(runner, history);
          ADD_FAILURE() << "no error";
        } catch (const MigrationError& e) {
          EXPECT_TRUE(matches(e.what(), broken.message)) << e.what();
        }
        EXPECT_TRUE(same_snapshot(state(), before));
      }
    }
  }

  std::unique_ptr<EngineDatabase> db_;
};

TEST_P(BrokenHistory, RefusedWithTheDatabaseUntouched) {
  MigrationRunner runner(db_->driver(), db_->dialect());
  ASSERT_EQ(runner.upgrade(hostile_history(), "2024-01-01T00:00:00Z").size(), 3u);
  expect_refusals(false);
  // The good history still works afterwards, and its downgrade undoes everything.
  EXPECT_EQ(runner.downgrade(hostile_history(), "base").size(), 3u);
  EXPECT_EQ(state().schema.tables.size(), 1u);  // victim
}

TEST_P(BrokenHistory, PartlyAppliedHistory) {
  MigrationRunner runner(db_->driver(), db_->dialect());
  ASSERT_EQ(runner.upgrade(hostile_history(), "2024-01-01T00:00:00Z", "+1").size(), 1u);
  expect_refusals(true);
}

// On a database never migrated, a broken graph is refused before the version table exists.
TEST_P(BrokenHistory, FreshDatabaseGetsNoVersionTable) {
  expect_refusals(true);
  EXPECT_FALSE(state().version_table);
}

// A migration that does not fit the schema is refused while rendering, before any statement:
// nothing of it runs, and the migrations before it in the same run stay applied.
TEST_P(BrokenHistory, OperationThatDoesNotFitIsRefusedBeforeRunning) {
  MigrationRunner runner(db_->driver(), db_->dialect());
  ASSERT_EQ(runner.upgrade(hostile_history(), "t").size(), 3u);
  const DatabaseSnapshot before = state();
  History history = hostile_history();
  history.push_back(make_migration("0004_bad'", {kThirdRevision}, "bad",
                                   {add_column(kHostileTable, column("fine", text()).nullable()),
                                    drop_column("nope\"", column("x", text()))}));
  try {
    (void)runner.upgrade(history, "t");
    FAIL() << "no error";
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()),
              "migration \"0004_bad'\": operation 1 (drop_column): table \"nope\"\" does not "
              "exist");
  }
  EXPECT_TRUE(same_snapshot(state(), before));
}

INSTANTIATE_TEST_SUITE_P(Engines, BrokenHistory,
                         ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace
}  // namespace tempest::testing
