// tempest errors: exit code 2 and one line on stderr naming what is at fault, never a
// password; help on every command.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_fixtures.hpp"
#include "support/run_tool.hpp"
#include "support/temp_dir.hpp"

namespace tempest::testing {
namespace {

// Exit 2, nothing on stdout, exactly one line on stderr; returns that line.
std::string failure(const ToolRun& run) {
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_TRUE(run.err.starts_with("tempest: ")) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  return run.err;
}

TEST(ToolErrors, MissingSqliteFileIsNamedAndNotCreated) {
  TempDir dir;
  const std::string path = dir.file("missing.db");
  EXPECT_EQ(failure(run_tool({"inspect", "sqlite:" + path})),
            "tempest: sqlite:" + path + ": no such file: " + path + "\n");
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_EQ(failure(run_tool({"diff", "sqlite::memory:", "sqlite:" + path})),
            "tempest: sqlite:" + path + ": no such file: " + path + "\n");
}

TEST(ToolErrors, FileThatIsNotADatabase) {
  TempDir dir;
  const std::string path = dir.write("notes.db", "these are not the pages of a database\n");
  const std::string line = failure(run_tool({"inspect", "sqlite:" + path}));
  EXPECT_TRUE(line.starts_with("tempest: sqlite:" + path + ": ")) << line;
  EXPECT_NE(line.find("not a database"), std::string::npos) << line;
}

TEST(ToolErrors, UnknownSource) {
  EXPECT_EQ(failure(run_tool({"inspect", "mysql://root@localhost/app"})),
            "tempest: \"mysql://root@localhost/app\" is not a schema source: expected "
            "sqlite:PATH, postgresql://..., or a JSON schema file (file:PATH or PATH.json)\n");
  EXPECT_EQ(failure(run_tool({"diff", "sqlite:", "x.json"})),
            "tempest: \"sqlite:\": the URL names no path\n");
}

TEST(ToolErrors, MalformedJsonNamesTheFileAndTheJsonPath) {
  TempDir dir;
  const std::string json = dir.write(
      "schema.json",
      R"({"format": "tempest.schema", "version": 1, "enums": [], "tables": [{"name": 7}]})");
  EXPECT_EQ(failure(run_tool({"diff", json, "sqlite::memory:"})),
            "tempest: " + json + ": $.tables[0].name: expected a string\n");
  const std::string broken = dir.write("broken.json", "{\"format\": \n");
  const std::string line = failure(run_tool({"inspect", broken}));
  EXPECT_TRUE(line.starts_with("tempest: " + broken + ": $: not JSON")) << line;
}

TEST(ToolErrors, MissingJsonFileIsNamed) {
  TempDir dir;
  const std::string json = dir.file("nowhere.json");
  EXPECT_EQ(failure(run_tool({"diff", "sqlite::memory:", json})),
            "tempest: " + json + ": cannot read the file: No such file or directory\n");
}

// Port 1 on loopback refuses connections: the message is libpq's, on one line, and neither
// the password nor its decoded form appears anywhere.
TEST(ToolErrors, UnreachablePostgresHidesThePassword) {
  const std::string url = "postgresql://alice:s3cr%40t-pw@127.0.0.1:1/app";
  ToolRun run = run_tool({"inspect", url});
  const std::string line = failure(run);
  EXPECT_TRUE(line.starts_with("tempest: postgresql://alice:****@127.0.0.1:1/app: ")) << line;
  EXPECT_EQ(line.find("s3cr"), std::string::npos);
  EXPECT_EQ(line.find("t-pw"), std::string::npos);

  ToolRun query = run_tool({"diff", "postgres://bob@127.0.0.1:1/app?password=hunter22", "x.json"});
  const std::string query_line = failure(query);
  EXPECT_TRUE(query_line.starts_with("tempest: postgres://bob@127.0.0.1:1/app?password=****: "))
      << query_line;
  EXPECT_EQ(query_line.find("hunter22"), std::string::npos);
}

// CLI11's own messages repeat arguments: they are masked as well.
TEST(ToolErrors, ParseErrorsAreOneLineWithoutPasswords) {
  const std::string extra = failure(
      run_tool({"inspect", "sqlite::memory:", "postgresql://carol:topsecret@db.example/x"}));
  EXPECT_EQ(extra.find("topsecret"), std::string::npos) << extra;
  EXPECT_NE(extra.find("carol:****@"), std::string::npos) << extra;
  EXPECT_EQ(failure(run_tool({})), "tempest: A subcommand is required (see tempest --help)\n");
  failure(run_tool({"inspect"}));
  failure(run_tool({"diff", "sqlite::memory:"}));
  failure(run_tool({"frobnicate"}));
  failure(run_tool({"inspect", "sqlite::memory:", "--json", "--mermaid"}));
  failure(run_tool({"diff", "a.json", "b.json", "--dialect", "oracle"}));
}

TEST(ToolHelp, EveryCommandHasHelp) {
  ToolRun top = run_tool({"--help"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("Usage: tempest [OPTIONS] SUBCOMMAND"), std::string::npos) << top.out;
  EXPECT_NE(top.out.find("inspect"), std::string::npos);
  EXPECT_NE(top.out.find("diff"), std::string::npos);

  ToolRun inspect = run_tool({"inspect", "--help"});
  EXPECT_EQ(inspect.exit_code, 0);
  EXPECT_NE(inspect.out.find("Usage: tempest inspect [OPTIONS] URL"), std::string::npos)
      << inspect.out;
  for (const char* flag : {"--json", "--sql", "--mermaid", "--dialect"}) {
    EXPECT_NE(inspect.out.find(flag), std::string::npos) << flag;
  }

  ToolRun diff = run_tool({"diff", "--help"});
  EXPECT_EQ(diff.exit_code, 0);
  EXPECT_NE(diff.out.find("Usage: tempest diff [OPTIONS] FROM TO"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("--sql"), std::string::npos);
  EXPECT_EQ(diff.err, "");
}

}  // namespace
}  // namespace tempest::testing
