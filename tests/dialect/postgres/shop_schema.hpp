#pragma once

// The schema most PostgreSQL tests start from: an enum, and two tables that use identity
// columns, every kind of constraint, expression, partial and descending indexes, defaults
// of several kinds, and comments.

#include <string>

#include "tempest/schema.hpp"

namespace tempest::testing {

inline ColumnType type_of(TypeKind kind) {
  ColumnType type;
  type.kind = kind;
  return type;
}

inline ColumnType varchar(int length) {
  ColumnType type = type_of(TypeKind::Varchar);
  type.length = length;
  return type;
}

inline ColumnType numeric(int precision, int scale) {
  ColumnType type = type_of(TypeKind::Numeric);
  type.precision = precision;
  type.scale = scale;
  return type;
}

inline ColumnType enum_type(const std::string& name) {
  ColumnType type = type_of(TypeKind::Enum);
  type.enum_name = name;
  return type;
}

inline Column column(const std::string& name, ColumnType type, bool nullable = false) {
  Column out;
  out.name = name;
  out.type = std::move(type);
  out.nullable = nullable;
  return out;
}

inline Column with_default(Column column, DefaultKind kind, const std::string& value) {
  column.default_value = ColumnDefault{kind, value};
  return column;
}

inline Column with_identity(Column column, Identity identity) {
  column.identity = identity;
  return column;
}

inline Schema shop_schema() {
  Schema schema;
  schema.enums.push_back(EnumType{"status", {"draft", "published", "archived"}});

  Table users;
  users.name = "users";
  users.comment = "people who post";
  users.columns = {
      with_identity(column("id", type_of(TypeKind::Int64)), Identity::ByDefault),
      column("email", varchar(255)),
      column("name", type_of(TypeKind::Text), true),
      with_default(column("created_at", type_of(TypeKind::TimestampTz)), DefaultKind::Expression,
                   "CURRENT_TIMESTAMP"),
      with_default(column("score", type_of(TypeKind::Int32)), DefaultKind::Literal, "0"),
  };
  users.columns[1].comment = "login";
  users.primary_key = PrimaryKey{"pk_users", {"id"}};
  users.uniques = {UniqueConstraint{"uq_users_email", {"email"}}};
  users.checks = {CheckConstraint{"ck_users_score", "score >= 0"}};
  users.indexes = {Index{"ix_users_name", {IndexKey{"name", "", false}}, false, ""}};

  Table posts;
  posts.name = "posts";
  posts.columns = {
      with_identity(column("id", type_of(TypeKind::Int64)), Identity::Always),
      column("user_id", type_of(TypeKind::Int64)),
      with_default(column("title", type_of(TypeKind::Text)), DefaultKind::Literal, "untitled"),
      with_default(column("status", enum_type("status")), DefaultKind::Literal, "draft"),
      column("body", type_of(TypeKind::Json), true),
      with_default(column("price", numeric(10, 2), true), DefaultKind::Literal, "0"),
      with_default(column("published", type_of(TypeKind::Bool)), DefaultKind::Literal, "false"),
  };
  posts.primary_key = PrimaryKey{"pk_posts", {"id"}};
  posts.foreign_keys = {ForeignKey{"fk_posts_user_id_users",
                                   {"user_id"},
                                   "users",
                                   {"id"},
                                   ForeignKeyAction::Cascade,
                                   ForeignKeyAction::NoAction,
                                   Deferrable::No}};
  posts.indexes = {
      Index{"ix_posts_lower_title", {IndexKey{"", "lower(title)", false}}, false, ""},
      Index{"ix_posts_recent",
            {IndexKey{"user_id", "", false}, IndexKey{"id", "", true}},
            false,
            "status <> 'archived'::status"},
  };

  schema.tables = {posts, users};
  canonicalize(schema);
  return schema;
}

}  // namespace tempest::testing
