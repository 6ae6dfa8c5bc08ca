// Wrong command lines given to run_migration_cli against a migrated database: exit code 2, one
// line on stderr that names the bad argument and says what to do, nothing on stdout, and the
// database (schema, rows, version table) exactly as before.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "hostile_database.hpp"
#include "hostile_history.hpp"
#include "support/temp_dir.hpp"
#include "tempest/build.hpp"
#include "tempest/cli.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

struct BadCommand {
  std::vector<std::string> args;
  std::string fault;  // the message names the fault: this text appears in it
  std::string hint;   // and says what to do: this text appears in it too ("": no check)
};

class CliArguments : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = open_database(GetParam());
    db_->driver().execute("CREATE TABLE victim (id integer)");
    MigrationRunner runner(db_->driver(), db_->dialect());
    ASSERT_EQ(runner.upgrade(hostile_history(), "2024-01-01T00:00:00Z").size(), 3u);
  }

  [[nodiscard]] CliRun run(const std::vector<std::string>& args,
                           std::vector<Migration> migrations = hostile_history()) {
    std::ostringstream out;
    std::ostringstream err;
    const CliConfig config{
        .driver = &db_->driver(),
        .dialect = GetParam() == Engine::Sqlite ? DialectKind::Sqlite : DialectKind::Postgres,
        .migrations = std::move(migrations),
        .models = replay_schema(hostile_history()),
        .migrations_dir = dir_.path() / "migrations",
        .out = &out,
        .err = &err,
        .now = [] { return std::string("2024-05-01T12:00:00Z"); }};
    const int code = run_migration_cli(args, config);
    return {code, out.str(), err.str()};
  }
  [[nodiscard]] DatabaseSnapshot state() { return snapshot(db_->driver(), db_->dialect()); }

  // Each command fails with exit 2 and its message, and changes nothing.
  void expect_failures(const std::vector<BadCommand>& commands) {
    const DatabaseSnapshot before = state();
    for (const BadCommand& command : commands) {
      std::string shown;
      for (const std::string& arg : command.args) shown += " [" + arg.substr(0, 60) + "]";
      SCOPED_TRACE(shown);
      const CliRun result = run(command.args);
      EXPECT_EQ(result.exit_code, kCliError);
      EXPECT_EQ(result.out, "");
      ASSERT_TRUE(result.err.starts_with("error: ")) << result.err;
      ASSERT_TRUE(result.err.ends_with("\n")) << result.err;
      EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
      const std::string line = result.err.substr(7, result.err.size() - 8);
      EXPECT_NE(line.find(command.fault), std::string::npos) << line.substr(0, 400);
      EXPECT_NE(line.find(command.hint), std::string::npos) << line.substr(0, 400);
      EXPECT_TRUE(same_snapshot(state(), before));
    }
    EXPECT_TRUE(std::filesystem::is_empty(dir_.path()));  // no migration file written
  }

  TempDir dir_;
  std::unique_ptr<EngineDatabase> db_;
};

TEST_P(CliArguments, UsageErrorsPointToHelp) {
  expect_failures({
      {{"frobnicate"}, "frobnicate", "--help"},
      {{"upgarde", "--sql"}, "upgarde", "--help"},  // a misspelt command is named too
      {{"upgrade", "--frobnicate"}, "--frobnicate", "--help"},
      {{"--frobnicate", "upgrade"}, "--frobnicate", "--help"},
      {{"upgrade", "heads", "heads"}, "heads", "--help"},
      {{"downgrade"}, "TARGET is required", "--help"},
      {{"show"}, "REVISION is required", "--help"},
      {{"stamp"}, "REVISION is required", "--help"},
      {{"history", "-r"}, "--rev-range", "--help"},
      {{"revision", "-m"}, "--message", "--help"},
      {{"revision", "-m", "x", "--rev-id"}, "--rev-id", "--help"},
      {{"merge", "-m", "x"}, "REVISIONS is required", "--help"},
      {{"--quiet", "--verbose", "current"}, "--verbose", "--help"},
      {{"current", "--json=maybe"}, "--json", "--help"},
  });
}

