// The operation functions of the builder API: one aggregate each, nothing more, built in
// place (operation_of).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ops/operation_of.hpp"
#include "tempest/build.hpp"

namespace tempest::build {

Operation create_table(Table table) { return operation_of<CreateTable>(std::move(table)); }

Operation drop_table(Table table) { return operation_of<DropTable>(std::move(table)); }

Operation rename_table(std::string from, std::string to) {
  return operation_of<RenameTable>(std::move(from), std::move(to));
}

Operation alter_table_comment(std::string table, std::string from, std::string to) {
  return operation_of<AlterTableComment>(std::move(table), std::move(from), std::move(to));
}

Operation add_column(std::string table, Column column) {
  return operation_of<AddColumn>(std::move(table), std::move(column));
}

Operation drop_column(std::string table, Column column) {
  return operation_of<DropColumn>(std::move(table), std::move(column));
}

Operation rename_column(std::string table, std::string from, std::string to) {
  return operation_of<RenameColumn>(std::move(table), std::move(from), std::move(to));
}

Operation alter_column(std::string table, Column from, Column to) {
  return operation_of<AlterColumn>(std::move(table), std::move(from), std::move(to));
}

Operation alter_primary_key(std::string table, std::optional<PrimaryKey> from,
                            std::optional<PrimaryKey> to) {
  return operation_of<AlterPrimaryKey>(std::move(table), std::move(from), std::move(to));
}

Operation create_index(std::string table, Index index) {
  return operation_of<CreateIndex>(std::move(table), std::move(index));
}

Operation drop_index(std::string table, Index index) {
  return operation_of<DropIndex>(std::move(table), std::move(index));
}

Operation add_unique(std::string table, UniqueConstraint unique) {
  return operation_of<AddUnique>(std::move(table), std::move(unique));
}

Operation drop_unique(std::string table, UniqueConstraint unique) {
  return operation_of<DropUnique>(std::move(table), std::move(unique));
}

Operation add_foreign_key(std::string table, ForeignKey foreign_key) {
  return operation_of<AddForeignKey>(std::move(table), std::move(foreign_key));
}

Operation drop_foreign_key(std::string table, ForeignKey foreign_key) {
  return operation_of<DropForeignKey>(std::move(table), std::move(foreign_key));
}

Operation add_check(std::string table, CheckConstraint check) {
  return operation_of<AddCheck>(std::move(table), std::move(check));
}

Operation drop_check(std::string table, CheckConstraint check) {
  return operation_of<DropCheck>(std::move(table), std::move(check));
}

Operation create_enum(std::string name, std::vector<std::string> labels) {
  return operation_of<CreateEnum>(EnumType{std::move(name), std::move(labels)});
}

Operation drop_enum(std::string name, std::vector<std::string> labels) {
  return operation_of<DropEnum>(EnumType{std::move(name), std::move(labels)});
}

Operation add_enum_value(std::string enum_name, std::string label, std::size_t position) {
  return operation_of<AddEnumValue>(std::move(enum_name), std::move(label), position);
}

Operation drop_enum_value(std::string enum_name, std::string label, std::size_t position) {
  return operation_of<DropEnumValue>(std::move(enum_name), std::move(label), position);
}

Operation execute(std::string sql) { return operation_of<Execute>(std::move(sql), std::nullopt); }

Operation execute(std::string sql, std::string reverse_sql) {
  return operation_of<Execute>(std::move(sql), std::move(reverse_sql));
}

}  // namespace tempest::build
