// The seed's workflow through the CLI on a real SQLite file.

#include "migration_cli_walkthrough.hpp"

namespace tempest::testing {
namespace {

TEST_F(MigrationCliSqlite, SeedWalkthrough) {
  cli_seed_walkthrough(*driver_, DialectKind::Sqlite, dir_.path());
}

}  // namespace
}  // namespace tempest::testing
