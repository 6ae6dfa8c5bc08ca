#include <gtest/gtest.h>

#include "blog_models.hpp"
#include "tempest/error.hpp"
#include "tempest/migrations.hpp"

namespace {

using namespace tempest;

Schema blog_schema() {
  return migrations::reflect_schema(blog::user_model(), blog::post_model(), blog::tag_model());
}

TEST(ReflectSchema, TablesAreSortedAndColumnsKeepDeclarationOrder) {
  Schema schema = blog_schema();
  ASSERT_EQ(schema.tables.size(), 3u);
  EXPECT_EQ(schema.tables[0].name, "posts");
  EXPECT_EQ(schema.tables[1].name, "tags");
  EXPECT_EQ(schema.tables[2].name, "users");
  std::vector<std::string> names;
  for (const Column& c : schema.tables[0].columns) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"id", "user_id", "parent_id", "title", "price",
                                             "status", "published", "meta"}));
}

TEST(ReflectSchema, MemberTypesDecideTypeAndNullability) {
  Schema schema = blog_schema();
  const Table& users = *find_table(schema, "users");
  const Column& id = *find_column(users, "id");
  EXPECT_EQ(id.type.kind, TypeKind::Int64);
  EXPECT_FALSE(id.nullable);
  EXPECT_EQ(id.identity, Identity::ByDefault);
  const Column& email = *find_column(users, "email");
  EXPECT_EQ(email.type.kind, TypeKind::Varchar);
  EXPECT_EQ(email.type.length, 255);
  const Column& name = *find_column(users, "name");
  EXPECT_EQ(name.type.kind, TypeKind::Text);
  EXPECT_TRUE(name.nullable);
  EXPECT_EQ(name.comment, "display name");
  const Column& created = *find_column(users, "created_at");
  EXPECT_EQ(created.type.kind, TypeKind::TimestampTz);
  EXPECT_EQ(created.default_value, (ColumnDefault{DefaultKind::Expression, "CURRENT_TIMESTAMP"}));
  EXPECT_EQ(users.comment, "people who write");

  const Table& posts = *find_table(schema, "posts");
  EXPECT_EQ(find_column(posts, "id")->identity, Identity::Autoincrement);
  const Column& price = *find_column(posts, "price");
  EXPECT_EQ(price.type.kind, TypeKind::Numeric);
  EXPECT_EQ(price.type.precision, 10);
  EXPECT_EQ(price.type.scale, 2);
  EXPECT_EQ(price.default_value, (ColumnDefault{DefaultKind::Literal, "0"}));
  const Column& status = *find_column(posts, "status");
  EXPECT_EQ(status.type.kind, TypeKind::Enum);
  EXPECT_EQ(status.type.enum_name, "post_status");
  EXPECT_EQ(status.default_value, (ColumnDefault{DefaultKind::Literal, "draft"}));
  EXPECT_EQ(find_column(posts, "published")->default_value,
            (ColumnDefault{DefaultKind::Literal, "false"}));
  EXPECT_EQ(find_column(posts, "meta")->type.kind, TypeKind::Json);
  EXPECT_TRUE(find_column(posts, "meta")->nullable);
}

TEST(ReflectSchema, EnumTypesAreCollected) {
  Schema schema = blog_schema();
  ASSERT_EQ(schema.enums.size(), 1u);
  EXPECT_EQ(schema.enums[0],
            (EnumType{"post_status", {"draft", "published", "archived"}}));
}

