// The built `tempest` executable (TEMPEST_TOOL_PATH), run as a process: arguments, streams
// and exit codes reach the shell.

#include <gtest/gtest.h>

#include <string>

#include "cli_fixtures.hpp"
#include "support/run_tool.hpp"
#include "support/temp_dir.hpp"

namespace tempest::testing {
namespace {

std::string tempest_command(const std::string& arguments) {
  return shell_quote(TEMPEST_TOOL_PATH) + " " + arguments;
}

TEST(TempestExecutable, DiffInspectAndErrors) {
  TempDir dir;
  const std::string from =
      make_sqlite_db(dir, "from.db", "CREATE TABLE t (id INTEGER PRIMARY KEY)");
  const std::string to =
      make_sqlite_db(dir, "to.db", "CREATE TABLE t (id INTEGER PRIMARY KEY, note text)");

  ToolRun diff = run_command(
      tempest_command("diff " + shell_quote("sqlite:" + from) + " " + shell_quote("sqlite:" + to)));
  EXPECT_EQ(diff.exit_code, 1);
  EXPECT_EQ(diff.out, run_tool({"diff", "sqlite:" + from, "sqlite:" + to}).out);
  EXPECT_NE(diff.out.find("t.note"), std::string::npos) << diff.out;
  EXPECT_EQ(diff.err, "");

  ToolRun same = run_command(tempest_command("diff " + shell_quote("sqlite:" + from) + " " +
                                             shell_quote("sqlite:" + from)));
  EXPECT_EQ(same.exit_code, 0);
  EXPECT_EQ(same.out, "");

  ToolRun inspect = run_command(tempest_command("inspect " + shell_quote("sqlite:" + to)));
  EXPECT_EQ(inspect.exit_code, 0);
  EXPECT_EQ(inspect.out,
            "table t\n"
            "  columns:\n"
            "    id    bigint  not null  identity\n"
            "    note  text    null\n"
            "  primary key: pk_t (id)\n");

  ToolRun error = run_command(tempest_command("inspect nope"));
  EXPECT_EQ(error.exit_code, 2);
  EXPECT_EQ(error.out, "");
  EXPECT_EQ(error.err,
            "tempest: \"nope\" is not a schema source: expected sqlite:PATH, postgresql://..., "
            "or a JSON schema file (file:PATH or PATH.json)\n");

  ToolRun help = run_command(tempest_command("diff --help"));
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Usage: tempest diff"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace tempest::testing
