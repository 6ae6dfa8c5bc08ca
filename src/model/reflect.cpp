// reflect_schema: model specs -> Schema IR, with names from the convention and validation.

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "model/naming.hpp"
#include "schema/quoted.hpp"
#include "tempest/error.hpp"
#include "tempest/model.hpp"

namespace tempest {

namespace {

class Reflector {
 public:
  explicit Reflector(const std::vector<ModelSpec>& models) : models_(models) {
    for (std::size_t i = 0; i < models_.size(); ++i) {
      const ModelSpec& model = models_[i];
      if (!by_type_.emplace(model.model, i).second)
        fail(model, "declared twice in the list of models");
    }
  }

  Schema run() {
    Schema schema;
    for (const ModelSpec& model : models_) schema.tables.push_back(reflect_table(model));
    for (auto& [name, enum_type] : enums_) schema.enums.push_back(enum_type);
    canonicalize(schema);
    check_unique_names(schema);
    for (const ModelSpec& model : models_)
      check_references(model, *find_table(schema, model.table), schema);
    return schema;
  }

 private:
  [[noreturn]] static void fail(const ModelSpec& model, const std::string& what) {
    throw ModelError("model " + model.model_name + " (table " + quoted(model.table) + "): " + what);
  }

  static void check_identifier(const ModelSpec& model, std::string_view kind,
                               const std::string& name) {
    if (name.empty()) fail(model, std::string(kind) + " has an empty name");
    if (name.size() > naming::max_identifier_bytes)
      fail(model, std::string(kind) + " " + quoted(name) + " is " + std::to_string(name.size()) +
                      " bytes long; identifiers are limited to 63 bytes (PostgreSQL)");
  }

  // The column a member of `model` is bound to.
  static const std::string& column_of(const ModelSpec& model, const MemberRef& member,
                                      std::string_view used_by) {
    for (const ColumnSpec& column : model.columns)
      if (column.member == member) return column.column.name;
    fail(model, std::string(used_by) + " names a member that is not declared as a column");
  }

  std::vector<std::string> columns_of(const ModelSpec& model, const std::vector<MemberRef>& members,
                                      std::string_view used_by) const {
    std::vector<std::string> names;
    for (const MemberRef& member : members) {
      if (member.owner() != model.model)
        fail(model, std::string(used_by) + " names a member of another model");
      names.push_back(column_of(model, member, used_by));
    }
    return names;
  }

  ForeignKey reflect_foreign_key(const ModelSpec& model, const ForeignKeySpec& spec,
                                 std::string_view used_by) const {
    if (spec.columns.empty() || spec.ref_columns.empty())
      fail(model, std::string(used_by) +
                      ": foreign key options given without references() / foreign_key()");
    auto target = by_type_.find(spec.ref_columns.front().owner());
    if (target == by_type_.end())
      fail(model, std::string(used_by) +
                      ": foreign key references a model that is not in the list of models");
    const ModelSpec& ref_model = models_[target->second];
    ForeignKey fk;
    fk.columns = columns_of(model, spec.columns, used_by);
    fk.ref_table = ref_model.table;
    for (const MemberRef& member : spec.ref_columns) {
      if (member.owner() != ref_model.model)
        fail(model, std::string(used_by) + ": foreign key references members of two models");
      fk.ref_columns.push_back(column_of(ref_model, member, "a foreign key of " + model.table));
    }
    fk.on_delete = spec.on_delete;
    fk.on_update = spec.on_update;
    fk.deferrable = spec.deferrable;
    fk.name = spec.name.empty() ? naming::foreign_key(model.table, fk.columns, fk.ref_table)
                                : spec.name;
    check_identifier(model, "foreign key", fk.name);
    return fk;
  }

  void collect_enum(const ModelSpec& model, const ColumnSpec& column) {
    const EnumType& enum_type = *column.enum_type;
    check_identifier(model, "enum type", enum_type.name);
    auto [it, added] = enums_.emplace(enum_type.name, enum_type);
    if (!added && it->second.labels != enum_type.labels)
      fail(model, "column " + quoted(column.column.name) + ": enum type " +
                      quoted(enum_type.name) + " is declared with two different label lists");
  }

