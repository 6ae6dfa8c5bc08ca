// CliConfig::open_driver: the database is opened by the first command that reads or writes
// it, once per command, and never by the commands that need none; a failure to open, or a
// database of the other engine, is one error line that changes nothing.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "migration_cli_fixture.hpp"
#include "support/temp_dir.hpp"
#include "tempest/cli.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::testing {
namespace {

class OpenDriver : public ::testing::Test {
 protected:
  // The blog's two migrations, the database opened from `path_` by open_driver, counted.
  [[nodiscard]] CliConfig config() {
    return {.open_driver =
                [this] {
                  ++opens_;
                  return SqliteDriver::open(path_);
                },
            .dialect = DialectKind::Sqlite,
            .migrations = {blog_init(), blog_published()},
            .models = blog_v2(),
            .migrations_dir = dir_.path() / "migrations",
            .now = [] { return std::string("2024-05-01T12:00:00Z"); }};
  }

  TempDir dir_;
  std::string path_ = dir_.file("app.db");
  int opens_ = 0;
};

TEST_F(OpenDriver, CommandsThatReadNoDatabaseNeverOpenIt) {
  const std::vector<std::vector<std::string>> commands = {
      {"history"},
      {"heads"},
      {"branches"},
      {"show", "0001_init"},
      {"check"},
      {"revision", "-m", "empty"},
      {"--help"},
      {"upgrade", "--help"},
      {"upgrade", "base:heads", "--sql"},
      {"downgrade", "0002_add_published:base", "--sql"},
  };
  for (const std::vector<std::string>& args : commands) {
    const CliRun run = run_cli(args, config());
    EXPECT_EQ(run.exit_code, 0) << args.front() << ": " << run.err;
  }
  EXPECT_EQ(opens_, 0);
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(OpenDriver, EachCommandThatReadsTheDatabaseOpensItOnce) {
  CliRun run = run_cli({"current"}, config());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "base (nothing applied)\n");
  EXPECT_EQ(opens_, 1);

  run = run_cli({"upgrade"}, config());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(opens_, 2);

  run = run_cli({"history", "--verbose"}, config());  // shows what is applied, and when
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("applied 2024-05-01T12:00:00Z"), std::string::npos) << run.out;
  EXPECT_EQ(opens_, 3);

  EXPECT_EQ(run_cli({"drift"}, config()).exit_code, 0);
  EXPECT_EQ(run_cli({"downgrade", "base"}, config()).exit_code, 0);
  EXPECT_EQ(run_cli({"current"}, config()).out, "base (nothing applied)\n");
  EXPECT_EQ(opens_, 6);
  // A script that starts where the database stands reads it; stamp writes it.
  run = run_cli({"upgrade", "--sql"}, config());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("CREATE TABLE \"users\""), std::string::npos) << run.out;
  EXPECT_EQ(opens_, 7);
  EXPECT_EQ(run_cli({"stamp", "0001_init"}, config()).exit_code, 0);
  EXPECT_EQ(run_cli({"current"}, config()).out, "0001_init\n");
  EXPECT_EQ(opens_, 9);
}

TEST_F(OpenDriver, AFailureToOpenIsOneErrorLine) {
  path_ = dir_.file("missing") + "/app.db";  // a directory that does not exist
  const CliRun run = run_cli({"upgrade"}, config());
  EXPECT_EQ(run.exit_code, kCliError);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err.rfind("error: sqlite: cannot open database \"" + path_ + "\"", 0), 0u)
      << run.err;
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << run.err;
}

// --verbose echoes statements as they run: none runs, none is echoed.
TEST_F(OpenDriver, AFailureToOpenEchoesNoStatement) {
  path_ = dir_.file("missing") + "/app.db";
  for (const char* command : {"upgrade", "current", "stamp"}) {
    std::vector<std::string> args = {"--verbose", command};
    if (std::string(command) == "stamp") args.emplace_back("0001_init");
    const CliRun run = run_cli(args, config());
    EXPECT_EQ(run.exit_code, kCliError) << command;
    EXPECT_EQ(run.out, "") << command;
  }
}

// Opened by open_driver or given open: refused before any statement.
TEST_F(OpenDriver, ADatabaseOfTheOtherEngineIsRefusedBeforeAnyStatement) {
  const auto has_version_table = [](Driver& driver) {
    return !driver.query("SELECT name FROM sqlite_master WHERE name = 'tempest_db_migrations'")
                .rows.empty();
  };
  CliConfig postgres = config();
  postgres.dialect = DialectKind::Postgres;
  CliRun run = run_cli({"upgrade"}, postgres);
  EXPECT_EQ(run.exit_code, kCliError);
  EXPECT_EQ(run.err,
            "error: CliConfig::open_driver opened a sqlite database, but CliConfig::dialect is "
            "postgresql\n");
  EXPECT_FALSE(has_version_table(*SqliteDriver::open(path_)));  // opened, nothing written

  const std::unique_ptr<SqliteDriver> open = SqliteDriver::open(dir_.file("other.db"));
  postgres.driver = open.get();
  run = run_cli({"upgrade"}, postgres);
  EXPECT_EQ(run.exit_code, kCliError);
  EXPECT_EQ(run.err,
            "error: CliConfig::driver is a sqlite database, but CliConfig::dialect is "
            "postgresql\n");
  EXPECT_FALSE(has_version_table(*open));
}

TEST_F(OpenDriver, NoDriverReturnedIsAnError) {
  CliConfig none = config();
  none.open_driver = [] { return std::unique_ptr<Driver>(); };
  const CliRun run = run_cli({"current"}, none);
  EXPECT_EQ(run.exit_code, kCliError);
  EXPECT_EQ(run.err, "error: CliConfig::open_driver returned no driver\n");
}

TEST_F(OpenDriver, AGivenDriverTakesPrecedenceOverOpenDriver) {
  const std::unique_ptr<SqliteDriver> open = SqliteDriver::open(dir_.file("other.db"));
  CliConfig both = config();
  both.driver = open.get();
  ASSERT_EQ(run_cli({"upgrade"}, both).exit_code, 0);
  EXPECT_EQ(opens_, 0);
  EXPECT_FALSE(std::filesystem::exists(path_));
  EXPECT_EQ(open->query("SELECT count(*) FROM tempest_db_migrations").rows.at(0).at(0), "2");
}

}  // namespace
}  // namespace tempest::testing
