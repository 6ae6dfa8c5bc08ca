// A migration written by hand with the build API, next to generated ones: it checks that
// tempest_add_migrations() collects a directory (the generated files are given as FILES) and
// that a person can write what generate_migration() writes.

#include <tempest/migration_file.hpp>

tempest::Migration tempest_migration_0007_handwritten() {
  using namespace tempest::build;
  tempest::Migration m;
  m.revision = "0007_handwritten";
  m.down_revisions = {"0005_merge"};
  m.label = "karma, backfilled";
  m.up = {
      add_column("users", column("karma", integer()).default_literal("0")),
      execute("UPDATE users SET karma = 1 WHERE id IN (SELECT user_id FROM posts)",
              "UPDATE users SET karma = 0"),
  };
  m.down = {
      execute("UPDATE users SET karma = 0",
              "UPDATE users SET karma = 1 WHERE id IN (SELECT user_id FROM posts)"),
      drop_column("users", column("karma", integer()).default_literal("0")),
  };
  return m;
}
