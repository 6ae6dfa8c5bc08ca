// check_drift on SQLite: a migrated database shows nothing, and each kind of difference is
// attributed to its cause with the operation that fixes it.

#include "tempest/drift.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "support/drift_models.hpp"
#include "support/fixtures.hpp"
#include "tempest/dialect.hpp"
#include "tempest/runner.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::testing::drift {
namespace {

constexpr const char* kAt = "2024-05-01T12:00:00Z";

std::unique_ptr<SqliteDriver> migrated(const std::vector<Migration>& migrations,
                                       std::string_view target = "heads") {
  auto db = SqliteDriver::open(":memory:");
  MigrationRunner(*db).upgrade(migrations, kAt, target);
  return db;
}

TEST(SqliteDrift, FreshlyMigratedDatabaseHasNone) {
  std::vector<Migration> history{init_migration(), published_migration()};
  auto db = migrated(history);
  EXPECT_EQ(check_drift(*db, models_v2(), history), std::vector<DriftIssue>{});
  EXPECT_EQ(check_drift(*db, models_v2()), std::vector<DriftIssue>{});
}

TEST(SqliteDrift, ModelChangedWithoutMigration) {
  std::vector<Migration> history{init_migration()};
  auto db = migrated(history);
  std::vector<DriftIssue> issues = check_drift(*db, models_v2(), history);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, DriftKind::ModelsChangedWithoutMigration);
  EXPECT_EQ(issues[0].object, "column posts.published");
  EXPECT_EQ(issues[0].expected, "boolean NOT NULL DEFAULT false");
  EXPECT_EQ(issues[0].found, "");
  ASSERT_TRUE(issues[0].fix.has_value());
  const auto* add = std::get_if<AddColumn>(&*issues[0].fix);
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->table, "posts");
  EXPECT_EQ(add->column.name, "published");
  EXPECT_EQ(add->column.type.kind, TypeKind::Bool);
  EXPECT_FALSE(add->column.nullable);
  EXPECT_EQ(to_string(issues[0].kind), "models_changed_without_migration");
}

TEST(SqliteDrift, PendingMigration) {
  std::vector<Migration> history{init_migration(), published_migration()};
  auto db = migrated(history, "0001_init");
  std::vector<DriftIssue> issues = check_drift(*db, models_v2(), history);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0], (DriftIssue{DriftKind::MigrationNotApplied, "revision 0002_post_published",
                                   "add published to posts", "", std::nullopt}));
  EXPECT_EQ(to_string(issues[0].kind), "migration_not_applied");
}

TEST(SqliteDrift, ColumnAddedByHand) {
  std::vector<Migration> history{init_migration(), published_migration()};
  auto db = migrated(history);
  db->execute("ALTER TABLE posts ADD COLUMN hack TEXT");
  std::vector<DriftIssue> issues = check_drift(*db, models_v2(), history);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, DriftKind::DatabaseChangedByHand);
  EXPECT_EQ(issues[0].object, "column posts.hack");
  EXPECT_EQ(issues[0].expected, "");
  EXPECT_EQ(issues[0].found, "text NULL");
  const auto* drop = std::get_if<DropColumn>(&issues[0].fix.value());
  ASSERT_NE(drop, nullptr);
  EXPECT_EQ(drop->table, "posts");
  EXPECT_EQ(drop->column.name, "hack");
  EXPECT_EQ(to_string(issues[0].kind), "database_changed_by_hand");

  // The fix, run by the dialect, removes the drift.
  for (const RenderedStep& step :
       sqlite_dialect().render({*issues[0].fix}, sqlite_dialect().introspect(*db))) {
    auto executor = sqlite_dialect().step_executor(*db);
    executor->begin({&step, 1});
    executor->run(step);
    executor->check();
    executor->commit();
  }
  EXPECT_EQ(check_drift(*db, models_v2(), history), std::vector<DriftIssue>{});
}

