#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// How apply() reaches the tables and enums of a schema. Canonical mode keeps the schema
// sorted at every step and finds objects by binary search: right for one operation. Indexed
// mode appends and finds objects through hash maps, then sorts once in finish(): replaying a
// long history stays linear instead of shifting a sorted vector of tables on every
// CreateTable. Table contents (columns, per-table lists) are canonical in both modes.
class SchemaEditor {
 public:
  enum class Mode { Canonical, Indexed };

  // Indexed mode indexes what `schema` already holds. `schema` must outlive the editor.
  SchemaEditor(Schema& schema, Mode mode);

  [[nodiscard]] Schema& schema() { return schema_; }

  // nullptr when absent.
  [[nodiscard]] Table* table(std::string_view name);
  [[nodiscard]] EnumType* enum_type(std::string_view name);

  // The name must be free; pointers into the schema are invalidated.
  void add_table(Table table);
  void remove_table(const Table& table);
  void rename_table(const Table& table, const std::string& name);
  void add_enum(EnumType type);
  void remove_enum(const EnumType& type);

  // Sorts tables and enums by name (Indexed mode); the schema is canonical afterwards and the
  // editor continues in Canonical mode.
  void finish();

 private:
  // Lets the maps be searched with a string_view.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const noexcept {
      return std::hash<std::string_view>{}(name);
    }
  };
  using NameIndex = std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>>;

  Schema& schema_;
  Mode mode_;
  NameIndex tables_;  // Indexed mode: name -> position in schema_.tables
  NameIndex enums_;
};

// apply() through `editor` (defined in apply.cpp): same checks, same errors, and the schema is
// unchanged when it throws.
void apply_operation(SchemaEditor& editor, const Operation& op);

}  // namespace tempest
