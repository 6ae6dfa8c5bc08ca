#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "tempest/schema.hpp"

namespace tempest {
namespace {

std::optional<ColumnDefault> lit(std::string value) {
  return ColumnDefault{DefaultKind::Literal, std::move(value)};
}

std::optional<ColumnDefault> expr(std::string value) {
  return ColumnDefault{DefaultKind::Expression, std::move(value)};
}

ColumnType type_of(TypeKind kind) {
  ColumnType type;
  type.kind = kind;
  return type;
}

const ColumnType kInt = type_of(TypeKind::Int32);
const ColumnType kBigint = type_of(TypeKind::Int64);
const ColumnType kReal = type_of(TypeKind::Float32);
const ColumnType kDouble = type_of(TypeKind::Float64);
const ColumnType kNumeric = type_of(TypeKind::Numeric);
const ColumnType kBool = type_of(TypeKind::Bool);
const ColumnType kText = type_of(TypeKind::Text);
const ColumnType kUuid = type_of(TypeKind::Uuid);
const ColumnType kTimestamp = type_of(TypeKind::Timestamp);

// Equivalence is symmetric; check both directions every time.
::testing::AssertionResult same(const ColumnType& type, const std::optional<ColumnDefault>& a,
                                const std::optional<ColumnDefault>& b) {
  bool forward = equivalent_defaults(type, a, b);
  bool backward = equivalent_defaults(type, b, a);
  if (forward && backward) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << (a ? a->value : "none") << " vs " << (b ? b->value : "none") << ": " << forward << "/"
         << backward;
}

::testing::AssertionResult differ(const ColumnType& type, const std::optional<ColumnDefault>& a,
                                  const std::optional<ColumnDefault>& b) {
  bool forward = equivalent_defaults(type, a, b);
  bool backward = equivalent_defaults(type, b, a);
  if (!forward && !backward) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << (a ? a->value : "none") << " vs " << (b ? b->value : "none") << " deemed equal";
}

TEST(EquivalentDefaults, AbsentDefaults) {
  EXPECT_TRUE(same(kInt, std::nullopt, std::nullopt));
  EXPECT_TRUE(differ(kInt, std::nullopt, lit("0")));
  EXPECT_TRUE(differ(kText, std::nullopt, lit("")));
  EXPECT_TRUE(differ(kTimestamp, std::nullopt, expr("CURRENT_TIMESTAMP")));
  // PostgreSQL echoes DEFAULT NULL as NULL::character varying; it means no default.
  EXPECT_TRUE(same(kText, std::nullopt, expr("NULL")));
  EXPECT_TRUE(same(kText, std::nullopt, expr("NULL::character varying")));
  EXPECT_TRUE(differ(kText, std::nullopt, lit("NULL")));
}

TEST(EquivalentDefaults, Integers) {
  EXPECT_TRUE(same(kInt, lit("0"), lit("0")));
  EXPECT_TRUE(same(kInt, lit("0"), lit("'0'")));
  EXPECT_TRUE(same(kInt, lit("0"), lit("+0")));
  EXPECT_TRUE(same(kInt, lit("0"), lit("(0)")));
  EXPECT_TRUE(same(kInt, lit("0"), lit("0::integer")));
  EXPECT_TRUE(same(kInt, lit("0"), lit("0.0")));
  EXPECT_TRUE(same(kInt, lit("0"), lit("-0")));
  EXPECT_TRUE(same(kInt, lit("42"), lit("042")));
  EXPECT_TRUE(same(kInt, lit("-1"), lit("(-1)")));
  EXPECT_TRUE(same(kBigint, lit("-1"), lit("'-1'::bigint")));
  EXPECT_TRUE(same(kInt, lit("100"), lit("1e2")));
  EXPECT_TRUE(differ(kInt, lit("0"), lit("1")));
  EXPECT_TRUE(differ(kInt, lit("1"), lit("-1")));
  EXPECT_TRUE(differ(kInt, lit("10"), lit("1")));
  EXPECT_TRUE(differ(kInt, lit("0"), lit("zero")));
}

TEST(EquivalentDefaults, LiteralAgainstConstantExpression) {
  EXPECT_TRUE(same(kInt, expr("'0'::integer"), lit("0")));
  EXPECT_TRUE(same(kInt, expr("0"), lit("0")));
  EXPECT_TRUE(same(kInt, expr("(0)"), lit("0")));
  EXPECT_TRUE(same(kBigint, expr("'5'::bigint"), expr("5")));
  EXPECT_TRUE(same(kText, expr("'draft'::character varying"), lit("draft")));
  EXPECT_TRUE(same(kText, expr("('draft'::text)"), lit("draft")));
  EXPECT_TRUE(same(kText, expr("'a'::character varying::text"), lit("a")));
  EXPECT_TRUE(same(kBool, expr("true"), lit("t")));
  EXPECT_TRUE(differ(kInt, expr("'1'::integer"), lit("0")));
  EXPECT_TRUE(differ(kText, expr("lower('x')"), lit("x")));
  EXPECT_TRUE(differ(kText, expr("now()"), lit("now()")));
  EXPECT_TRUE(differ(kInt, expr("nextval('t_id_seq'::regclass)"), lit("0")));
}

TEST(EquivalentDefaults, FloatsAndNumeric) {
  EXPECT_TRUE(same(kNumeric, lit("1.50"), lit("1.5")));
  EXPECT_TRUE(same(kNumeric, lit("1.5"), lit("'1.5'::numeric")));
  EXPECT_TRUE(same(kNumeric, lit("100"), lit("1e2")));
  EXPECT_TRUE(same(kNumeric, lit("0"), lit("0.000")));
  EXPECT_TRUE(same(kNumeric, lit("0.5"), lit(".5")));
  EXPECT_TRUE(same(kNumeric, lit("12.5"), lit("1.25E+1")));
  EXPECT_TRUE(differ(kNumeric, lit("1.5"), lit("1.05")));
  EXPECT_TRUE(differ(kNumeric, lit("0.1000000000000000055511151231257827"), lit("0.1")));
  EXPECT_TRUE(same(kDouble, lit("1.50"), lit("1.5")));
  EXPECT_TRUE(same(kDouble, lit("0"), lit("0.0")));
  EXPECT_TRUE(same(kDouble, lit("0.1000000000000000055511151231257827"), lit("0.1")));
  EXPECT_TRUE(same(kDouble, lit("'Infinity'::double precision"), lit("infinity")));
  EXPECT_TRUE(same(kReal, lit("0.1"), lit("0.100000001")));
  EXPECT_TRUE(differ(kDouble, lit("0.1"), lit("0.100000001")));
  EXPECT_TRUE(differ(kDouble, lit("2.5"), lit("-2.5")));
}

TEST(EquivalentDefaults, Booleans) {
  for (auto yes : {"true", "TRUE", "t", "1", "yes", "on", "'t'", "'true'::boolean"}) {
    EXPECT_TRUE(same(kBool, lit("true"), lit(yes))) << yes;
    EXPECT_TRUE(differ(kBool, lit("false"), lit(yes))) << yes;
  }
  for (auto no : {"false", "FALSE", "f", "0", "no", "off", "'f'::boolean"}) {
    EXPECT_TRUE(same(kBool, lit("false"), lit(no))) << no;
  }
  EXPECT_TRUE(same(kBool, expr("false"), lit("0")));
  EXPECT_TRUE(differ(kBool, lit("true"), lit("maybe")));
  EXPECT_TRUE(same(kBool, lit("maybe"), lit("maybe")));
}

TEST(EquivalentDefaults, TextLiterals) {
  EXPECT_TRUE(same(kText, lit("it's"), lit("'it''s'")));
  EXPECT_TRUE(same(kText, lit(""), lit("''")));
  EXPECT_TRUE(same(kText, lit("draft"), lit("'draft'::text")));
  EXPECT_TRUE(differ(kText, lit("Draft"), lit("draft")));
  EXPECT_TRUE(differ(kText, lit("a "), lit("a")));
  EXPECT_TRUE(differ(kText, lit("0"), lit("0.0")));
  // Unquoted text literals are the value itself: no parentheses or casts are stripped.
  EXPECT_TRUE(differ(kText, lit("(a)"), lit("a")));
  EXPECT_TRUE(differ(kText, lit("a::b"), lit("a")));
  EXPECT_TRUE(same(kUuid, lit("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"),
                   lit("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid")));
}

TEST(EquivalentDefaults, Expressions) {
  EXPECT_TRUE(same(kTimestamp, expr("CURRENT_TIMESTAMP"), expr("current_timestamp")));
  EXPECT_TRUE(same(kTimestamp, expr("CURRENT_TIMESTAMP"), expr("(CURRENT_TIMESTAMP)")));
  EXPECT_TRUE(same(kTimestamp, expr("CURRENT_TIMESTAMP"), expr(" ((CURRENT_TIMESTAMP)) ")));
  EXPECT_TRUE(same(kTimestamp, expr("now()"), expr("NOW( )")));
  EXPECT_TRUE(same(kText, expr("lower('X')"), expr("LOWER ( 'X' )")));
  EXPECT_TRUE(same(kInt, expr("a  +  b"), expr("A+B")));
  EXPECT_TRUE(same(kText, expr("x IS  NOT\tNULL"), expr("x is not null")));
  EXPECT_TRUE(differ(kText, expr("lower('X')"), expr("lower('x')")));
  EXPECT_TRUE(differ(kText, expr("f(\"Col\")"), expr("f(\"col\")")));
  EXPECT_TRUE(differ(kTimestamp, expr("CURRENT_TIMESTAMP"), expr("now()")));
  EXPECT_TRUE(differ(kTimestamp, expr("CURRENT_TIMESTAMP"), lit("CURRENT_TIMESTAMP")));
  EXPECT_TRUE(differ(kInt, expr("(a) + (b)"), expr("a + b")));
  EXPECT_TRUE(same(kInt, expr("(a) + (b)"), expr("((a)+(b))")));
  // Spaces inside quoted strings matter.
  EXPECT_TRUE(differ(kText, expr("concat('a  b')"), expr("concat('a b')")));
}

TEST(EquivalentDefaults, ClockCastOfATypedValueIsAnExpression) {
  const ColumnType date = type_of(TypeKind::Date);
  // Sakila's DEFAULT ('now'::text)::date gives the day of each insert, not the text 'now'.
  EXPECT_TRUE(differ(date, expr("('now'::text)::date"), lit("now")));
  EXPECT_TRUE(differ(date, expr("('now'::text)::date"), expr("'now'")));
  EXPECT_TRUE(differ(kTimestamp, expr("('now'::text)::timestamp without time zone"), lit("now")));
  EXPECT_TRUE(same(date, expr("('now'::text)::date"), expr("(('now'::TEXT)::date)")));
  EXPECT_TRUE(differ(date, expr("('now'::text)::date"), expr("CURRENT_DATE")));
  // A date constant, as pg_get_expr prints DEFAULT '2020-01-01', is still the literal.
  EXPECT_TRUE(same(date, expr("'2020-01-01'::date"), lit("2020-01-01")));
}

}  // namespace
}  // namespace tempest
