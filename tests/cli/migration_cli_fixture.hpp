#pragma once

// The blog (User and Post) driven through run_migration_cli on a real SQLite
// file in a temporary directory, with a fixed clock and string streams.

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "../../examples/blog/models.hpp"
#include "support/temp_dir.hpp"
#include "tempest/cli.hpp"
#include "tempest/diff.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

[[nodiscard]] inline CliRun run_cli(const std::vector<std::string>& args, CliConfig config) {
  std::ostringstream out;
  std::ostringstream err;
  config.out = &out;
  config.err = &err;
  const int code = run_migration_cli(args, config);
  return {code, out.str(), err.str()};
}

inline Schema blog_v1() { return reflect_schema(blog::user_model(), blog::v1::post_model()); }
inline Schema blog_v2() { return reflect_schema(blog::user_model(), blog::v2::post_model()); }

// The migrations a rebuild would collect after each `revision --autogenerate`
// of the seed.
inline Migration blog_init() {
  return make_migration("0001_init", {}, "create users and posts",
                        diff_schema(empty_schema(), blog_v1()));
}
inline Migration blog_published() {
  return make_migration("0002_add_published", {"0001_init"}, "add published",
                        diff_schema(blog_v1(), blog_v2()));
}

class MigrationCliSqlite : public ::testing::Test {
 protected:
  [[nodiscard]] CliConfig config(std::vector<Migration> migrations, Schema models) {
    return {.driver = driver_.get(),
            .dialect = DialectKind::Sqlite,
            .migrations = std::move(migrations),
            .models = std::move(models),
            .migrations_dir = dir_.path() / "migrations",
            .now = [] { return std::string("2024-05-01T12:00:00Z"); }};
  }
  [[nodiscard]] std::string scalar(const std::string& sql) {
    return driver_->query(sql).rows.at(0).at(0).value_or("NULL");
  }

  TempDir dir_;
  std::unique_ptr<SqliteDriver> driver_ = SqliteDriver::open(dir_.file("app.db"));
};

}  // namespace tempest::testing
