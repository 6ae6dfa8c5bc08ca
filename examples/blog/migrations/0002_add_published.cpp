// Migration "0002_add_published": "add published".
//
// Written by tempest::generate_migration(); edit it like any source file. m.down was
// derived from m.up (each operation inverted, in reverse order): edit both if you edit
// one. Keep the file named after the revision: tempest_add_migrations() names the
// function after the file.

#include <tempest/migration_file.hpp>

tempest::Migration tempest_migration_0002_add_published() {
  using namespace tempest::build;
  tempest::Migration m;
  m.revision = "0002_add_published";
  m.down_revisions = {"0001_init"};
  m.label = "add published";
  m.up = {
      add_column("posts", column("published", boolean()).default_literal("false")),
  };
  m.down = {
      drop_column("posts", column("published", boolean()).default_literal("false")),
  };
  return m;
}
