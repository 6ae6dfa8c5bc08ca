#pragma once

// The history of the upgrade, history and heads comparisons: N small migrations in a line.
// Migration i ("m<100000 + i>", label "small step <i>") creates table t<i> (id bigint, name
// varchar(40) nullable, primary key pk_t<i>, index ix_t<i>_name); the odd ones also add a
// nullable column extra integer DEFAULT 0 to t<i - 1>. Used by tempest_upgrade_bench and
// tempest_compare; bench/compare/alembic_scripts.py writes the same ones as Alembic revision
// files.

#include <string>
#include <utility>
#include <vector>

#include "tempest/build.hpp"
#include "tempest/migration.hpp"

namespace tempest::bench {

inline std::vector<Migration> small_migrations(int count) {
  using namespace tempest::build;
  std::vector<Migration> migrations;
  migrations.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const std::string name = "t" + std::to_string(i);
    std::vector<Operation> up{
        create_table(table(name, {column("id", bigint()), column("name", varchar(40)).nullable()})
                         .primary_key("pk_" + name, {"id"})
                         .index(index("ix_" + name + "_name", {"name"})))};
    if (i % 2 == 1) {
      up.push_back(add_column("t" + std::to_string(i - 1),
                              column("extra", integer()).nullable().default_literal("0")));
    }
    std::vector<std::string> parents;
    if (i > 0) parents.push_back(migrations.back().revision);
    migrations.push_back(make_migration("m" + std::to_string(100000 + i), std::move(parents),
                                        "small step " + std::to_string(i), std::move(up)));
  }
  return migrations;
}

}  // namespace tempest::bench
