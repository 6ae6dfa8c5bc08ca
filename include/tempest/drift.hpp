#pragma once

// The drift gate: does the live database match the models, and if not, why?

#include <optional>
#include <string>
#include <vector>

#include "tempest/driver.hpp"
#include "tempest/migration.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

enum class DriftKind {
  // The models hold changes that no migration holds (replay_schema(migrations) != models):
  // generate a migration.
  ModelsChangedWithoutMigration,
  // Migrations exist in code that the database has not applied: run upgrade.
  MigrationNotApplied,
  // The database differs from what its applied migrations say (a manual change, or a
  // migration edited after it was applied).
  DatabaseChangedByHand,
};

struct DriftIssue {
  DriftKind kind = DriftKind::DatabaseChangedByHand;
  std::string object;    // "table posts", "column posts.published", "revision 0002_x"...
  std::string expected;  // what the models / migrations say, "" when the object should not exist
  std::string found;     // what the database (or history) has, "" when it is missing
  // The operation that would make the database (or history) match; none for a pending
  // revision.
  std::optional<Operation> fix;

  friend bool operator==(const DriftIssue&, const DriftIssue&) = default;
};

struct DriftOptions {
  std::string version_table = "tempest_db_migrations";
};

// Compares the live database behind `driver` with `models` (reflect_schema of the models),
// both normalised by the driver's dialect and diffed with diff_schema, so a database migrated
// to the models shows nothing. With `migrations`, each difference is attributed: models vs
// replay of all migrations, pending revisions (in code, not in the version table), and the
// database vs the replay of the revisions it has applied. Without migrations, every difference
// is reported as DatabaseChangedByHand. An empty result means no drift. Throws DatabaseError
// when the database cannot be read and MigrationError for a broken history.
[[nodiscard]] std::vector<DriftIssue> check_drift(Driver& driver, const Schema& models,
                                                  const std::vector<Migration>& migrations = {},
                                                  const DriftOptions& options = {});

[[nodiscard]] std::string_view to_string(DriftKind kind);  // "models_changed_without_migration"...

}  // namespace tempest
