#include "migrate/migration_render.hpp"

#include <optional>
#include <string>
#include <vector>

#include "migrate/render_scope.hpp"
#include "ops/schema_editor.hpp"
#include "tempest/error.hpp"
#include "tempest/operations.hpp"

namespace tempest {

namespace {

const std::vector<Operation>& operations(const Migration& migration, Direction direction) {
  return direction == Direction::Up ? migration.up : migration.down;
}

void apply_all(SchemaEditor& editor, const Migration& migration, Direction direction) {
  const std::vector<Operation>& ops = operations(migration, direction);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    try {
      apply_operation(editor, ops[i]);
    } catch (const ModelError& e) {
      throw ModelError(migration_prefix(migration, direction) + "operation " + std::to_string(i) +
                       " (" + std::string(operation_name(ops[i])) + "): " + e.what());
    }
  }
}

}  // namespace

std::string migration_prefix(const Migration& migration, Direction direction) {
  return "migration \"" + migration.revision +
         "\": " + (direction == Direction::Down ? "down: " : "");
}

RevisionIndex index_revisions(const std::vector<Migration>& migrations) {
  RevisionIndex index;
  index.reserve(migrations.size());
  for (std::size_t i = 0; i < migrations.size(); ++i) index.emplace(migrations[i].revision, i);
  return index;
}

Schema replay_applied(const std::vector<Migration>& migrations, const MigrationGraph& graph,
                      const std::unordered_set<std::string>& applied) {
  Schema schema = empty_schema();
  // As replay_schema: the indexed editor sorts once at the end instead of at every table.
  SchemaEditor editor(schema, SchemaEditor::Mode::Indexed);
  const std::vector<std::string>& order = graph.topological_order();
  const std::vector<std::size_t>& indexes = graph.topological_indexes();
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (applied.contains(order[i])) apply_all(editor, migrations[indexes[i]], Direction::Up);
  }
  editor.finish();
  return schema;
}

std::vector<RenderedStep> render_migration(const Dialect& dialect, const Migration& migration,
                                           Direction direction, const Schema& schema) {
  const std::vector<Operation>& ops = operations(migration, direction);
  try {
    const std::optional<Schema> scope = render_scope(schema, ops);
    return dialect.render(ops, scope ? *scope : schema);
  } catch (const ModelError& e) {
    throw ModelError(migration_prefix(migration, direction) + e.what());
  } catch (const UnsupportedError& e) {
    throw UnsupportedError(migration_prefix(migration, direction) + e.what());
  }
}

void advance_schema(Schema& schema, const Migration& migration, Direction direction) {
  SchemaEditor editor(schema, SchemaEditor::Mode::Canonical);
  apply_all(editor, migration, direction);
}

}  // namespace tempest
