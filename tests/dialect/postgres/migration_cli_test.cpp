// The seed's workflow through run_migration_cli on PostgreSQL, and the
// PostgreSQL warnings of revision --autogenerate.

#include <gtest/gtest.h>

#include "../../cli/migration_cli_walkthrough.hpp"
#include "support/pg_cluster.hpp"

namespace tempest::testing {
namespace {

TEST(MigrationCliPostgres, SeedWalkthrough) {
  TempPgDatabase database;
  TempDir dir;
  cli_seed_walkthrough(database.driver(), DialectKind::Postgres, dir.path());
}

TEST(MigrationCliPostgres, WarnsAboutTableRewrites) {
  TempDir dir;
  Schema models = blog_v1();
  for (Table& table : models.tables) {
    for (Column& column : table.columns) {
      if (table.name == "posts" && column.name == "user_id") column.type.kind = TypeKind::Int32;
    }
  }
  CliConfig config{.driver = nullptr,
                   .dialect = DialectKind::Postgres,
                   .migrations = {blog_init()},
                   .models = models,
                   .migrations_dir = dir.path() / "migrations"};
  const CliRun run = run_cli({"revision", "-m", "narrow", "--autogenerate"}, config);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("warning: alter column posts.user_id: narrowing type change (values "
                         "may not fit the smaller integer)\n"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("warning: alter column posts.user_id: PostgreSQL "
                         "rewrites posts under "
                         "an ACCESS EXCLUSIVE lock to change the type\n"),
            std::string::npos)
      << run.out;
}

}  // namespace
}  // namespace tempest::testing
