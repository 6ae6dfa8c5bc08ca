#include "drift/issue_text.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ops/describe_text.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
// Clang 14 has no class template argument deduction for aggregates (P1816).
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

using describe_text::join;
using describe_text::quoted;

std::string table_text(const Table& table) {
  std::vector<std::string> columns;
  for (const Column& column : table.columns) columns.push_back(column.name);
  return "table (" + join(columns) + ")";
}

std::string index_text(const Index& index) {
  std::vector<std::string> keys;
  for (const IndexKey& key : index.keys) {
    std::string text = key.column.empty() ? "(" + key.expression + ")" : key.column;
    if (key.descending) text += " DESC";
    keys.push_back(text);
  }
  std::string out = std::string(index.unique ? "UNIQUE " : "") + "(" + join(keys) + ")";
  if (!index.where.empty()) out += " WHERE " + index.where;
  return out;
}

std::string primary_key_text(const std::optional<PrimaryKey>& key) {
  return key ? "PRIMARY KEY (" + join(key->columns) + ")" : "";
}

std::string foreign_key_text(const ForeignKey& key) {
  std::string out = "(" + join(key.columns) + ") REFERENCES " + key.ref_table + " (" +
                    join(key.ref_columns) + ")";
  if (key.on_delete != ForeignKeyAction::NoAction) {
    out += " ON DELETE " + std::string(to_string(key.on_delete));
  }
  if (key.on_update != ForeignKeyAction::NoAction) {
    out += " ON UPDATE " + std::string(to_string(key.on_update));
  }
  return out;
}

std::string enum_text(const EnumType& type) {
  std::vector<std::string> labels;
  for (const std::string& label : type.labels) labels.push_back(quoted(label));
  return "enum (" + join(labels) + ")";
}

}  // namespace

std::string column_text(const Column& column) {
  std::string out = type_to_string(column.type);
  out += column.nullable ? " NULL" : " NOT NULL";
  if (column.default_value) {
    out += " DEFAULT " + describe_text::default_value(column.type, column.default_value);
  }
  if (column.identity != Identity::None) {
    out += " IDENTITY " + std::string(to_string(column.identity));
  }
  return out;
}

IssueText issue_text(const Operation& fix) {
  return std::visit(
      Overloaded{
          [](const CreateTable& op) {
            return IssueText{"table " + op.table.name, table_text(op.table), ""};
          },
          [](const DropTable& op) {
            return IssueText{"table " + op.table.name, "", table_text(op.table)};
          },
          [](const RenameTable& op) {
            return IssueText{"table " + op.to, "table " + op.to, "table " + op.from};
          },
          [](const AlterTableComment& op) {
            return IssueText{"comment on table " + op.table, op.to, op.from};
          },
          [](const AddColumn& op) {
            return IssueText{"column " + op.table + "." + op.column.name, column_text(op.column),
                             ""};
          },
          [](const DropColumn& op) {
            return IssueText{"column " + op.table + "." + op.column.name, "",
                             column_text(op.column)};
          },
          [](const RenameColumn& op) {
            return IssueText{"column " + op.table + "." + op.to, "column " + op.to,
                             "column " + op.from};
          },
          [](const AlterColumn& op) {
            return IssueText{"column " + op.table + "." + op.to->name, column_text(*op.to),
                             column_text(*op.from)};
          },
          [](const AlterPrimaryKey& op) {
            return IssueText{"primary key of " + op.table, primary_key_text(op.to),
                             primary_key_text(op.from)};
          },
          [](const CreateIndex& op) {
            return IssueText{"index " + op.index.name + " on " + op.table, index_text(op.index),
                             ""};
          },
          [](const DropIndex& op) {
            return IssueText{"index " + op.index.name + " on " + op.table, "",
                             index_text(op.index)};
          },
          [](const AddUnique& op) {
            return IssueText{"unique constraint " + op.unique.name + " on " + op.table,
                             "UNIQUE (" + join(op.unique.columns) + ")", ""};
          },
          [](const DropUnique& op) {
            return IssueText{"unique constraint " + op.unique.name + " on " + op.table, "",
                             "UNIQUE (" + join(op.unique.columns) + ")"};
          },
          [](const AddForeignKey& op) {
            return IssueText{"foreign key " + op.foreign_key.name + " on " + op.table,
                             foreign_key_text(op.foreign_key), ""};
          },
          [](const DropForeignKey& op) {
            return IssueText{"foreign key " + op.foreign_key.name + " on " + op.table, "",
                             foreign_key_text(op.foreign_key)};
          },
          [](const AddCheck& op) {
            return IssueText{"check " + op.check.name + " on " + op.table,
                             "CHECK (" + op.check.expression + ")", ""};
          },
          [](const DropCheck& op) {
            return IssueText{"check " + op.check.name + " on " + op.table, "",
                             "CHECK (" + op.check.expression + ")"};
          },
          [](const CreateEnum& op) {
            return IssueText{"enum " + op.enum_type.name, enum_text(op.enum_type), ""};
          },
          [](const DropEnum& op) {
            return IssueText{"enum " + op.enum_type.name, "", enum_text(op.enum_type)};
          },
          [](const AddEnumValue& op) {
            return IssueText{"enum " + op.enum_name + " label " + quoted(op.label),
                             "label at position " + std::to_string(op.position), ""};
          },
          [](const DropEnumValue& op) {
            return IssueText{"enum " + op.enum_name + " label " + quoted(op.label), "",
                             "label at position " + std::to_string(op.position)};
          },
          [](const Execute& op) {
            return IssueText{"sql", op.sql, ""};
          },
      },
      fix);
}

}  // namespace tempest
