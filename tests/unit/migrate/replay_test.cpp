#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tempest/error.hpp"
#include "tempest/migration.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {
namespace {

Column column(std::string name, TypeKind kind, bool nullable = false) {
  Column c;
  c.name = std::move(name);
  c.type.kind = kind;
  c.nullable = nullable;
  return c;
}

Table users_v1() {
  Table t;
  t.name = "users";
  t.columns = {column("id", TypeKind::Int64), column("email", TypeKind::Text)};
  t.primary_key = PrimaryKey{"pk_users", {"id"}};
  return t;
}

Table posts_v1() {
  Table t;
  t.name = "posts";
  t.columns = {column("id", TypeKind::Int64), column("user_id", TypeKind::Int64),
               column("title", TypeKind::Text)};
  t.primary_key = PrimaryKey{"pk_posts", {"id"}};
  ForeignKey key;
  key.name = "fk_posts_user";
  key.columns = {"user_id"};
  key.ref_table = "users";
  key.ref_columns = {"id"};
  t.foreign_keys = {key};
  return t;
}

Column published() {
  Column c = column("published", TypeKind::Bool);
  c.default_value = ColumnDefault{DefaultKind::Literal, "false"};
  return c;
}

// Given out of order: replay follows the graph, not the vector.
std::vector<Migration> blog_history() {
  return {
      make_migration(
          "0003_rename", {"0002_posts"}, "rename users",
          {RenameTable{"users", "accounts"}, AddColumn{"posts", published()},
           CreateIndex{"posts", Index{"ix_posts_title", {{"title", "", false}}, false, ""}}}),
      make_migration("0001_users", {}, "users", {CreateTable{users_v1()}}),
      // Irreversible (a data step without reverse SQL), so built without make_migration.
      Migration{"0002_posts",
                {"0001_users"},
                "posts",
                {CreateTable{posts_v1()},
                 Execute{"INSERT INTO posts SELECT 1, id, 'hello' FROM users", std::nullopt}},
                {}},
  };
}

TEST(ReplaySchema, HistoryGivesTheHandBuiltSchema) {
  Schema expected;
  Table accounts = users_v1();
  accounts.name = "accounts";
  Table posts = posts_v1();
  posts.columns.push_back(published());
  posts.foreign_keys[0].ref_table = "accounts";
  posts.indexes = {Index{"ix_posts_title", {{"title", "", false}}, false, ""}};
  expected.tables = {accounts, posts};

  EXPECT_EQ(replay_schema(blog_history()), expected);
}

TEST(ReplaySchema, EmptyHistoryIsTheEmptySchema) { EXPECT_EQ(replay_schema({}), empty_schema()); }

TEST(ReplaySchema, ErrorNamesTheRevisionAndOperation) {
  std::vector<Migration> history = {
      make_migration("0001_users", {}, "users", {CreateTable{users_v1()}}),
      make_migration("0002_x", {"0001_users"}, "bad",
                     {RenameTable{"users", "accounts"}, AddColumn{"posts", published()}}),
  };
  try {
    (void)replay_schema(history);
    FAIL() << "expected ModelError";
  } catch (const ModelError& e) {
    EXPECT_STREQ(e.what(),
                 "migration \"0002_x\": operation 1 (add_column): table \"posts\" does not exist");
  }
}

TEST(ReplaySchema, BrokenGraphIsAMigrationError) {
  const std::vector<Migration> history = {
      make_migration("0002", {"0001"}, "orphan", {CreateTable{users_v1()}})};
  EXPECT_THROW((void)replay_schema(history), MigrationError);
}

Table table_named(std::string name, std::string ref_table = "") {
  Table t;
  t.name = std::move(name);
  t.columns = {column("id", TypeKind::Int64), column("ref", TypeKind::Int64, true)};
  t.primary_key = PrimaryKey{"pk_" + t.name, {"id"}};
  if (!ref_table.empty()) {
    ForeignKey key;
    key.name = "fk_" + t.name;
    key.columns = {"ref"};
    key.ref_table = std::move(ref_table);
    key.ref_columns = {"id"};
    t.foreign_keys = {key};
  }
  return t;
}

// One migration per operation, as a chain.
std::vector<Migration> chain(const std::vector<Operation>& ops) {
  std::vector<Migration> history;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    Migration m;
    m.revision = "m" + std::to_string(i);
    if (i > 0) m.down_revisions = {"m" + std::to_string(i - 1)};
    m.up = {ops[i]};
    history.push_back(std::move(m));
  }
  return history;
}

