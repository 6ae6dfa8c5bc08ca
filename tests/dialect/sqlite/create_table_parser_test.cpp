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

TEST(CreateTableParser, DefaultTextsAsSqliteReportsThem) {
  ParsedCreateTable t = parse_create_table(
      "CREATE TABLE t (a DEFAULT ( 1 + 2 ), b default - /* c */ 1.5e-3, c DEFAULT x'00FF' NOT "
      "NULL, d DEFAULT (/*c*/ 'x' /*d*/\n), e DEFAULT 1 DEFAULT 'it''s', f DEFAULT -- c\n 7, g "
      "DEFAULT CURRENT_TIMESTAMP COLLATE nocase, h DEFAULT +x'ab', i DEFAULT \"dq\", j int, k "
      "DEFAULT ((1)) CHECK (k > 0), l DEFAULT X'')");
  ASSERT_EQ(t.column_details.size(), 12u);
  std::vector<std::optional<std::string>> defaults;
  for (const ParsedColumn& c : t.column_details) defaults.push_back(c.default_text);
  EXPECT_EQ(defaults, (std::vector<std::optional<std::string>>{
                          "1 + 2", "- /* c */ 1.5e-3", "x'00FF'", "/*c*/ 'x' /*d*/", "'it''s'", "7",
                          "CURRENT_TIMESTAMP", "+x'ab'", "\"dq\"", std::nullopt, "(1)", "X''"}));
  EXPECT_TRUE(t.understood);
}

TEST(CreateTableParser, GeneratedColumns) {
  ParsedCreateTable t = parse_create_table(
      "CREATE TABLE t (a INT GENERATED ALWAYS, b INT GENERATED ALWAYS AS (a * 2) STORED, c AS "
      "(a), \"as\" int, d int CHECK (a AS))");
  std::vector<bool> generated;
  for (const ParsedColumn& c : t.column_details) generated.push_back(c.generated);
  EXPECT_EQ(generated, (std::vector<bool>{false, true, true, false, false}));
}

TEST(CreateTableParser, ForeignKeyActions) {
  ParsedCreateTable t = parse_create_table(
      "CREATE TABLE t (a REFERENCES p ON INSERT CASCADE ON DELETE SET NULL ON DELETE RESTRICT "
      "MATCH FULL ON UPDATE SET DEFAULT, b, FOREIGN KEY (b) REFERENCES p (x) ON UPDATE NO ACTION "
      "ON DELETE CASCADE DEFERRABLE)");
  ASSERT_EQ(t.constraints.size(), 2u);
  EXPECT_EQ(t.constraints[0].on_delete, ForeignKeyAction::Restrict);
  EXPECT_EQ(t.constraints[0].on_update, ForeignKeyAction::SetDefault);
  EXPECT_EQ(t.constraints[1].on_delete, ForeignKeyAction::Cascade);
  EXPECT_EQ(t.constraints[1].on_update, ForeignKeyAction::NoAction);
  EXPECT_EQ(t.constraints[1].deferrable, Deferrable::InitiallyImmediate);
  EXPECT_TRUE(t.understood);
}

TEST(CreateTableParser, SaysWhatItDidNotUnderstand) {
  auto understood = [](std::string_view sql) { return parse_create_table(sql).understood; };
  EXPECT_TRUE(understood("CREATE TABLE t (\"\" int, [ ] text, 'q' DEFAULT -1)"));
  EXPECT_FALSE(understood("CREATE TABLE t (a, PRIMARY KEY ((a)))"));
  EXPECT_FALSE(understood("CREATE TABLE t (a, UNIQUE ((a)))"));
  EXPECT_FALSE(understood("CREATE TABLE t (a, FOREIGN KEY (a))"));
  EXPECT_FALSE(understood("CREATE TABLE t (a REFERENCES p ON DELETE SOMETHING)"));
  EXPECT_FALSE(understood("CREATE TABLE t (a REFERENCES (x))"));
  EXPECT_FALSE(understood("CREATE TABLE t (a DEFAULT , b)"));
  EXPECT_FALSE(understood("CREATE TABLE t (a DEFAULT (1, b)"));
  EXPECT_FALSE(understood("CREATE TABLE t (, b)"));
  EXPECT_FALSE(understood("CREATE TABLE t AS SELECT 1"));
  EXPECT_FALSE(understood("CREATE VIRTUAL TABLE t USING fts5(body)"));
}

TEST(CreateTableParser, FindsDeclaredColumnsAsSqliteComparesNames) {
  ParsedCreateTable t = parse_create_table("CREATE TABLE t (Ab, \"ключ\", [x y])");
  EXPECT_EQ(find_declared_column(t, "aB"), 0u);
  EXPECT_EQ(find_declared_column(t, "ключ"), 1u);
  EXPECT_EQ(find_declared_column(t, "КЛЮЧ"), std::nullopt);  // only ASCII letters fold
  EXPECT_EQ(find_declared_column(t, "X Y"), 2u);
  EXPECT_EQ(find_declared_column(t, "x"), std::nullopt);
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
