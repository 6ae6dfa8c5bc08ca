#include "codegen/operation_source.hpp"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "codegen/cpp_literal.hpp"
#include "schema/quoted.hpp"
#include "tempest/error.hpp"

namespace tempest::codegen {

namespace {

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

// Names the table and column: "table \"posts\": column \"title\": ...". Built only when
// thrown.
ModelError unspellable(const std::string& table, const std::string& column,
                       const std::string& what) {
  return ModelError("table " + quoted(table) + ": column " + quoted(column) + ": " + what +
                    " cannot be written with the tempest::build API");
}

// Adds the source of operations to a tree. Arguments in braced lists are evaluated in order,
// so the first unspellable column is the one an error names.
class SourceWriter {
 public:
  explicit SourceWriter(SourceTree& tree) : tree_(tree) {}

  // One overload per alternative: a new operation does not compile until it can be written.
  NodeId operator()(const CreateTable& op) { return call("create_table", {table(op.table)}); }
  NodeId operator()(const DropTable& op) { return call("drop_table", {table(op.table)}); }
  NodeId operator()(const RenameTable& op) {
    return call("rename_table", {str(op.from), str(op.to)});
  }
  NodeId operator()(const AlterTableComment& op) {
    return call("alter_table_comment", {str(op.table), str(op.from), str(op.to)});
  }
  NodeId operator()(const AddColumn& op) {
    return call("add_column", {str(op.table), column(op.table, op.column)});
  }
  NodeId operator()(const DropColumn& op) {
    return call("drop_column", {str(op.table), column(op.table, op.column)});
  }
  NodeId operator()(const RenameColumn& op) {
    return call("rename_column", {str(op.table), str(op.from), str(op.to)});
  }
  NodeId operator()(const AlterColumn& op) {
    return call("alter_column",
                {str(op.table), column(op.table, *op.from), column(op.table, *op.to)});
  }
  NodeId operator()(const AlterPrimaryKey& op) {
    return call("alter_primary_key", {str(op.table), primary_key(op.from), primary_key(op.to)});
  }
  NodeId operator()(const CreateIndex& op) {
    return call("create_index", {str(op.table), index(op.index)});
  }
  NodeId operator()(const DropIndex& op) {
    return call("drop_index", {str(op.table), index(op.index)});
  }
  NodeId operator()(const AddUnique& op) {
    return call("add_unique", {str(op.table), unique(op.unique)});
  }
  NodeId operator()(const DropUnique& op) {
    return call("drop_unique", {str(op.table), unique(op.unique)});
  }
  NodeId operator()(const AddForeignKey& op) {
    return call("add_foreign_key", {str(op.table), foreign_key(op.foreign_key)});
  }
  NodeId operator()(const DropForeignKey& op) {
    return call("drop_foreign_key", {str(op.table), foreign_key(op.foreign_key)});
  }
  NodeId operator()(const AddCheck& op) {
    return call("add_check", {str(op.table), check(op.check)});
  }
  NodeId operator()(const DropCheck& op) {
    return call("drop_check", {str(op.table), check(op.check)});
  }
  NodeId operator()(const CreateEnum& op) {
    return call("create_enum", {str(op.enum_type.name), names(op.enum_type.labels)});
  }
  NodeId operator()(const DropEnum& op) {
    return call("drop_enum", {str(op.enum_type.name), names(op.enum_type.labels)});
  }
  NodeId operator()(const AddEnumValue& op) {
    return call("add_enum_value", {str(op.enum_name), str(op.label), number(op.position)});
  }
  NodeId operator()(const DropEnumValue& op) {
    return call("drop_enum_value", {str(op.enum_name), str(op.label), number(op.position)});
  }
  NodeId operator()(const Execute& op) {
    if (!op.reverse_sql) return call("execute", {str(op.sql)});
    return call("execute", {str(op.sql), str(*op.reverse_sql)});
  }

 private:
  NodeId call(std::string_view name, std::initializer_list<NodeId> args = {}) {
    return tree_.call(name, args);
  }

  NodeId str(const std::string& text) {
    // One line (nearly every name) is one literal, which is all readable_literal would give.
    if (text.find('\n') != std::string::npos) return tree_.stack(readable_literal(text));
    literal_.clear();
    append_string_literal(literal_, text);
    return tree_.atom(literal_);
  }

  NodeId number(std::size_t value) { return tree_.atom(std::to_string(value)); }

  NodeId names(const std::vector<std::string>& values) {
    const NodeId list = tree_.list(false);
    for (const std::string& value : values) tree_.add(list, str(value));
    return list;
  }

  // `name(value)` when the type carries the optional argument, `name()` otherwise.
  NodeId with_optional(std::string_view name, const std::optional<int>& value) {
    if (!value) return call(name);
    return call(name, {tree_.atom(std::to_string(*value))});
  }

