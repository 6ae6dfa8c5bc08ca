// Every error of run_migration_cli: exit code 2, nothing on stdout, one line on stderr that
// names the revision, file or object at fault and says what to do next.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include "migration_cli_fixture.hpp"

namespace tempest::testing {
namespace {

Migration node(const std::string& revision, std::vector<std::string> parents) {
  return make_migration(revision, std::move(parents), revision.substr(5), {});
}

std::vector<Migration> two_heads() {
  return {blog_init(), node("0002_a", {"0001_init"}), node("0002_b", {"0001_init"})};
}

class CliErrors : public MigrationCliSqlite {
 protected:
  // Runs `args`, expects a failure, and returns the error line.
  std::string error_of(const std::vector<std::string>& args, const CliConfig& config) {
    const CliRun run = run_cli(args, config);
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    return run.err;
  }
  std::string error_of(const std::vector<std::string>& args,
                       const std::vector<Migration>& migrations) {
    return error_of(args, config(migrations, blog_v1()));
  }
  std::string migrations_dir() const { return (dir_.path() / "migrations").string(); }
};

TEST_F(CliErrors, UnknownRevisionPointsToHistory) {
  const std::string expected =
      "error: unknown revision \"nosuch\": run `history` to list the revisions\n";
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"show", "nosuch"},
           {"upgrade", "nosuch"},
           {"upgrade", "--sql", "nosuch:heads"},
           {"downgrade", "nosuch"},
           {"stamp", "nosuch"},
           {"history", "-r", "nosuch:"},
           {"revision", "-m", "x", "--head", "nosuch"},
           {"revision", "-m", "x", "--head", "0002_a", "--depends-on", "nosuch"},
           {"merge", "-m", "x", "0002_a", "nosuch"},
           {"upgrade", "nosuch@head"}}) {
    EXPECT_EQ(error_of(args, two_heads()), expected) << args.at(0);
  }
}

// A file written by `revision` is collected at the next build: until then it is named.
TEST_F(CliErrors, RevisionWrittenButNotCollected) {
  ASSERT_EQ(run_cli({"revision", "-m", "data fix", "--rev-id", "0002_fix"},
                    config({blog_init()}, blog_v1()))
                .exit_code,
            0);
  const std::string file = migrations_dir() + "/0002_fix.cpp";
  EXPECT_EQ(error_of({"upgrade", "0002_fix"}, {blog_init()}),
            "error: unknown revision \"0002_fix\": " + file +
                " exists but is not collected yet: rebuild the application, then run the "
                "command again\n");
  // A second revision before the rebuild would get the wrong parent.
  EXPECT_EQ(error_of({"revision", "-m", "next"}, {blog_init()}),
            "error: " + file +
                " is not collected yet (no revision 0002_fix among the migrations): rebuild the "
                "application before writing the next revision, or remove the file\n");
  EXPECT_EQ(error_of({"merge", "-m", "join", "heads"}, two_heads()),
            "error: " + file +
                " is not collected yet (no revision 0002_fix among the migrations): rebuild the "
                "application before writing the next revision, or remove the file\n");
}

TEST_F(CliErrors, AmbiguousPrefixAsksForMore) {
  EXPECT_EQ(error_of({"show", "0002"}, two_heads()),
            "error: revision prefix \"0002\" is ambiguous: it matches \"0002_a\", \"0002_b\"; "
            "type more of the revision id\n");
  EXPECT_EQ(error_of({"upgrade", "0002"}, two_heads()),
            "error: revision prefix \"0002\" is ambiguous: it matches \"0002_a\", \"0002_b\"; "
            "type more of the revision id\n");
}

