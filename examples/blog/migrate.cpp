// The blog application's migration command, built as the README's workflow builds one: the
// application's own executable hands how to open its database, the migrations that
// tempest_add_migrations() collected from migrations/, and its models to run_migration_cli.
//
//   blog_migrate COMMAND [ARGS...]          blog_migrate history, blog_migrate upgrade, ...
//
// The database is $BLOG_DATABASE_URL: sqlite:PATH (default sqlite:blog.db) or a postgresql://
// URL. `revision` and `merge` write their files into this example's migrations/ folder; a
// rebuild collects them.

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "models.hpp"
#include "tempest/cli.hpp"
#include "tempest/migration_file.hpp"
#include "tempest/tempest.hpp"

namespace {

// The engine the URL names, known before connecting.
tempest::DialectKind dialect_of(const std::string& url) {
  if (url.starts_with("sqlite:")) return tempest::DialectKind::Sqlite;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return tempest::DialectKind::Postgres;
  }
  throw tempest::Error("BLOG_DATABASE_URL is neither sqlite:PATH nor a postgresql:// URL");
}

std::unique_ptr<tempest::Driver> open_database(const std::string& url) {
  try {
    if (dialect_of(url) == tempest::DialectKind::Sqlite) {
      return tempest::SqliteDriver::open(url.substr(7));
    }
    return tempest::PostgresDriver::connect(url);
  } catch (const std::exception& e) {
    throw tempest::Error(std::string(e.what()) +
                         " (the database is $BLOG_DATABASE_URL: sqlite:PATH or postgresql://...)");
  }
}

}  // namespace

int main(int argc, char** argv) {
  const char* configured = std::getenv("BLOG_DATABASE_URL");
  const std::string url =
      configured != nullptr && *configured != '\0' ? configured : "sqlite:blog.db";
  tempest::CliConfig config;
  try {
    // Opened by the first command that reads the database: history, check or --help never
    // connect, nor create blog.db.
    config = {.open_driver = [&url] { return open_database(url); },
              .dialect = dialect_of(url),
              .migrations = tempest::collected_migrations(),
              .models = tempest::reflect_schema(blog::user_model(), blog::v2::post_model()),
              .migrations_dir = BLOG_MIGRATIONS_DIR};
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return tempest::kCliError;
  }
  return tempest::run_migration_cli({argv + 1, argv + argc}, config);
}