  NodeId type(const ColumnType& type, const std::string& table, const std::string& column) {
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
        if (type.scale && !type.precision) {
          throw unspellable(table, column, "a numeric scale without a precision");
        }
        if (!type.scale) return with_optional("numeric", type.precision);
        return call("numeric", {tree_.atom(std::to_string(*type.precision)),
                                tree_.atom(std::to_string(*type.scale))});
      case TypeKind::Text:
        return call("text");
      case TypeKind::Varchar:
        if (!type.length) throw unspellable(table, column, "varchar without a length");
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
    throw unspellable(table, column, "type kind " + std::to_string(static_cast<int>(type.kind)));
  }

  NodeId column(const std::string& table, const Column& column) {
    NodeId node = call("column", {str(column.name), type(column.type, table, column.name)});
    if (column.nullable) node = tree_.then(node, call(".nullable"));
    if (column.default_value) {
      const bool literal = column.default_value->kind == DefaultKind::Literal;
      node = tree_.then(node, call(literal ? ".default_literal" : ".default_sql",
                                   {str(column.default_value->value)}));
    }
    switch (column.identity) {
      case Identity::None:
        break;
      case Identity::ByDefault:
        node = tree_.then(node, call(".identity"));
        break;
      case Identity::Always:
        node = tree_.then(node, call(".identity_always"));
        break;
      case Identity::Autoincrement:
        node = tree_.then(node, call(".autoincrement"));
        break;
    }
    if (!column.comment.empty()) node = tree_.then(node, call(".comment", {str(column.comment)}));
    if (!column.renamed_from.empty()) {
      node = tree_.then(node, call(".renamed_from", {str(column.renamed_from)}));
    }
    return node;
  }

  NodeId primary_key(const std::optional<PrimaryKey>& key) {
    if (!key) return tree_.atom("no_primary_key");
    return call("primary_key", {str(key->name), names(key->columns)});
  }

  NodeId index_key(const IndexKey& key) {
    const NodeId base =
        key.expression.empty() ? str(key.column) : call("expr", {str(key.expression)});
    if (!key.descending) return base;
    return call("desc", {base});
  }

  NodeId index(const Index& index) {
    NodeId keys;
    if (index.keys.empty()) {
      // index("ix", {}) would pick POSIX index(const char*, int) from <strings.h>.
      keys = tree_.atom("std::vector<IndexKeyBuilder>{}");
    } else {
      keys = tree_.list(false);
      for (const IndexKey& key : index.keys) tree_.add(keys, index_key(key));
    }
    NodeId node = call("index", {str(index.name), keys});
    if (index.unique) node = tree_.then(node, call(".unique"));
    if (!index.where.empty()) node = tree_.then(node, call(".where", {str(index.where)}));
    return node;
  }

  NodeId foreign_key(const ForeignKey& key) {
    NodeId node = call("foreign_key", {str(key.name), names(key.columns), str(key.ref_table),
                                       names(key.ref_columns)});
    if (key.on_delete != ForeignKeyAction::NoAction) {
      node = tree_.then(node, call(".on_delete", {tree_.atom(action_name(key.on_delete))}));
    }
    if (key.on_update != ForeignKeyAction::NoAction) {
      node = tree_.then(node, call(".on_update", {tree_.atom(action_name(key.on_update))}));
    }
    if (key.deferrable != Deferrable::No) {
      node = tree_.then(node, call(".deferrable", {tree_.atom(deferrable_name(key.deferrable))}));
    }
    return node;
  }

  NodeId unique(const UniqueConstraint& unique) {
    return call("unique", {str(unique.name), names(unique.columns)});
  }

  NodeId check(const CheckConstraint& check) {
    return call("check", {str(check.name), str(check.expression)});
  }

  NodeId table(const Table& table) {
    const NodeId columns = tree_.list(true);
    for (const Column& each : table.columns) tree_.add(columns, column(table.name, each));
    NodeId node = call("table", {str(table.name), columns});
    if (table.primary_key) {
      node = tree_.then(node, call(".primary_key", {str(table.primary_key->name),
                                                    names(table.primary_key->columns)}));
    }
    for (const UniqueConstraint& each : table.uniques) {
      node = tree_.then(node, call(".unique", {str(each.name), names(each.columns)}));
    }
    for (const CheckConstraint& each : table.checks) {
      node = tree_.then(node, call(".check", {str(each.name), str(each.expression)}));
    }
    for (const ForeignKey& each : table.foreign_keys) {
      node = tree_.then(node, call(".foreign_key", {foreign_key(each)}));
    }
    for (const Index& each : table.indexes) {
      node = tree_.then(node, call(".index", {index(each)}));
    }
    if (!table.comment.empty()) node = tree_.then(node, call(".comment", {str(table.comment)}));
    if (!table.renamed_from.empty()) {
      node = tree_.then(node, call(".renamed_from", {str(table.renamed_from)}));
    }
    return node;
  }

  SourceTree& tree_;
  std::string literal_;  // reused for every string literal
};

}  // namespace

NodeId operation_source(SourceTree& tree, const Operation& op) {
  return std::visit(SourceWriter(tree), op);
}

}  // namespace tempest::codegen
