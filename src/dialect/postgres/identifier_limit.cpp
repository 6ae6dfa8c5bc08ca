#include "dialect/postgres/identifier_limit.hpp"

#include <string>
#include <string_view>
#include <variant>

#include "model/naming.hpp"
#include "schema/quoted.hpp"
#include "tempest/error.hpp"

namespace tempest::postgres {

namespace {

std::string in_table(std::string_view table) { return "table " + quoted(table) + ": "; }

// `what` is the object's description ("column", "index"); `owner` what holds it, or "".
void require_fits(const std::string& owner, std::string_view what, const std::string& name) {
  if (name.size() <= naming::max_identifier_bytes) return;
  throw UnsupportedError(owner + std::string(what) + " " + quoted(name) + " is " +
                         std::to_string(name.size()) +
                         " bytes long; PostgreSQL identifiers are limited to 63 bytes (it would "
                         "silently cut the name): shorten it");
}

void require_fits(const Table& table) {
  require_fits("", "table", table.name);
  const std::string owner = in_table(table.name);
  for (const Column& column : table.columns) require_fits(owner, "column", column.name);
  if (table.primary_key) require_fits(owner, "primary key", table.primary_key->name);
  for (const Index& index : table.indexes) require_fits(owner, "index", index.name);
  for (const UniqueConstraint& unique : table.uniques) {
    require_fits(owner, "unique constraint", unique.name);
  }
  for (const ForeignKey& key : table.foreign_keys) require_fits(owner, "foreign key", key.name);
  for (const CheckConstraint& check : table.checks) {
    require_fits(owner, "check constraint", check.name);
  }
}

// One case per operation, so that a new operation cannot be forgotten here.
struct NewNames {
  void operator()(const CreateTable& op) const { require_fits(op.table); }
  void operator()(const DropTable&) const {}
  void operator()(const RenameTable& op) const {
    require_fits(in_table(op.from), "new name", op.to);
  }
  void operator()(const AlterTableComment&) const {}
  void operator()(const AddColumn& op) const {
    require_fits(in_table(op.table), "column", op.column.name);
  }
  void operator()(const DropColumn&) const {}
  void operator()(const RenameColumn& op) const {
    require_fits(in_table(op.table) + "column " + quoted(op.from) + ": ", "new name", op.to);
  }
  void operator()(const AlterColumn&) const {}  // from and to have the same name
  void operator()(const AlterPrimaryKey& op) const {
    if (op.to) require_fits(in_table(op.table), "primary key", op.to->name);
  }
  void operator()(const CreateIndex& op) const {
    require_fits(in_table(op.table), "index", op.index.name);
  }
  void operator()(const DropIndex&) const {}
  void operator()(const AddUnique& op) const {
    require_fits(in_table(op.table), "unique constraint", op.unique.name);
  }
  void operator()(const DropUnique&) const {}
  void operator()(const AddForeignKey& op) const {
    require_fits(in_table(op.table), "foreign key", op.foreign_key.name);
  }
  void operator()(const DropForeignKey&) const {}
  void operator()(const AddCheck& op) const {
    require_fits(in_table(op.table), "check constraint", op.check.name);
  }
  void operator()(const DropCheck&) const {}
  void operator()(const CreateEnum& op) const {
    require_fits("", "enum", op.enum_type.name);
    // Labels have the same limit; PostgreSQL refuses long ones itself, but only when the
    // statement runs.
    for (const std::string& label : op.enum_type.labels) {
      require_fits("enum " + quoted(op.enum_type.name) + ": ", "label", label);
    }
  }
  void operator()(const DropEnum&) const {}
  void operator()(const AddEnumValue& op) const {
    require_fits("enum " + quoted(op.enum_name) + ": ", "label", op.label);
  }
  void operator()(const DropEnumValue&) const {}
  void operator()(const Execute&) const {}
};

}  // namespace

void require_short_new_names(const Operation& op) { std::visit(NewNames{}, op); }

}  // namespace tempest::postgres
