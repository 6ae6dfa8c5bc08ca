#pragma once

// IR builders and checks shared by the differ tests.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tempest/diff.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest::diff_test {

inline Column column(std::string name, TypeKind kind, bool nullable = false) {
  Column c;
  c.name = std::move(name);
  c.type.kind = kind;
  c.nullable = nullable;
  return c;
}

inline Column int_column(std::string name, bool nullable = false) {
  return column(std::move(name), TypeKind::Int64, nullable);
}

inline Column text_column(std::string name, bool nullable = false) {
  return column(std::move(name), TypeKind::Text, nullable);
}

inline Column enum_column(std::string name, std::string enum_name) {
  Column c = column(std::move(name), TypeKind::Enum, true);
  c.type.enum_name = std::move(enum_name);
  return c;
}

inline Column renamed(Column c, std::string from) {
  c.renamed_from = std::move(from);
  return c;
}

// A table with an int64 "id" primary key and the given extra columns.
inline Table table(std::string name, std::vector<Column> extra = {}) {
  Table t;
  t.name = std::move(name);
  t.columns.push_back(int_column("id"));
  for (Column& c : extra) t.columns.push_back(std::move(c));
  t.primary_key = PrimaryKey{"pk_" + t.name, {"id"}};
  return t;
}

inline Index index_on(std::string name, std::vector<std::string> columns, bool unique = false) {
  Index index{std::move(name), {}, unique, ""};
  for (std::string& c : columns) index.keys.push_back(IndexKey{std::move(c), "", false});
  return index;
}

inline ForeignKey foreign_key(std::string name, std::vector<std::string> columns,
                              std::string ref_table,
                              std::vector<std::string> ref_columns = {"id"}) {
  ForeignKey key;
  key.name = std::move(name);
  key.columns = std::move(columns);
  key.ref_table = std::move(ref_table);
  key.ref_columns = std::move(ref_columns);
  return key;
}

inline Schema schema(std::vector<Table> tables, std::vector<EnumType> enums = {}) {
  Schema s;
  s.tables = std::move(tables);
  s.enums = std::move(enums);
  canonicalize(s);
  return s;
}

// `s` without rename hints: what a database or replay gives back.
inline Schema without_hints(Schema s) {
  for (Table& t : s.tables) {
    t.renamed_from.clear();
    for (Column& c : t.columns) c.renamed_from.clear();
  }
  return s;
}

// The acceptance property: the diff applied to `from` gives `to`, and nothing is left to do;
// its inverse leads back to `from`, up to column order (the inverse of DropColumn appends).
inline void expect_reaches(const Schema& from, const Schema& to) {
  std::vector<Operation> ops = diff_schema(from, to);
  Schema reached = from;
  ASSERT_NO_THROW(apply(reached, ops));
  EXPECT_EQ(reached, without_hints(to));
  EXPECT_TRUE(diff_schema(reached, to).empty());
  Schema back = reached;
  ASSERT_NO_THROW(apply(back, invert(ops)));
  EXPECT_TRUE(diff_schema(back, from).empty());
}

}  // namespace tempest::diff_test
