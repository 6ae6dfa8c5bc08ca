// SQLite table rebuilds under the runner: a whole migration runs with foreign keys off, its
// rebuilt tables are checked before COMMIT, and a violation rolls the migration back whole.

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"
#include "tempest/build.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

using namespace tempest::build;
using Names = std::vector<std::string>;

std::string scalar(Driver& driver, const std::string& sql) {
  return driver.query(sql).rows.at(0).at(0).value_or("NULL");
}

// parent <- child (ON DELETE CASCADE), with rows; the test adds a trigger on parent.
std::vector<Migration> base() {
  return {make_migration(
      "0001_init", {}, "parent and child",
      {create_table(table("parent", {column("id", bigint()), column("name", text())})
                        .primary_key("pk_parent", {"id"})),
       create_table(table("child", {column("id", bigint()), column("parent_id", bigint())})
                        .primary_key("pk_child", {"id"})
                        .foreign_key(foreign_key("fk_child_parent", {"parent_id"}, "parent", {"id"})
                                         .on_delete(cascade))),
       execute("INSERT INTO parent (id, name) VALUES (1, 'a'), (2, 'b')", "DELETE FROM parent"),
       execute("INSERT INTO child (id, parent_id) VALUES (10, 1), (20, 2)", "DELETE FROM child")})};
}

class SqliteRunner : public ::testing::Test {
 protected:
  SqliteRunner() : driver_(SqliteDriver::open(dir_.file("app.db"))), runner_(*driver_) {
    EXPECT_EQ(runner_.upgrade(base(), "t"), Names{"0001_init"});
    driver_->execute(
        "CREATE TRIGGER parent_renamed AFTER UPDATE OF name ON parent BEGIN "
        "UPDATE child SET id = id WHERE parent_id = new.id; END");
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteDriver> driver_;
  MigrationRunner runner_;
};

TEST_F(SqliteRunner, RebuildKeepsChildRowsAndTriggers) {
  std::vector<Migration> history = base();
  history.push_back(make_migration(
      "0002_rebuild", {"0001_init"}, "name nullable, plus a check",
      {alter_column("parent", column("name", text()), column("name", text()).nullable()),
       add_check("parent", check("ck_parent_id", "id > 0"))}));
  EXPECT_EQ(runner_.upgrade(history, "t"), Names{"0002_rebuild"});
  // DROP TABLE parent ran with foreign keys off: no cascade to child.
  EXPECT_EQ(scalar(*driver_, "SELECT count(*) FROM child"), "2");
  EXPECT_EQ(scalar(*driver_, "SELECT count(*) FROM sqlite_schema WHERE name = 'parent_renamed'"),
            "1");
  EXPECT_EQ(scalar(*driver_, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(driver_->query("SELECT sql FROM sqlite_schema WHERE name = 'parent'")
                    .rows[0][0]
                    ->find("\"ck_parent_id\" CHECK (id > 0)") != std::string::npos,
            true);
}

// The trigger on parent (re-created after the copy) must not count as changed rows.
TEST_F(SqliteRunner, RebuildLogsTheRowsItCopied) {
  std::ostringstream log;
  MigrationRunner runner(*driver_, RunnerOptions{.log = &log});
  std::vector<Migration> history = base();
  history.push_back(make_migration(
      "0002_rebuild", {"0001_init"}, "name nullable",
      {alter_column("parent", column("name", text()), column("name", text()).nullable())}));
  EXPECT_EQ(runner.upgrade(history, "t"), Names{"0002_rebuild"});
  EXPECT_TRUE(std::regex_match(log.str(),
                               std::regex("  0002_rebuild: rebuilt table \"parent\", 2 rows copied "
                                          "in [0-9]+ ms\napplied 0002_rebuild \\(name nullable\\) "
                                          "in [0-9]+ ms\n")))
      << log.str();
}

TEST_F(SqliteRunner, ForeignKeyViolationRollsTheMigrationBack) {
  // An orphan written with enforcement off: rebuilding child must fail its check.
  driver_->execute("PRAGMA foreign_keys = OFF");
  driver_->execute("INSERT INTO child (id, parent_id) VALUES (30, 3)");
  driver_->execute("PRAGMA foreign_keys = ON");
  std::vector<Migration> history = base();
  history.push_back(make_migration("0002_child_name", {"0001_init"}, "child gets a name",
                                   {add_column("parent", column("note", text()).nullable()),
                                    alter_column("child", column("parent_id", bigint()),
                                                 column("parent_id", bigint()).nullable())}));
  const Schema before = sqlite_dialect().introspect(*driver_);
  try {
    (void)runner_.upgrade(history, "t");
    FAIL() << "no error";
  } catch (const MigrationStepError& e) {
    EXPECT_STREQ(e.what(),
                 "migration \"0002_child_name\": before commit: PRAGMA foreign_key_check: rebuild "
                 "of table \"child\" would break foreign keys, nothing was changed: table "
                 "\"child\" rowid 3: (\"parent_id\") references \"parent\" (\"id\"), which has "
                 "no such row");
    EXPECT_EQ(e.code(), "SQLITE_CONSTRAINT_FOREIGNKEY");
  }
  EXPECT_EQ(sqlite_dialect().introspect(*driver_), before);  // the ADD COLUMN went too
  EXPECT_EQ(runner_.applied().size(), 1u);
  EXPECT_EQ(scalar(*driver_, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(scalar(*driver_, "PRAGMA legacy_alter_table"), "0");
}

TEST_F(SqliteRunner, RebuiltTableDroppedOrRenamedLaterInTheMigration) {
  // The check before COMMIT follows the rebuilt table: gone after a drop, renamed after a
  // rename (and still checked there). The execute() steps make the planner write each rebuild
  // before the statement that follows.
  std::vector<Migration> history = base();
  history.push_back(
      make_migration("0002_rebuild_rename", {"0001_init"}, "rebuild child, then rename it",
                     {alter_column("child", column("parent_id", bigint()),
                                   column("parent_id", bigint()).nullable()),
                      execute("SELECT 1", "SELECT 1"), rename_table("child", "kid")}));
  driver_->execute("PRAGMA foreign_keys = OFF");
  driver_->execute("INSERT INTO child (id, parent_id) VALUES (30, 3)");
  driver_->execute("PRAGMA foreign_keys = ON");
  try {
    (void)runner_.upgrade(history, "t");
    FAIL() << "no error";
  } catch (const MigrationStepError& e) {
    EXPECT_NE(std::string(e.what()).find("rebuild of table \"kid\" would break foreign keys"),
              std::string::npos)
        << e.what();
  }
  driver_->execute("DELETE FROM child WHERE id = 30");
  EXPECT_EQ(runner_.upgrade(history, "t"), Names{"0002_rebuild_rename"});

  history.push_back(make_migration(
      "0003_rebuild_drop", {"0002_rebuild_rename"}, "rebuild kid, then drop it",
      {alter_column("kid", column("parent_id", bigint()).nullable(), column("parent_id", bigint())),
       execute("SELECT 1", "SELECT 1"),
       drop_table(table("kid", {column("id", bigint()), column("parent_id", bigint())})
                      .primary_key("pk_child", {"id"})
                      .foreign_key(foreign_key("fk_child_parent", {"parent_id"}, "parent", {"id"})
                                       .on_delete(cascade)))}));
  EXPECT_EQ(runner_.upgrade(history, "t"), Names{"0003_rebuild_drop"});
  EXPECT_EQ(scalar(*driver_, "SELECT count(*) FROM sqlite_schema WHERE name = 'kid'"), "0");
}

}  // namespace
}  // namespace tempest
