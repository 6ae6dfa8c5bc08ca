#pragma once

// The SQL the migration runner needs from the SQLite dialect (see Dialect::version_table_sql,
// script_frame and script_prologue).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/dialect.hpp"

namespace tempest::sqlite {

[[nodiscard]] VersionTableSql version_table_statements(std::string_view table);
[[nodiscard]] ScriptFrame transaction_frame(std::span<const RenderedStep> steps);
[[nodiscard]] std::vector<std::string> script_prologue_statements();

}  // namespace tempest::sqlite
