#pragma once

// The seed's workflow through the CLI, the way a user types it, on any engine:
// the first migration from the models, upgrade, `published` added to Post, the
// next migration, upgrade, downgrade 1, history, drift. Between two `revision`
// commands the test does what a rebuild does: it adds the migration the new
// file holds to the collected ones.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_fixtures.hpp"
#include "migration_cli_fixture.hpp"

namespace tempest::testing {

inline void cli_seed_walkthrough(Driver& driver, DialectKind dialect,
                                 const std::filesystem::path& dir) {
  const auto contains = [](const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  };
  CliConfig config{.driver = &driver,
                   .dialect = dialect,
                   .migrations = {},
                   .models = blog_v1(),
                   .migrations_dir = dir / "migrations",
                   .now = [] { return std::string("2024-05-01T12:00:00Z"); }};

  // 1. The first migration from the models.
  CliRun run = run_cli(
      {"revision", "-m", "create users and posts", "--autogenerate", "--rev-id", "0001_init"},
      config);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "migrations" / "0001_init.cpp"));
  config.migrations.push_back(blog_init());  // the rebuild collects it

  // 2. Apply.
  run = run_cli({"upgrade"}, config);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "applied 0001_init (create users and posts)")) << run.out;
  EXPECT_EQ(run_cli({"check"}, config).exit_code, 0);

  // 3. `published` added to Post: check fails, autogenerate finds the column.
  config.models = blog_v2();
  EXPECT_EQ(run_cli({"check"}, config).exit_code, 1);
  run = run_cli({"revision", "-m", "add published", "--autogenerate"}, config);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "detected add column posts.published")) << run.out;
  const std::string text = read_text_file((dir / "migrations" / "0002_add_published.cpp").string());
  EXPECT_TRUE(contains(text, "add_column(\"posts\"")) << text;
  config.migrations.push_back(blog_published());
  EXPECT_EQ(run_cli({"check"}, config).exit_code, 0);

  run = run_cli({"upgrade"}, config);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "applied 0002_add_published (add published)")) << run.out;
  EXPECT_EQ(run_cli({"current"}, config).out, "0002_add_published (head)\n");
  run = run_cli({"drift"}, config);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;

  // 4. Revert the last one.
  run = run_cli({"downgrade", "1"}, config);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(contains(run.out, "reverted 0002_add_published")) << run.out;
  EXPECT_EQ(run_cli({"current"}, config).out, "0001_init\n");

  // 5. History, and the drift gate: the database lacks a pending migration.
  EXPECT_EQ(run_cli({"history"}, config).out,
            "*  0002_add_published (head): add published\n"
            "*  0001_init: create users and posts\n");
  run = run_cli({"drift"}, config);
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_TRUE(contains(run.out, "0002_add_published") || contains(run.out, "published")) << run.out;
  run = run_cli({"upgrade"}, config);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run_cli({"drift"}, config).exit_code, 0);
}

}  // namespace tempest::testing
