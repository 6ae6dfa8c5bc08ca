// The migration files generate_fixture wrote, compiled into this executable by
// tempest_add_migrations(), give back exactly the fixture's migrations.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fixture_migrations.hpp"
#include "tempest/build.hpp"
#include "tempest/json.hpp"
#include "tempest/migration.hpp"
#include "tempest/migration_file.hpp"

namespace tempest {
namespace {

// The migration 0007_handwritten.cpp is meant to hold, as IR.
Migration handwritten() {
  Column karma;
  karma.name = "karma";
  karma.type = parse_type("integer");
  karma.default_value = ColumnDefault{DefaultKind::Literal, "0"};
  const Execute backfill{"UPDATE users SET karma = 1 WHERE id IN (SELECT user_id FROM posts)",
                         "UPDATE users SET karma = 0"};
  Migration m;
  m.revision = "0007_handwritten";
  m.down_revisions = {"0005_merge"};
  m.label = "karma, backfilled";
  m.up = {AddColumn{"users", karma}, backfill};
  m.down = invert(m.up);
  return m;
}

const Migration* find(const std::vector<Migration>& migrations, const std::string& revision) {
  for (const Migration& m : migrations) {
    if (m.revision == revision) return &m;
  }
  return nullptr;
}

TEST(CollectedMigrations, EveryFileInFileNameOrder) {
  std::vector<std::string> revisions;
  for (const Migration& m : collected_migrations()) revisions.push_back(m.revision);
  EXPECT_EQ(revisions,
            (std::vector<std::string>{"0001_init", "0002_evolve-posts.v2", "0003_ключ_cleanup",
                                      "0004_irreversible", "0004b_branch", "0005_merge",
                                      "0006_bytes", "0007_handwritten", "0100_random"}));
}

TEST(CollectedMigrations, GeneratedFilesGiveBackTheirOperationsExactly) {
  const std::vector<Migration> collected = collected_migrations();
  const std::vector<Migration> expected = codegen_fixture::fixture_migrations();
  ASSERT_FALSE(expected.empty());
  for (const Migration& want : expected) {
    SCOPED_TRACE(want.revision);
    const Migration* got = find(collected, want.revision);
    ASSERT_NE(got, nullptr);
    EXPECT_EQ(got->down_revisions, want.down_revisions);
    EXPECT_EQ(got->label, want.label);
    EXPECT_EQ(got->up, want.up);
    EXPECT_EQ(got->down, want.down);
    // Byte for byte, `raw` and the order of every list included; but JSON has no room for
    // bytes that are not UTF-8, so 0006_bytes is compared with operator== alone.
    if (want.revision == "0006_bytes") continue;
    EXPECT_EQ(operations_to_json(got->up),
              operations_to_json(codegen_fixture::with_canonical_raw(want.up)));
    EXPECT_EQ(operations_to_json(got->down),
              operations_to_json(codegen_fixture::with_canonical_raw(want.down)));
  }
}

TEST(CollectedMigrations, FixtureCoversEveryOperationKind) {
  std::vector<bool> seen(std::variant_size_v<Operation>, false);
  for (const Migration& m : collected_migrations()) {
    for (const Operation& op : m.up) seen[op.index()] = true;
  }
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_TRUE(seen[i]) << "alternative " << i;
}

TEST(CollectedMigrations, IrreversibleMigrationHasAnEmptyDown) {
  const std::vector<Migration> collected = collected_migrations();
  const Migration* m = find(collected, "0004_irreversible");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->up.size(), 2u);
  EXPECT_TRUE(m->down.empty());
  const Migration* merge = find(collected, "0005_merge");
  ASSERT_NE(merge, nullptr);
  EXPECT_TRUE(merge->up.empty());
  EXPECT_EQ(merge->down_revisions, (std::vector<std::string>{"0004_irreversible", "0004b_branch"}));
}

TEST(CollectedMigrations, HandWrittenFileIsCollectedToo) {
  const std::vector<Migration> collected = collected_migrations();
  const Migration* m = find(collected, "0007_handwritten");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(*m, handwritten());
}

TEST(CollectedMigrations, ReplayGivesTheFixtureSchema) {
  std::vector<Migration> expected = codegen_fixture::fixture_migrations();
  expected.push_back(handwritten());
  const Schema schema = replay_schema(collected_migrations());
  EXPECT_EQ(schema, replay_schema(expected));
  const Table* users = find_table(schema, "users");
  ASSERT_NE(users, nullptr);
  EXPECT_NE(find_column(*users, "karma"), nullptr);
  EXPECT_NE(find_table(schema, "renamed \"hostile\""), nullptr);
}

}  // namespace
}  // namespace tempest
