#pragma once

// A three-migration history whose revision ids, table, columns, values and index carry quotes,
// semicolons, comment markers and non-ASCII letters, for the runner and CLI suites.

#include <string>
#include <vector>

#include "tempest/migration.hpp"

namespace tempest::testing {

inline const std::string kFirstRevision = "0001_it's; --";
inline const std::string kSecondRevision = "0002_\"ключ\"";
inline const std::string kThirdRevision = "0003_semi;colon /* x */";
inline const std::string kHostileTable = "acct'; DROP TABLE victim; --";

// kFirstRevision creates kHostileTable and inserts two rows (its down deletes them);
// kSecondRevision adds a column with a default; kThirdRevision an index.
[[nodiscard]] std::vector<Migration> hostile_history();

}  // namespace tempest::testing
