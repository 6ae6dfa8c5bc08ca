#include "dialect/sqlite/normalize.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "dialect/sqlite/introspect.hpp"
#include "dialect/sqlite/reference_ddl.hpp"
#include "support/random_schema.hpp"
#include "support/seeds.hpp"
#include "tempest/dialect.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

void expect_same(const Schema& actual, const Schema& expected) {
  EXPECT_TRUE(actual == expected) << "actual:\n"
                                  << schema_to_json(actual) << "expected:\n"
                                  << schema_to_json(expected);
}

Schema round_trip(const Schema& schema) {
  auto db = SqliteDriver::open(":memory:");
  db->execute(testing::reference_ddl(schema));
  return introspect_sqlite(*db);
}

Column column(std::string name, TypeKind kind, bool nullable = false) {
  Column c;
  c.name = std::move(name);
  c.type.kind = kind;
  c.nullable = nullable;
  return c;
}

// A schema with each case normalize_sqlite has to fold.
Schema tricky_schema() {
  Schema schema;
  schema.enums = {{"mood", {"happy", "it's \"sad\""}}};

  Table posts;
  posts.name = "posts";
  posts.comment = "blog posts";
  Column id = column("id", TypeKind::Int32);
  id.identity = Identity::Always;
  Column mood = column("mood", TypeKind::Enum, true);
  mood.type.enum_name = "mood";
  mood.default_value = ColumnDefault{DefaultKind::Literal, "happy"};
  mood.comment = "how it felt";
  Column flag = column("flag", TypeKind::Bool);
  flag.default_value = ColumnDefault{DefaultKind::Literal, "yes"};
  Column one = column("one", TypeKind::Int64, true);
  one.default_value = ColumnDefault{DefaultKind::Expression, "1"};
  Column none = column("none", TypeKind::Text, true);
  none.default_value = ColumnDefault{DefaultKind::Expression, "NULL"};
  Column odd_number = column("odd_number", TypeKind::Numeric, true);
  odd_number.type.precision = 8;
  odd_number.default_value = ColumnDefault{DefaultKind::Literal, "abc"};
  Column sum = column("sum", TypeKind::Int32, true);
  sum.default_value = ColumnDefault{DefaultKind::Expression, " (1) + (2) "};
  Column data = column("data", TypeKind::Bytes, true);
  Column at = column("at", TypeKind::TimestampTz, true);
  at.type.precision = 3;
  at.default_value = ColumnDefault{DefaultKind::Expression, "CURRENT_TIMESTAMP"};
  posts.columns = {id, mood, flag, one, none, odd_number, sum, data, at};
  posts.primary_key = PrimaryKey{"pk_posts", {"id"}};
  posts.checks = {{"ck_posts_sum", "  sum > 0 "}};
  posts.indexes = {{"ix_posts_lower", {IndexKey{"", " lower(mood) ", true}}, false, " flag "}};

  Table tags;
  tags.name = "tags";
  Column tag_id = column("id", TypeKind::Int64);
  tag_id.identity = Identity::Autoincrement;
  Column post = column("post_id", TypeKind::Int32);
  tags.columns = {tag_id, post};
  tags.primary_key = PrimaryKey{"pk_tags", {"id"}};
  tags.uniques = {{"uq_a_post", {"post_id"}}, {"uq_b_again", {"post_id"}}, {"uq_c_id", {"id"}}};
  tags.foreign_keys = {{"fk_tags_post",
                        {"post_id"},
                        "posts",
                        {"id"},
                        ForeignKeyAction::Cascade,
                        ForeignKeyAction::NoAction,
                        Deferrable::InitiallyImmediate}};

  Table pairs;
  pairs.name = "pairs";
  Column left = column("left", TypeKind::Int32);
  left.identity = Identity::ByDefault;  // not a sole key column: no rowid alias
  pairs.columns = {left, column("right", TypeKind::Int32)};
  pairs.primary_key = PrimaryKey{"pk_pairs", {"left", "right"}};
  pairs.uniques = {{"uq_pairs_same_as_key", {"left", "right"}},
                   {"uq_pairs_reversed", {"right", "left"}}};

  schema.tables = {posts, tags, pairs};
  canonicalize(schema);
  return schema;
}

