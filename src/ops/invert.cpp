#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ops/operation_of.hpp"
#include "tempest/error.hpp"
#include "tempest/operations.hpp"

namespace tempest {
namespace {

// The SQL as quoted in messages: enough to recognise it, never a whole data script.
std::string sql_excerpt(const std::string& sql) {
  constexpr std::size_t kMaxChars = 60;
  if (sql.size() <= kMaxChars) return sql;
  return sql.substr(0, kMaxChars) + "...";
}

// One overload per alternative and no catch-all, so a new operation does not compile until
// it states its inverse.
struct Inverter {
  Operation operator()(const CreateTable& op) const { return operation_of<DropTable>(op.table); }
  Operation operator()(const DropTable& op) const { return operation_of<CreateTable>(op.table); }
  Operation operator()(const RenameTable& op) const { return RenameTable{op.to, op.from}; }
  Operation operator()(const AlterTableComment& op) const {
    return AlterTableComment{op.table, op.to, op.from};
  }
  Operation operator()(const AddColumn& op) const {
    return operation_of<DropColumn>(op.table, op.column);
  }
  Operation operator()(const DropColumn& op) const {
    return operation_of<AddColumn>(op.table, op.column);
  }
  Operation operator()(const RenameColumn& op) const {
    return RenameColumn{op.table, op.to, op.from};
  }
  Operation operator()(const AlterColumn& op) const {
    return AlterColumn{op.table, op.to, op.from};
  }
  Operation operator()(const AlterPrimaryKey& op) const {
    return AlterPrimaryKey{op.table, op.to, op.from};
  }
  Operation operator()(const CreateIndex& op) const { return DropIndex{op.table, op.index}; }
  Operation operator()(const DropIndex& op) const { return CreateIndex{op.table, op.index}; }
  Operation operator()(const AddUnique& op) const { return DropUnique{op.table, op.unique}; }
  Operation operator()(const DropUnique& op) const { return AddUnique{op.table, op.unique}; }
  Operation operator()(const AddForeignKey& op) const {
    return DropForeignKey{op.table, op.foreign_key};
  }
  Operation operator()(const DropForeignKey& op) const {
    return AddForeignKey{op.table, op.foreign_key};
  }
  Operation operator()(const AddCheck& op) const { return DropCheck{op.table, op.check}; }
  Operation operator()(const DropCheck& op) const { return AddCheck{op.table, op.check}; }
  Operation operator()(const CreateEnum& op) const { return DropEnum{op.enum_type}; }
  Operation operator()(const DropEnum& op) const { return CreateEnum{op.enum_type}; }
  Operation operator()(const AddEnumValue& op) const {
    return DropEnumValue{op.enum_name, op.label, op.position};
  }
  Operation operator()(const DropEnumValue& op) const {
    return AddEnumValue{op.enum_name, op.label, op.position};
  }
  Operation operator()(const Execute& op) const {
    if (!op.reverse_sql) {
      throw MigrationError("execute operation has no reverse SQL: " + sql_excerpt(op.sql));
    }
    return Execute{*op.reverse_sql, op.sql};
  }
};

}  // namespace

Operation invert(const Operation& op) { return std::visit(Inverter{}, op); }

std::vector<Operation> invert(const std::vector<Operation>& ops) {
  std::vector<Operation> inverted;
  inverted.reserve(ops.size());
  // Backward, so each inverse is built where it stays; the error still names the first
  // irreversible operation, the last one met.
  std::optional<MigrationError> first_error;
  for (std::size_t i = ops.size(); i-- > 0;) {
    try {
      inverted.push_back(invert(ops[i]));
    } catch (const MigrationError& e) {
      first_error.emplace("operation " + std::to_string(i) + " (" +
                          std::string(operation_name(ops[i])) + "): " + e.what());
    }
  }
  if (first_error) throw *first_error;
  return inverted;
}

bool is_reversible(const std::vector<Operation>& ops) {
  for (const Operation& op : ops) {
    const auto* execute = std::get_if<Execute>(&op);
    if (execute != nullptr && !execute->reverse_sql) return false;
  }
  return true;
}

}  // namespace tempest
