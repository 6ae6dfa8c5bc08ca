#pragma once

// IR values that set every field the JSON form can carry, for the round-trip tests.

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "tempest/error.hpp"
#include "tempest/schema.hpp"

namespace tempest::json_fixtures {

inline ColumnType type(TypeKind kind, std::string raw = "") {
  ColumnType result;
  result.kind = kind;
  result.raw = std::move(raw);
  return result;
}

inline Column column(std::string name, ColumnType column_type, bool nullable = false) {
  Column result;
  result.name = std::move(name);
  result.type = std::move(column_type);
  result.nullable = nullable;
  return result;
}

// A table with every optional field set: comment, rename hints, a default of each kind,
// every identity, parameterised types, expression and descending index keys, a partial
// index, and foreign keys with non-default actions.
inline Table rich_table() {
  Table table;
  table.name = "posts";
  table.comment = "Blog posts, \"quoted\" and\nmultiline";
  table.renamed_from = "articles";

  Column id = column("id", type(TypeKind::Int64, "bigint"));
  id.identity = Identity::Always;
  Column author = column("author_id", type(TypeKind::Int32));
  author.identity = Identity::None;
  Column title = column("title", type(TypeKind::Varchar, "character varying(200)"));
  title.type.length = 200;
  title.comment = "shown in lists";
  title.renamed_from = "headline";
  title.default_value = ColumnDefault{DefaultKind::Literal, "it's"};
  Column price = column("price", type(TypeKind::Numeric, "NUMERIC(10, 2)"), true);
  price.type.precision = 10;
  price.type.scale = 2;
  price.default_value = ColumnDefault{DefaultKind::Literal, "0.00"};
  Column created = column("created_at", type(TypeKind::TimestampTz));
  created.type.precision = 3;
  created.default_value = ColumnDefault{DefaultKind::Expression, "CURRENT_TIMESTAMP"};
  Column status = column("status", type(TypeKind::Enum));
  status.type.enum_name = "post_status";
  Column shape = column("shape", type(TypeKind::Custom, "geometry(Point, 4326)"), true);
  Column seq = column("seq", type(TypeKind::Int16));
  seq.identity = Identity::Autoincrement;
  Column rank = column("rank", type(TypeKind::Int32));
  rank.identity = Identity::ByDefault;
  table.columns = {id, author, title, price, created, status, shape, seq, rank};

  table.primary_key = PrimaryKey{"posts_pkey", {"id"}};
  table.indexes = {
      Index{"posts_lower_title", {IndexKey{"", "lower(title)", false}}, false, ""},
      Index{"posts_recent",
            {IndexKey{"author_id", "", false}, IndexKey{"created_at", "", true}},
            true,
            "status <> 'draft'"},
  };
  table.uniques = {UniqueConstraint{"posts_title_key", {"title", "author_id"}}};
  ForeignKey author_fk;
  author_fk.name = "posts_author_fk";
  author_fk.columns = {"author_id"};
  author_fk.ref_table = "users";
  author_fk.ref_columns = {"id"};
  author_fk.on_delete = ForeignKeyAction::Cascade;
  author_fk.on_update = ForeignKeyAction::SetNull;
  author_fk.deferrable = Deferrable::InitiallyDeferred;
  ForeignKey plain_fk = author_fk;
  plain_fk.name = "posts_rank_fk";
  plain_fk.columns = {"rank"};
  plain_fk.on_delete = ForeignKeyAction::Restrict;
  plain_fk.on_update = ForeignKeyAction::SetDefault;
  plain_fk.deferrable = Deferrable::InitiallyImmediate;
  table.foreign_keys = {author_fk, plain_fk};
  table.checks = {CheckConstraint{"posts_price_check", "price >= 0"}};
  return table;
}

inline Table users_table() {
  Table table;
  table.name = "users";
  Column id = column("id", type(TypeKind::Int32, "INTEGER"));
  id.identity = Identity::ByDefault;
  table.columns = {id, column("email", type(TypeKind::Text, "text"), true)};
  table.primary_key = PrimaryKey{"users_pkey", {"id"}};
  return table;
}

// Canonical: tables and enums sorted by name.
inline Schema rich_schema() {
  Schema schema;
  schema.enums = {EnumType{"empty", {}}, EnumType{"post_status", {"draft", "published", "ünï"}}};
  schema.tables = {rich_table(), users_table()};
  return schema;
}

// Asserts that `action` throws ModelError with exactly `message`.
inline void expect_model_error(const std::function<void()>& action, const std::string& message) {
  try {
    action();
    ADD_FAILURE() << "no exception; expected: " << message;
  } catch (const ModelError& error) {
    EXPECT_EQ(std::string(error.what()), message);
  }
}

}  // namespace tempest::json_fixtures
