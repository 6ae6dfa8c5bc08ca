#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/error.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

TEST(QuoteIdent, DoublesEmbeddedDoubleQuotes) {
  EXPECT_EQ(quote_ident("users"), "\"users\"");
  EXPECT_EQ(quote_ident("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(quote_ident("\"\""), "\"\"\"\"\"\"");
  EXPECT_EQ(quote_ident(""), "\"\"");
  EXPECT_EQ(quote_ident("it's"), "\"it's\"");  // single quotes need nothing in a name
  EXPECT_EQ(quote_ident("ключ"), "\"ключ\"");
}

TEST(QuoteLiteral, DoublesEmbeddedSingleQuotes) {
  EXPECT_EQ(quote_literal("it's"), "'it''s'");
  EXPECT_EQ(quote_literal(""), "''");
  EXPECT_EQ(quote_literal("''"), "''''''");
  EXPECT_EQ(quote_literal("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(quote_literal("a\\b"), "'a\\b'");  // backslash is not an escape in standard SQL
}

TEST(QuoteIdent, RejectsNulBytesNamingTheIdentifier) {
  try {
    (void)quote_ident(std::string("bad\0name", 8));
    FAIL() << "no ModelError";
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()), "identifier \"bad\\0name\" contains a NUL byte");
  }
  EXPECT_THROW((void)quote_literal(std::string("x\0", 2)), ModelError);
}

// Names and values that would break or inject SQL if they were not quoted, each one used
// through quote_ident/quote_literal in a real database.
const std::vector<std::string> kHostile = {
    "plain",
    "a\"b",
    "x\"; DROP TABLE victim; --",
    "it's",
    "semi;colon",
    "with space",
    "order",
    "MixedCase",
    "sélect",
    "ключ",
    "emoji😀",
    "[bracket]",
    "`tick`",
    "/* comment */",
    "-- dash",
    "trailing ",
    "\"",
};

TEST(QuoteIdent, HostileNamesRoundTripThroughSqlite) {
  auto db = SqliteDriver::open(":memory:");
  db->execute("CREATE TABLE victim (id INTEGER)");
  for (const std::string& name : kHostile) {
    SCOPED_TRACE(name);
    db->execute("CREATE TABLE " + quote_ident(name) + " (" + quote_ident(name) + " TEXT)");
    QueryResult tables = db->query("SELECT name FROM sqlite_schema WHERE name = ?1", {name});
    ASSERT_EQ(tables.rows.size(), 1u);
    QueryResult columns = db->query("SELECT name FROM pragma_table_info(?1)", {name});
    ASSERT_EQ(columns.rows.size(), 1u);
    EXPECT_EQ(columns.rows[0][0], name);
    db->execute("DROP TABLE " + quote_ident(name));
  }
  EXPECT_EQ(db->query("SELECT count(*) FROM sqlite_schema").rows[0][0], "1");  // victim lives
}

TEST(QuoteLiteral, HostileValuesRoundTripThroughSqlite) {
  auto db = SqliteDriver::open(":memory:");
  for (const std::string& value : kHostile) {
    SCOPED_TRACE(value);
    QueryResult result = db->query("SELECT " + quote_literal(value));
    EXPECT_EQ(result.rows[0][0], value);
  }
  QueryResult result = db->query("SELECT " + quote_literal("'); DROP TABLE x; --"));
  EXPECT_EQ(result.rows[0][0], "'); DROP TABLE x; --");
}

}  // namespace
}  // namespace tempest
