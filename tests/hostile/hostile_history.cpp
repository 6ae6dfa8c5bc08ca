#include "hostile_history.hpp"

#include "tempest/build.hpp"
#include "tempest/dialect.hpp"

namespace tempest::testing {

std::vector<Migration> hostile_history() {
  using namespace tempest::build;
  const std::string table_sql = quote_ident(kHostileTable);
  return {
      make_migration(kFirstRevision, {}, "accounts; --",
                     {create_table(table(kHostileTable, {column("id", bigint()),
                                                         column("näme", text()).nullable()})
                                       .primary_key("pk_acct", {"id"})),
                      execute("INSERT INTO " + table_sql + " VALUES (1, 'a''b;--'), (2, NULL)",
                              "DELETE FROM " + table_sql)}),
      make_migration(
          kSecondRevision, {kFirstRevision}, "note 'x'",
          {add_column(kHostileTable, column("note", text()).nullable().default_literal("x';"))}),
      make_migration(kThirdRevision, {kSecondRevision}, "index",
                     {create_index(kHostileTable, index("ix \"näme\"", {"näme"}))}),
  };
}

}  // namespace tempest::testing
