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

// Statements that make a script stop, in a shell run to stop at its first error (sqlite3
// -bail), when `count_sql` (a SELECT of one number) gives anything but 0: the count goes into
// a temporary table whose CHECK is named `problem`, which SQLite's error message repeats
// ("CHECK constraint failed: <problem>"). Plain SQL has no other way to fail on a condition.
[[nodiscard]] std::vector<std::string> script_guard(std::string_view problem,
                                                    std::string_view count_sql);

}  // namespace tempest::sqlite