TEST(SqliteNormalize, FoldsWhatSqliteCannotKeep) {
  Schema normal = normalize_sqlite(tricky_schema());
  EXPECT_TRUE(normal.enums.empty());

  const Table& posts = *find_table(normal, "posts");
  EXPECT_EQ(posts.comment, "");
  const Column& id = *find_column(posts, "id");
  EXPECT_EQ(id.type.kind, TypeKind::Int64);
  EXPECT_EQ(id.identity, Identity::ByDefault);
  const Column& mood = *find_column(posts, "mood");
  EXPECT_EQ(mood.type.kind, TypeKind::Text);
  EXPECT_EQ(mood.comment, "");
  EXPECT_EQ(mood.default_value, (ColumnDefault{DefaultKind::Literal, "happy"}));
  EXPECT_EQ(find_column(posts, "flag")->default_value,
            (ColumnDefault{DefaultKind::Literal, "true"}));
  EXPECT_EQ(find_column(posts, "one")->default_value, (ColumnDefault{DefaultKind::Literal, "1"}));
  EXPECT_EQ(find_column(posts, "none")->default_value, std::nullopt);
  EXPECT_EQ(find_column(posts, "odd_number")->default_value,
            (ColumnDefault{DefaultKind::Literal, "abc"}));
  EXPECT_EQ(find_column(posts, "sum")->default_value,
            (ColumnDefault{DefaultKind::Expression, "(1) + (2)"}));
  EXPECT_EQ(posts.checks, (std::vector<CheckConstraint>{
                              {"ck_posts_mood_enum", "\"mood\" IN ('happy', 'it''s \"sad\"')"},
                              {"ck_posts_sum", "sum > 0"}}));
  EXPECT_EQ(posts.indexes[0].where, "flag");
  EXPECT_EQ(posts.indexes[0].keys[0].expression, "lower(mood)");

  const Table& tags = *find_table(normal, "tags");
  EXPECT_EQ(find_column(tags, "id")->identity, Identity::Autoincrement);
  EXPECT_EQ(tags.uniques,
            (std::vector<UniqueConstraint>{{"uq_a_post", {"post_id"}}, {"uq_c_id", {"id"}}}));

  const Table& pairs = *find_table(normal, "pairs");
  EXPECT_EQ(find_column(pairs, "left")->identity, Identity::ByDefault);
  EXPECT_EQ(find_column(pairs, "left")->type.kind, TypeKind::Int32);
  EXPECT_EQ(pairs.uniques,
            (std::vector<UniqueConstraint>{{"uq_pairs_reversed", {"right", "left"}}}));
}

TEST(SqliteNormalize, IsIdempotent) {
  Schema once = normalize_sqlite(tricky_schema());
  expect_same(normalize_sqlite(once), once);
}

TEST(SqliteNormalize, UndeclaredEnumIsAModelError) {
  Schema schema;
  Table t;
  t.name = "t";
  Column c = column("c", TypeKind::Enum);
  c.type.enum_name = "missing";
  t.columns = {c};
  schema.tables = {t};
  try {
    (void)normalize_sqlite(schema);
    FAIL() << "no ModelError";
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()),
              "table \"t\": column \"c\": enum type \"missing\" is not declared");
  }
}

TEST(SqliteNormalize, MatchesIntrospectionOfTheRenderedSchema) {
  Schema schema = tricky_schema();
  // pairs.left has an identity SQLite cannot express; the renderer refuses it.
  find_table(schema, "pairs")->columns[0].identity = Identity::None;
  expect_same(round_trip(schema), normalize_sqlite(schema));
}

TEST(SqliteNormalize, MatchesIntrospectionOfRandomSchemas) {
  std::uint64_t seed = testing::base_seed();
  int cases = testing::property_cases(40);
  for (int i = 0; i < cases; ++i) {
    std::mt19937_64 rng(seed + static_cast<std::uint64_t>(i));
    Schema schema = testing::random_schema(rng);
    SCOPED_TRACE("TEMPEST_SEED=" + std::to_string(seed + static_cast<std::uint64_t>(i)));
    Schema introspected = round_trip(schema);
    Schema normal = testing::without_hints(normalize_sqlite(schema));
    expect_same(introspected, normal);
    if (introspected != normal) break;
  }
}

// The whole contract with the real renderer: render_schema, execute, introspect.
TEST(SqliteNormalize, MatchesIntrospectionOfRenderSchema) {
  std::uint64_t seed = testing::base_seed();
  int cases = testing::property_cases(40);
  const Dialect& dialect = sqlite_dialect();
  for (int i = 0; i < cases; ++i) {
    std::mt19937_64 rng(seed + static_cast<std::uint64_t>(i));
    Schema schema = testing::random_schema(rng);
    SCOPED_TRACE("TEMPEST_SEED=" + std::to_string(seed + static_cast<std::uint64_t>(i)));
    auto db = SqliteDriver::open(":memory:");
    for (const RenderedStep& step : render_schema(dialect, schema)) {
      for (const std::string& statement : step.statements) db->execute(statement);
    }
    Schema introspected = dialect.introspect(*db);
    Schema normal = testing::without_hints(dialect.normalize(schema));
    expect_same(introspected, normal);
    if (introspected != normal) break;
  }
}

}  // namespace
}  // namespace tempest
