// revision and merge: the files written, the operations detected and the
// warnings printed.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_fixtures.hpp"
#include "migration_cli_fixture.hpp"

namespace tempest::testing {
namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Table& table_named(Schema& schema, const std::string& name) {
  for (Table& table : schema.tables) {
    if (table.name == name) return table;
  }
  throw std::runtime_error("no table " + name);
}

Column& column_named(Table& table, const std::string& name) {
  for (Column& column : table.columns) {
    if (column.name == name) return column;
  }
  throw std::runtime_error("no column " + name);
}

TEST_F(MigrationCliSqlite, AutogenerateFirstMigrationFromTheModels) {
  const CliRun run = run_cli({"revision", "-m", "Create users and posts!", "--autogenerate"},
                             config({}, blog_v1()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  const std::filesystem::path file = dir_.path() / "migrations" / "0001_create_users_and_posts.cpp";
  ASSERT_TRUE(std::filesystem::exists(file)) << run.out;
  const std::string text = read_text_file(file.string());
  EXPECT_TRUE(has(text, "tempest_migration_0001_create_users_and_posts")) << text;
  EXPECT_TRUE(has(text, "create_table(table(\"users\",")) << text;
  EXPECT_TRUE(has(text, "table(\"posts\",")) << text;
  EXPECT_TRUE(has(text, "drop_table(")) << text;
  EXPECT_TRUE(has(run.out, "detected create table users")) << run.out;
  EXPECT_TRUE(has(run.out, "detected create table posts")) << run.out;
  EXPECT_TRUE(has(run.out, "wrote " + file.string() + "\n")) << run.out;
  EXPECT_FALSE(has(run.out, "warning:")) << run.out;
}

TEST_F(MigrationCliSqlite, AutogenerateNextMigrationAddsTheColumn) {
  const CliRun run = run_cli({"revision", "-m", "add published", "--autogenerate"},
                             config({blog_init()}, blog_v2()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::filesystem::path file = dir_.path() / "migrations" / "0002_add_published.cpp";
  const std::string text = read_text_file(file.string());
  EXPECT_TRUE(has(text, "add_column(\"posts\"")) << text;
  EXPECT_TRUE(has(text, "drop_column(\"posts\"")) << text;
  EXPECT_TRUE(has(text, "\"0001_init\"")) << text;
  EXPECT_TRUE(has(run.out, "detected add column posts.published")) << run.out;
  EXPECT_FALSE(has(run.out, "warning:")) << run.out;
}

TEST_F(MigrationCliSqlite, AutogenerateWithoutChangesWritesNothing) {
  const CliRun run =
      run_cli({"revision", "-m", "nothing", "--autogenerate"}, config({blog_init()}, blog_v1()));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "no changes detected\n");
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "migrations" / "0002_nothing.cpp"));
}

TEST_F(MigrationCliSqlite, WarnsAboutDropsNarrowingAndRenames) {
  Schema models = blog_v1();
  Table& users = table_named(models, "users");
  column_named(users, "email").type.length = 100;  // varchar(255) -> varchar(100)
  column_named(table_named(models, "posts"), "title").name = "headline";  // no hint
  const CliRun run = run_cli({"revision", "-m", "risky", "--autogenerate", "--rev-id", "r2"},
                             config({blog_init()}, models));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(has(run.out, "warning: drop column posts.title: data loss")) << run.out;
  EXPECT_TRUE(has(run.out,
                  "warning: alter column users.email: narrowing type change "
                  "(longer strings do not fit varchar(100))"))
      << run.out;
  EXPECT_TRUE(has(run.out, "NOT NULL without a default fails when posts has rows")) << run.out;
  EXPECT_TRUE(has(run.out, "renamed_from(\"title\")")) << run.out;
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "migrations" / "r2.cpp"));
}

TEST_F(MigrationCliSqlite, WarnsAboutADroppedTable) {
  const CliRun run = run_cli({"revision", "-m", "drop posts", "--autogenerate"},
                             config({blog_init()}, reflect_schema(blog::user_model())));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(has(run.out, "warning: drop table posts: data loss (every row is deleted)\n"))
      << run.out;
}

TEST_F(MigrationCliSqlite, EmptyRevisionHasTheHeadAsParent) {
  const CliRun run = run_cli({"revision", "-m", "data fix"}, config({blog_init()}, blog_v1()));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string text =
      read_text_file((dir_.path() / "migrations" / "0002_data_fix.cpp").string());
  EXPECT_TRUE(has(text, "\"0001_init\"")) << text;
  EXPECT_TRUE(has(text, "\"data fix\"")) << text;
}

TEST_F(MigrationCliSqlite, RevisionRefusesSeveralHeadsAndExistingIds) {
  const std::vector<Migration> branches{blog_init(),
                                        make_migration("0002_a", {"0001_init"}, "a", {}),
                                        make_migration("0002_b", {"0001_init"}, "b", {})};
  CliRun run = run_cli({"revision", "-m", "x"}, config(branches, blog_v1()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "error: several heads (0002_a, 0002_b): pass --head REV "
            "to choose the parent, or "
            "merge them first with `merge -m MSG 0002_a 0002_b`\n");
  run = run_cli({"revision", "-m", "x", "--head", "0002_b"}, config(branches, blog_v1()));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "migrations" / "0004_x.cpp"));
  run = run_cli({"revision", "-m", "x", "--rev-id", "0002_a"}, config(branches, blog_v1()));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(has(run.err, "revision 0002_a already exists")) << run.err;
}

TEST_F(MigrationCliSqlite, MergeWritesAMigrationWithBothParents) {
  const std::vector<Migration> branches{blog_init(),
                                        make_migration("0002_a", {"0001_init"}, "a", {}),
                                        make_migration("0002_b", {"0001_init"}, "b", {})};
  const CliRun run = run_cli({"merge", "-m", "join", "0002_a", "0002_b"}, config(branches, {}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string text = read_text_file((dir_.path() / "migrations" / "0004_join.cpp").string());
  EXPECT_TRUE(has(text, "\"0002_a\"")) << text;
  EXPECT_TRUE(has(text, "\"0002_b\"")) << text;
  EXPECT_EQ(run_cli({"merge", "-m", "join", "0002_a"}, config(branches, {})).exit_code, 2);
}

}  // namespace
}  // namespace tempest::testing
