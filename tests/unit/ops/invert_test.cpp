#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "blog_schema.hpp"
#include "tempest/error.hpp"
#include "tempest/operations.hpp"

namespace tempest {
namespace {

using ops_test::column;
using ops_test::column_index;
using ops_test::foreign_key;
using ops_test::posts_table;
using ops_test::status_enum;
using ops_test::varchar_column;

struct InvertCase {
  Operation op;
  Operation inverse;
};

std::vector<InvertCase> invert_cases() {
  const Column title = column("title", TypeKind::Text);
  const Column short_title = varchar_column("title", 200, true);
  const Index index = column_index("ix_posts_title", {"title"});
  const UniqueConstraint unique{"uq_posts_title", {"title"}};
  const ForeignKey key = foreign_key("fk_posts_user", {"user_id"}, "users", {"id"});
  const CheckConstraint check{"ck_posts_title", "length(title) > 0"};
  const PrimaryKey pk{"pk_posts", {"id"}};
  return {
      {CreateTable{posts_table()}, DropTable{posts_table()}},
      {DropTable{posts_table()}, CreateTable{posts_table()}},
      {RenameTable{"posts", "articles"}, RenameTable{"articles", "posts"}},
      {AlterTableComment{"posts", "old", "new"}, AlterTableComment{"posts", "new", "old"}},
      {AddColumn{"posts", title}, DropColumn{"posts", title}},
      {DropColumn{"posts", title}, AddColumn{"posts", title}},
      {RenameColumn{"posts", "title", "headline"}, RenameColumn{"posts", "headline", "title"}},
      {AlterColumn{"posts", title, short_title}, AlterColumn{"posts", short_title, title}},
      {AlterPrimaryKey{"posts", std::nullopt, pk}, AlterPrimaryKey{"posts", pk, std::nullopt}},
      {CreateIndex{"posts", index}, DropIndex{"posts", index}},
      {DropIndex{"posts", index}, CreateIndex{"posts", index}},
      {AddUnique{"posts", unique}, DropUnique{"posts", unique}},
      {DropUnique{"posts", unique}, AddUnique{"posts", unique}},
      {AddForeignKey{"posts", key}, DropForeignKey{"posts", key}},
      {DropForeignKey{"posts", key}, AddForeignKey{"posts", key}},
      {AddCheck{"posts", check}, DropCheck{"posts", check}},
      {DropCheck{"posts", check}, AddCheck{"posts", check}},
      {CreateEnum{status_enum()}, DropEnum{status_enum()}},
      {DropEnum{status_enum()}, CreateEnum{status_enum()}},
      {AddEnumValue{"status", "archived", 2}, DropEnumValue{"status", "archived", 2}},
      {DropEnumValue{"status", "draft", 0}, AddEnumValue{"status", "draft", 0}},
      {Execute{"UPDATE posts SET a = 1", "UPDATE posts SET a = 0"},
       Execute{"UPDATE posts SET a = 0", "UPDATE posts SET a = 1"}},
  };
}

TEST(Invert, EveryOperationHasItsInverse) {
  const std::vector<InvertCase> cases = invert_cases();
  ASSERT_EQ(cases.size(), std::variant_size_v<Operation>);
  for (const InvertCase& c : cases) {
    SCOPED_TRACE(describe(c.op));
    EXPECT_EQ(invert(c.op), c.inverse);
    EXPECT_EQ(invert(invert(c.op)), c.op);
  }
}

TEST(Invert, CoversEveryAlternativeOnce) {
  std::vector<bool> seen(std::variant_size_v<Operation>, false);
  for (const InvertCase& c : invert_cases()) seen[c.op.index()] = true;
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_TRUE(seen[i]) << "alternative " << i;
}

TEST(Invert, ExecuteWithoutReverseThrows) {
  try {
    (void)invert(Operation{Execute{"DELETE FROM sessions", std::nullopt}});
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_STREQ(e.what(), "execute operation has no reverse SQL: DELETE FROM sessions");
  }
}

TEST(Invert, LongSqlIsCutToSixtyCharacters) {
  const std::string sql = std::string(70, 'x');
  try {
    (void)invert(Operation{Execute{sql, std::nullopt}});
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(std::string(e.what()),
              "execute operation has no reverse SQL: " + std::string(60, 'x') + "...");
  }
}

TEST(Invert, VectorIsInvertedInReverseOrder) {
  const std::vector<Operation> ops = {
      CreateEnum{status_enum()},
      AddColumn{"posts", column("views", TypeKind::Int32)},
      RenameTable{"posts", "articles"},
  };
  const std::vector<Operation> expected = {
      RenameTable{"articles", "posts"},
      DropColumn{"posts", column("views", TypeKind::Int32)},
      DropEnum{status_enum()},
  };
  EXPECT_EQ(invert(ops), expected);
  EXPECT_EQ(invert(invert(ops)), ops);
  EXPECT_TRUE(invert(std::vector<Operation>{}).empty());
}

TEST(Invert, VectorErrorNamesTheFirstIrreversibleOperation) {
  const std::vector<Operation> ops = {
      RenameTable{"a", "b"},
      Execute{"SELECT 1", "SELECT 2"},
      Execute{"UPDATE b SET x = 1", std::nullopt},
      Execute{"UPDATE b SET y = 1", std::nullopt},
  };
  EXPECT_FALSE(is_reversible(ops));
  try {
    (void)invert(ops);
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_STREQ(e.what(),
                 "operation 2 (execute): execute operation has no reverse SQL: UPDATE b SET x = 1");
  }
}

TEST(Invert, IsReversible) {
  EXPECT_TRUE(is_reversible({}));
  EXPECT_TRUE(is_reversible({RenameTable{"a", "b"}, Execute{"SELECT 1", "SELECT 2"}}));
  EXPECT_FALSE(is_reversible({Execute{"SELECT 1", std::nullopt}}));
}

}  // namespace
}  // namespace tempest
