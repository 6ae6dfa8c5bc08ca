#pragma once

// Names as PostgreSQL stores them, and the names the renderer gives objects declared without
// one. The renderer and normalize() share these, so a schema with unnamed objects renders and
// normalises to the same names.

#include <string>
#include <string_view>

#include "tempest/schema.hpp"

namespace tempest::postgres {

// `name` cut to 63 bytes on a character boundary, as PostgreSQL truncates identifiers
// (NAMEDATALEN - 1, https://www.postgresql.org/docs/15/sql-syntax-lexical.html).
[[nodiscard]] std::string stored_name(std::string_view name);

// The object's own name when it has one, else the project's convention (model.hpp).
[[nodiscard]] std::string primary_key_name(const std::string& table, const PrimaryKey& key);
[[nodiscard]] std::string unique_name(const std::string& table, const UniqueConstraint& unique);
[[nodiscard]] std::string index_name(const std::string& table, const Index& index);
[[nodiscard]] std::string foreign_key_name(const std::string& table, const ForeignKey& key);
[[nodiscard]] std::string check_name(const std::string& table, const CheckConstraint& check);

}  // namespace tempest::postgres
