// generate_migration(): the exact text of migration files.

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "support/random_schema.hpp"
#include "tempest/build.hpp"
#include "tempest/codegen.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/migrations.hpp"

namespace tempest {
namespace {

// The lines of `m.up = {...};` without the braces.
std::string up_body(const std::string& source) {
  const std::string open = "  m.up = {\n";
  const std::size_t begin = source.find(open);
  const std::size_t end = source.find("\n  };\n", begin);
  if (begin == std::string::npos || end == std::string::npos) return "<no m.up list>";
  return source.substr(begin + open.size(), end + 1 - begin - open.size());
}

std::string up_of(const Operation& op) {
  return up_body(generate_migration({.revision = "r", .label = "l", .operations = {op}}));
}

// Columns a line takes (UTF-8 continuation bytes take none).
int line_width(const std::string& line) {
  int width = 0;
  for (char c : line) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return width;
}

TEST(GenerateMigration, GoldenFile) {
  using namespace build;
  const std::string source = migrations::generate_migration({
      .revision = "0002_post_published",
      .down_revisions = {"0001_init"},
      .label = "add published to posts",
      .operations = {add_column("posts", column("published", boolean()).default_literal("false"))},
  });
  EXPECT_EQ(source,
            R"golden(// Migration "0002_post_published": "add published to posts".
//
// Written by tempest::generate_migration(); edit it like any source file. m.down was
// derived from m.up (each operation inverted, in reverse order): edit both if you edit
// one. Keep the file named after the revision: tempest_add_migrations() names the
// function after the file.

#include <tempest/migration_file.hpp>

tempest::Migration tempest_migration_0002_post_published() {
  using namespace tempest::build;
  tempest::Migration m;
  m.revision = "0002_post_published";
  m.down_revisions = {"0001_init"};
  m.label = "add published to posts";
  m.up = {
      add_column("posts", column("published", boolean()).default_literal("false")),
  };
  m.down = {
      drop_column("posts", column("published", boolean()).default_literal("false")),
  };
  return m;
}
)golden");
}

TEST(GenerateMigration, GoldenCreateTableLayout) {
  using namespace build;
  const Operation op = create_table(
      table("posts",
            {
                column("id", bigint()).identity(),
                column("user_id", bigint()),
                column("title", varchar(200)).default_literal("untitled"),
                column("status", enum_of("post_status")).nullable(),
                column("created_at", timestamptz(3)).default_sql("CURRENT_TIMESTAMP"),
            })
          .primary_key("pk_posts", {"id"})
          .foreign_key(foreign_key("fk_posts_user_id_users", {"user_id"}, "users", {"id"})
                           .on_delete(cascade)
                           .deferrable(initially_deferred))
          .index(index("ix_posts_title", {"title", desc("id"), expr("lower(title)")})
                     .unique()
                     .where("status IS NOT NULL"))
          .check("ck_posts_title", "length(title) > 0")
          .comment("one row per post"));
  EXPECT_EQ(up_of(op), R"golden(      create_table(
          table("posts",
                {
                    column("id", bigint()).identity(),
                    column("user_id", bigint()),
                    column("title", varchar(200)).default_literal("untitled"),
                    column("status", enum_of("post_status")).nullable(),
                    column("created_at", timestamptz(3)).default_sql("CURRENT_TIMESTAMP"),
                })
              .primary_key("pk_posts", {"id"})
              .check("ck_posts_title", "length(title) > 0")
              .foreign_key(foreign_key("fk_posts_user_id_users", {"user_id"}, "users", {"id"})
                               .on_delete(cascade)
                               .deferrable(initially_deferred))
              .index(index("ix_posts_title", {"title", desc("id"), expr("lower(title)")})
                         .unique()
                         .where("status IS NOT NULL"))
              .comment("one row per post")),
)golden");
}

TEST(GenerateMigration, EveryOperationKind) {
  using namespace build;
  const Column email = column("email", varchar(255));
  const Column email_null = column("email", text()).nullable().comment("optional");
  const ForeignKey fk = foreign_key("fk_a_b", {"b_id"}, "b", {"id"}).on_update(restrict);
  const std::vector<std::pair<Operation, std::string>> cases = {
      {create_table(table("t", {column("id", integer())})),
       R"golden(create_table(table("t", {column("id", integer())})),)golden"},
      {drop_table(table("t", {column("id", integer())}).primary_key("pk_t", {"id"})),
       R"golden(drop_table(table("t", {column("id", integer())}))golden"
       R"golden(.primary_key("pk_t", {"id"})),)golden"},
      {rename_table("a", "b"), R"golden(rename_table("a", "b"),)golden"},
      {alter_table_comment("t", "", "new"), R"golden(alter_table_comment("t", "", "new"),)golden"},
      {add_column("t", email), R"golden(add_column("t", column("email", varchar(255))),)golden"},
      {drop_column("t", email), R"golden(drop_column("t", column("email", varchar(255))),)golden"},
      {rename_column("t", "a", "b"), R"golden(rename_column("t", "a", "b"),)golden"},
      {alter_column("t", email, email),
       "alter_column(\"t\", column(\"email\", varchar(255)), column(\"email\", varchar(255))),"},
      {alter_primary_key("t", no_primary_key, primary_key("pk", {"a", "b"})),
       R"golden(alter_primary_key("t", no_primary_key, primary_key("pk", {"a", "b"})),)golden"},
      {create_index("t", index("ix", {desc(expr("lower(a)"))})),
       R"golden(create_index("t", index("ix", {desc(expr("lower(a)"))})),)golden"},
      {drop_index("t", index("ix", {"a"}).unique()),
       R"golden(drop_index("t", index("ix", {"a"}).unique()),)golden"},
      {add_unique("t", unique("uq", {"a"})),
       R"golden(add_unique("t", unique("uq", {"a"})),)golden"},
      {drop_unique("t", unique("uq", {"a"})),
       R"golden(drop_unique("t", unique("uq", {"a"})),)golden"},
      {add_foreign_key("a", fk),
       "add_foreign_key(\"a\", foreign_key(\"fk_a_b\", {\"b_id\"}, \"b\", "
       "{\"id\"}).on_update(restrict)),"},
      {drop_foreign_key("a", foreign_key("fk", {"x"}, "b", {"y"}).on_delete(set_default)),
       R"golden(drop_foreign_key("a", foreign_key("fk", {"x"}, "b", {"y"}))golden"
       R"golden(.on_delete(set_default)),)golden"},
      {add_check("t", check("ck", "a > 0")),
       R"golden(add_check("t", check("ck", "a > 0")),)golden"},
      {drop_check("t", check("ck", "a > 0")),
       R"golden(drop_check("t", check("ck", "a > 0")),)golden"},
      {create_enum("e", {"a", "b"}), R"golden(create_enum("e", {"a", "b"}),)golden"},
      {drop_enum("e", {}), R"golden(drop_enum("e", {}),)golden"},
      {add_enum_value("e", "c", 2), R"golden(add_enum_value("e", "c", 2),)golden"},
      {drop_enum_value("e", "c", 0), R"golden(drop_enum_value("e", "c", 0),)golden"},
      {execute("DELETE FROM t"), R"golden(execute("DELETE FROM t"),)golden"},
      {execute("UPDATE t SET a = 1", "UPDATE t SET a = 0"),
       R"golden(execute("UPDATE t SET a = 1", "UPDATE t SET a = 0"),)golden"},
  };
  ASSERT_EQ(cases.size(), std::variant_size_v<Operation> + 1);
  for (const auto& [op, line] : cases) {
    EXPECT_EQ(up_of(op), "      " + line + "\n") << describe(op);
  }
  // Past 100 columns, arguments move to aligned continuation lines.
  EXPECT_EQ(up_of(alter_column("t", email, email_null)),
            "      alter_column(\"t\", column(\"email\", varchar(255)),\n"
            "                   column(\"email\", text()).nullable().comment(\"optional\")),\n");
}

TEST(GenerateMigration, TypesAndColumnModifiers) {
  using namespace build;
  const std::vector<std::pair<Column, std::string>> cases = {
      {column("a", smallint()), R"golden(column("a", smallint()))golden"},
      {column("a", real()), R"golden(column("a", real()))golden"},
      {column("a", double_precision()), R"golden(column("a", double_precision()))golden"},
      {column("a", numeric()), R"golden(column("a", numeric()))golden"},
      {column("a", numeric(10)), R"golden(column("a", numeric(10)))golden"},
      {column("a", numeric(12, 2)), R"golden(column("a", numeric(12, 2)))golden"},
      {column("a", bytes()), R"golden(column("a", bytes()))golden"},
      {column("a", date()), R"golden(column("a", date()))golden"},
      {column("a", time()), R"golden(column("a", time()))golden"},
      {column("a", time(3)), R"golden(column("a", time(3)))golden"},
      {column("a", timestamp()), R"golden(column("a", timestamp()))golden"},
      {column("a", timestamp(0)), R"golden(column("a", timestamp(0)))golden"},
      {column("a", timestamptz()), R"golden(column("a", timestamptz()))golden"},
      {column("a", uuid()), R"golden(column("a", uuid()))golden"},
      {column("a", json()), R"golden(column("a", json()))golden"},
      {column("a", custom("citext")), R"golden(column("a", custom("citext")))golden"},
      {column("a", boolean()).nullable().default_sql("true").identity_always(),
       R"golden(column("a", boolean()).nullable().default_sql("true").identity_always())golden"},
      {column("a", text()).default_literal("x").comment("c"),
       R"golden(column("a", text()).default_literal("x").comment("c"))golden"},
      {column("a", bigint()).autoincrement().renamed_from("b"),
       R"golden(column("a", bigint()).autoincrement().renamed_from("b"))golden"},
  };
  for (const auto& [col, expected] : cases) {
    EXPECT_EQ(up_of(add_column("t", col)), "      add_column(\"t\", " + expected + "),\n");
  }
  // A parsed type is written by its meaning, not its spelling.
  Column parsed;
  parsed.name = "a";
  parsed.type = parse_type("INT8");
  EXPECT_EQ(up_of(add_column("t", parsed)), "      add_column(\"t\", column(\"a\", bigint())),\n");
}

TEST(GenerateMigration, IrreversibleMigrationHasAnEmptyDown) {
  using namespace build;
  const std::string source = generate_migration({
      .revision = "0003_backfill",
      .down_revisions = {"0002_a", "0002_b"},
      .label = "backfill",
      .operations = {add_column("t", column("a", integer()).nullable()),
                     execute("UPDATE t SET a = 1"), execute("UPDATE t SET b = 2", "SELECT 1"),
                     execute("DELETE FROM u")},
  });
  const std::string tail = source.substr(source.find("  };\n") + 5);
  EXPECT_EQ(
      tail,
      "  // Irreversible: m.up[1] (execute) has no reverse SQL; give it one to allow downgrades.\n"
      "  // Irreversible: m.up[3] (execute) has no reverse SQL; give it one to allow downgrades.\n"
      "  // An empty m.down with a non-empty m.up marks the migration as irreversible: the runner\n"
      "  // refuses to downgrade past it.\n"
      "  m.down = {};\n"
      "  return m;\n"
      "}\n");
  EXPECT_NE(source.find("  m.down_revisions = {\"0002_a\", \"0002_b\"};\n"), std::string::npos);
}

TEST(GenerateMigration, RootAndEmptyMigrations) {
  const std::string source = generate_migration(
      {.revision = "0001_init", .down_revisions = {}, .label = "", .operations = {}});
  EXPECT_NE(source.find("  m.revision = \"0001_init\";\n"
                        "  m.down_revisions = {};\n"
                        "  m.label = \"\";\n"
                        "  m.up = {};\n"
                        "  m.down = {};\n"
                        "  return m;\n"),
            std::string::npos)
      << source;
}

TEST(GenerateMigration, DownIsTheInverseInReverseOrder) {
  using namespace build;
  const std::string source = generate_migration({
      .revision = "r",
      .label = "l",
      .operations = {create_enum("e", {"a"}), rename_table("a", "b"),
                     execute("UPDATE b SET x = 1", "UPDATE b SET x = 0")},
  });
  EXPECT_NE(source.find("  m.down = {\n"
                        "      execute(\"UPDATE b SET x = 0\", \"UPDATE b SET x = 1\"),\n"
                        "      rename_table(\"b\", \"a\"),\n"
                        "      drop_enum(\"e\", {\"a\"}),\n"
                        "  };\n"),
            std::string::npos)
      << source;
}

TEST(GenerateMigration, HostileTextStaysInsideLiteralsAndComments) {
  using namespace build;
  const std::string source = generate_migration({
      .revision = "0004_we\"ird\\rev?\?=",
      .down_revisions = {"a\"b"},
      .label = "line one\nline two ends in \\",
      .operations = {add_column("t\"q", column("ключ ?\?/", text()).comment("*/ // \\")),
                     execute("UPDATE t\nSET a = 'x' -- \\\nWHERE b", "SELECT ')tempest\"'\n")},
  });
  EXPECT_NE(
      source.find(
          R"golden(// Migration "0004_we\"ird\\rev?\?=": "line one\nline two ends in \\".)golden"),
      std::string::npos)
      << source;
  EXPECT_NE(source.find("tempest::Migration tempest_migration_0004_we_ird_rev___() {"),
            std::string::npos);
  EXPECT_NE(source.find(R"golden(  m.revision = "0004_we\"ird\\rev?\?=";)golden"),
            std::string::npos);
  EXPECT_NE(source.find(R"golden(  m.down_revisions = {"a\"b"};)golden"), std::string::npos);
  EXPECT_NE(source.find("  m.label = R\"tempest(line one\nline two ends in \\)tempest\";\n"),
            std::string::npos)
      << source;
  EXPECT_NE(
      source.find(
          R"golden(add_column("t\"q", column("ключ ?\?/", text()).comment("*/ // \\")),)golden"),
      std::string::npos)
      << source;
  EXPECT_NE(source.find("      execute(R\"tempest(UPDATE t\nSET a = 'x' -- \\\nWHERE b)tempest\",\n"
                        "              \"SELECT ')tempest\\\"'\\n\"),\n"),
            std::string::npos)
      << source;
  // Every line before the function is a comment, and none continues onto the next line.
  const std::string head = source.substr(0, source.find("\n\n#include"));
  std::size_t start = 0;
  while (start < head.size()) {
    std::size_t end = head.find('\n', start);
    if (end == std::string::npos) end = head.size();
    const std::string line = head.substr(start, end - start);
    EXPECT_EQ(line.rfind("//", 0), 0u) << line;
    EXPECT_NE(line.back(), '\\') << line;
    start = end + 1;
  }
}

