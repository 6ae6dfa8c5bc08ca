// check_drift on PostgreSQL: a migrated database shows nothing, and each kind of difference is
// attributed to its cause with the operation that fixes it.

#include "tempest/drift.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "support/drift_models.hpp"
#include "support/pg_cluster.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing::drift {
namespace {

constexpr const char* kAt = "2024-05-01T12:00:00Z";

TEST(PostgresDrift, FreshlyMigratedDatabaseHasNone) {
  TempPgDatabase db;
  std::vector<Migration> history{init_migration(), published_migration()};
  MigrationRunner(db.driver()).upgrade(history, kAt);
  EXPECT_EQ(check_drift(db.driver(), models_v2(), history), std::vector<DriftIssue>{});
  EXPECT_EQ(check_drift(db.driver(), models_v2()), std::vector<DriftIssue>{});
}

TEST(PostgresDrift, ModelChangedWithoutMigration) {
  TempPgDatabase db;
  std::vector<Migration> history{init_migration()};
  MigrationRunner(db.driver()).upgrade(history, kAt);
  std::vector<DriftIssue> issues = check_drift(db.driver(), models_v2(), history);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, DriftKind::ModelsChangedWithoutMigration);
  EXPECT_EQ(issues[0].object, "column posts.published");
  EXPECT_EQ(issues[0].expected, "boolean NOT NULL DEFAULT false");
  EXPECT_EQ(issues[0].found, "");
  const auto* add = std::get_if<AddColumn>(&issues[0].fix.value());
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->table, "posts");
  EXPECT_EQ(add->column.name, "published");
}

TEST(PostgresDrift, PendingMigration) {
  TempPgDatabase db;
  std::vector<Migration> history{init_migration(), published_migration()};
  MigrationRunner(db.driver()).upgrade(history, kAt, "0001_init");
  std::vector<DriftIssue> issues = check_drift(db.driver(), models_v2(), history);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0], (DriftIssue{DriftKind::MigrationNotApplied, "revision 0002_post_published",
                                   "add published to posts", "", std::nullopt}));
}

TEST(PostgresDrift, ChangesByHand) {
  TempPgDatabase db;
  std::vector<Migration> history{init_migration(), published_migration()};
  MigrationRunner(db.driver()).upgrade(history, kAt);
  db.driver().execute("ALTER TABLE posts ADD COLUMN hack text");
  db.driver().execute("DROP INDEX ix_posts_user_id");
  std::vector<DriftIssue> issues = check_drift(db.driver(), models_v2(), history);
  ASSERT_EQ(issues.size(), 2u);
  for (const DriftIssue& issue : issues) EXPECT_EQ(issue.kind, DriftKind::DatabaseChangedByHand);
  std::vector<std::string> objects{issues[0].object, issues[1].object};
  std::sort(objects.begin(), objects.end());
  EXPECT_EQ(objects,
            (std::vector<std::string>{"column posts.hack", "index ix_posts_user_id on posts"}));
  for (const DriftIssue& issue : issues) {
    if (issue.object == "column posts.hack") {
      EXPECT_EQ(issue.found, "text NULL");
      EXPECT_EQ(issue.expected, "");
      EXPECT_TRUE(std::holds_alternative<DropColumn>(issue.fix.value()));
    } else {
      EXPECT_EQ(issue.expected, "(user_id)");
      EXPECT_EQ(issue.found, "");
      EXPECT_TRUE(std::holds_alternative<CreateIndex>(issue.fix.value()));
    }
  }
}

TEST(PostgresDrift, WithoutMigrationsComparesDirectly) {
  TempPgDatabase db;
  MigrationRunner(db.driver()).upgrade({init_migration()}, kAt);
  std::vector<DriftIssue> issues = check_drift(db.driver(), models_v2());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, DriftKind::DatabaseChangedByHand);
  EXPECT_EQ(issues[0].object, "column posts.published");
  EXPECT_TRUE(std::holds_alternative<AddColumn>(issues[0].fix.value()));
}

}  // namespace
}  // namespace tempest::testing::drift
