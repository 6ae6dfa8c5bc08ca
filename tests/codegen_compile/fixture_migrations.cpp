#include "fixture_migrations.hpp"

#include <optional>
#include <random>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "support/random_schema.hpp"
#include "tempest/diff.hpp"
#include "tempest/schema.hpp"

namespace tempest::codegen_fixture {

namespace {

// Names no file system, C++ lexer or comment should trip on. "?\?=" is "??=" (a trigraph).
const std::string kHostileTable = "we\"ird \\ table ?\?= ключ 🚀 */ //";
const std::string kNewlineColumn = "col\nwith newline";
const std::string kTabColumn = "tab\tcol";

Column column(std::string name, std::string_view type, bool nullable = false) {
  Column c;
  c.name = std::move(name);
  c.type = parse_type(type);
  c.nullable = nullable;
  return c;
}

Column with_default(Column c, DefaultKind kind, std::string value) {
  c.default_value = ColumnDefault{kind, std::move(value)};
  return c;
}

Column with_identity(Column c, Identity identity) {
  c.identity = identity;
  return c;
}

Column enum_column(std::string name, std::string enum_name) {
  Column c;
  c.name = std::move(name);
  c.type.kind = TypeKind::Enum;
  c.type.enum_name = enum_name;
  c.type.raw = std::move(enum_name);
  return c;
}

Column custom_column(std::string name, std::string spelled) {
  Column c;
  c.name = std::move(name);
  c.type.kind = TypeKind::Custom;
  c.type.raw = std::move(spelled);
  c.nullable = true;
  return c;
}

IndexKey key(std::string column, bool descending = false) {
  return IndexKey{std::move(column), "", descending};
}

IndexKey expression_key(std::string expression, bool descending = false) {
  return IndexKey{"", std::move(expression), descending};
}

ForeignKey foreign_key(std::string name, std::vector<std::string> columns, std::string ref_table,
                       std::vector<std::string> ref_columns) {
  ForeignKey fk;
  fk.name = std::move(name);
  fk.columns = std::move(columns);
  fk.ref_table = std::move(ref_table);
  fk.ref_columns = std::move(ref_columns);
  return fk;
}

Table users() {
  Table t;
  t.name = "users";
  Column name = column("name", "text", true);
  name.comment = "shown \"as is\",\nover two lines";
  t.columns = {
      with_identity(column("id", "bigint"), Identity::ByDefault),
      column("email", "varchar(255)"),
      name,
      with_default(column("created_at", "timestamptz(3)"), DefaultKind::Expression,
                   "CURRENT_TIMESTAMP"),
      with_default(column("balance", "numeric(12,2)"), DefaultKind::Literal, "0"),
      column("ratio", "numeric(5)", true),
      column("amount", "numeric", true),
  };
  t.primary_key = PrimaryKey{"pk_users", {"id"}};
  t.uniques = {UniqueConstraint{"uq_users_email", {"email"}}};
  t.checks = {CheckConstraint{"ck_users_balance", "balance >= 0"}};
  t.comment = "the \"users\" table";
  return t;
}

Table posts() {
  Table t;
  t.name = "posts";
  t.columns = {
      with_identity(column("id", "integer"), Identity::Always),
      column("user_id", "bigint"),
      with_default(column("title", "varchar(200)"), DefaultKind::Literal, "it's \"untitled\""),
      column("body", "text", true),
      with_default(enum_column("status", "post_status"), DefaultKind::Literal, "draft"),
      column("score", "real"),
      column("weight", "double precision"),
      column("data", "json", true),
      column("token", "uuid"),
      column("raw_bytes", "bytes", true),
      column("published_on", "date", true),
      column("at_time", "time", true),
      column("at_time3", "time(3)"),
      column("stamp", "timestamp", true),
      column("stamp6", "timestamp(6)"),
      column("stamptz", "timestamptz"),
      with_default(column("flag", "boolean"), DefaultKind::Literal, "false"),
      column("small", "smallint"),
      custom_column("ci", "citext"),
  };
  t.primary_key = PrimaryKey{"pk_posts", {"id"}};
  ForeignKey to_user = foreign_key("fk_posts_user_id_users", {"user_id"}, "users", {"id"});
  to_user.on_delete = ForeignKeyAction::Cascade;
  to_user.on_update = ForeignKeyAction::SetNull;
  to_user.deferrable = Deferrable::InitiallyDeferred;
  t.foreign_keys = {to_user};
  t.indexes = {
      Index{"ix_posts_status", {key("status")}, false, ""},
      Index{"ix_posts_title",
            {key("title"), key("user_id", true), expression_key("lower(title)"),
             expression_key("length(body)", true)},
            true,
            "body IS NOT NULL"},
  };
  return t;
}

Table hostile() {
  Table t;
  t.name = kHostileTable;
  t.columns = {
      with_identity(column("id", "integer"), Identity::Autoincrement),
      column(kNewlineColumn, "text", true),
      with_default(column(kTabColumn, "text", true), DefaultKind::Literal, "\x01\r\"\\"),
      column("user_id", "bigint", true),
  };
  t.primary_key = PrimaryKey{"pk \"hostile\"", {"id"}};
  t.checks = {CheckConstraint{"ck */ //", "length(\"tab\tcol\") < 10\n  AND 1 = 1"}};
  ForeignKey to_user = foreign_key("fk\\hostile", {"user_id"}, "users", {"id"});
  to_user.on_delete = ForeignKeyAction::SetDefault;
  to_user.on_update = ForeignKeyAction::Restrict;
  to_user.deferrable = Deferrable::InitiallyImmediate;
  t.foreign_keys = {to_user};
  t.comment = "ends in a backslash \\";
  return t;
}

Table tags() {
  Table t;
  t.name = "tags";
  t.columns = {with_identity(column("id", "bigint"), Identity::Autoincrement),
               column("label", "varchar(40)")};
  t.primary_key = PrimaryKey{"pk_tags", {"id"}};
  return t;
}

Migration migration(std::string revision, std::vector<std::string> parents, std::string label,
                    std::vector<Operation> up) {
  Migration m;
  m.revision = std::move(revision);
  m.down_revisions = std::move(parents);
  m.label = std::move(label);
  m.up = std::move(up);
  if (is_reversible(m.up)) m.down = invert(m.up);
  return m;
}

// A seeded random schema with hostile names, created from nothing: whatever diff_schema
// produces must survive the trip through C++ source too.
std::vector<Operation> random_history() {
  std::mt19937_64 rng(20240601);
  testing::RandomSchemaOptions options;
  options.hostile_names = true;
  const Schema schema = testing::random_schema(rng, options);
  std::vector<Operation> ops = diff_schema(empty_schema(), schema);
  const Schema changed = testing::without_hints(testing::mutate_schema(schema, rng, options));
  const std::vector<Operation> changes = diff_schema(schema, changed);
  ops.insert(ops.end(), changes.begin(), changes.end());
  return ops;
}

void canonical_raw(Column& column) {
  if (column.type.kind != TypeKind::Custom) column.type.raw = type_to_string(column.type);
}

void canonical_raw(Table& table) {
  for (Column& column : table.columns) canonical_raw(column);
}

}  // namespace

std::vector<Operation> with_canonical_raw(std::vector<Operation> ops) {
  for (Operation& op : ops) {
    std::visit(
        [](auto& alternative) {
          using T = std::decay_t<decltype(alternative)>;
          if constexpr (std::is_same_v<T, CreateTable> || std::is_same_v<T, DropTable>) {
            canonical_raw(alternative.table);
          } else if constexpr (std::is_same_v<T, AddColumn> || std::is_same_v<T, DropColumn>) {
            canonical_raw(alternative.column);
          } else if constexpr (std::is_same_v<T, AlterColumn>) {
            canonical_raw(*alternative.from);
            canonical_raw(*alternative.to);
          }
        },
        op);
  }
  return ops;
}

std::vector<Migration> fixture_migrations() {
  const Column published =
      with_default(column("published", "boolean"), DefaultKind::Literal, "false");
  Column title_wide = column("title", "varchar(300)", true);
  title_wide.comment = "the title";
  Column post_id = column("post_id", "integer", true);
  const ForeignKey tag_post = [] {
    ForeignKey fk = foreign_key("fk_tags_post_id_posts", {"post_id"}, "posts", {"id"});
    fk.on_delete = ForeignKeyAction::SetDefault;
    return fk;
  }();
  const Index published_index{"ix_posts_published", {key("published")}, false, "published"};
  const UniqueConstraint user_title{"uq_posts_user_title", {"user_id", "title"}};
  const CheckConstraint title_check{"ck_posts_title", "length(title) > 0"};

  return {
      migration(
          "0001_init", {}, "create users, posts and friends",
          {
              CreateEnum{EnumType{"post_status", {"draft", "published", "it's \"archived\""}}},
              CreateTable{users()},
              CreateTable{posts()},
              CreateTable{hostile()},
              CreateTable{tags()},
          }),
      migration(
          "0002_evolve-posts.v2", {"0001_init"}, "evolve posts\nand everything around them",
          {
              AddColumn{"posts", published},
              AlterColumn{"posts", column("title", "varchar(200)"), title_wide},
              RenameColumn{"posts", "body", "content"},
              CreateIndex{"posts", published_index},
              AddUnique{"posts", user_title},
              AddCheck{"posts", title_check},
              AddColumn{"tags", post_id},
              AddForeignKey{"tags", tag_post},
              AlterPrimaryKey{"tags", PrimaryKey{"pk_tags", {"id"}}, std::nullopt},
              AlterPrimaryKey{"tags", std::nullopt, PrimaryKey{"pk_tags_2", {"id", "label"}}},
              AlterTableComment{"users", "the \"users\" table", "people\nwho post"},
              AddEnumValue{"post_status", "hidden", 1},
              Execute{"UPDATE posts\n   SET published = true\n WHERE status = 'published' -- \\\n"
                      "   AND title <> ')tempest\"'",
                      "UPDATE posts\n   SET published = false"},
          }),
      migration("0003_ключ_cleanup", {"0002_evolve-posts.v2"}, "clean up ?\?/ and */",
                {
                    DropIndex{"posts", published_index},
                    DropUnique{"posts", user_title},
                    DropCheck{"posts", title_check},
                    DropForeignKey{"tags", tag_post},
                    DropColumn{"tags", post_id},
                    RenameTable{kHostileTable, "renamed \"hostile\""},
                    DropEnumValue{"post_status", "hidden", 1},
                    DropTable{[] {
                      Table t = tags();
                      t.primary_key = PrimaryKey{"pk_tags_2", {"id", "label"}};
                      return t;
                    }()},
                    CreateEnum{EnumType{"mood", {"happy", "sad"}}},
                    DropEnum{EnumType{"mood", {"happy", "sad"}}},
                }),
      migration("0004_irreversible", {"0003_ключ_cleanup"}, "delete old posts",
                {
                    Execute{"DELETE FROM posts\nWHERE published_on < '2000-01-01'", std::nullopt},
                    AddColumn{"users", column("deleted_posts", "integer", true)},
                }),
      migration("0004b_branch", {"0003_ключ_cleanup"}, "a parallel branch",
                {CreateIndex{"users",
                             Index{"ix_users_created_at", {key("created_at", true)}, false, ""}}}),
      migration("0005_merge", {"0004_irreversible", "0004b_branch"}, "merge the two branches", {}),
      // Not UTF-8: written as octal escapes. (The JSON form cannot hold these bytes.)
      migration("0006_bytes", {"0005_merge"}, "bytes \xff that are not UTF-8",
                {
                    AddColumn{"users", with_default(column("bom", "bytes", true),
                                                    DefaultKind::Literal, "\xc0\xaf\xfe")},
                    Execute{"SELECT '\xff'\nFROM users", "SELECT 1"},
                }),
      migration("0100_random", {}, "a random schema, hostile names", random_history()),
  };
}

}  // namespace tempest::codegen_fixture
