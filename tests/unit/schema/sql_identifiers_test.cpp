// Renaming columns and tables inside SQL text, as the engines do on RENAME.

#include "schema/sql_identifiers.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tempest {
namespace {

std::string rename_title(std::string_view sql) {
  return rename_identifier(sql, "posts", "title", "headline");
}

TEST(SqlIdentifier, BareOnlyWhenNoQuotesAreNeeded) {
  EXPECT_EQ(sql_identifier("headline"), "headline");
  EXPECT_EQ(sql_identifier("_col_2"), "_col_2");
  EXPECT_EQ(sql_identifier("Headline"), "\"Headline\"");
  EXPECT_EQ(sql_identifier("2col"), "\"2col\"");
  EXPECT_EQ(sql_identifier("head line"), "\"head line\"");
  EXPECT_EQ(sql_identifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(sql_identifier("order"), "\"order\"");
  EXPECT_EQ(sql_identifier("time"), "\"time\"");
  EXPECT_EQ(sql_identifier("user"), "\"user\"");
  EXPECT_EQ(sql_identifier("index"), "\"index\"");
  EXPECT_EQ(sql_identifier("ключ"), "\"ключ\"");
  EXPECT_EQ(sql_identifier(""), "\"\"");
}

TEST(RenameIdentifier, BareAndQuotedReferences) {
  EXPECT_EQ(rename_title("length(title) > 0"), "length(headline) > 0");
  EXPECT_EQ(rename_title("\"title\" <> ''"), "\"headline\" <> ''");
  EXPECT_EQ(rename_title("TITLE <> '' AND Title IS NOT NULL"),
            "headline <> '' AND headline IS NOT NULL");
  EXPECT_EQ(rename_title("`title` = [title]"), "\"headline\" = \"headline\"");
  // A quoted name matches exactly: "Title" is another column in PostgreSQL.
  EXPECT_EQ(rename_title("\"Title\" = 1"), "\"Title\" = 1");
  EXPECT_EQ(rename_identifier("\"Title\" = Title", "posts", "Title", "Headline"),
            "\"Headline\" = \"Headline\"");
}

TEST(RenameIdentifier, NewNameQuotedWhenNeeded) {
  EXPECT_EQ(rename_identifier("title <> ''", "posts", "title", "Head Line"), "\"Head Line\" <> ''");
  EXPECT_EQ(rename_identifier("title <> ''", "posts", "title", "order"), "\"order\" <> ''");
  EXPECT_EQ(rename_identifier("title <> ''", "posts", "title", "a\"b"), "\"a\"\"b\" <> ''");
}

TEST(RenameIdentifier, LeavesLiteralsCommentsAndCallsAlone) {
  EXPECT_EQ(rename_title("title <> 'title'"), "headline <> 'title'");
  EXPECT_EQ(rename_title("title <> 'it''s title'"), "headline <> 'it''s title'");
  EXPECT_EQ(rename_title("title(x) > 0"), "title(x) > 0");
  EXPECT_EQ(rename_title("title (title) > 0"), "title (headline) > 0");
  EXPECT_EQ(rename_title("title > 0 -- title\n AND title < 9 /* title */"),
            "headline > 0 -- title\n AND headline < 9 /* title */");
  EXPECT_EQ(rename_title("title <> $$title$$ AND title <> $t$title$t$"),
            "headline <> $$title$$ AND headline <> $t$title$t$");
  EXPECT_EQ(rename_title("title <> E'title\\n' AND x'00' <> title"),
            "headline <> E'title\\n' AND x'00' <> headline");
  EXPECT_EQ(rename_title("subtitle || title_2 || title"), "subtitle || title_2 || headline");
  EXPECT_EQ(rename_title("1e5 > 2.5e+3 AND title > $1"), "1e5 > 2.5e+3 AND headline > $1");
}

TEST(RenameIdentifier, TypeNamesAreNotReferences) {
  EXPECT_EQ(rename_identifier("date > '2020-01-01'::date AND date <> DATE '2021-01-01'", "t",
                              "date", "day"),
            "day > '2020-01-01'::date AND day <> DATE '2021-01-01'");
  EXPECT_EQ(
      rename_identifier("CAST(time AS time) > '10:00'::time with time zone", "t", "time", "at"),
      "CAST(at AS time) > '10:00'::time with time zone");
  EXPECT_EQ(rename_identifier("stamp AT TIME ZONE 'UTC' > time", "t", "time", "moment"),
            "stamp AT TIME ZONE 'UTC' > moment");
  EXPECT_EQ(rename_identifier("EXTRACT(year FROM made) > year", "t", "year", "vintage"),
            "EXTRACT(year FROM made) > vintage");
  EXPECT_EQ(rename_identifier("name COLLATE nocase = 'x'", "t", "nocase", "y"),
            "name COLLATE nocase = 'x'");
}

TEST(RenameIdentifier, QualifiedReferences) {
  EXPECT_EQ(rename_title("posts.title <> \"posts\".\"title\""),
            "posts.headline <> \"posts\".\"headline\"");
  EXPECT_EQ(rename_title("POSTS.title <> main.posts.title"),
            "POSTS.headline <> main.posts.headline");
  // Another table's column, and the table itself used as a qualifier, stay.
  EXPECT_EQ(rename_title("other.title <> title"), "other.title <> headline");
  EXPECT_EQ(rename_identifier("title.x > 0", "posts", "title", "headline"), "title.x > 0");
  // A quoted qualifier matches the table name exactly.
  EXPECT_EQ(rename_title("\"Posts\".title"), "\"Posts\".title");
}

TEST(RenameIdentifier, NothingToRenameGivesTheTextBack) {
  EXPECT_EQ(rename_title(""), "");
  EXPECT_EQ(rename_title("  id >= 0  "), "  id >= 0  ");
  EXPECT_EQ(rename_title("'unterminated title"), "'unterminated title");
}

TEST(RenameQualifier, RenamesQualifiersOfTheTable) {
  EXPECT_EQ(rename_qualifier("posts.title <> '' AND \"posts\".id > 0", "posts", "articles"),
            "\"articles\".title <> '' AND \"articles\".id > 0");
  EXPECT_EQ(rename_qualifier("main.posts.title > 0", "posts", "articles"),
            "main.\"articles\".title > 0");
  EXPECT_EQ(rename_qualifier("posts > 0 AND posts.f(x) AND other.posts", "posts", "articles"),
            "posts > 0 AND posts.f(x) AND other.posts");
  EXPECT_EQ(rename_qualifier("'posts.title' = x", "posts", "articles"), "'posts.title' = x");
}

TEST(RenameColumnInExpressions, ChecksIndexKeysAndPredicates) {
  Table table;
  table.name = "posts";
  table.checks = {{"ck_a", "length(title) > 0"}, {"ck_b", "id > 0"}};
  table.indexes = {Index{"ix",
                         {IndexKey{"title", "", false}, IndexKey{"", "lower(title)", true}},
                         false,
                         "title <> 'title'"}};
  rename_column_in_expressions(table, "title", "headline");
  EXPECT_EQ(table.checks[0].expression, "length(headline) > 0");
  EXPECT_EQ(table.checks[1].expression, "id > 0");
  // Column keys are names, not SQL: apply() renames them itself.
  EXPECT_EQ(table.indexes[0].keys[0].column, "title");
  EXPECT_EQ(table.indexes[0].keys[1].expression, "lower(headline)");
  EXPECT_EQ(table.indexes[0].where, "headline <> 'title'");

  table.checks[1].expression = "posts.id > 0";
  rename_table_in_expressions(table, "posts", "articles");
  EXPECT_EQ(table.checks[1].expression, "\"articles\".id > 0");
  EXPECT_EQ(table.checks[0].expression, "length(headline) > 0");
}

}  // namespace
}  // namespace tempest