  Table reflect_table(const ModelSpec& model) {
    check_identifier(model, "table", model.table);
    Table table;
    table.name = model.table;
    table.comment = model.comment;
    table.renamed_from = model.renamed_from;

    std::set<std::string> seen;
    std::vector<std::string> key_columns;
    for (const ColumnSpec& spec : model.columns) {
      const Column& column = spec.column;
      check_identifier(model, "column", column.name);
      if (!seen.insert(column.name).second)
        fail(model, "column " + quoted(column.name) + " is declared twice");
      for (const ColumnSpec& other : model.columns)
        if (&other != &spec && other.member == spec.member)
          fail(model, "columns " + quoted(other.column.name) + " and " + quoted(column.name) +
                          " bind the same member");
      table.columns.push_back(column);
      if (spec.primary_key) key_columns.push_back(column.name);
      if (spec.unique)
        table.uniques.push_back({naming::unique(table.name, {column.name}), {column.name}});
      if (spec.indexed)
        table.indexes.push_back(
            {naming::index(table.name, {IndexKey{column.name, {}, false}}),
             {IndexKey{column.name, {}, false}}, false, {}});
      if (!spec.check.empty())
        table.checks.push_back({naming::column_check(table.name, column.name), spec.check});
      if (spec.foreign_key)
        table.foreign_keys.push_back(
            reflect_foreign_key(model, *spec.foreign_key, "column " + quoted(column.name)));
      if (spec.enum_type) collect_enum(model, spec);
    }

    if (!model.primary_key.empty()) {
      if (!key_columns.empty())
        fail(model, "primary key declared both on columns and on the table");
      key_columns = columns_of(model, model.primary_key, "primary_key()");
    }
    if (key_columns.empty()) fail(model, "no primary key: mark a column .primary_key()");
    for (const std::string& name : key_columns)
      if (find_column(table, name)->nullable)
        fail(model, "column " + quoted(name) + ": a primary key column cannot be std::optional");
    table.primary_key = PrimaryKey{
        model.primary_key_name.empty() ? naming::primary_key(table.name) : model.primary_key_name,
        key_columns};
    check_identifier(model, "primary key", table.primary_key->name);

    for (const IndexSpec& spec : model.indexes) table.indexes.push_back(reflect_index(model, spec));
    for (const UniqueSpec& spec : model.uniques) {
      std::vector<std::string> columns = columns_of(model, spec.columns, "unique()");
      std::string name = spec.name.empty() ? naming::unique(table.name, columns) : spec.name;
      check_identifier(model, "unique constraint", name);
      table.uniques.push_back({std::move(name), std::move(columns)});
    }
    for (const ForeignKeySpec& spec : model.foreign_keys)
      table.foreign_keys.push_back(reflect_foreign_key(model, spec, "foreign_key()"));
    for (const CheckConstraint& check : model.checks) {
      check_identifier(model, "check constraint", check.name);
      if (check.expression.empty())
        fail(model, "check constraint " + quoted(check.name) + " has an empty expression");
      table.checks.push_back(check);
    }
    canonicalize(table);
    return table;
  }

  Index reflect_index(const ModelSpec& model, const IndexSpec& spec) const {
    Index index;
    for (const IndexKeySpec& key_spec : spec.keys) {
      IndexKey key;
      key.descending = key_spec.descending;
      if (key_spec.member) {
        key.column = columns_of(model, {*key_spec.member}, "index()").front();
      } else if (key_spec.expression.empty()) {
        fail(model, "index() has an empty expression key");
      } else {
        key.expression = key_spec.expression;
      }
      index.keys.push_back(std::move(key));
    }
    index.unique = spec.unique;
    index.where = spec.where;
    index.name = spec.name.empty() ? naming::index(model.table, index.keys) : spec.name;
    check_identifier(model, "index", index.name);
    return index;
  }

  // Tables, indexes, primary keys and unique constraints share one namespace per schema in
  // PostgreSQL (pg_class), and index names are schema-wide in SQLite; foreign keys and checks
  // are named per table.
  void check_unique_names(const Schema& schema) const {
    std::map<std::string, std::string> relation_owner;
    auto claim = [&](const std::string& name, const Table& table, std::string_view kind) {
      auto [it, added] = relation_owner.emplace(name, table.name);
      if (!added)
        fail(model_of(table), std::string(kind) + " " + quoted(name) +
                                  " has the name of another table, index or constraint (in "
                                  "table " + quoted(it->second) + ")");
    };
    for (const Table& table : schema.tables) claim(table.name, table, "table");
    for (const Table& table : schema.tables) {
      if (table.primary_key) claim(table.primary_key->name, table, "primary key");
      for (const Index& index : table.indexes) claim(index.name, table, "index");
      for (const UniqueConstraint& unique : table.uniques) claim(unique.name, table, "unique");
      std::set<std::string> local;
      for (const ForeignKey& fk : table.foreign_keys)
        if (!local.insert(fk.name).second)
          fail(model_of(table), "foreign key " + quoted(fk.name) + " is declared twice");
      for (const CheckConstraint& check : table.checks)
        if (!local.insert(check.name).second)
          fail(model_of(table), "check " + quoted(check.name) + " has the name of another "
                                "constraint of the table");
    }
  }

  // A foreign key must reference the primary key or a unique set of columns: both engines
  // require it (PostgreSQL rejects the constraint; SQLite fails at the first write).
  void check_references(const ModelSpec& model, const Table& table, const Schema& schema) const {
    for (const ForeignKey& fk : table.foreign_keys) {
      const Table& target = *find_table(schema, fk.ref_table);
      std::set<std::string> wanted(fk.ref_columns.begin(), fk.ref_columns.end());
      auto same = [&](const std::vector<std::string>& columns) {
        return std::set<std::string>(columns.begin(), columns.end()) == wanted;
      };
      bool ok = target.primary_key && same(target.primary_key->columns);
      for (const UniqueConstraint& unique : target.uniques) ok = ok || same(unique.columns);
      for (const Index& index : target.indexes) {
        if (!index.unique || !index.where.empty()) continue;
        std::vector<std::string> columns;
        for (const IndexKey& key : index.keys)
          if (key.expression.empty()) columns.push_back(key.column);
        ok = ok || (columns.size() == index.keys.size() && same(columns));
      }
      if (!ok)
        fail(model, "foreign key " + quoted(fk.name) + " references " + quoted(fk.ref_table) +
                        " columns that are neither its primary key nor unique");
    }
  }

  const ModelSpec& model_of(const Table& table) const {
    for (const ModelSpec& model : models_)
      if (model.table == table.name) return model;
    return models_.front();
  }

  const std::vector<ModelSpec>& models_;
  std::unordered_map<std::type_index, std::size_t> by_type_;
  std::map<std::string, EnumType> enums_;
};

}  // namespace

Schema reflect_schema(const std::vector<ModelSpec>& models) { return Reflector(models).run(); }

}  // namespace tempest
