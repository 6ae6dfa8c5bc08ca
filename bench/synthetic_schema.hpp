#pragma once

// Schemas of a given size for the benchmarks: N tables of 8 columns, 2 indexes and one
// foreign key each, the shape the goals are stated for.

#include <string>

#include "tempest/schema.hpp"

namespace tempest::bench {

inline Schema synthetic_schema(int tables) {
  Schema schema;
  schema.tables.reserve(static_cast<std::size_t>(tables));
  for (int i = 0; i < tables; ++i) {
    Table t;
    t.name = "table_" + std::to_string(i);
    auto add = [&](std::string name, TypeKind kind, bool nullable) {
      Column c;
      c.name = std::move(name);
      c.type.kind = kind;
      c.nullable = nullable;
      t.columns.push_back(std::move(c));
    };
    add("id", TypeKind::Int64, false);
    add("parent_id", TypeKind::Int64, true);
    add("name", TypeKind::Text, false);
    add("email", TypeKind::Text, true);
    add("amount", TypeKind::Float64, false);
    add("active", TypeKind::Bool, false);
    add("created_at", TypeKind::TimestampTz, false);
    add("notes", TypeKind::Text, true);
    t.columns[5].default_value = ColumnDefault{DefaultKind::Literal, "true"};
    t.primary_key = PrimaryKey{"pk_" + t.name, {"id"}};
    t.indexes.push_back(Index{"ix_" + t.name + "_email", {{"email", "", false}}, true, ""});
    t.indexes.push_back(Index{"ix_" + t.name + "_name", {{"name", "", false}}, false, ""});
    std::string parent = "table_" + std::to_string(i == 0 ? 0 : i - 1);
    t.foreign_keys.push_back(ForeignKey{"fk_" + t.name + "_parent", {"parent_id"}, parent, {"id"},
                                        ForeignKeyAction::Cascade, ForeignKeyAction::NoAction,
                                        Deferrable::No});
    schema.tables.push_back(std::move(t));
  }
  canonicalize(schema);
  return schema;
}

}  // namespace tempest::bench
