#pragma once

// SQL spellings shared by both renderers and by describe().

#include <string>
#include <string_view>

#include "tempest/schema.hpp"

namespace tempest {

// "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT": the same in SQLite and
// PostgreSQL.
[[nodiscard]] inline std::string foreign_key_action_sql(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::NoAction:
      return "NO ACTION";
    case ForeignKeyAction::Restrict:
      return "RESTRICT";
    case ForeignKeyAction::Cascade:
      return "CASCADE";
    case ForeignKeyAction::SetNull:
      return "SET NULL";
    case ForeignKeyAction::SetDefault:
      return "SET DEFAULT";
  }
  return "NO ACTION";
}

}  // namespace tempest
