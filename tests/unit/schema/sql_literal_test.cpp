// The text helpers behind equivalent_defaults and the differ's expression comparison.

#include "schema/sql_literal.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tempest {
namespace {

TEST(StripOuterParens, RemovesOnlyParenthesesAroundTheWhole) {
  EXPECT_EQ(strip_outer_parens("( (a + b) )"), "a + b");
  EXPECT_EQ(strip_outer_parens("  (x)  "), "x");
  EXPECT_EQ(strip_outer_parens("(a) + (b)"), "(a) + (b)");
  EXPECT_EQ(strip_outer_parens("('a)' || ')')"), "'a)' || ')'");
  EXPECT_EQ(strip_outer_parens("()"), "");
}

TEST(StripOuterParens, LeavesACallAlone) {
  // The closing parenthesis of a call matches an opening one that is not the first character.
  EXPECT_EQ(strip_outer_parens("lower(note)"), "lower(note)");
  EXPECT_EQ(strip_outer_parens("now()"), "now()");
  EXPECT_EQ(strip_outer_parens("(lower(note))"), "lower(note)");
  EXPECT_EQ(strip_outer_parens("x IN (1, 2)"), "x IN (1, 2)");
}

TEST(StripConstant, Constants) {
  SqlConstant text = strip_constant("('it''s'::text)");
  EXPECT_EQ(text.text, "it's");
  EXPECT_TRUE(text.quoted);
  SqlConstant number = strip_constant("(-1)");
  EXPECT_EQ(number.text, "-1");
  EXPECT_FALSE(number.quoted);
  SqlConstant twice = strip_constant("'a'::character varying::text");
  EXPECT_EQ(twice.text, "a");
  EXPECT_TRUE(twice.quoted);
  // A literal cast straight to date is folded when the default is stored: still a constant.
  SqlConstant date = strip_constant("'2020-01-01'::date");
  EXPECT_EQ(date.text, "2020-01-01");
  EXPECT_TRUE(date.quoted);
  SqlConstant stamp = strip_constant("'2020-01-01 10:00:00'::timestamp without time zone");
  EXPECT_EQ(stamp.text, "2020-01-01 10:00:00");
  EXPECT_TRUE(stamp.quoted);
}

TEST(StripConstant, CallsAreNotConstants) {
  SqlConstant now = strip_constant("now()");
  EXPECT_EQ(now.text, "now()");
  EXPECT_FALSE(now.quoted);
  SqlConstant lower = strip_constant("(lower(note))");
  EXPECT_EQ(lower.text, "lower(note)");
  EXPECT_FALSE(lower.quoted);
}

TEST(StripConstant, ClockCastOfATypedValueIsNotAConstant) {
  // Sakila's DEFAULT ('now'::text)::date: evaluated at each insert, not the constant 'now'.
  SqlConstant sakila = strip_constant("('now'::text)::date");
  EXPECT_EQ(sakila.text, "('now'::text)::date");
  EXPECT_FALSE(sakila.quoted);
  SqlConstant wrapped = strip_constant("(('now'::text)::date)");
  EXPECT_EQ(wrapped.text, "('now'::text)::date");
  EXPECT_FALSE(wrapped.quoted);
  EXPECT_EQ(strip_constant("'now'::text::timestamp with time zone").text,
            "'now'::text::timestamp with time zone");
  EXPECT_EQ(strip_constant("('now'::text)::timestamp(0) without time zone").text,
            "('now'::text)::timestamp(0) without time zone");
  EXPECT_EQ(strip_constant("('now'::text)::pg_catalog.time").text,
            "('now'::text)::pg_catalog.time");
  EXPECT_EQ(strip_constant("('now'::text)::timetz").text, "('now'::text)::timetz");
  // A cast to another type after the clock cast does not hide it.
  EXPECT_EQ(strip_constant("(('now'::text)::date)::text").text, "(('now'::text)::date)::text");
}

TEST(NormalizeSqlExpression, CaseSpacesAndParentheses) {
  EXPECT_EQ(normalize_sql_expression("NOW ( )"), "now()");
  EXPECT_EQ(normalize_sql_expression("a  IS NOT null"), "a is not null");
  EXPECT_EQ(normalize_sql_expression("(LOWER('X'))"), "lower('X')");
  EXPECT_EQ(normalize_sql_expression("lower(note)"), "lower(note)");
  EXPECT_EQ(normalize_sql_expression("'it''s  A'"), "'it''s  A'");
}

TEST(NormalizeSqlExpression, QuotesOnlyWhereNeeded) {
  EXPECT_EQ(normalize_sql_expression("length(\"headline\") > 0"), "length(headline)>0");
  EXPECT_EQ(normalize_sql_expression("length(HEADLINE) > 0"), "length(headline)>0");
  EXPECT_EQ(normalize_sql_expression("\"Title\" <> ''"), "\"Title\"<>''");
  EXPECT_EQ(normalize_sql_expression("\"order\" > 0"), "\"order\">0");
  EXPECT_EQ(normalize_sql_expression("\"a\"\"b\" = 1"), "\"a\"\"b\"=1");
  EXPECT_EQ(normalize_sql_expression("\"x\" IS NOT NULL"), "x is not null");
}

}  // namespace
}  // namespace tempest
