#pragma once

// What the migration runner needs from the PostgreSQL dialect (see Dialect::step_executor,
// version_table_sql and script_frame).

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"

namespace tempest::postgres {

// The version table `table` in the schema `schema_name`.
[[nodiscard]] VersionTableSql version_table_statements(const std::string& schema_name,
                                                       std::string_view table);
[[nodiscard]] ScriptFrame transaction_frame(std::span<const RenderedStep> steps);
// A DO block raising `problem` when `count_sql` gives anything but 0 (PL/pgSQL: installed in
// every database since PostgreSQL 9.0).
[[nodiscard]] std::string script_guard(std::string_view problem, std::string_view count_sql);

// BEGIN, the statements, COMMIT; a non-transactional step runs in autocommit mode.
[[nodiscard]] std::unique_ptr<StepExecutor> make_step_executor(Driver& driver);

}  // namespace tempest::postgres