TEST(GenerateMigration, LongLabelsWrapInTheHeaderComment) {
  const std::string label(150, 'x');
  const std::string words = "word " + std::string(60, 'y') + " " + std::string(60, 'z');
  const std::string source = generate_migration({.revision = "r", .label = words});
  EXPECT_EQ(source.substr(0, source.find("//\n")), "// Migration \"r\": \"word " +
                                                       std::string(60, 'y') + "\n// " +
                                                       std::string(60, 'z') + "\".\n");
  // A word longer than a line is left whole, on a line of its own.
  const std::string unbroken = generate_migration({.revision = "r", .label = label});
  EXPECT_EQ(unbroken.substr(0, unbroken.find("//\n")),
            "// Migration \"r\":\n// \"" + label + "\".\n");
}

TEST(GenerateMigration, IsDeterministicAndStaysWithinTheColumnLimit) {
  for (std::uint64_t seed : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u}) {
    std::mt19937_64 rng(seed);
    const Schema from = testing::random_schema(rng);
    const Schema to = testing::without_hints(testing::mutate_schema(from, rng));
    std::vector<Operation> ops = diff_schema(empty_schema(), from);
    const std::vector<Operation> changes = diff_schema(from, to);
    ops.insert(ops.end(), changes.begin(), changes.end());
    const MigrationSource migration{"r" + std::to_string(seed), {"p"}, "random", ops};
    const std::string source = generate_migration(migration);
    const MigrationSource copy = migration;  // NOLINT(performance-unnecessary-copy-initialization)
    EXPECT_EQ(generate_migration(copy), source) << "seed " << seed;

    std::size_t start = 0;
    while (start < source.size()) {
      const std::size_t end = source.find('\n', start);
      const std::string line = source.substr(start, end - start);
      EXPECT_LE(line_width(line), 100) << "seed " << seed << ": " << line;
      start = end + 1;
    }
  }
}

