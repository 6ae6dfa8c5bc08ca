#pragma once

// The long history the crash tests upgrade and downgrade: 40 migrations in a chain over a
// table of `events` rows (accounts, events, tags, metrics, summary and an enum), mixing
// schema changes with deterministic data steps, each of which has a model effect (row_model).
//
// On SQLite a dozen of the migrations rebuild a table holding every event (type changes,
// checks, defaults, enum labels), so that kills land inside rebuilds. On PostgreSQL migration
// c11 adds enum labels and runs VACUUM, steps the runner runs outside any transaction, so that
// kills leave it partly applied (steps_done) and, going down, partly reverted
// (down_steps_done).

#include <vector>

#include "crash_database.hpp"
#include "row_model.hpp"
#include "tempest/migration.hpp"

namespace tempest::testing {

struct CrashHistory {
  std::vector<Migration> migrations;  // a chain: c00 <- c01 <- ... <- c39
  DataEffects effects;                // of every Execute, up and down
};

// Every Execute of up and down is reversible and registered in `effects`. Throws
// std::logic_error when `events` is below 1,000 (the data steps address ranges of ids).
[[nodiscard]] CrashHistory crash_history(Engine engine, int events);

}  // namespace tempest::testing
