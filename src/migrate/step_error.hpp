#pragma once

// MigrationStepError with its context: the migration, the operations of the failing step, the
// statement and the engine's message.

#include <cstddef>
#include <string_view>
#include <vector>

#include "migrate/segments.hpp"
#include "tempest/dialect.hpp"
#include "tempest/error.hpp"
#include "tempest/migration.hpp"

namespace tempest {

// Indexes of the operations of `ops` that `step` serves: those whose describe() is one of the
// changes its description lists (renderers describe a step by its operations, a SQLite rebuild
// as 'rebuild table "t": change; change').
[[nodiscard]] std::vector<std::size_t> served_operations(const std::vector<Operation>& ops,
                                                         const RenderedStep& step);

// Throws MigrationStepError for `error`, raised by steps[step_index] of the migration.
[[noreturn]] void throw_step_error(const Migration& migration, Direction direction,
                                   const std::vector<RenderedStep>& steps, std::size_t step_index,
                                   const DatabaseError& error);

// Throws MigrationStepError for `error`, raised outside the steps (`phase`: "foreign key
// check", "commit", "version table"...).
[[noreturn]] void throw_phase_error(const Migration& migration, Direction direction,
                                    std::string_view phase, const DatabaseError& error);

}  // namespace tempest
