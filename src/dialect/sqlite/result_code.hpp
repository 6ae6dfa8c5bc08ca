#pragma once

#include <string>

namespace tempest {

// The symbolic name of an SQLite (extended) result code: 787 -> "SQLITE_CONSTRAINT_FOREIGNKEY",
// 19 -> "SQLITE_CONSTRAINT". A code this libsqlite3 does not list gives "SQLITE_<number>".
// This is what DatabaseError::code() holds for SQLite errors.
[[nodiscard]] std::string sqlite_code_name(int code);

}  // namespace tempest
