// The operation functions of the builder API: one aggregate each, nothing more.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tempest/build.hpp"

namespace tempest::build {

Operation create_table(Table table) { return CreateTable{std::move(table)}; }

Operation drop_table(Table table) { return DropTable{std::move(table)}; }

Operation rename_table(std::string from, std::string to) {
  return RenameTable{std::move(from), std::move(to)};
}

Operation alter_table_comment(std::string table, std::string from, std::string to) {
  return AlterTableComment{std::move(table), std::move(from), std::move(to)};
}

Operation add_column(std::string table, Column column) {
  return AddColumn{std::move(table), std::move(column)};
}

Operation drop_column(std::string table, Column column) {
  return DropColumn{std::move(table), std::move(column)};
}

Operation rename_column(std::string table, std::string from, std::string to) {
  return RenameColumn{std::move(table), std::move(from), std::move(to)};
}

Operation alter_column(std::string table, Column from, Column to) {
  return AlterColumn{std::move(table), std::move(from), std::move(to)};
}

Operation alter_primary_key(std::string table, std::optional<PrimaryKey> from,
                            std::optional<PrimaryKey> to) {
  return AlterPrimaryKey{std::move(table), std::move(from), std::move(to)};
}

Operation create_index(std::string table, Index index) {
  return CreateIndex{std::move(table), std::move(index)};
}

Operation drop_index(std::string table, Index index) {
  return DropIndex{std::move(table), std::move(index)};
}

Operation add_unique(std::string table, UniqueConstraint unique) {
  return AddUnique{std::move(table), std::move(unique)};
}

Operation drop_unique(std::string table, UniqueConstraint unique) {
  return DropUnique{std::move(table), std::move(unique)};
}

Operation add_foreign_key(std::string table, ForeignKey foreign_key) {
  return AddForeignKey{std::move(table), std::move(foreign_key)};
}

Operation drop_foreign_key(std::string table, ForeignKey foreign_key) {
  return DropForeignKey{std::move(table), std::move(foreign_key)};
}

Operation add_check(std::string table, CheckConstraint check) {
  return AddCheck{std::move(table), std::move(check)};
}

Operation drop_check(std::string table, CheckConstraint check) {
  return DropCheck{std::move(table), std::move(check)};
}

Operation create_enum(std::string name, std::vector<std::string> labels) {
  return CreateEnum{EnumType{std::move(name), std::move(labels)}};
}

Operation drop_enum(std::string name, std::vector<std::string> labels) {
  return DropEnum{EnumType{std::move(name), std::move(labels)}};
}

Operation add_enum_value(std::string enum_name, std::string label, std::size_t position) {
  return AddEnumValue{std::move(enum_name), std::move(label), position};
}

Operation drop_enum_value(std::string enum_name, std::string label, std::size_t position) {
  return DropEnumValue{std::move(enum_name), std::move(label), position};
}

Operation execute(std::string sql) { return Execute{std::move(sql), std::nullopt}; }

Operation execute(std::string sql, std::string reverse_sql) {
  return Execute{std::move(sql), std::move(reverse_sql)};
}

}  // namespace tempest::build
