#include <gtest/gtest.h>

#include <random>
#include <string>

#include "json_fixtures.hpp"
#include "support/random_schema.hpp"
#include "support/seeds.hpp"
#include "tempest/json.hpp"
#include "tempest/schema.hpp"

namespace tempest {
namespace {

using json_fixtures::column;
using json_fixtures::rich_schema;
using json_fixtures::type;

Schema small_schema() {
  Schema schema;
  schema.enums = {EnumType{"mood", {"happy", "sad"}}};
  Table users;
  users.name = "users";
  Column id = column("id", type(TypeKind::Int64, "bigint"));
  id.identity = Identity::ByDefault;
  Column email = column("email", type(TypeKind::Varchar));
  email.type.length = 255;
  Column mood = column("mood", type(TypeKind::Enum), true);
  mood.type.enum_name = "mood";
  mood.default_value = ColumnDefault{DefaultKind::Literal, "happy"};
  users.columns = {id, email, mood};
  users.primary_key = PrimaryKey{"users_pkey", {"id"}};
  users.indexes = {Index{"users_email_key", {IndexKey{"email", "", false}}, true, ""}};
  schema.tables = {users};
  return schema;
}

constexpr const char* kSmallSchemaJson = R"({
  "format": "tempest.schema",
  "version": 1,
  "enums": [
    {
      "name": "mood",
      "labels": [
        "happy",
        "sad"
      ]
    }
  ],
  "tables": [
    {
      "name": "users",
      "columns": [
        {
          "name": "id",
          "type": {
            "kind": "int64",
            "raw": "bigint"
          },
          "nullable": false,
          "identity": "by_default"
        },
        {
          "name": "email",
          "type": {
            "kind": "varchar",
            "length": 255
          },
          "nullable": false
        },
        {
          "name": "mood",
          "type": {
            "kind": "enum",
            "enum": "mood"
          },
          "nullable": true,
          "default": {
            "kind": "literal",
            "value": "happy"
          }
        }
      ],
      "primary_key": {
        "name": "users_pkey",
        "columns": [
          "id"
        ]
      },
      "indexes": [
        {
          "name": "users_email_key",
          "keys": [
            {
              "column": "email"
            }
          ],
          "unique": true
        }
      ]
    }
  ]
}
)";

TEST(SchemaJson, GoldenSmallSchema) {
  EXPECT_EQ(schema_to_json(small_schema()), kSmallSchemaJson);
  EXPECT_EQ(schema_from_json(kSmallSchemaJson), small_schema());
}

TEST(SchemaJson, EmptySchema) {
  EXPECT_EQ(schema_to_json(empty_schema()),
            "{\n  \"format\": \"tempest.schema\",\n  \"version\": 1,\n  \"enums\": [],\n"
            "  \"tables\": []\n}\n");
  EXPECT_EQ(schema_from_json(schema_to_json(empty_schema())), empty_schema());
}

TEST(SchemaJson, RichSchemaRoundTripsEveryField) {
  Schema schema = rich_schema();
  std::string text = schema_to_json(schema);
  Schema back = schema_from_json(text);
  EXPECT_EQ(back, schema);
  EXPECT_EQ(schema_to_json(back), text);
  // Fields that operator== ignores must survive too.
  const Table& posts = back.tables[0];
  EXPECT_EQ(posts.renamed_from, "articles");
  EXPECT_EQ(posts.columns[2].renamed_from, "headline");
  EXPECT_EQ(posts.columns[3].type.raw, "NUMERIC(10, 2)");
  EXPECT_EQ(posts.columns[0].type.raw, "bigint");
  EXPECT_EQ(posts.columns[1].type.raw, "");
  EXPECT_EQ(back.enums[1].labels[2], "ünï");
}

TEST(SchemaJson, WritesOptionalFieldsOnlyWhenSet) {
  std::string text = schema_to_json(rich_schema());
  EXPECT_NE(text.find("\"renamed_from\": \"articles\""), std::string::npos);
  EXPECT_NE(text.find("\"comment\": \"Blog posts, \\\"quoted\\\" and\\nmultiline\""),
            std::string::npos);
  EXPECT_NE(text.find("\"on_delete\": \"cascade\""), std::string::npos);
  EXPECT_NE(text.find("\"deferrable\": \"initially_deferred\""), std::string::npos);
  EXPECT_NE(text.find("\"expression\": \"lower(title)\""), std::string::npos);
  EXPECT_NE(text.find("\"descending\": true"), std::string::npos);
  EXPECT_NE(text.find("\"where\": \"status <> 'draft'\""), std::string::npos);
  EXPECT_EQ(text.find("\"descending\": false"), std::string::npos);
  EXPECT_EQ(text.find("\"identity\": \"none\""), std::string::npos);
  EXPECT_EQ(text.find("no_action"), std::string::npos);
  // users has no indexes, uniques, foreign keys or checks: the lists are left out.
  std::string users = text.substr(text.find("\"name\": \"users\""));
  EXPECT_EQ(users.find("\"indexes\""), std::string::npos);
  EXPECT_EQ(users.find("\"checks\""), std::string::npos);
}

