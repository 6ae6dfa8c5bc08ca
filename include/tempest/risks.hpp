#pragma once

// What applying operations to a database that holds data may cost: rows deleted, values cut,
// statements that fail on existing rows, and (PostgreSQL) tables locked or rewritten while the
// statement runs. `revision --autogenerate` and `show` print these as warnings; a review tool
// or a CI gate can read them too.
//
//   for (const tempest::Risk& risk : tempest::assess_risks(ops, replay_schema(history),
//                                                          tempest::DialectKind::Postgres)) {
//     std::cout << to_string(risk.severity) << ": " << risk.reason << '\n';
//   }

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/driver.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// Ordered from the mildest to the gravest.
enum class RiskSeverity {
  Notice,   // runs, but locks or rewrites a table while it does
  Warning,  // fails when existing rows do not fit (NOT NULL, unique, check, foreign key)
  Danger,   // deletes or cuts data: a drop, a narrowing type change, a rename written as drop+add
};

struct Risk {
  std::size_t operation = 0;  // index in the assessed operations
  RiskSeverity severity = RiskSeverity::Notice;
  // One line that names the object and the reason, and where there is one the way around it:
  // "drop column posts.title: data loss (the column's values are deleted)".
  std::string reason;

  friend bool operator==(const Risk&, const Risk&) = default;
};

// The risks of applying `ops`, in order, to a database whose schema is `before` (for
// migrations: replay_schema of the migrations before them) and whose engine is `dialect`.
// Only tables of `before` may hold rows: an operation on a table the same `ops` create carries
// no risk tied to existing rows or locks. A dropped and an added object that look like one
// object renamed without a hint (find_rename_candidates) give a Danger risk on the drop naming
// the renamed_from hint that would make it a rename. Sorted by operation index, stable. Pure: no
// database. Does not validate `ops` against `before`.
[[nodiscard]] std::vector<Risk> assess_risks(const std::vector<Operation>& ops,
                                             const Schema& before, DialectKind dialect);

// "notice", "warning", "danger".
[[nodiscard]] std::string_view to_string(RiskSeverity severity);

}  // namespace tempest