// Replay keeps tables unsorted until the end; the result must equal applying the same
// operations one by one to a canonical schema.
TEST(ReplaySchema, MatchesApplyingTheOperationsInOrder) {
  const std::vector<Operation> ops = {
      CreateEnum{EnumType{"zeta", {"a"}}},
      CreateTable{table_named("mango")},
      CreateTable{table_named("fig")},
      CreateTable{table_named("apple", "mango")},
      CreateTable{table_named("kiwi")},
      CreateTable{table_named("banana", "kiwi")},
      CreateEnum{EnumType{"alpha", {"x", "y"}}},
      DropTable{table_named("banana", "kiwi")},
      DropTable{table_named("fig")},
      RenameTable{"kiwi", "zucchini"},
      CreateTable{table_named("cherry", "zucchini")},
      RenameTable{"apple", "quince"},
      DropEnum{EnumType{"zeta", {"a"}}},
      AddColumn{"zucchini", column("weight", TypeKind::Float64)},
      RenameColumn{"mango", "id", "mango_id"},
      CreateTable{table_named("banana")},
  };
  Schema expected;
  tempest::apply(expected, ops);
  const Schema replayed = replay_schema(chain(ops));
  EXPECT_EQ(replayed, expected);
  std::vector<std::string> names;
  for (const Table& t : replayed.tables) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"banana", "cherry", "mango", "quince", "zucchini"}));
  EXPECT_EQ(find_table(replayed, "cherry")->foreign_keys[0].ref_table, "zucchini");
  EXPECT_EQ(find_table(replayed, "quince")->foreign_keys[0].ref_columns,
            std::vector<std::string>{"mango_id"});
}

// Offenders found by scanning every table are named the same way in both modes: the one
// with the smallest table name.
TEST(ReplaySchema, ScanErrorsMatchApply) {
  const std::vector<Operation> setup = {
      CreateTable{table_named("target")},
      CreateTable{table_named("zebra", "target")},
      CreateTable{table_named("bee", "target")},
  };
  const Operation drop = DropTable{table_named("target")};
  Schema schema;
  tempest::apply(schema, setup);
  std::string apply_message;
  try {
    tempest::apply(schema, drop);
  } catch (const ModelError& e) {
    apply_message = e.what();
  }
  EXPECT_EQ(apply_message,
            "table \"target\" is referenced by foreign key \"fk_bee\" of table \"bee\"");

  std::vector<Operation> history = setup;
  history.push_back(drop);
  try {
    (void)replay_schema(chain(history));
    FAIL() << "expected ModelError";
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()),
              "migration \"m3\": operation 0 (drop_table): " + apply_message);
  }
}

TEST(MakeMigration, DerivesDownByInversion) {
  const std::vector<Operation> up = {CreateTable{users_v1()}, RenameTable{"users", "accounts"}};
  const Migration migration = make_migration("0001", {}, "users", up);
  EXPECT_EQ(migration.revision, "0001");
  EXPECT_TRUE(migration.down_revisions.empty());
  EXPECT_EQ(migration.label, "users");
  EXPECT_EQ(migration.up, up);
  EXPECT_EQ(migration.down,
            (std::vector<Operation>{RenameTable{"accounts", "users"}, DropTable{users_v1()}}));

  Schema schema;
  tempest::apply(schema, migration.up);
  tempest::apply(schema, migration.down);
  EXPECT_EQ(schema, empty_schema());
}

TEST(MakeMigration, IrreversibleOperationNamesTheRevision) {
  try {
    (void)make_migration("0003_data", {"0002"}, "data",
                         {RenameTable{"a", "b"}, Execute{"UPDATE b SET x = 1", std::nullopt}});
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_STREQ(e.what(),
                 "migration \"0003_data\": operation 1 (execute): execute operation has no "
                 "reverse SQL: UPDATE b SET x = 1");
  }
}

}  // namespace
}  // namespace tempest