TEST(SchemaJson, EveryTypeRoundTripsWithRaw) {
  Schema schema;
  Table table;
  table.name = "t";
  int n = 0;
  for (const char* spelled : {"int2",          "INT",
                              "bigserial",     "bool",
                              "float4",        "double precision",
                              "numeric",       "numeric(5)",
                              "decimal(10,2)", "text",
                              "varchar(9)",    "bytea",
                              "date",          "time(2)",
                              "timestamp",     "timestamp(6) with time zone",
                              "uuid",          "jsonb",
                              "char(3)",       "int[]"}) {
    table.columns.push_back(column("c" + std::to_string(n++), parse_type(spelled)));
  }
  Column status = column("status", type(TypeKind::Enum, "Status"));
  status.type.enum_name = "status";
  table.columns.push_back(status);
  // A Custom type spelled like a known one, and a type with every field empty, still come
  // back exactly.
  table.columns.push_back(column("odd", type(TypeKind::Custom, "integer")));
  table.columns.push_back(column("bare", type(TypeKind::Varchar)));
  schema.tables = {table};
  std::string text = schema_to_json(schema);
  Schema back = schema_from_json(text);
  ASSERT_EQ(back.tables[0].columns.size(), table.columns.size());
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const ColumnType& expected = table.columns[i].type;
    const ColumnType& actual = back.tables[0].columns[i].type;
    EXPECT_EQ(actual, expected) << expected.raw;
    EXPECT_EQ(actual.raw, expected.raw);
    EXPECT_EQ(actual.length, expected.length);
  }
  EXPECT_EQ(schema_to_json(back), text);
}

TEST(SchemaJson, ReadingCanonicalizes) {
  std::string text = R"({"format": "tempest.schema", "version": 1,
    "enums": [{"name": "b", "labels": []}, {"name": "a", "labels": ["x"]}],
    "tables": [
      {"name": "zeta", "columns": [{"name": "y", "type": {"kind": "text"}, "nullable": true},
                                   {"name": "x", "type": {"kind": "text"}, "nullable": true}],
       "checks": [{"name": "c2", "expression": "y <> ''"}, {"name": "c1", "expression": "x <> ''"}],
       "uniques": [{"name": "u2", "columns": ["y"]}, {"name": "u1", "columns": ["x"]}]},
      {"name": "alpha", "columns": []}]})";
  Schema schema = schema_from_json(text);
  ASSERT_EQ(schema.tables.size(), 2u);
  EXPECT_EQ(schema.tables[0].name, "alpha");
  EXPECT_EQ(schema.tables[1].name, "zeta");
  EXPECT_EQ(schema.enums[0].name, "a");
  // Columns keep their declared order; named objects are sorted.
  EXPECT_EQ(schema.tables[1].columns[0].name, "y");
  EXPECT_EQ(schema.tables[1].checks[0].name, "c1");
  EXPECT_EQ(schema.tables[1].uniques[0].name, "u1");
}

TEST(SchemaJson, AcceptsExplicitDefaults) {
  std::string text = R"({"format": "tempest.schema", "version": 1, "enums": [],
    "tables": [{"name": "t", "columns": [
      {"name": "a", "type": {"kind": "int32"}, "nullable": false, "identity": "none"}],
      "indexes": [{"name": "i", "keys": [{"column": "a", "descending": false}], "unique": false,
                   "where": ""}],
      "foreign_keys": [{"name": "f", "columns": ["a"], "ref_table": "t", "ref_columns": ["a"],
                        "on_delete": "no_action", "on_update": "no_action",
                        "deferrable": "no"}]}]})";
  Schema schema = schema_from_json(text);
  const Table& table = schema.tables[0];
  EXPECT_EQ(table.columns[0].identity, Identity::None);
  EXPECT_FALSE(table.indexes[0].unique);
  EXPECT_FALSE(table.indexes[0].keys[0].descending);
  EXPECT_EQ(table.foreign_keys[0].on_delete, ForeignKeyAction::NoAction);
  EXPECT_EQ(table.foreign_keys[0].deferrable, Deferrable::No);
}

TEST(SchemaJson, ByteStable) {
  Schema schema = rich_schema();
  std::string first = schema_to_json(schema);
  EXPECT_EQ(schema_to_json(schema), first);
  Schema copy = schema;  // NOLINT(performance-unnecessary-copy-initialization): under test
  EXPECT_EQ(schema_to_json(copy), first);
  EXPECT_EQ(schema_to_json(schema_from_json(first)), first);
  EXPECT_EQ(first.back(), '\n');
}

TEST(SchemaJson, RandomSchemasRoundTrip) {
  std::uint64_t seed = testing::base_seed();
  for (int i = 0; i < testing::property_cases(50); ++i) {
    std::mt19937_64 rng(seed + static_cast<std::uint64_t>(i));
    Schema schema = testing::random_schema(rng);
    std::string text = schema_to_json(schema);
    Schema back = schema_from_json(text);
    ASSERT_EQ(back, schema) << "seed " << seed + static_cast<std::uint64_t>(i);
    ASSERT_EQ(schema_to_json(back), text) << "seed " << seed + static_cast<std::uint64_t>(i);
  }
}

}  // namespace
}  // namespace tempest
