#include <algorithm>
#include <cctype>
#include <string>
#include <variant>
#include <vector>

#include "dialect/postgres/changes.hpp"
#include "dialect/postgres/definitions.hpp"
#include "dialect/postgres/identifier_limit.hpp"
#include "dialect/postgres/object_names.hpp"
#include "dialect/postgres/outside_transaction.hpp"
#include "dialect/postgres/postgres_dialect.hpp"
#include "tempest/error.hpp"

// Every operation maps to native DDL: PostgreSQL alters columns, constraints and enum types in
// place, and all of it is transactional, so each operation is one transactional step (hand-
// written SQL excepted, see must_run_outside_transaction).

namespace tempest::postgres {

namespace {

std::string create_table_sql(const Table& table, const std::string& schema) {
  std::vector<std::string> parts;
  for (const Column& column : table.columns) {
    parts.push_back(column_definition(column, schema, table.name));
  }
  if (table.primary_key) parts.push_back(primary_key_clause(table.name, *table.primary_key));
  for (const UniqueConstraint& unique : table.uniques) {
    parts.push_back(unique_clause(table.name, unique));
  }
  for (const CheckConstraint& check : table.checks)
    parts.push_back(check_clause(table.name, check));
  for (const ForeignKey& key : table.foreign_keys) {
    parts.push_back(foreign_key_clause(table.name, key, schema));
  }
  std::string out = "CREATE TABLE " + qualified(schema, table.name) + " (";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? ",\n  " : "\n  ") + parts[i];
  return out + "\n)";
}

// Hand-written SQL is kept as written, less the trailing semicolon the step format omits.
std::string without_terminator(std::string sql) {
  while (!sql.empty() &&
         (sql.back() == ';' || std::isspace(static_cast<unsigned char>(sql.back())))) {
    sql.pop_back();
  }
  return sql;
}

struct Renderer {
  const Schema& current;
  const std::string& schema;

  [[nodiscard]] std::string table(const std::string& name) const { return qualified(schema, name); }
  [[nodiscard]] std::string alter(const std::string& name) const {
    return "ALTER TABLE " + table(name) + " ";
  }
  [[nodiscard]] std::string drop_constraint(const std::string& table_name,
                                            const std::string& name) const {
    return alter(table_name) + "DROP CONSTRAINT " + quote_ident(name);
  }