TEST(GenerateMigration, RejectsWhatCannotBeWritten) {
  EXPECT_THROW((void)generate_migration({.revision = "", .label = "x"}), MigrationError);
  Column no_length;
  no_length.name = "title";
  no_length.type.kind = TypeKind::Varchar;
  try {
    (void)generate_migration({.revision = "r", .operations = {AddColumn{"posts", no_length}}});
    ADD_FAILURE() << "expected ModelError";
  } catch (const ModelError& e) {
    EXPECT_STREQ(e.what(),
                 "table \"posts\": column \"title\": varchar without a length cannot be written "
                 "with the tempest::build API");
  }
  Column scale_only;
  scale_only.name = "n";
  scale_only.type.kind = TypeKind::Numeric;
  scale_only.type.scale = 2;
  EXPECT_THROW(
      (void)generate_migration({.revision = "r", .operations = {AddColumn{"t", scale_only}}}),
      ModelError);
}

TEST(GenerateMigration, IndexWithoutKeysAvoidsPosixIndex) {
  EXPECT_EQ(up_of(CreateIndex{"t", Index{"ix", {}, false, ""}}),
            "      create_index(\"t\", index(\"ix\", std::vector<IndexKeyBuilder>{})),\n");
}

TEST(MigrationFunctionName, ReplacesWhatIsNotAnIdentifierCharacter) {
  EXPECT_EQ(migration_function_name("0001_init"), "tempest_migration_0001_init");
  EXPECT_EQ(migration_function_name("0002_post-published.v2"),
            "tempest_migration_0002_post_published_v2");
  EXPECT_EQ(migration_function_name("a b\"c"), "tempest_migration_a_b_c");
  // One '_' per byte, as CMake's string(REGEX REPLACE) does for the file name.
  EXPECT_EQ(migration_function_name("ключ"), "tempest_migration_________");
  EXPECT_EQ(migration_function_name(""), "tempest_migration_");
}

}  // namespace
}  // namespace tempest