TEST_P(CliArguments, BadUpgradeTargets) {
  const std::string long_target(100000, 'z');
  const std::string unknown = "unknown revision ";
  expect_failures({
      {{"upgrade", "+x"}, unknown + "\"+x\"", "history"},
      {{"upgrade", "-0"}, "upgrade target \"-0\" goes down", "use downgrade"},
      {{"upgrade", "-1"}, "upgrade target \"-1\" goes down", "use downgrade"},
      {{"upgrade", "+1"}, "target \"+1\": no migration is pending", ""},
      {{"upgrade", "+99999999999"}, "target \"+99999999999\": count too large", ""},
      {{"upgrade", "abc@head"}, unknown + "\"abc\"", "history"},
      {{"upgrade", "heads@head"}, unknown + "\"heads\"", "history"},
      {{"upgrade", "@head"}, unknown + "\"@head\"", "history"},
      {{"upgrade", "000"},
       "revision prefix \"000\" is ambiguous: it matches \"" + kFirstRevision + "\", \"" +
           kSecondRevision + "\", \"" + kThirdRevision + "\"",
       ""},
      {{"upgrade", ""}, "empty revision name", ""},
      {{"upgrade", long_target}, unknown + "\"" + long_target + "\"", "history"},
      {{"upgrade", "x'; DROP TABLE victim; --"},
       unknown + "\"x'; DROP TABLE victim; --\"",
       "history"},
      {{"upgrade", "\"; DELETE FROM tempest_db_migrations; --"},
       unknown + "\"\"; DELETE FROM tempest_db_migrations; --\"",
       "history"},
      {{"upgrade", "--sql", "nosuch:heads"}, unknown + "\"nosuch\"", "history"},
      {{"stamp", "nosuch"}, unknown + "\"nosuch\"", "history"},
      {{"show", ""}, "empty revision name", ""},
  });
}

TEST_P(CliArguments, BadDowngradeTargets) {
  const std::string unknown = "unknown revision ";
  expect_failures({
      {{"downgrade", "+1"}, "downgrade target \"+1\" goes up", "use upgrade"},
      {{"downgrade", "heads"},
       "downgrade target \"heads\" names no revision",
       "give a revision, -N or base"},
      {{"downgrade", "abc@head"}, unknown + "\"abc\"", "history"},
      {{"downgrade", "000"}, "revision prefix \"000\" is ambiguous: it matches", ""},
      {{"downgrade", ""}, "empty revision name", ""},
      {{"downgrade", "-99999999999"}, "target \"-99999999999\": count too large", ""},
      {{"downgrade", "x'; DROP TABLE victim; --"},
       unknown + "\"x'; DROP TABLE victim; --\"",
       "history"},
  });
}

// Further down than the base: refused, naming how many are applied and what reverts them all.
TEST_P(CliArguments, DowngradeFurtherThanTheBase) {
  expect_failures({
      {{"downgrade", "-4"}, "target \"-4\": only 3 migrations are applied", "base"},
      {{"downgrade", "4"}, "target \"4\": only 3 migrations are applied", "base"},
  });
}

// Past the base: every migration reverted, then one more is an error and changes nothing.
TEST_P(CliArguments, DowngradePastBase) {
  ASSERT_EQ(run({"downgrade", "base"}).exit_code, kCliOk);
  EXPECT_EQ(run({"downgrade", "base"}).out, "nothing to revert\n");
  expect_failures({
      {{"downgrade", "-1"}, "target \"-1\": no migration is applied", ""},
      {{"downgrade", kFirstRevision},
       "downgrade target \"" + kFirstRevision + "\" is not applied: nothing above it to revert",
       ""},
  });
}

// -0 reverts nothing, as +0 applies nothing: a no-op, not an error.
TEST_P(CliArguments, ZeroCountsAreNoOps) {
  const DatabaseSnapshot before = state();
  const CliRun down = run({"downgrade", "-0"});
  EXPECT_EQ(down.exit_code, kCliOk) << down.err;
  EXPECT_EQ(down.out, "nothing to revert\n");
  const CliRun up = run({"upgrade", "+0"});
  EXPECT_EQ(up.exit_code, kCliOk) << up.err;
  EXPECT_EQ(up.out, "nothing to upgrade: +0 is applied\n");
  EXPECT_TRUE(same_snapshot(state(), before));
}

// The checksum error names the flag that accepts the change; the flag must exist.
TEST_P(CliArguments, ChangedChecksumNamesAFlagThatExists) {
  std::vector<Migration> edited = hostile_history();
  edited[1] = make_migration(
      kSecondRevision, {kFirstRevision}, "edited",
      {build::add_column(kHostileTable,
                         build::column("note", build::text()).nullable().default_literal("y"))});
  const DatabaseSnapshot before = state();
  const CliRun refused = run({"upgrade"}, edited);
  EXPECT_EQ(refused.exit_code, kCliError);
  EXPECT_NE(refused.err.find("--accept-changed-checksums"), std::string::npos) << refused.err;
  EXPECT_TRUE(same_snapshot(state(), before));
  const CliRun accepted = run({"upgrade", "--accept-changed-checksums"}, edited);
  EXPECT_EQ(accepted.exit_code, kCliOk) << accepted.err;
  EXPECT_EQ(MigrationRunner(db_->driver(), db_->dialect()).applied().at(1).checksum,
            migration_checksum(edited[1]));
}

INSTANTIATE_TEST_SUITE_P(Engines, CliArguments, ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace
}  // namespace tempest::testing
