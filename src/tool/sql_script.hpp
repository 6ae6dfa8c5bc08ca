#pragma once

#include <ostream>
#include <vector>

#include "tempest/dialect.hpp"

namespace tempest::tool {

// Writes every statement of `steps` followed by ";" and a newline, nothing else: the
// statements that create a schema in an empty database (inspect --sql).
void write_statements(const std::vector<RenderedStep>& steps, std::ostream& out);

// Writes `batches` of steps rendered by `dialect` as a script the engine's shell (sqlite3,
// psql) runs as it is, framed the way the migration runner's offline scripts are: the
// dialect's script_prologue(), then each maximal run of transactional steps of one batch in
// one transaction wrapped by the dialect's script_frame() (for SQLite rebuilds:
// PRAGMA foreign_keys = OFF before BEGIN, where the pragma takes effect, and
// PRAGMA foreign_key_check before COMMIT), and each non-transactional step on its own. A
// transaction never spans two batches, so what one batch creates is committed before the next
// uses it. Each step is preceded by a "-- description" comment. Nothing for no steps.
void write_sql_script(const Dialect& dialect, const std::vector<std::vector<RenderedStep>>& batches,
                      std::ostream& out);

}  // namespace tempest::tool