TEST_F(CliErrors, HeadAmongSeveralHeads) {
  const std::string expected =
      "error: target \"head\" is ambiguous: there are 2 heads (\"0002_a\", \"0002_b\"): use "
      "heads for all of them, REV@head for the head of REV's branch, or join them with "
      "`merge -m MSG heads`\n";
  EXPECT_EQ(error_of({"upgrade", "head"}, two_heads()), expected);
  EXPECT_EQ(error_of({"stamp", "head"}, two_heads()), expected);
  EXPECT_EQ(error_of({"show", "head"}, two_heads()), expected);
  EXPECT_EQ(error_of({"upgrade", "0001_init@head"}, two_heads()),
            "error: target \"0001_init@head\" is ambiguous: \"0001_init\" leads to 2 heads "
            "(\"0002_a\", \"0002_b\"); name one of them\n");
  EXPECT_EQ(error_of({"upgrade", "head"}, std::vector<Migration>{}),
            "error: target \"head\": there are no migrations yet: write the first with "
            "`revision --autogenerate -m MSG`\n");
  // What works instead.
  EXPECT_EQ(run_cli({"upgrade", "0002_b@head"}, config(two_heads(), blog_v1())).exit_code, 0);
  EXPECT_EQ(run_cli({"upgrade", "heads"}, config(two_heads(), blog_v1())).exit_code, 0);
}

TEST_F(CliErrors, SeveralHeadsForANewRevision) {
  EXPECT_EQ(error_of({"revision", "-m", "x"}, two_heads()),
            "error: several heads (0002_a, 0002_b): pass --head REV to choose the parent, or "
            "merge them first with `merge -m MSG 0002_a 0002_b`\n");
  EXPECT_EQ(error_of({"merge", "-m", "x", "0002_a"}, two_heads()),
            "error: merge needs two or more distinct revisions (got 1): name the heads to join "
            "(the heads are 0002_a 0002_b)\n");
  EXPECT_EQ(error_of({"merge", "-m", "x", "heads"}, std::vector<Migration>{blog_init()}),
            "error: merge needs two or more distinct revisions (got 1): name the heads to join; "
            "there is only one head, nothing to merge\n");
}

TEST_F(CliErrors, NewRevisionIds) {
  EXPECT_EQ(error_of({"revision", "-m", "x", "--rev-id", "0002_a"}, two_heads()),
            "error: revision 0002_a already exists: choose another id with --rev-id\n");
  EXPECT_EQ(error_of({"merge", "-m", "x", "--rev-id", "0001_init", "heads"}, two_heads()),
            "error: revision 0001_init already exists: choose another id with --rev-id\n");
  EXPECT_EQ(error_of({"revision", "-m", "x", "--rev-id", "a b"}, {blog_init()}),
            "error: revision id \"a b\" may hold only letters, digits, '_' and '-': choose "
            "another with --rev-id\n");
}

TEST_F(CliErrors, MigrationsDirectory) {
  CliConfig no_dir = config({blog_init()}, blog_v1());
  no_dir.migrations_dir.clear();
  EXPECT_EQ(error_of({"revision", "-m", "x"}, no_dir),
            "error: no migrations directory: set CliConfig::migrations_dir to the directory that "
            "tempest_add_migrations() collects\n");

  // Under a regular file: the directory cannot be created.
  const std::string file = dir_.write("not-a-directory", "");
  CliConfig under_file = config({blog_init()}, blog_v1());
  under_file.migrations_dir = std::filesystem::path(file) / "migrations";
  EXPECT_EQ(error_of({"revision", "-m", "x"}, under_file),
            "error: cannot create the migrations directory " + file +
                "/migrations: Not a directory: create it, or set CliConfig::migrations_dir to a "
                "writable directory\n");

  // A directory where no file can be created, even by root.
  CliConfig unwritable = config({blog_init()}, blog_v1());
  unwritable.migrations_dir = "/proc/self";
  EXPECT_EQ(error_of({"revision", "-m", "x"}, unwritable),
            "error: cannot write /proc/self/0002_x.cpp: No such file or directory: make "
            "/proc/self writable, or set CliConfig::migrations_dir\n");
}

TEST_F(CliErrors, BrokenHistoryNamesTheRevisionAndWhereToFixIt) {
  const std::string fix =
      "; fix the migration files in " + migrations_dir() + ", then rebuild the application\n";
  EXPECT_EQ(error_of({"heads"}, {blog_init(), node("0003_x", {"0002_gone"})}),
            "error: revision \"0003_x\" names unknown down revision \"0002_gone\"" + fix);
  EXPECT_EQ(error_of({"upgrade"}, {blog_init(), blog_init()}),
            "error: duplicate revision \"0001_init\"" + fix);
}

