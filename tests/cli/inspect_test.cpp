// tempest inspect: each output format, exactly for a small schema and structurally for
// Chinook.

#include <gtest/gtest.h>

#include <iterator>
#include <regex>
#include <string>

#include "cli_fixtures.hpp"
#include "support/run_tool.hpp"
#include "support/temp_dir.hpp"
#include "tempest/dialect.hpp"
#include "tempest/json.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::testing {
namespace {

std::size_t count_matches(const std::string& text, const std::string& pattern) {
  const std::regex re(pattern, std::regex::multiline);
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

class InspectSmall : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string url_ = "sqlite:" + make_sqlite_db(dir_, "small.db", kSmallSchemaDdl);
};

TEST_F(InspectSmall, TextReport) {
  ToolRun run = run_tool({"inspect", url_});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out, R"txt(table authors
  columns:
    id      bigint        not null  identity
    name    text          not null
    email   varchar(255)  null
    rating  numeric(3,1)  null      default 0
  primary key: pk_authors (id)
  unique constraints:
    uq_authors_email (email)
  checks:
    ck_rating (rating >= 0)

table "book list"
  columns:
    id         bigint   not null  identity
    author_id  integer  not null
    Title      text     not null  default 'untitled'
    editor_id  integer  null
  primary key: "pk_book list" (id)
  indexes:
    ix_books_title ((lower("Title")) desc) where author_id > 0
  foreign keys:
    "fk_book list_author_id_authors" (author_id) -> authors (id) on delete cascade
    "fk_book list_editor_id_authors" (editor_id) -> authors (id)
)txt");
}

TEST_F(InspectSmall, Sql) {
  ToolRun run = run_tool({"inspect", url_, "--sql"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, R"txt(CREATE TABLE "authors" (
  "id" INTEGER NOT NULL CONSTRAINT "pk_authors" PRIMARY KEY,
  "name" text NOT NULL,
  "email" varchar(255),
  "rating" numeric(3,1) DEFAULT 0,
  CONSTRAINT "uq_authors_email" UNIQUE ("email"),
  CONSTRAINT "ck_rating" CHECK (rating >= 0)
);
CREATE TABLE "book list" (
  "id" INTEGER NOT NULL CONSTRAINT "pk_book list" PRIMARY KEY,
  "author_id" int NOT NULL,
  "Title" text NOT NULL DEFAULT 'untitled',
  "editor_id" int,
  CONSTRAINT "fk_book list_author_id_authors" FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE CASCADE,
  CONSTRAINT "fk_book list_editor_id_authors" FOREIGN KEY ("editor_id") REFERENCES "authors" ("id")
);
CREATE INDEX "ix_books_title" ON "book list" ((lower("Title")) DESC) WHERE author_id > 0;
)txt");
}

TEST_F(InspectSmall, Mermaid) {
  ToolRun run = run_tool({"inspect", url_, "--mermaid"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, R"txt(erDiagram
    authors {
        bigint id PK
        text name
        varchar(255) email UK
        numeric(3_1) rating
    }
    "book list" {
        bigint id PK
        integer author_id FK
        text Title
        integer editor_id FK
    }
    "book list" }o--|| authors : "fk_book list_author_id_authors"
    "book list" }o--o| authors : "fk_book list_editor_id_authors"
)txt");
}

TEST(Inspect, JsonOfOneTable) {
  TempDir dir;
  const std::string db = make_sqlite_db(
      dir, "one.db", "CREATE TABLE t (id INTEGER PRIMARY KEY, label varchar(20) DEFAULT 'x')");
  ToolRun run = run_tool({"inspect", "sqlite:" + db, "--json"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, R"json({
  "format": "tempest.schema",
  "version": 1,
  "enums": [],
  "tables": [
    {
      "name": "t",
      "columns": [
        {
          "name": "id",
          "type": {
            "kind": "int64",
            "raw": "INTEGER"
          },
          "nullable": false,
          "identity": "by_default"
        },
        {
          "name": "label",
          "type": {
            "kind": "varchar",
            "length": 20,
            "raw": "varchar(20)"
          },
          "nullable": true,
          "default": {
            "kind": "literal",
            "value": "x"
          }
        }
      ],
      "primary_key": {
        "name": "pk_t",
        "columns": [
          "id"
        ]
      }
    }
  ]
}
)json");
}

