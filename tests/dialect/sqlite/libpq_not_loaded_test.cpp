// libpq and the twenty-odd libraries it depends on are opened by the first PostgreSQL
// connection only: a program that works on SQLite alone never loads them.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../../cli/migration_cli_fixture.hpp"
#include "support/loaded_objects.hpp"
#include "support/run_tool.hpp"

namespace tempest::testing {
namespace {

std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += name + " ";
  return text;
}

TEST_F(MigrationCliSqlite, UpgradeHistoryAndInspectNeverLoadLibpq) {
  ASSERT_FALSE(object_loaded("libpq.so"))
      << "libpq was loaded before the test began: " << listed(loaded_objects());
  ASSERT_TRUE(object_loaded("libsqlite3.so")) << listed(loaded_objects());

  const std::vector<Migration> migrations = {blog_init(), blog_published()};
  const CliRun upgrade = run_cli({"upgrade"}, config(migrations, blog_v2()));
  ASSERT_EQ(upgrade.exit_code, 0) << upgrade.err;
  const CliRun history = run_cli({"history"}, config(migrations, blog_v2()));
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_EQ(history.out,
            "*  0002_add_published (head): add published\n"
            "*  0001_init: create users and posts\n");
  EXPECT_EQ(run_cli({"current"}, config(migrations, blog_v2())).out, "0002_add_published (head)\n");
  const ToolRun inspect = run_tool({"inspect", "sqlite:" + dir_.file("app.db"), "--json"});
  ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
  EXPECT_NE(inspect.out.find("\"published\""), std::string::npos) << inspect.out;

  EXPECT_FALSE(object_loaded("libpq.so")) << listed(loaded_objects());
}

}  // namespace
}  // namespace tempest::testing
