#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "tempest/schema.hpp"

namespace tempest {
namespace {

ColumnType make(TypeKind kind, std::optional<int> length = std::nullopt,
                std::optional<int> precision = std::nullopt,
                std::optional<int> scale = std::nullopt) {
  ColumnType type;
  type.kind = kind;
  type.length = length;
  type.precision = precision;
  type.scale = scale;
  return type;
}

ColumnType custom(std::string raw) {
  ColumnType type;
  type.kind = TypeKind::Custom;
  type.raw = std::move(raw);
  return type;
}

void expect_kind(std::string_view spelled, TypeKind kind) {
  ColumnType type = parse_type(spelled);
  EXPECT_EQ(type.kind, kind) << spelled << " parsed as " << to_string(type.kind);
  EXPECT_FALSE(type.length) << spelled;
  EXPECT_FALSE(type.precision) << spelled;
  EXPECT_FALSE(type.scale) << spelled;
}

TEST(ParseType, IntegerAliases) {
  for (auto s : {"smallint", "int2", "SMALLINT", "smallserial"}) expect_kind(s, TypeKind::Int16);
  for (auto s : {"integer", "INTEGER", "int", "int4", "serial", "mediumint", " Int "}) {
    expect_kind(s, TypeKind::Int32);
  }
  for (auto s : {"bigint", "int8", "bigserial", "BigInt"}) expect_kind(s, TypeKind::Int64);
}

TEST(ParseType, BoolAndFloats) {
  for (auto s : {"boolean", "bool", "BOOLEAN"}) expect_kind(s, TypeKind::Bool);
  for (auto s : {"real", "float4", "REAL"}) expect_kind(s, TypeKind::Float32);
  for (auto s : {"double precision", "DOUBLE   PRECISION", "float8", "double", "float"}) {
    expect_kind(s, TypeKind::Float64);
  }
  // PostgreSQL maps float(p) by precision in bits.
  EXPECT_EQ(parse_type("float(24)"), make(TypeKind::Float32));
  EXPECT_EQ(parse_type("float(25)"), make(TypeKind::Float64));
  EXPECT_EQ(parse_type("float(54)"), custom("float(54)"));
}

TEST(ParseType, Numeric) {
  EXPECT_EQ(parse_type("numeric"), make(TypeKind::Numeric));
  EXPECT_EQ(parse_type("DECIMAL"), make(TypeKind::Numeric));
  EXPECT_EQ(parse_type("numeric(10)"), make(TypeKind::Numeric, {}, 10));
  EXPECT_EQ(parse_type("numeric(10,2)"), make(TypeKind::Numeric, {}, 10, 2));
  EXPECT_EQ(parse_type("NUMERIC ( 10 , 2 )"), make(TypeKind::Numeric, {}, 10, 2));
  EXPECT_EQ(parse_type("decimal(12, 4)"), make(TypeKind::Numeric, {}, 12, 4));
  EXPECT_EQ(parse_type("numeric(1,2,3)").kind, TypeKind::Custom);
  EXPECT_EQ(parse_type("numeric(x)").kind, TypeKind::Custom);
}

TEST(ParseType, TextAndVarchar) {
  expect_kind("text", TypeKind::Text);
  expect_kind("TEXT", TypeKind::Text);
  EXPECT_EQ(parse_type("varchar(255)"), make(TypeKind::Varchar, 255));
  EXPECT_EQ(parse_type("VARCHAR(255)"), make(TypeKind::Varchar, 255));
  EXPECT_EQ(parse_type("character varying(40)"), make(TypeKind::Varchar, 40));
  EXPECT_EQ(parse_type("Character  Varying (40)"), make(TypeKind::Varchar, 40));
  EXPECT_EQ(parse_type("nvarchar(10)"), make(TypeKind::Varchar, 10));
  // Without a length both engines treat varchar as unbounded.
  expect_kind("varchar", TypeKind::Text);
  expect_kind("character varying", TypeKind::Text);
  EXPECT_EQ(parse_type("varchar(max)"), custom("varchar(max)"));
  EXPECT_EQ(parse_type("varchar(0)").kind, TypeKind::Custom);
}

TEST(ParseType, CharIsCustomWithRawKept) {
  ColumnType type = parse_type("char(3)");
  EXPECT_EQ(type.kind, TypeKind::Custom);
  EXPECT_EQ(type.raw, "char(3)");
  EXPECT_EQ(parse_type("  CHARACTER(2) ").raw, "CHARACTER(2)");
  EXPECT_EQ(parse_type("CHARACTER(2)").kind, TypeKind::Custom);
}

TEST(ParseType, BytesDateUuidJson) {
  for (auto s : {"bytea", "blob", "BLOB", "bytes"}) expect_kind(s, TypeKind::Bytes);
  expect_kind("date", TypeKind::Date);
  expect_kind("uuid", TypeKind::Uuid);
  expect_kind("UUID", TypeKind::Uuid);
  expect_kind("json", TypeKind::Json);
  expect_kind("jsonb", TypeKind::Json);
}

TEST(ParseType, TimeAndTimestamps) {
  EXPECT_EQ(parse_type("time"), make(TypeKind::Time));
  EXPECT_EQ(parse_type("time(3)"), make(TypeKind::Time, {}, 3));
  EXPECT_EQ(parse_type("time without time zone"), make(TypeKind::Time));
  EXPECT_EQ(parse_type("TIME(6) WITHOUT TIME ZONE"), make(TypeKind::Time, {}, 6));
  EXPECT_EQ(parse_type("timestamp"), make(TypeKind::Timestamp));
  EXPECT_EQ(parse_type("datetime"), make(TypeKind::Timestamp));
  EXPECT_EQ(parse_type("DATETIME"), make(TypeKind::Timestamp));
  EXPECT_EQ(parse_type("timestamp(3)"), make(TypeKind::Timestamp, {}, 3));
  EXPECT_EQ(parse_type("timestamp without time zone"), make(TypeKind::Timestamp));
  EXPECT_EQ(parse_type("timestamp(0) without time zone"), make(TypeKind::Timestamp, {}, 0));
  EXPECT_EQ(parse_type("timestamptz"), make(TypeKind::TimestampTz));
  EXPECT_EQ(parse_type("timestamptz(3)"), make(TypeKind::TimestampTz, {}, 3));
  EXPECT_EQ(parse_type("timestamp with time zone"), make(TypeKind::TimestampTz));
  EXPECT_EQ(parse_type("TIMESTAMP(3)  WITH  TIME ZONE"), make(TypeKind::TimestampTz, {}, 3));
  EXPECT_EQ(parse_type("timestamp ( 3 ) with time zone"), make(TypeKind::TimestampTz, {}, 3));
  EXPECT_EQ(parse_type("time with time zone").kind, TypeKind::Custom);
}

TEST(ParseType, UnknownIsCustom) {
  for (auto s : {"geometry(Point,4326)", "int[]", "integer(11)", "citext", "money", "tsvector",
                 "varchar(10)[]", "interval", "numeric("}) {
    ColumnType type = parse_type(s);
    EXPECT_EQ(type.kind, TypeKind::Custom) << s;
    EXPECT_EQ(type.raw, s);
  }
}

TEST(ParseType, RawIsTheTrimmedText) {
  EXPECT_EQ(parse_type("  Numeric(10, 2)\n").raw, "Numeric(10, 2)");
  EXPECT_EQ(parse_type("INTEGER").raw, "INTEGER");
  EXPECT_EQ(parse_type("").kind, TypeKind::Custom);
  EXPECT_EQ(parse_type("").raw, "");
}

TEST(TypeToString, CanonicalSpellings) {
  EXPECT_EQ(type_to_string(make(TypeKind::Int16)), "smallint");
  EXPECT_EQ(type_to_string(make(TypeKind::Int32)), "integer");
  EXPECT_EQ(type_to_string(make(TypeKind::Int64)), "bigint");
  EXPECT_EQ(type_to_string(make(TypeKind::Bool)), "boolean");
  EXPECT_EQ(type_to_string(make(TypeKind::Float32)), "real");
  EXPECT_EQ(type_to_string(make(TypeKind::Float64)), "double precision");
  EXPECT_EQ(type_to_string(make(TypeKind::Numeric)), "numeric");
  EXPECT_EQ(type_to_string(make(TypeKind::Numeric, {}, 10)), "numeric(10)");
  EXPECT_EQ(type_to_string(make(TypeKind::Numeric, {}, 10, 2)), "numeric(10,2)");
  EXPECT_EQ(type_to_string(make(TypeKind::Text)), "text");
  EXPECT_EQ(type_to_string(make(TypeKind::Varchar, 255)), "varchar(255)");
  EXPECT_EQ(type_to_string(make(TypeKind::Bytes)), "bytes");
  EXPECT_EQ(type_to_string(make(TypeKind::Date)), "date");
  EXPECT_EQ(type_to_string(make(TypeKind::Time)), "time");
  EXPECT_EQ(type_to_string(make(TypeKind::Time, {}, 3)), "time(3)");
  EXPECT_EQ(type_to_string(make(TypeKind::Timestamp)), "timestamp");
  EXPECT_EQ(type_to_string(make(TypeKind::Timestamp, {}, 3)), "timestamp(3)");
  EXPECT_EQ(type_to_string(make(TypeKind::TimestampTz)), "timestamptz");
  EXPECT_EQ(type_to_string(make(TypeKind::TimestampTz, {}, 6)), "timestamptz(6)");
  EXPECT_EQ(type_to_string(make(TypeKind::Uuid)), "uuid");
  EXPECT_EQ(type_to_string(make(TypeKind::Json)), "json");
  ColumnType status = make(TypeKind::Enum);
  status.enum_name = "post_status";
  EXPECT_EQ(type_to_string(status), "post_status");
  EXPECT_EQ(type_to_string(custom("geometry(Point,4326)")), "geometry(Point,4326)");
}

TEST(TypeToString, RoundTripsEveryNonEnumKind) {
  const ColumnType types[] = {
      make(TypeKind::Int16),
      make(TypeKind::Int32),
      make(TypeKind::Int64),
      make(TypeKind::Bool),
      make(TypeKind::Float32),
      make(TypeKind::Float64),
      make(TypeKind::Numeric),
      make(TypeKind::Numeric, {}, 7),
      make(TypeKind::Numeric, {}, 10, 2),
      make(TypeKind::Numeric, {}, 5, 0),
      make(TypeKind::Text),
      make(TypeKind::Varchar, 1),
      make(TypeKind::Varchar, 255),
      make(TypeKind::Bytes),
      make(TypeKind::Date),
      make(TypeKind::Time),
      make(TypeKind::Time, {}, 0),
      make(TypeKind::Timestamp),
      make(TypeKind::Timestamp, {}, 3),
      make(TypeKind::TimestampTz),
      make(TypeKind::TimestampTz, {}, 6),
      make(TypeKind::Uuid),
      make(TypeKind::Json),
      custom("char(3)"),
      custom("geometry(Point,4326)"),
      custom("int[]"),
  };
  for (const ColumnType& type : types) {
    std::string text = type_to_string(type);
    ColumnType back = parse_type(text);
    EXPECT_EQ(back, type) << text;
    EXPECT_EQ(back.raw, text);
    EXPECT_EQ(type_to_string(back), text);
  }
}

TEST(ColumnTypeEquality, IgnoresRawExceptForCustom) {
  EXPECT_EQ(parse_type("int4"), parse_type("INTEGER"));
  EXPECT_EQ(parse_type("varchar(10)"), parse_type("character varying(10)"));
  EXPECT_NE(parse_type("varchar(10)"), parse_type("varchar(11)"));
  EXPECT_NE(parse_type("numeric(10,2)"), parse_type("numeric(10,3)"));
  EXPECT_NE(parse_type("numeric(10)"), parse_type("numeric"));
  EXPECT_NE(parse_type("timestamp"), parse_type("timestamptz"));
  EXPECT_NE(parse_type("int2"), parse_type("int4"));
}

TEST(ColumnTypeEquality, CustomComparesRawIgnoringCaseAndSpacing) {
  EXPECT_EQ(custom("CHAR(3)"), custom("char( 3 )"));
  EXPECT_EQ(custom("geometry(Point, 4326)"), custom("GEOMETRY(point,4326)"));
  EXPECT_EQ(custom("bit  varying"), custom("BIT VARYING"));
  EXPECT_NE(custom("char(3)"), custom("char(4)"));
  EXPECT_NE(custom("bitvarying"), custom("bit varying"));
  // A quoted type name keeps its case.
  EXPECT_NE(custom("\"Money\""), custom("\"money\""));
}

TEST(ColumnTypeEquality, EnumComparesName) {
  ColumnType a = make(TypeKind::Enum);
  a.enum_name = "status";
  ColumnType b = a;
  b.raw = "STATUS";
  EXPECT_EQ(a, b);
  b.enum_name = "mood";
  EXPECT_NE(a, b);
  EXPECT_NE(a, custom("status"));
}

TEST(EnumNames, ToStringAndBack) {
  const std::pair<TypeKind, std::string_view> kinds[] = {
      {TypeKind::Int16, "int16"},         {TypeKind::Int32, "int32"},
      {TypeKind::Int64, "int64"},         {TypeKind::Bool, "bool"},
      {TypeKind::Float32, "float32"},     {TypeKind::Float64, "float64"},
      {TypeKind::Numeric, "numeric"},     {TypeKind::Text, "text"},
      {TypeKind::Varchar, "varchar"},     {TypeKind::Bytes, "bytes"},
      {TypeKind::Date, "date"},           {TypeKind::Time, "time"},
      {TypeKind::Timestamp, "timestamp"}, {TypeKind::TimestampTz, "timestamptz"},
      {TypeKind::Uuid, "uuid"},           {TypeKind::Json, "json"},
      {TypeKind::Enum, "enum"},           {TypeKind::Custom, "custom"},
  };
  for (auto [kind, name] : kinds) {
    EXPECT_EQ(to_string(kind), name);
    EXPECT_EQ(parse_type_kind(name), kind);
  }
  EXPECT_EQ(parse_type_kind("Int32"), std::nullopt);
  EXPECT_EQ(parse_type_kind("integer"), std::nullopt);
}

TEST(EnumNames, ForeignKeyActions) {
  const std::pair<ForeignKeyAction, std::string_view> actions[] = {
      {ForeignKeyAction::NoAction, "no_action"},     {ForeignKeyAction::Restrict, "restrict"},
      {ForeignKeyAction::Cascade, "cascade"},        {ForeignKeyAction::SetNull, "set_null"},
      {ForeignKeyAction::SetDefault, "set_default"},
  };
  for (auto [action, name] : actions) {
    EXPECT_EQ(to_string(action), name);
    EXPECT_EQ(parse_foreign_key_action(name), action);
  }
  EXPECT_EQ(parse_foreign_key_action("explode"), std::nullopt);
  EXPECT_EQ(parse_foreign_key_action("CASCADE"), std::nullopt);
}

TEST(EnumNames, DeferrableIdentityDefaultKind) {
  EXPECT_EQ(to_string(Deferrable::No), "no");
  EXPECT_EQ(to_string(Deferrable::InitiallyImmediate), "initially_immediate");
  EXPECT_EQ(to_string(Deferrable::InitiallyDeferred), "initially_deferred");
  EXPECT_EQ(parse_deferrable("initially_deferred"), Deferrable::InitiallyDeferred);
  EXPECT_EQ(parse_deferrable("no"), Deferrable::No);
  EXPECT_EQ(parse_deferrable("yes"), std::nullopt);

  EXPECT_EQ(to_string(Identity::None), "none");
  EXPECT_EQ(to_string(Identity::ByDefault), "by_default");
  EXPECT_EQ(to_string(Identity::Always), "always");
  EXPECT_EQ(to_string(Identity::Autoincrement), "autoincrement");
  EXPECT_EQ(parse_identity("always"), Identity::Always);
  EXPECT_EQ(parse_identity("autoincrement"), Identity::Autoincrement);
  EXPECT_EQ(parse_identity(""), std::nullopt);

  EXPECT_EQ(to_string(DefaultKind::Literal), "literal");
  EXPECT_EQ(to_string(DefaultKind::Expression), "expression");
  EXPECT_EQ(parse_default_kind("expression"), DefaultKind::Expression);
  EXPECT_EQ(parse_default_kind("literal"), DefaultKind::Literal);
  EXPECT_EQ(parse_default_kind("value"), std::nullopt);
}

}  // namespace
}  // namespace tempest