TEST(SqliteDrift, IndexDroppedByHand) {
  std::vector<Migration> history{init_migration(), published_migration()};
  auto db = migrated(history);
  db->execute("DROP INDEX ix_posts_user_id");
  std::vector<DriftIssue> issues = check_drift(*db, models_v2(), history);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, DriftKind::DatabaseChangedByHand);
  EXPECT_EQ(issues[0].object, "index ix_posts_user_id on posts");
  EXPECT_EQ(issues[0].expected, "(user_id)");
  EXPECT_EQ(issues[0].found, "");
  const auto* create = std::get_if<CreateIndex>(&issues[0].fix.value());
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(create->index.name, "ix_posts_user_id");
}

TEST(SqliteDrift, AllThreeKindsAtOnce) {
  std::vector<Migration> history{init_migration()};
  auto db = SqliteDriver::open(":memory:");
  db->execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
  // 0001 pending, posts.published in no migration, notes made by hand.
  std::vector<DriftIssue> issues = check_drift(*db, models_v2(), history);
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].kind, DriftKind::ModelsChangedWithoutMigration);
  EXPECT_EQ(issues[0].object, "column posts.published");
  EXPECT_EQ(issues[1].kind, DriftKind::MigrationNotApplied);
  EXPECT_EQ(issues[1].object, "revision 0001_init");
  EXPECT_EQ(issues[2].kind, DriftKind::DatabaseChangedByHand);
  EXPECT_EQ(issues[2].object, "table notes");
  EXPECT_EQ(issues[2].found, "table (id)");
  EXPECT_TRUE(std::holds_alternative<DropTable>(issues[2].fix.value()));
}

TEST(SqliteDrift, WithoutMigrationsComparesDirectly) {
  auto db = migrated({init_migration()});
  std::vector<DriftIssue> issues = check_drift(*db, models_v2());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, DriftKind::DatabaseChangedByHand);
  EXPECT_EQ(issues[0].object, "column posts.published");
  EXPECT_EQ(issues[0].expected, "boolean NOT NULL DEFAULT false");
  EXPECT_TRUE(std::holds_alternative<AddColumn>(issues[0].fix.value()));
}

TEST(SqliteDrift, RecordedRevisionMissingFromCode) {
  std::vector<Migration> history{init_migration(), published_migration()};
  auto db = migrated(history);
  try {
    (void)check_drift(*db, models_v2(), {init_migration()});
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("\"0002_post_published\""), std::string::npos) << e.what();
  }
}

TEST(SqliteDrift, CustomVersionTable) {
  std::vector<Migration> history{init_migration()};
  auto db = SqliteDriver::open(":memory:");
  RunnerOptions options;
  options.version_table = "tempest_db_other";
  MigrationRunner(*db, options).upgrade(history, kAt);
  EXPECT_EQ(check_drift(*db, models_v1(), history, {.version_table = "tempest_db_other"}),
            std::vector<DriftIssue>{});
  // Read through the default table, nothing is applied.
  std::vector<DriftIssue> issues = check_drift(*db, models_v1(), history);
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues[0].kind, DriftKind::MigrationNotApplied);
}

TEST(SqliteDrift, ChinookAgainstItsOwnSchema) {
  auto db = SqliteDriver::open(":memory:");
  db->execute(read_fixture("chinook/Chinook_Sqlite.sql"));
  Schema models = sqlite_dialect().introspect(*db);
  ASSERT_EQ(models.tables.size(), 11u);
  EXPECT_EQ(check_drift(*db, models), std::vector<DriftIssue>{});

  // One column less in the models: the database has it by hand.
  Table* genre = find_table(models, "Genre");
  ASSERT_NE(genre, nullptr);
  ASSERT_EQ(genre->columns.back().name, "Name");
  genre->columns.pop_back();
  std::vector<DriftIssue> issues = check_drift(*db, models);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].object, "column Genre.Name");
  EXPECT_EQ(issues[0].found, "varchar(120) NULL");
  EXPECT_TRUE(std::holds_alternative<DropColumn>(issues[0].fix.value()));
}

}  // namespace
}  // namespace tempest::testing::drift
