#include <tempest/migration_file.hpp>

tempest::Migration tempest_migration_0001_init() {
  using namespace tempest::build;
  std::vector<tempest::Operation> up = {
      create_table(table("notes",
                         {
                             column("id", bigint()).identity(),
                             column("body", text()),
                         })
                       .primary_key("pk_notes", {"id"})),
  };
  return tempest::make_migration("0001_init", {}, "create notes", std::move(up));
}
