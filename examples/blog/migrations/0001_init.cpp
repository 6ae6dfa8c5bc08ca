// Migration "0001_init": "create users and posts".
//
// Written by tempest::generate_migration(); edit it like any source file. m.down was
// derived from m.up (each operation inverted, in reverse order): edit both if you edit
// one. Keep the file named after the revision: tempest_add_migrations() names the
// function after the file.

#include <tempest/migration_file.hpp>

tempest::Migration tempest_migration_0001_init() {
  using namespace tempest::build;
  tempest::Migration m;
  m.revision = "0001_init";
  m.down_revisions = {};
  m.label = "create users and posts";
  m.up = {
      create_table(table("users",
                         {
                             column("id", bigint()).identity(),
                             column("email", varchar(255)),
                             column("name", text()).nullable(),
                         })
                       .primary_key("pk_users", {"id"})
                       .unique("uq_users_email", {"email"})),
      create_table(
          table("posts",
                {
                    column("id", bigint()).identity(),
                    column("user_id", bigint()),
                    column("title", text()),
                    column("created_at", timestamptz()).default_sql("CURRENT_TIMESTAMP"),
                })
              .primary_key("pk_posts", {"id"})
              .foreign_key(foreign_key("fk_posts_user_id_users", {"user_id"}, "users", {"id"})
                               .on_delete(cascade))
              .index(index("ix_posts_user_id", {"user_id"}))),
  };
  m.down = {
      drop_table(
          table("posts",
                {
                    column("id", bigint()).identity(),
                    column("user_id", bigint()),
                    column("title", text()),
                    column("created_at", timestamptz()).default_sql("CURRENT_TIMESTAMP"),
                })
              .primary_key("pk_posts", {"id"})
              .foreign_key(foreign_key("fk_posts_user_id_users", {"user_id"}, "users", {"id"})
                               .on_delete(cascade))
              .index(index("ix_posts_user_id", {"user_id"}))),
      drop_table(table("users",
                       {
                           column("id", bigint()).identity(),
                           column("email", varchar(255)),
                           column("name", text()).nullable(),
                       })
                     .primary_key("pk_users", {"id"})
                     .unique("uq_users_email", {"email"})),
  };
  return m;
}