TEST(ReflectSchema, ConstraintsGetConventionalNames) {
  Schema schema = blog_schema();
  const Table& users = *find_table(schema, "users");
  EXPECT_EQ(users.primary_key, (PrimaryKey{"pk_users", {"id"}}));
  ASSERT_EQ(users.uniques.size(), 1u);
  EXPECT_EQ(users.uniques[0], (UniqueConstraint{"uq_users_email", {"email"}}));

  const Table& posts = *find_table(schema, "posts");
  ASSERT_EQ(posts.foreign_keys.size(), 2u);
  EXPECT_EQ(posts.foreign_keys[0],
            (ForeignKey{"fk_posts_parent_id_posts", {"parent_id"}, "posts", {"id"},
                        ForeignKeyAction::SetNull, ForeignKeyAction::NoAction,
                        Deferrable::InitiallyDeferred}));
  EXPECT_EQ(posts.foreign_keys[1],
            (ForeignKey{"fk_posts_user_id_users", {"user_id"}, "users", {"id"},
                        ForeignKeyAction::Cascade, ForeignKeyAction::NoAction, Deferrable::No}));
  ASSERT_EQ(posts.indexes.size(), 3u);
  EXPECT_EQ(posts.indexes[0], (Index{"ix_posts_title", {{"title", "", false}}, false, ""}));
  EXPECT_EQ(posts.indexes[1],
            (Index{"ix_posts_user_id_id", {{"user_id", "", false}, {"id", "", true}}, false,
                   "published"}));
  EXPECT_EQ(posts.indexes[2],
            (Index{"ux_posts_lower_title", {{"", "lower(title)", false}}, true, ""}));
  ASSERT_EQ(posts.checks.size(), 1u);
  EXPECT_EQ(posts.checks[0], (CheckConstraint{"ck_posts_title", "length(title) > 0"}));

  const Table& tags = *find_table(schema, "tags");
  EXPECT_EQ(tags.primary_key, (PrimaryKey{"pk_tags", {"post_id", "label"}}));
  EXPECT_EQ(tags.checks[0], (CheckConstraint{"ck_tags_label", "label <> ''"}));
}

TEST(ReflectSchema, IsDeterministic) {
  EXPECT_EQ(blog_schema(), blog_schema());
  // The order of the models does not matter.
  EXPECT_EQ(blog_schema(),
            migrations::reflect_schema(blog::tag_model(), blog::post_model(), blog::user_model()));
}

TEST(ReflectSchema, LongGeneratedNamesAreShortenedWithAHash) {
  struct Wide {
    std::int64_t id;
    std::string a_really_quite_long_column_name_for_testing;
  };
  using namespace tempest::model;
  auto wide = table<Wide>("an_extremely_long_table_name_that_goes_on",
                          column("id", &Wide::id).primary_key(),
                          column("a_really_quite_long_column_name_for_testing",
                                 &Wide::a_really_quite_long_column_name_for_testing)
                              .unique());
  Schema schema = reflect_schema(wide);
  const std::string& name = schema.tables[0].uniques[0].name;
  EXPECT_EQ(name.size(), 63u);
  EXPECT_EQ(name.substr(0, 54), std::string("uq_an_extremely_long_table_name_that_goes_on_a_really_q"
                                            "uite_long_column_name_for_testing").substr(0, 54));
  EXPECT_EQ(name[54], '_');
  // Same input, same name.
  EXPECT_EQ(reflect_schema(wide).tables[0].uniques[0].name, name);
}

