// migration_checksum: SHA-256 of the canonical operations.

#include <gtest/gtest.h>

#include <string>

#include "tempest/build.hpp"
#include "tempest/migration.hpp"
#include "tempest/runner.hpp"

namespace tempest {
namespace {

using namespace tempest::build;

Migration posts_migration(ColumnType title_type) {
  return make_migration(
      "0001_init", {}, "create posts",
      {create_table(table("posts", {column("id", bigint()), column("title", std::move(title_type))})
                        .primary_key("pk_posts", {"id"}))});
}

TEST(MigrationChecksum, IsTheSha256OfTheCanonicalOperations) {
  // (printf 'up\n'; echo "$ops"; printf 'down\n'; echo "$ops") | sha256sum, where $ops is
  // operations_to_json({}) without its final newline.
  const Migration empty{"0001", {}, "nothing", {}, {}};
  EXPECT_EQ(migration_checksum(empty),
            "091558f159d08f31ab2b2a7c17dcb0f3234d31dfbbeb2c3bc98570eb01ea6796");
}

TEST(MigrationChecksum, IgnoresTypeSpellingRevisionAndLabel) {
  ColumnType spelled = varchar(200);  // raw "varchar(200)", as generated files write it
  ColumnType modelled = spelled;
  modelled.raw.clear();  // as reflect_schema gives it
  ColumnType aliased = parse_type("character varying(200)");
  EXPECT_EQ(migration_checksum(posts_migration(spelled)),
            migration_checksum(posts_migration(modelled)));
  EXPECT_EQ(migration_checksum(posts_migration(spelled)),
            migration_checksum(posts_migration(aliased)));
  Migration renamed = posts_migration(spelled);
  renamed.revision = "0009_other";
  renamed.label = "another label";
  EXPECT_EQ(migration_checksum(renamed), migration_checksum(posts_migration(spelled)));
}

TEST(MigrationChecksum, ChangesWithTheOperations) {
  const std::string before = migration_checksum(posts_migration(varchar(200)));
  EXPECT_NE(migration_checksum(posts_migration(varchar(201))), before);
  EXPECT_NE(migration_checksum(posts_migration(text())), before);
  // Custom types are their spelling.
  EXPECT_NE(migration_checksum(posts_migration(custom("citext"))),
            migration_checksum(posts_migration(custom("ltree"))));
  // The down counts too: an edited inverse is a change.
  Migration edited = posts_migration(varchar(200));
  edited.down.push_back(execute("SELECT 1"));
  EXPECT_NE(migration_checksum(edited), before);
}

}  // namespace
}  // namespace tempest
