#include "codegen/operation_source.hpp"

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "codegen/cpp_literal.hpp"
#include "tempest/error.hpp"

namespace tempest::codegen {

namespace {

using Nodes = std::vector<SourceNode>;

SourceNode str(const std::string& text) { return SourceNode::stack(readable_literal(text)); }

SourceNode number(std::size_t value) { return SourceNode::atom(std::to_string(value)); }

SourceNode call(std::string name, Nodes args = {}) {
  return SourceNode::call(std::move(name), std::move(args));
}

SourceNode names(const std::vector<std::string>& values) {
  Nodes elements;
  for (const std::string& value : values) elements.push_back(str(value));
  return SourceNode::list(std::move(elements), false);
}

const char* action_name(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::NoAction:
      return "no_action";
    case ForeignKeyAction::Restrict:
      return "restrict";
    case ForeignKeyAction::Cascade:
      return "cascade";
    case ForeignKeyAction::SetNull:
      return "set_null";
    case ForeignKeyAction::SetDefault:
      return "set_default";
  }
  return "no_action";
}

const char* deferrable_name(Deferrable deferrable) {
  switch (deferrable) {
    case Deferrable::No:
      return "not_deferrable";
    case Deferrable::InitiallyImmediate:
      return "initially_immediate";
    case Deferrable::InitiallyDeferred:
      return "initially_deferred";
  }
  return "not_deferrable";
}

// `name(value)` when the type carries the optional argument, `name()` otherwise.
SourceNode with_optional(const char* name, const std::optional<int>& value) {
  if (!value) return call(name);
  return call(name, {SourceNode::atom(std::to_string(*value))});
}

// `where` names the column for errors: "table \"posts\": column \"title\"".
SourceNode type_source(const ColumnType& type, const std::string& where) {
  auto unspellable = [&](const std::string& what) {
    return ModelError(where + ": " + what + " cannot be written with the tempest::build API");
  };
  switch (type.kind) {
    case TypeKind::Int16:
      return call("smallint");
    case TypeKind::Int32:
      return call("integer");
    case TypeKind::Int64:
      return call("bigint");
    case TypeKind::Bool:
      return call("boolean");
    case TypeKind::Float32:
      return call("real");
    case TypeKind::Float64:
      return call("double_precision");
    case TypeKind::Numeric:
      if (type.scale && !type.precision) throw unspellable("a numeric scale without a precision");
      if (!type.scale) return with_optional("numeric", type.precision);
      return call("numeric", {SourceNode::atom(std::to_string(*type.precision)),
                              SourceNode::atom(std::to_string(*type.scale))});
    case TypeKind::Text:
      return call("text");
    case TypeKind::Varchar:
      if (!type.length) throw unspellable("varchar without a length");
      return with_optional("varchar", type.length);
    case TypeKind::Bytes:
      return call("bytes");
    case TypeKind::Date:
      return call("date");
    case TypeKind::Time:
      return with_optional("time", type.precision);
    case TypeKind::Timestamp:
      return with_optional("timestamp", type.precision);
    case TypeKind::TimestampTz:
      return with_optional("timestamptz", type.precision);
    case TypeKind::Uuid:
      return call("uuid");
    case TypeKind::Json:
      return call("json");
    case TypeKind::Enum:
      return call("enum_of", {str(type.enum_name)});
    case TypeKind::Custom:
      return call("custom", {str(type.raw)});
  }
  throw unspellable("type kind " + std::to_string(static_cast<int>(type.kind)));
}

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

SourceNode column_source(const std::string& table, const Column& column) {
  const std::string where = "table " + quoted(table) + ": column " + quoted(column.name);
  Nodes calls;
  if (column.nullable) calls.push_back(call(".nullable"));
  if (column.default_value) {
    const bool literal = column.default_value->kind == DefaultKind::Literal;
    calls.push_back(
        call(literal ? ".default_literal" : ".default_sql", {str(column.default_value->value)}));
  }
  switch (column.identity) {
    case Identity::None:
      break;
    case Identity::ByDefault:
      calls.push_back(call(".identity"));
      break;
    case Identity::Always:
      calls.push_back(call(".identity_always"));
      break;
    case Identity::Autoincrement:
      calls.push_back(call(".autoincrement"));
      break;
  }
  if (!column.comment.empty()) calls.push_back(call(".comment", {str(column.comment)}));
  if (!column.renamed_from.empty()) {
    calls.push_back(call(".renamed_from", {str(column.renamed_from)}));
  }
  return SourceNode::chain(call("column", {str(column.name), type_source(column.type, where)}),
                           std::move(calls));
}

SourceNode primary_key_source(const std::optional<PrimaryKey>& key) {
  if (!key) return SourceNode::atom("no_primary_key");
  return call("primary_key", {str(key->name), names(key->columns)});
}

SourceNode index_key_source(const IndexKey& key) {
  SourceNode base = key.expression.empty() ? str(key.column) : call("expr", {str(key.expression)});
  if (!key.descending) return base;
  return call("desc", {std::move(base)});
}

SourceNode index_source(const Index& index) {
  Nodes keys;
  for (const IndexKey& key : index.keys) keys.push_back(index_key_source(key));
  // index("ix", {}) would pick POSIX index(const char*, int) from <strings.h>.
  SourceNode key_list = keys.empty() ? SourceNode::atom("std::vector<IndexKeyBuilder>{}")
                                     : SourceNode::list(std::move(keys), false);
  Nodes calls;
  if (index.unique) calls.push_back(call(".unique"));
  if (!index.where.empty()) calls.push_back(call(".where", {str(index.where)}));
  return SourceNode::chain(call("index", {str(index.name), std::move(key_list)}), std::move(calls));
}

SourceNode foreign_key_source(const ForeignKey& key) {
  Nodes calls;
  if (key.on_delete != ForeignKeyAction::NoAction) {
    calls.push_back(call(".on_delete", {SourceNode::atom(action_name(key.on_delete))}));
  }
  if (key.on_update != ForeignKeyAction::NoAction) {
    calls.push_back(call(".on_update", {SourceNode::atom(action_name(key.on_update))}));
  }
  if (key.deferrable != Deferrable::No) {
    calls.push_back(call(".deferrable", {SourceNode::atom(deferrable_name(key.deferrable))}));
  }
  return SourceNode::chain(call("foreign_key", {str(key.name), names(key.columns),
                                                str(key.ref_table), names(key.ref_columns)}),
                           std::move(calls));
}

SourceNode unique_source(const UniqueConstraint& unique) {
  return call("unique", {str(unique.name), names(unique.columns)});
}

SourceNode check_source(const CheckConstraint& check) {
  return call("check", {str(check.name), str(check.expression)});
}

SourceNode table_source(const Table& table) {
  Nodes columns;
  for (const Column& column : table.columns) columns.push_back(column_source(table.name, column));
  Nodes calls;
  if (table.primary_key) {
    calls.push_back(
        call(".primary_key", {str(table.primary_key->name), names(table.primary_key->columns)}));
  }
  for (const UniqueConstraint& unique : table.uniques) {
    calls.push_back(call(".unique", {str(unique.name), names(unique.columns)}));
  }
  for (const CheckConstraint& check : table.checks) {
    calls.push_back(call(".check", {str(check.name), str(check.expression)}));
  }
  for (const ForeignKey& key : table.foreign_keys) {
    calls.push_back(call(".foreign_key", {foreign_key_source(key)}));
  }
  for (const Index& index : table.indexes) calls.push_back(call(".index", {index_source(index)}));
  if (!table.comment.empty()) calls.push_back(call(".comment", {str(table.comment)}));
  if (!table.renamed_from.empty()) {
    calls.push_back(call(".renamed_from", {str(table.renamed_from)}));
  }
  return SourceNode::chain(
      call("table", {str(table.name), SourceNode::list(std::move(columns), true)}),
      std::move(calls));
}

// One overload per alternative: a new operation does not compile until it can be written.
struct OperationSource {
  SourceNode operator()(const CreateTable& op) const {
    return call("create_table", {table_source(op.table)});
  }
  SourceNode operator()(const DropTable& op) const {
    return call("drop_table", {table_source(op.table)});
  }
  SourceNode operator()(const RenameTable& op) const {
    return call("rename_table", {str(op.from), str(op.to)});
  }
  SourceNode operator()(const AlterTableComment& op) const {
    return call("alter_table_comment", {str(op.table), str(op.from), str(op.to)});
  }
  SourceNode operator()(const AddColumn& op) const {
    return call("add_column", {str(op.table), column_source(op.table, op.column)});
  }
  SourceNode operator()(const DropColumn& op) const {
    return call("drop_column", {str(op.table), column_source(op.table, op.column)});
  }
  SourceNode operator()(const RenameColumn& op) const {
    return call("rename_column", {str(op.table), str(op.from), str(op.to)});
  }
  SourceNode operator()(const AlterColumn& op) const {
    return call("alter_column",
                {str(op.table), column_source(op.table, op.from), column_source(op.table, op.to)});
  }
  SourceNode operator()(const AlterPrimaryKey& op) const {
    return call("alter_primary_key",
                {str(op.table), primary_key_source(op.from), primary_key_source(op.to)});
  }
  SourceNode operator()(const CreateIndex& op) const {
    return call("create_index", {str(op.table), index_source(op.index)});
  }
  SourceNode operator()(const DropIndex& op) const {
    return call("drop_index", {str(op.table), index_source(op.index)});
  }
  SourceNode operator()(const AddUnique& op) const {
    return call("add_unique", {str(op.table), unique_source(op.unique)});
  }
  SourceNode operator()(const DropUnique& op) const {
    return call("drop_unique", {str(op.table), unique_source(op.unique)});
  }
  SourceNode operator()(const AddForeignKey& op) const {
    return call("add_foreign_key", {str(op.table), foreign_key_source(op.foreign_key)});
  }
  SourceNode operator()(const DropForeignKey& op) const {
    return call("drop_foreign_key", {str(op.table), foreign_key_source(op.foreign_key)});
  }
  SourceNode operator()(const AddCheck& op) const {
    return call("add_check", {str(op.table), check_source(op.check)});
  }
  SourceNode operator()(const DropCheck& op) const {
    return call("drop_check", {str(op.table), check_source(op.check)});
  }
  SourceNode operator()(const CreateEnum& op) const {
    return call("create_enum", {str(op.enum_type.name), names(op.enum_type.labels)});
  }
  SourceNode operator()(const DropEnum& op) const {
    return call("drop_enum", {str(op.enum_type.name), names(op.enum_type.labels)});
  }
  SourceNode operator()(const AddEnumValue& op) const {
    return call("add_enum_value", {str(op.enum_name), str(op.label), number(op.position)});
  }
  SourceNode operator()(const DropEnumValue& op) const {
    return call("drop_enum_value", {str(op.enum_name), str(op.label), number(op.position)});
  }
  SourceNode operator()(const Execute& op) const {
    if (!op.reverse_sql) return call("execute", {str(op.sql)});
    return call("execute", {str(op.sql), str(*op.reverse_sql)});
  }
};

}  // namespace

SourceNode operation_source(const Operation& op) { return std::visit(OperationSource{}, op); }

}  // namespace tempest::codegen
