#pragma once

// IR builders and a small blog schema shared by the operation tests.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest::ops_test {

inline Column column(std::string name, TypeKind kind, bool nullable = false) {
  Column c;
  c.name = std::move(name);
  c.type.kind = kind;
  c.nullable = nullable;
  return c;
}

inline Column varchar_column(std::string name, int length, bool nullable = false) {
  Column c = column(std::move(name), TypeKind::Varchar, nullable);
  c.type.length = length;
  return c;
}

inline Column enum_column(std::string name, std::string enum_name, bool nullable = false) {
  Column c = column(std::move(name), TypeKind::Enum, nullable);
  c.type.enum_name = std::move(enum_name);
  return c;
}

inline Index column_index(std::string name, std::vector<std::string> columns, bool unique = false) {
  Index index{std::move(name), {}, unique, ""};
  for (std::string& c : columns) index.keys.push_back(IndexKey{std::move(c), "", false});
  return index;
}

inline ForeignKey foreign_key(std::string name, std::vector<std::string> columns,
                              std::string ref_table, std::vector<std::string> ref_columns) {
  ForeignKey key;
  key.name = std::move(name);
  key.columns = std::move(columns);
  key.ref_table = std::move(ref_table);
  key.ref_columns = std::move(ref_columns);
  return key;
}

inline Table users_table() {
  Table t;
  t.name = "users";
  t.columns = {column("id", TypeKind::Int64), column("email", TypeKind::Text)};
  t.primary_key = PrimaryKey{"pk_users", {"id"}};
  t.indexes = {column_index("ix_users_email", {"email"}, true)};
  return t;
}

// posts references users and, through parent_id, itself.
inline Table posts_table() {
  Table t;
  t.name = "posts";
  t.columns = {column("id", TypeKind::Int64), column("user_id", TypeKind::Int64),
               column("title", TypeKind::Text), enum_column("status", "status", true),
               column("parent_id", TypeKind::Int64, true)};
  t.primary_key = PrimaryKey{"pk_posts", {"id"}};
  t.indexes = {column_index("ix_posts_title", {"title"})};
  t.uniques = {UniqueConstraint{"uq_posts_user_title", {"user_id", "title"}}};
  ForeignKey to_user = foreign_key("fk_posts_user", {"user_id"}, "users", {"id"});
  to_user.on_delete = ForeignKeyAction::Cascade;
  t.foreign_keys = {foreign_key("fk_posts_parent", {"parent_id"}, "posts", {"id"}), to_user};
  t.checks = {CheckConstraint{"ck_posts_title", "length(title) > 0"}};
  return t;
}

inline EnumType status_enum() { return EnumType{"status", {"draft", "published"}}; }

// Canonical: tables and enums sorted by name.
inline Schema blog_schema() {
  Schema s;
  s.enums = {status_enum()};
  s.tables = {posts_table(), users_table()};
  return s;
}

}  // namespace tempest::ops_test