TEST(Inspect, MermaidQuotesNamesMermaidCannotReadBare) {
  TempDir dir;
  const std::string db = make_sqlite_db(dir, "odd.db", R"sql(
    CREATE TABLE "end" (id INTEGER PRIMARY KEY);
    CREATE TABLE "Straße" ("pk" int, "first name" text, "2nd" text);
    CREATE TABLE "50%" (id int);
  )sql");
  ToolRun run = run_tool({"inspect", "sqlite:" + db, "--mermaid"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, R"txt(erDiagram
    "50_" {
        integer id
    }
    "Straße" {
        integer pk_ "pk"
        text first_name "first name"
        text _2nd "2nd"
    }
    "end" {
        bigint id PK
    }
)txt");
}

TEST(Inspect, EmptyDatabase) {
  ToolRun text = run_tool({"inspect", "sqlite::memory:"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out, "");
  EXPECT_EQ(run_tool({"inspect", "sqlite::memory:", "--mermaid"}).out, "erDiagram\n");
  EXPECT_EQ(run_tool({"inspect", "sqlite::memory:", "--sql"}).out, "");
}

class InspectChinook : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string path_ = make_sqlite_db(dir_, "chinook.db", chinook_sqlite_script());
  std::string url_ = "sqlite:" + path_;
};

TEST_F(InspectChinook, TextListsEveryTableKeyAndForeignKey) {
  ToolRun run = run_tool({"inspect", url_});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(count_matches(run.out, "^table "), 11u);
  EXPECT_EQ(count_matches(run.out, "^  primary key: "), 11u);
  EXPECT_EQ(count_matches(run.out, " -> "), 11u);
  EXPECT_NE(run.out.find("table PlaylistTrack\n  columns:\n"
                         "    PlaylistId  integer  not null\n"
                         "    TrackId     integer  not null\n"
                         "  primary key: PK_PlaylistTrack (PlaylistId, TrackId)\n"),
            std::string::npos);
  EXPECT_NE(run.out.find("    UnitPrice      numeric(10,2)  not null\n"), std::string::npos);
}

TEST_F(InspectChinook, JsonIsTheIntrospectedSchema) {
  ToolRun run = run_tool({"inspect", url_, "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto db = SqliteDriver::open(path_);
  EXPECT_EQ(schema_from_json(run.out), inspect_schema(*db));
}

TEST_F(InspectChinook, MermaidHasAnEntityPerTableAndARelationshipPerForeignKey) {
  ToolRun run = run_tool({"inspect", url_, "--mermaid"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("erDiagram\n"));
  EXPECT_EQ(count_matches(run.out, R"(^    \w+ \{$)"), 11u);
  EXPECT_EQ(count_matches(run.out, R"(^    \w+ \}o--(\|\||o\|) \w+ : "\w+"$)"), 11u);
  EXPECT_NE(run.out.find("    PlaylistTrack }o--|| Track : \"fk_PlaylistTrack_TrackId_Track\"\n"),
            std::string::npos);
  // Employee.ReportsTo is nullable: zero or one manager.
  EXPECT_NE(run.out.find("    Employee }o--o| Employee : \"fk_Employee_ReportsTo_Employee\"\n"),
            std::string::npos);
  EXPECT_NE(run.out.find("        bigint TrackId PK\n"), std::string::npos);
  EXPECT_NE(run.out.find("        integer MediaTypeId FK\n"), std::string::npos);
}

// The --sql output run by the sqlite3 shell in an empty database gives the same schema back.
TEST_F(InspectChinook, SqlRecreatesTheSchemaWithTheSqliteShell) {
  ToolRun run = run_tool({"inspect", url_, "--sql"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(count_matches(run.out, "^CREATE TABLE "), 11u);
  const std::string copy = dir_.file("copy.db");
  ToolRun shell = run_command("sqlite3 -bail " + shell_quote(copy), run.out);
  ASSERT_EQ(shell.exit_code, 0) << shell.err;
  auto original = SqliteDriver::open(path_);
  auto recreated = SqliteDriver::open(copy);
  EXPECT_EQ(inspect_schema(*recreated), inspect_schema(*original));
}

// A JSON schema file can be inspected too; --sql needs the engine then.
TEST(Inspect, JsonFileWithDialect) {
  TempDir dir;
  const std::string db = make_sqlite_db(dir, "small.db", kSmallSchemaDdl);
  const std::string json =
      dir.write("small.json", run_tool({"inspect", "sqlite:" + db, "--json"}).out);
  EXPECT_EQ(run_tool({"inspect", json}).out, run_tool({"inspect", "sqlite:" + db}).out);
  EXPECT_EQ(run_tool({"inspect", "file:" + json, "--sql", "--dialect", "sqlite"}).out,
            run_tool({"inspect", "sqlite:" + db, "--sql"}).out);
  ToolRun without = run_tool({"inspect", json, "--sql"});
  EXPECT_EQ(without.exit_code, 2);
  EXPECT_EQ(without.err, "tempest: inspect --sql of the JSON file " + json +
                             " needs --dialect sqlite or --dialect postgresql\n");
}

}  // namespace
}  // namespace tempest::testing
