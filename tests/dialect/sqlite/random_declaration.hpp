#pragma once

#include <random>
#include <string>

namespace tempest::testing {

// A script of random but valid SQLite DDL written the ways people write it by hand, not the
// way the renderer does: CREATE TABLE statements with every quoting style, odd type names, all
// DEFAULT forms, column and table primary keys naming columns in another letter case, foreign
// keys with and without referenced columns, all actions, MATCH and DEFERRABLE clauses, CHECK,
// COLLATE, ON CONFLICT, comments and line breaks between tokens, WITHOUT ROWID and STRICT;
// then ALTER TABLE ADD COLUMN and RENAME COLUMN. Everything is drawn from `rng`.
[[nodiscard]] std::string random_declarations(std::mt19937_64& rng);

}  // namespace tempest::testing