// Errors name the model and the column at fault.
void expect_model_error(const std::vector<ModelSpec>& models, const std::string& fragment) {
  try {
    (void)reflect_schema(models);
    FAIL() << "expected ModelError containing: " << fragment;
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

struct Lone {
  std::int64_t id;
  std::string text;
  std::optional<std::int64_t> other;
};

TEST(ReflectSchemaErrors, MissingPrimaryKey) {
  using namespace tempest::model;
  auto lone = table<Lone>("lone", column("id", &Lone::id));
  expect_model_error({lone.spec()}, "(table \"lone\"): no primary key");
}

TEST(ReflectSchemaErrors, DuplicateColumnName) {
  using namespace tempest::model;
  auto lone = table<Lone>("lone", column("id", &Lone::id).primary_key(),
                          column("id", &Lone::text));
  expect_model_error({lone.spec()}, "column \"id\" is declared twice");
}

TEST(ReflectSchemaErrors, EmptyAndOverlongNames) {
  using namespace tempest::model;
  expect_model_error({table<Lone>("", column("id", &Lone::id).primary_key()).spec()},
                     "table has an empty name");
  std::string long_name(64, 'x');
  expect_model_error(
      {table<Lone>("lone", column("id", &Lone::id).primary_key(), column(long_name, &Lone::text))
           .spec()},
      "column \"" + long_name + "\" is 64 bytes long; identifiers are limited to 63 bytes");
}

TEST(ReflectSchemaErrors, ForeignKeyToModelNotInTheList) {
  using namespace tempest::model;
  auto lone = table<Lone>("lone", column("id", &Lone::id).primary_key(),
                          column("other", &Lone::other).references(&blog::User::id));
  expect_model_error({lone.spec()},
                     "Lone (table \"lone\"): column \"other\": foreign key references a "
                     "model that is not in the list of models");
}

TEST(ReflectSchemaErrors, ForeignKeyToColumnThatIsNotUnique) {
  using namespace tempest::model;
  struct Ref {
    std::int64_t id;
    std::string text;
  };
  auto lone = table<Lone>("lone", column("id", &Lone::id).primary_key(),
                          column("text", &Lone::text).references(&Ref::text));
  auto ref = table<Ref>("refs", column("id", &Ref::id).primary_key(),
                        column("text", &Ref::text));
  expect_model_error({lone.spec(), ref.spec()},
                     "foreign key \"fk_lone_text_refs\" references \"refs\" columns that are "
                     "neither its primary key nor unique");
}

TEST(ReflectSchemaErrors, ForeignKeyToUndeclaredMember) {
  using namespace tempest::model;
  struct Ref {
    std::int64_t id;
    std::int64_t hidden;
  };
  auto lone = table<Lone>("lone", column("id", &Lone::id).primary_key(),
                          column("other", &Lone::other).references(&Ref::hidden));
  auto ref = table<Ref>("refs", column("id", &Ref::id).primary_key());
  expect_model_error({lone.spec(), ref.spec()}, "names a member that is not declared as a column");
}

TEST(ReflectSchemaErrors, ForeignKeyOptionsWithoutReference) {
  using namespace tempest::model;
  auto lone = table<Lone>("lone", column("id", &Lone::id).primary_key(),
                          column("other", &Lone::other).on_delete(ForeignKeyAction::Cascade));
  expect_model_error({lone.spec()}, "column \"other\": foreign key options given without");
}

TEST(ReflectSchemaErrors, DuplicateTableAndIndexNames) {
  using namespace tempest::model;
  struct Other {
    std::int64_t id;
  };
  auto a = table<Lone>("things", column("id", &Lone::id).primary_key());
  auto b = table<Other>("things", column("id", &Other::id).primary_key());
  expect_model_error({a.spec(), b.spec()}, "table \"things\" has the name of another table");
  auto c = table<Lone>("lone", column("id", &Lone::id).primary_key(),
                       column("text", &Lone::text))
               .index(index(&Lone::text).name("pk_lone"));
  expect_model_error({c.spec()}, "index \"pk_lone\" has the name of another table, index or");
}

TEST(ReflectSchemaErrors, NullablePrimaryKey) {
  using namespace tempest::model;
  auto lone = table<Lone>("lone", column("other", &Lone::other).primary_key());
  expect_model_error({lone.spec()}, "column \"other\": a primary key column cannot be");
}

TEST(ReflectSchema, OneEnumUsedByTwoModelsIsOneType) {
  using namespace tempest::model;
  struct Other {
    std::int64_t id;
    blog::PostStatus status;
  };
  // Same enum type twice is fine; the labels come from one EnumTraits.
  auto other = table<Other>("others", column("id", &Other::id).primary_key(),
                            column("status", &Other::status));
  Schema schema = reflect_schema(blog::user_model(), blog::post_model(), other);
  EXPECT_EQ(schema.enums.size(), 1u);
}

TEST(ReflectSchemaErrors, ConflictingEnumLabels) {
  ModelSpec posts = blog::post_model().spec();
  ModelSpec users = blog::user_model().spec();
  ModelSpec changed = posts;
  changed.model = typeid(int);  // a second model with the same enum name, other labels
  changed.table = "posts_copy";
  changed.foreign_keys.clear();
  for (ColumnSpec& column : changed.columns) {
    column.foreign_key.reset();
    if (column.enum_type) column.enum_type->labels = {"draft"};
  }
  expect_model_error({posts, users, changed},
                     "column \"status\": enum type \"post_status\" is declared with two "
                     "different label lists");
}

}  // namespace
