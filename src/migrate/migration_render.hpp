#pragma once

// The schema a run starts from and the rendering of each migration against it.

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "migrate/segments.hpp"
#include "tempest/dialect.hpp"
#include "tempest/migration.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// Positions in `migrations` by revision id; the ids must be unique (MigrationGraph checks).
using RevisionIndex = std::unordered_map<std::string_view, std::size_t>;
[[nodiscard]] RevisionIndex index_revisions(const std::vector<Migration>& migrations);

// The schema of a database where the migrations `applied` are: their ups replayed in the
// graph's topological order. Throws ModelError prefixed with the migration.
[[nodiscard]] Schema replay_applied(const std::vector<Migration>& migrations,
                                    const MigrationGraph& graph,
                                    const std::unordered_set<std::string>& applied);

// The steps of the migration's up (or down) against `schema`. Throws ModelError and
// UnsupportedError prefixed with 'migration "REV": ' (and "down: " for a down).
[[nodiscard]] std::vector<RenderedStep> render_migration(const Dialect& dialect,
                                                         const Migration& migration,
                                                         Direction direction, const Schema& schema);

// Applies the migration's up (or down) to `schema`, one operation at a time (no copy of the
// schema, so a long run stays linear). Throws ModelError prefixed as above.
void advance_schema(Schema& schema, const Migration& migration, Direction direction);

// 'migration "REV": ' or 'migration "REV": down: '.
[[nodiscard]] std::string migration_prefix(const Migration& migration, Direction direction);

}  // namespace tempest
