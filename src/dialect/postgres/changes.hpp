#pragma once

// The statements of the two operations that take more than one statement to express in
// PostgreSQL: changing a column, and removing a label from an enum type.

#include <string>
#include <vector>

#include "tempest/operations.hpp"

namespace tempest::postgres {

// ALTER TABLE ... ALTER COLUMN sub-commands for every attribute that differs between
// op.from and op.to, in an order PostgreSQL accepts (the default is dropped before a type
// change and set again after it; NOT NULL is set before an identity is added).
[[nodiscard]] std::vector<std::string> alter_column_statements(const AlterColumn& op,
                                                               const std::string& schema);

// PostgreSQL cannot remove an enum label: the type is renamed away, created again without
// the label, every column of `current` using it is converted through text, and the old type
// is dropped. Rows holding the removed label make the conversion fail, and the transaction
// with it, so no data is lost. Throws ModelError when the enum is not in `current`.
[[nodiscard]] std::vector<std::string> drop_enum_value_statements(const DropEnumValue& op,
                                                                  const Schema& current,
                                                                  const std::string& schema);

}  // namespace tempest::postgres
