#include <string>
#include <vector>

#include "ops/schema_editor.hpp"
#include "tempest/error.hpp"
#include "tempest/migration.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

Schema replay_schema(const std::vector<Migration>& migrations) {
  const MigrationGraph graph(migrations);
  Schema schema = empty_schema();
  // One operation at a time: the all-or-nothing vector apply copies the schema, and a sorted
  // insert per CreateTable shifts every table after it; either makes a long history
  // quadratic. The indexed editor sorts once at the end instead.
  SchemaEditor editor(schema, SchemaEditor::Mode::Indexed);
  for (std::size_t index : graph.topological_indexes()) {
    const Migration& migration = migrations[index];
    for (std::size_t i = 0; i < migration.up.size(); ++i) {
      try {
        apply_operation(editor, migration.up[i]);
      } catch (const ModelError& e) {
        throw ModelError("migration \"" + migration.revision + "\": operation " +
                         std::to_string(i) + " (" + std::string(operation_name(migration.up[i])) +
                         "): " + e.what());
      }
    }
  }
  editor.finish();
  return schema;
}

}  // namespace tempest