TEST_F(CliErrors, ChangedChecksumNamesTheFlag) {
  ASSERT_EQ(run_cli({"upgrade"}, config({blog_init()}, blog_v1())).exit_code, 0);
  // The users table gains a comment in the code after the migration ran.
  std::vector<Operation> up = blog_init().up;
  for (Operation& op : up) {
    if (auto* create = std::get_if<CreateTable>(&op); create && create->table.name == "users") {
      create->table.comment = "people";
    }
  }
  const Migration edited = make_migration("0001_init", {}, "create users and posts", up);
  const std::string line = error_of({"upgrade"}, {edited, blog_published()});
  EXPECT_TRUE(line.starts_with("error: migration \"0001_init\" (recorded ")) << line;
  EXPECT_TRUE(line.ends_with(
      ") has changed since applied: revert the edit, or accept the change "
      "(RunnerOptions::accept_changed_checksums, --accept-changed-checksums in the CLI), which "
      "records the new checksum without running anything\n"))
      << line;
  EXPECT_TRUE(error_of({"downgrade", "base"}, {edited})
                  .starts_with("error: migration \"0001_init\" (recorded "));

  const CliRun accepted =
      run_cli({"upgrade", "--accept-changed-checksums"}, config({edited, blog_published()}, {}));
  ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
  EXPECT_TRUE(
      accepted.out.starts_with("accepted the changed checksum of 0001_init\n"
                               "applied 0002_add_published (add published) in "))
      << accepted.out;
}

TEST_F(CliErrors, RevisionInTheDatabaseMissingFromTheCode) {
  ASSERT_EQ(run_cli({"upgrade"}, config({blog_init(), blog_published()}, {})).exit_code, 0);
  EXPECT_EQ(error_of({"current"}, {blog_init()}),
            "error: revision \"0002_add_published\" is applied in the database (version table "
            "\"tempest_db_migrations\") but missing from the migrations: restore the migration "
            "files, or stamp the database to a revision of the code\n");
}

TEST_F(CliErrors, UsageErrorsPointToTheCommandsHelp) {
  EXPECT_EQ(error_of({"revision"}, {blog_init()}),
            "error: --message is required (see `revision --help`)\n");
  EXPECT_EQ(error_of({"frobnicate"}, {blog_init()}),
            "error: unknown command \"frobnicate\": the commands are revision, merge, upgrade, "
            "downgrade, current, heads, branches, history, show, stamp, check, drift (see "
            "`--help`)\n");
  EXPECT_EQ(error_of({}, {blog_init()}), "error: A subcommand is required (see `--help`)\n");
  EXPECT_EQ(error_of({"--bogus", "upgrade"}, {blog_init()}),
            "error: The following argument was not expected: --bogus (see `upgrade --help`)\n");
  EXPECT_EQ(error_of({"upgrade", "--bogus"}, {blog_init()}),
            "error: The following argument was not expected: --bogus (see `upgrade --help`)\n");
}

// Drift is a result, not an error: exit 1, the issues, then what to do about each kind.
TEST_F(CliErrors, DriftSaysWhatToDoNext) {
  ASSERT_EQ(run_cli({"upgrade"}, config({blog_init()}, blog_v1())).exit_code, 0);
  driver_->execute("ALTER TABLE posts ADD COLUMN hack text");
  const CliRun run = run_cli({"drift"}, config({blog_init(), blog_published()}, blog_v2()));
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(run.out.ends_with(
      "hint: migrations are pending: run `upgrade` first\n"
      "hint: the database was changed outside the migrations: undo the change, or add it to "
      "the models and write a migration for it\n"))
      << run.out;
  const CliRun models = run_cli({"drift"}, config({blog_init()}, blog_v2()));
  EXPECT_TRUE(models.out.find("hint: the models changed: write a migration with `revision "
                              "--autogenerate -m MSG`, rebuild, then run `upgrade`\n") !=
              std::string::npos)
      << models.out;
  const CliRun quiet = run_cli({"drift", "--quiet"}, config({blog_init()}, blog_v2()));
  EXPECT_EQ(quiet.exit_code, 1);
  EXPECT_EQ(quiet.out.find("hint:"), std::string::npos) << quiet.out;
}

}  // namespace
}  // namespace tempest::testing
