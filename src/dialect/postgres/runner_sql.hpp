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

// BEGIN, the statements, COMMIT; a non-transactional step runs in autocommit mode.
[[nodiscard]] std::unique_ptr<StepExecutor> make_step_executor(Driver& driver);

}  // namespace tempest::postgres
