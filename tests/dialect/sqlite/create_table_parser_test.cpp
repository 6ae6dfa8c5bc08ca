#include "dialect/sqlite/create_table_parser.hpp"

#include <gtest/gtest.h>

#include "dialect/sqlite/sql_tokenizer.hpp"

namespace tempest {
namespace {

using Kind = ParsedConstraint::Kind;
using Names = std::vector<std::string>;

TEST(SqliteTokenizer, ReadsQuotedNamesStringsNumbersAndSkipsComments) {
  auto tokens = sqlite_sql::tokenize(
      "\"a\"\"b\" `c``d` [e]f] 'it''s' 1.5e-3 0x1e+2 -- comment\n /* block */ x$1 ü");
  Names values;
  for (const auto& token : tokens) values.push_back(token.value);
  EXPECT_EQ(values,
            (Names{"a\"b", "c`d", "e", "f", "]", "it's", "1.5e-3", "0x1e", "+", "2", "x$1", "ü"}));
  EXPECT_EQ(tokens[0].kind, sqlite_sql::TokenKind::QuotedName);
  EXPECT_EQ(tokens[5].kind, sqlite_sql::TokenKind::String);
  EXPECT_EQ(tokens[6].kind, sqlite_sql::TokenKind::Number);
  EXPECT_EQ(tokens[11].kind, sqlite_sql::TokenKind::Word);
}

TEST(SqliteTokenizer, UnterminatedQuotesAndCommentsRunToTheEnd) {
  EXPECT_EQ(sqlite_sql::tokenize("'abc").back().value, "abc");
  EXPECT_EQ(sqlite_sql::tokenize("a /* never closed").size(), 1u);
}

TEST(CreateTableParser, ReadsColumnAndTableConstraints) {
  ParsedCreateTable t = parse_create_table(R"(CREATE TABLE IF NOT EXISTS main."Order ""x"""(
      "id" INTEGER CONSTRAINT "pk" PRIMARY KEY AUTOINCREMENT,
      [b] varchar(10) NOT NULL DEFAULT 'CHECK (' CHECK (length(b) > 0) UNIQUE,
      c numeric(10, 2) DEFAULT -1 CONSTRAINT "c,check" CHECK (c IN (1, 2)),
      d int CONSTRAINT fk_d REFERENCES other ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
      e text DEFAULT (lower('PRIMARY KEY')) COLLATE NOCASE,
      CONSTRAINT uq UNIQUE (b, c) ON CONFLICT REPLACE,
      CHECK ((c + 1) > 0 /* a ) comment */),
      FOREIGN KEY (c, d) REFERENCES "Other" (x, y) ON UPDATE NO ACTION MATCH FULL NOT DEFERRABLE
      CONSTRAINT "ck two" CHECK (d <> 0)
    ) WITHOUT ROWID, STRICT)");
  EXPECT_EQ(t.name, "Order \"x\"");
  EXPECT_EQ(t.columns, (Names{"id", "b", "c", "d", "e"}));
  EXPECT_TRUE(t.without_rowid);
  ASSERT_EQ(t.constraints.size(), 9u);

  const ParsedConstraint& pk = t.constraints[0];
  EXPECT_EQ(pk.kind, Kind::PrimaryKey);
  EXPECT_EQ(pk.name, "pk");
  EXPECT_EQ(pk.column, "id");
  EXPECT_TRUE(pk.autoincrement);

  EXPECT_EQ(t.constraints[1].kind, Kind::Check);
  EXPECT_EQ(t.constraints[1].expression, "length(b) > 0");
  EXPECT_EQ(t.constraints[1].name, "");
  EXPECT_EQ(t.constraints[2].kind, Kind::Unique);
  EXPECT_EQ(t.constraints[2].columns, Names{"b"});

  EXPECT_EQ(t.constraints[3].name, "c,check");
  EXPECT_EQ(t.constraints[3].expression, "c IN (1, 2)");
  EXPECT_EQ(t.constraints[3].column, "c");

  const ParsedConstraint& fk_d = t.constraints[4];
  EXPECT_EQ(fk_d.kind, Kind::ForeignKey);
  EXPECT_EQ(fk_d.name, "fk_d");
  EXPECT_EQ(fk_d.columns, Names{"d"});
  EXPECT_EQ(fk_d.ref_table, "other");
  EXPECT_TRUE(fk_d.ref_columns.empty());
  EXPECT_EQ(fk_d.deferrable, Deferrable::InitiallyDeferred);

  EXPECT_EQ(t.constraints[5].name, "uq");
  EXPECT_EQ(t.constraints[5].columns, (Names{"b", "c"}));
  EXPECT_EQ(t.constraints[5].column, "");

  EXPECT_EQ(t.constraints[6].kind, Kind::Check);
  // The text runs from the first token to the last: a trailing comment is not part of it.
  EXPECT_EQ(t.constraints[6].expression, "(c + 1) > 0");

  const ParsedConstraint& fk = t.constraints[7];
  EXPECT_EQ(fk.columns, (Names{"c", "d"}));
  EXPECT_EQ(fk.ref_table, "Other");
  EXPECT_EQ(fk.ref_columns, (Names{"x", "y"}));
  EXPECT_EQ(fk.deferrable, Deferrable::No);

  // Table constraints may follow each other without a comma.
  EXPECT_EQ(t.constraints[8].name, "ck two");
  EXPECT_EQ(t.constraints[8].expression, "d <> 0");
}

TEST(CreateTableParser, DeferrableForms) {
  auto deferrable = [](const std::string& clause) {
    return parse_create_table("CREATE TABLE t (a REFERENCES p (id) " + clause + ")")
        .constraints.at(0)
        .deferrable;
  };
  EXPECT_EQ(deferrable(""), Deferrable::No);
  EXPECT_EQ(deferrable("DEFERRABLE"), Deferrable::InitiallyImmediate);
  EXPECT_EQ(deferrable("DEFERRABLE INITIALLY IMMEDIATE"), Deferrable::InitiallyImmediate);
  EXPECT_EQ(deferrable("deferrable initially deferred"), Deferrable::InitiallyDeferred);
  EXPECT_EQ(deferrable("NOT DEFERRABLE INITIALLY DEFERRED"), Deferrable::No);
  EXPECT_EQ(deferrable("ON DELETE CASCADE ON UPDATE SET DEFAULT DEFERRABLE INITIALLY DEFERRED"),
            Deferrable::InitiallyDeferred);
}

TEST(CreateTableParser, PrimaryKeyForms) {
  ParsedCreateTable desc = parse_create_table("CREATE TABLE t (id INTEGER PRIMARY KEY DESC)");
  EXPECT_TRUE(desc.constraints.at(0).descending);
  EXPECT_FALSE(desc.constraints.at(0).autoincrement);

  ParsedCreateTable table_level = parse_create_table(
      "CREATE TABLE t (id INTEGER, CONSTRAINT p PRIMARY KEY (id AUTOINCREMENT))");
  EXPECT_EQ(table_level.constraints.at(0).name, "p");
  EXPECT_EQ(table_level.constraints.at(0).columns, Names{"id"});
  EXPECT_TRUE(table_level.constraints.at(0).autoincrement);

  ParsedCreateTable composite = parse_create_table(
      "CREATE TEMP TABLE t (a, b, PRIMARY KEY (a COLLATE NOCASE DESC, \"b\") ON CONFLICT FAIL)");
  EXPECT_EQ(composite.constraints.at(0).columns, (Names{"a", "b"}));
  EXPECT_EQ(composite.constraints.at(0).name, "");
  EXPECT_FALSE(composite.without_rowid);
}

TEST(CreateTableParser, ConstraintNameIsConsumedByTheConstraintItNames) {
  ParsedCreateTable t = parse_create_table(
      "CREATE TABLE t (a int CONSTRAINT nn NOT NULL CHECK (a > 0), b int GENERATED ALWAYS AS "
      "(a * 2) STORED CONSTRAINT u UNIQUE)");
  ASSERT_EQ(t.constraints.size(), 2u);
  EXPECT_EQ(t.constraints[0].name, "");  // "nn" named the NOT NULL, not the CHECK
  EXPECT_EQ(t.constraints[1].name, "u");
  EXPECT_EQ(t.constraints[1].column, "b");
}

TEST(CreateTableParser, StringNamesAreAccepted) {
  ParsedCreateTable t = parse_create_table("CREATE TABLE 'tab' ('col' int)");
  EXPECT_EQ(t.name, "tab");
  EXPECT_EQ(t.columns, Names{"col"});
}

TEST(CreateIndexParser, ReadsKeysAndPredicate) {
  ParsedCreateIndex index = parse_create_index(
      "CREATE UNIQUE INDEX IF NOT EXISTS \"ix\" ON \"t\" (lower(\"a\") DESC, b COLLATE NOCASE "
      "ASC, (a + b), ((a)) desc) WHERE a > 0 AND b IS NOT NULL");
  ASSERT_EQ(index.keys.size(), 4u);
  EXPECT_EQ(index.keys[0].text, "lower(\"a\")");
  EXPECT_TRUE(index.keys[0].descending);
  EXPECT_EQ(index.keys[1].text, "b");
  EXPECT_FALSE(index.keys[1].descending);
  EXPECT_EQ(index.keys[2].text, "a + b");
  EXPECT_EQ(index.keys[3].text, "(a)");
  EXPECT_TRUE(index.keys[3].descending);
  EXPECT_EQ(index.where, "a > 0 AND b IS NOT NULL");

  ParsedCreateIndex plain = parse_create_index("CREATE INDEX main.i ON t(x)");
  ASSERT_EQ(plain.keys.size(), 1u);
  EXPECT_EQ(plain.keys[0].text, "x");
  EXPECT_EQ(plain.where, "");
}

}  // namespace
}  // namespace tempest
