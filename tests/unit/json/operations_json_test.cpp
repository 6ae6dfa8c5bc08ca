#include <gtest/gtest.h>

#include <set>
#include <string>
#include <variant>
#include <vector>

#include "json_fixtures.hpp"
#include "tempest/json.hpp"
#include "tempest/operations.hpp"

namespace tempest {
namespace {

using json_fixtures::column;
using json_fixtures::rich_table;
using json_fixtures::type;

// One operation of every kind, in variant order, with non-default payloads.
std::vector<Operation> every_operation() {
  Table posts = rich_table();
  Column before = posts.columns[2];
  Column after = before;
  after.nullable = true;
  after.type = type(TypeKind::Text, "text");
  after.default_value.reset();
  after.comment.clear();
  return {
      CreateTable{posts},
      DropTable{posts},
      RenameTable{"articles", "posts"},
      AlterTableComment{"posts", "", "Blog posts"},
      AddColumn{"posts", posts.columns[3]},
      DropColumn{"posts", posts.columns[4]},
      RenameColumn{"posts", "headline", "title"},
      AlterColumn{"posts", before, after},
      AlterPrimaryKey{"posts", PrimaryKey{"posts_pkey", {"id"}},
                      PrimaryKey{"posts_pkey", {"id", "author_id"}}},
      CreateIndex{"posts", posts.indexes[1]},
      DropIndex{"posts", posts.indexes[0]},
      AddUnique{"posts", posts.uniques[0]},
      DropUnique{"posts", posts.uniques[0]},
      AddForeignKey{"posts", posts.foreign_keys[0]},
      DropForeignKey{"posts", posts.foreign_keys[1]},
      AddCheck{"posts", posts.checks[0]},
      DropCheck{"posts", CheckConstraint{"c", "length(title) > 0"}},
      CreateEnum{EnumType{"post_status", {"draft", "published"}}},
      DropEnum{EnumType{"mood", {}}},
      AddEnumValue{"post_status", "archived", 2},
      DropEnumValue{"post_status", "draft", 0},
      Execute{"UPDATE posts SET rank = 0;", "UPDATE posts SET rank = NULL;"},
  };
}

TEST(OperationsJson, EveryKindRoundTrips) {
  std::vector<Operation> ops = every_operation();
  std::set<std::size_t> kinds;
  for (const Operation& op : ops) kinds.insert(op.index());
  ASSERT_EQ(kinds.size(), std::variant_size_v<Operation>);

  std::string text = operations_to_json(ops);
  std::vector<Operation> back = operations_from_json(text);
  ASSERT_EQ(back.size(), ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    EXPECT_EQ(back[i], ops[i]) << "operation " << i << " (" << operation_name(ops[i]) << ")";
  }
  EXPECT_EQ(operations_to_json(back), text);
  // Hints ignored by operator== survive too.
  EXPECT_EQ(std::get<CreateTable>(back[0]).table.renamed_from, "articles");
  EXPECT_EQ(std::get<AlterColumn>(back[7]).from->renamed_from, "headline");
}

TEST(OperationsJson, OpNamesMatchOperationName) {
  std::vector<Operation> ops = every_operation();
  std::string text = operations_to_json(ops);
  std::size_t at = 0;
  for (const Operation& op : ops) {
    std::string key = "\"op\": \"" + std::string(operation_name(op)) + "\"";
    std::size_t found = text.find(key, at);
    ASSERT_NE(found, std::string::npos) << key;
    at = found + key.size();
  }
}

TEST(OperationsJson, GoldenSmallOperations) {
  Column published = column("published", type(TypeKind::Bool));
  published.default_value = ColumnDefault{DefaultKind::Literal, "false"};
  std::vector<Operation> ops = {
      AddColumn{"posts", published},
      AlterPrimaryKey{"posts", std::nullopt, PrimaryKey{"posts_pkey", {"id"}}},
      AddEnumValue{"mood", "ok", 1},
      Execute{"DELETE FROM posts", std::nullopt},
  };
  EXPECT_EQ(operations_to_json(ops), R"({
  "format": "tempest.operations",
  "version": 1,
  "operations": [
    {
      "op": "add_column",
      "table": "posts",
      "column": {
        "name": "published",
        "type": {
          "kind": "bool"
        },
        "nullable": false,
        "default": {
          "kind": "literal",
          "value": "false"
        }
      }
    },
    {
      "op": "alter_primary_key",
      "table": "posts",
      "to": {
        "name": "posts_pkey",
        "columns": [
          "id"
        ]
      }
    },
    {
      "op": "add_enum_value",
      "enum": "mood",
      "label": "ok",
      "position": 1
    },
    {
      "op": "execute",
      "sql": "DELETE FROM posts"
    }
  ]
}
)");
  EXPECT_EQ(operations_from_json(operations_to_json(ops)), ops);
}

TEST(OperationsJson, EmptyList) {
  EXPECT_EQ(operations_to_json({}),
            "{\n  \"format\": \"tempest.operations\",\n  \"version\": 1,\n"
            "  \"operations\": []\n}\n");
  EXPECT_TRUE(operations_from_json(operations_to_json({})).empty());
}

TEST(OperationsJson, AbsentOptionalSidesStayAbsent) {
  std::vector<Operation> ops = {
      AlterPrimaryKey{"t", PrimaryKey{"t_pkey", {"a"}}, std::nullopt},
      AlterPrimaryKey{"t", std::nullopt, std::nullopt},
      Execute{"SELECT 1", std::nullopt},
      Execute{"SELECT 1", ""},
  };
  std::vector<Operation> back = operations_from_json(operations_to_json(ops));
  EXPECT_EQ(back, ops);
  EXPECT_FALSE(std::get<AlterPrimaryKey>(back[0]).to);
  EXPECT_FALSE(std::get<Execute>(back[2]).reverse_sql);
  EXPECT_EQ(std::get<Execute>(back[3]).reverse_sql, "");
}

TEST(OperationsJson, TablesInsideOperationsAreCanonicalized) {
  std::string text = R"({"format": "tempest.operations", "version": 1, "operations": [
    {"op": "create_table", "table": {"name": "t", "columns": [],
      "checks": [{"name": "b", "expression": "1"}, {"name": "a", "expression": "2"}]}}]})";
  std::vector<Operation> ops = operations_from_json(text);
  const Table& table = std::get<CreateTable>(ops[0]).table;
  EXPECT_EQ(table.checks[0].name, "a");
  EXPECT_EQ(table.checks[1].name, "b");
}

TEST(OperationsJson, ByteStable) {
  std::vector<Operation> ops = every_operation();
  std::string first = operations_to_json(ops);
  EXPECT_EQ(operations_to_json(ops), first);
  EXPECT_EQ(operations_to_json(operations_from_json(first)), first);
}

}  // namespace
}  // namespace tempest