  std::vector<std::string> operator()(const CreateTable& op) const {
    std::vector<std::string> out = {create_table_sql(op.table, schema)};
    for (const Index& index : op.table.indexes) {
      out.push_back(create_index_sql(op.table.name, index, schema));
    }
    if (!op.table.comment.empty()) {
      out.push_back(table_comment_sql(op.table.name, op.table.comment, schema));
    }
    for (const Column& column : op.table.columns) {
      if (!column.comment.empty()) {
        out.push_back(column_comment_sql(op.table.name, column.name, column.comment, schema));
      }
    }
    return out;
  }
  std::vector<std::string> operator()(const DropTable& op) const {
    return {"DROP TABLE " + table(op.table.name)};
  }
  std::vector<std::string> operator()(const RenameTable& op) const {
    return {alter(op.from) + "RENAME TO " + quote_ident(op.to)};
  }
  std::vector<std::string> operator()(const AlterTableComment& op) const {
    return {table_comment_sql(op.table, op.to, schema)};
  }
  std::vector<std::string> operator()(const AddColumn& op) const {
    std::vector<std::string> out = {alter(op.table) + "ADD COLUMN " +
                                    column_definition(op.column, schema, op.table)};
    if (!op.column.comment.empty()) {
      out.push_back(column_comment_sql(op.table, op.column.name, op.column.comment, schema));
    }
    return out;
  }
  std::vector<std::string> operator()(const DropColumn& op) const {
    return {alter(op.table) + "DROP COLUMN " + quote_ident(op.column.name)};
  }
  std::vector<std::string> operator()(const RenameColumn& op) const {
    return {alter(op.table) + "RENAME COLUMN " + quote_ident(op.from) + " TO " +
            quote_ident(op.to)};
  }
  std::vector<std::string> operator()(const AlterColumn& op) const {
    return alter_column_statements(op, schema);
  }
  std::vector<std::string> operator()(const AlterPrimaryKey& op) const {
    std::vector<std::string> out;
    if (op.from) {
      out.push_back(drop_constraint(op.table, primary_key_name(op.table, *op.from)));
      // ADD PRIMARY KEY made the key's columns NOT NULL and dropping it does not undo that:
      // columns the IR declares nullable and the new key leaves out get NULL back.
      const Table* table = find_table(current, op.table);
      for (const std::string& name : op.from->columns) {
        const Column* column = table == nullptr ? nullptr : find_column(*table, name);
        bool kept = op.to && std::find(op.to->columns.begin(), op.to->columns.end(), name) !=
                                 op.to->columns.end();
        if (column != nullptr && column->nullable && column->identity == Identity::None && !kept) {
          out.push_back(alter(op.table) + "ALTER COLUMN " + quote_ident(name) + " DROP NOT NULL");
        }
      }
    }
    if (op.to) out.push_back(alter(op.table) + "ADD " + primary_key_clause(op.table, *op.to));
    return out;
  }
  std::vector<std::string> operator()(const CreateIndex& op) const {
    return {create_index_sql(op.table, op.index, schema)};
  }
  std::vector<std::string> operator()(const DropIndex& op) const {
    return {"DROP INDEX " + table(index_name(op.table, op.index))};
  }
  std::vector<std::string> operator()(const AddUnique& op) const {
    return {alter(op.table) + "ADD " + unique_clause(op.table, op.unique)};
  }
  std::vector<std::string> operator()(const DropUnique& op) const {
    return {drop_constraint(op.table, unique_name(op.table, op.unique))};
  }
  std::vector<std::string> operator()(const AddForeignKey& op) const {
    return {alter(op.table) + "ADD " + foreign_key_clause(op.table, op.foreign_key, schema)};
  }
  std::vector<std::string> operator()(const DropForeignKey& op) const {
    return {drop_constraint(op.table, foreign_key_name(op.table, op.foreign_key))};
  }
  std::vector<std::string> operator()(const AddCheck& op) const {
    return {alter(op.table) + "ADD " + check_clause(op.table, op.check)};
  }
  std::vector<std::string> operator()(const DropCheck& op) const {
    return {drop_constraint(op.table, check_name(op.table, op.check))};
  }
  std::vector<std::string> operator()(const CreateEnum& op) const {
    std::string labels;
    for (const std::string& label : op.enum_type.labels) {
      labels += (labels.empty() ? "" : ", ") + quote_literal(label);
    }
    return {"CREATE TYPE " + table(op.enum_type.name) + " AS ENUM (" + labels + ")"};
  }
  std::vector<std::string> operator()(const DropEnum& op) const {
    return {"DROP TYPE " + table(op.enum_type.name)};
  }
  std::vector<std::string> operator()(const AddEnumValue& op) const {
    // An append never rewrites a table. Since PostgreSQL 12 ADD VALUE may run in a
    // transaction block, but the new label cannot be used before that transaction commits
    // (https://www.postgresql.org/docs/15/sql-altertype.html#id-1.9.3.42.7): a migration that
    // adds a label and stores it in the same transaction fails with "unsafe use of new
    // value". So the step runs on its own (see render_operations), and IF NOT EXISTS makes
    // it safe to repeat when a run stopped right after it.
    std::string out = "ALTER TYPE " + table(op.enum_name) + " ADD VALUE IF NOT EXISTS " +
                      quote_literal(op.label);
    const EnumType* type = find_enum(current, op.enum_name);
    if (type != nullptr && op.position < type->labels.size()) {
      out += " BEFORE " + quote_literal(type->labels[op.position]);
    }
    return {out};
  }
  std::vector<std::string> operator()(const DropEnumValue& op) const {
    return drop_enum_value_statements(op, current, schema);
  }
  std::vector<std::string> operator()(const Execute& op) const {
    return {without_terminator(op.sql)};
  }
};

}  // namespace

std::vector<RenderedStep> render_operations(const std::vector<Operation>& ops, const Schema& before,
                                            const std::string& schema_name) {
  // Each operation is rendered against the schema the previous ones leave, which apply()
  // computes and validates (ModelError when an operation does not fit).
  Schema current = before;
  std::vector<RenderedStep> steps;
  steps.reserve(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    try {
      require_short_new_names(ops[i]);
    } catch (const UnsupportedError& e) {
      throw UnsupportedError("operation " + std::to_string(i) + " (" +
                             std::string(operation_name(ops[i])) + "): " + e.what());
    }
    RenderedStep step;
    step.description = describe(ops[i]);
    step.statements = std::visit(Renderer{current, schema_name}, ops[i]);
    // Hand-written SQL may hold a statement PostgreSQL refuses in a transaction block, and
    // a new enum label must be committed before later steps can use it: the runner runs
    // such steps on their own, outside any transaction, recording its progress.
    if (const auto* execute = std::get_if<Execute>(&ops[i])) {
      step.transactional = !must_run_outside_transaction(execute->sql);
    } else if (std::holds_alternative<AddEnumValue>(ops[i])) {
      step.transactional = false;
    }
    try {
      apply(current, ops[i]);
    } catch (const ModelError& e) {
      throw ModelError("operation " + std::to_string(i) + " (" +
                       std::string(operation_name(ops[i])) + "): " + e.what());
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace tempest::postgres
