#include "dialect/sqlite/planner.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "dialect/sqlite/rebuild.hpp"
#include "dialect/sqlite/renderer.hpp"
#include "tempest/error.hpp"

namespace tempest::sqlite {

namespace {

// A table whose statements are held back until its final state is known.
struct Pending {
  std::string table;     // its name now, in the working schema and in the database
  bool created = false;  // created by these operations: CREATE TABLE, nothing to copy
  TableRebuild rebuild;  // source, source_enums, force and changes; target comes at the end
  // (column now, column it takes its values from in the database; empty: none).
  std::vector<std::pair<std::string, std::string>> origins;
  bool flushing = false;
};

bool references(const Table& table, const std::string& name) {
  return std::any_of(table.foreign_keys.begin(), table.foreign_keys.end(),
                     [&](const ForeignKey& key) { return key.ref_table == name; });
}

bool has_enum_column(const Table& table) {
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [](const Column& column) { return column.type.kind == TypeKind::Enum; });
}

bool uses_enum(const Table& table, const std::string& enum_name) {
  return std::any_of(table.columns.begin(), table.columns.end(), [&](const Column& column) {
    return column.type.kind == TypeKind::Enum && column.type.enum_name == enum_name;
  });
}

bool comment_only(const AlterColumn& op) {
  Column from = *op.from;
  from.comment = op.to->comment;
  return from == *op.to;
}

// What a native RENAME COLUMN does to the table as the database holds it.
void rename_column_in(Table& table, const std::string& from, const std::string& to) {
  auto rename = [&](std::vector<std::string>& names) {
    std::replace(names.begin(), names.end(), from, to);
  };
  if (Column* column = find_column(table, from)) column->name = to;
  if (table.primary_key) rename(table.primary_key->columns);
  for (Index& index : table.indexes) {
    for (IndexKey& key : index.keys) {
      if (key.column == from) key.column = to;
    }
  }
  for (UniqueConstraint& unique : table.uniques) rename(unique.columns);
  for (ForeignKey& key : table.foreign_keys) {
    rename(key.columns);
    if (key.ref_table == table.name) rename(key.ref_columns);
  }
}

class Planner {
 public:
  explicit Planner(const Schema& before) : schema_(before) {}

  std::vector<RenderedStep> run(const std::vector<Operation>& ops) {
    for (std::size_t i = 0; i < ops.size(); ++i) {
      try {
        current_ = &ops[i];
        std::visit(*this, ops[i]);
      } catch (const ModelError& e) {
        throw ModelError("operation " + std::to_string(i) + " (" +
                         std::string(operation_name(ops[i])) + "): " + e.what());
      }
    }
    flush_all();
    return std::move(steps_);
  }

  void operator()(const CreateTable& op) {
    apply_current();
    Pending pending;
    pending.table = op.table.name;
    pending.created = true;
    pending.rebuild.changes.push_back(describe(*current_));
    pending_.push_back(std::move(pending));
  }

  void operator()(const DropTable& op) {
    const std::string& name = op.table.name;
    const Pending* pending = find_pending(name);
    const bool created = pending != nullptr && pending->created;
    if (!created) flush_linked(name);
    apply_current();
    erase_pending(name);  // a rebuild of a table about to go is moot
    if (!created) emit({drop_table_sql(name)});
  }

  void operator()(const RenameTable& op) {
    Pending* pending = find_pending(op.from);
    if (pending != nullptr && pending->created) {
      apply_current();
      pending->table = op.to;
      note(op.to);
      return;
    }
    apply_current();
    // SQLite rewrites the foreign keys of other tables (3.26+), as apply does in the IR.
    for (Pending& other : pending_) {
      for (ForeignKey& key : other.rebuild.source.foreign_keys) {
        if (key.ref_table == op.from) key.ref_table = op.to;
      }
    }
    if (pending != nullptr) {
      pending->table = op.to;
      pending->rebuild.source.name = op.to;
    }
    emit({rename_table_sql(op.from, op.to)});
    // The enum CHECKs keep the old table's name in theirs; only a rebuild renames them.
    if (has_enum_column(*find_table(schema_, op.to))) force_rebuild(op.to);
  }

  void operator()(const AlterTableComment&) { apply_current(); }  // SQLite has no comments

  void operator()(const AddColumn& op) {
    const Table* table = find_table(schema_, op.table);
    if (table != nullptr && find_pending(op.table) == nullptr && can_add_column(op.column)) {
      flush_linked(op.table);
      apply_current();
      emit({add_column_sql(schema_, *find_table(schema_, op.table), op.column)});
      return;
    }
    fold(op.table);
    if (Pending* pending = find_pending(op.table))
      pending->origins.emplace_back(op.column.name, "");
  }

  void operator()(const DropColumn& op) {
    const Table* table = find_table(schema_, op.table);
    if (table != nullptr && find_pending(op.table) == nullptr &&
        can_drop_column(schema_, *table, op.column.name)) {
      flush_linked(op.table);
      apply_current();
      emit({drop_column_sql(op.table, op.column.name)});
      return;
    }
    fold(op.table);
    if (Pending* pending = find_pending(op.table)) {
      std::erase_if(pending->origins,
                    [&](const auto& origin) { return origin.first == op.column.name; });
    }
  }

  void operator()(const RenameColumn& op) {
    Pending* pending = find_pending(op.table);
    if (pending != nullptr && pending->created) {
      apply_current();
      note(op.table);
      return;
    }
    if (pending != nullptr && origin_of(*pending, op.from).empty()) {
      // A column the rebuild adds: it is not in the database yet.
      apply_current();
      rename_origin(*pending, op.from, op.to);
      note(op.table);
      return;
    }
    if (pending != nullptr && find_column(pending->rebuild.source, op.to) != nullptr) {
      flush(op.table);  // the database still has a column of that name, one the rebuild drops
      pending = nullptr;
    }
    if (pending == nullptr) flush_linked(op.table);
    apply_current();
    // A native rename: SQLite also rewrites the indexes, triggers, views and the foreign keys
    // of other tables that name the column (https://sqlite.org/lang_altertable.html).
    emit({rename_column_sql(op.table, op.from, op.to)});
    for (Pending& other : pending_) {
      for (ForeignKey& key : other.rebuild.source.foreign_keys) {
        if (key.ref_table == op.table) {
          std::replace(key.ref_columns.begin(), key.ref_columns.end(), op.from, op.to);
        }
      }
    }
    if (pending != nullptr) {
      rename_column_in(pending->rebuild.source, op.from, op.to);
      rename_origin(*pending, op.from, op.to);
    }
    const Column* column = find_column(*find_table(schema_, op.table), op.to);
    if (column != nullptr && column->type.kind == TypeKind::Enum) force_rebuild(op.table);
  }

  void operator()(const AlterColumn& op) {
    if (comment_only(op)) {
      apply_current();  // SQLite has no comments
      return;
    }
    fold(op.table);
  }

  void operator()(const AlterPrimaryKey& op) { fold(op.table); }
  void operator()(const AddUnique& op) { fold(op.table); }
  void operator()(const DropUnique& op) { fold(op.table); }
  void operator()(const AddForeignKey& op) { fold(op.table); }
  void operator()(const DropForeignKey& op) { fold(op.table); }
  void operator()(const AddCheck& op) { fold(op.table); }
  void operator()(const DropCheck& op) { fold(op.table); }

  void operator()(const CreateIndex& op) {
    index_change(op.table, [&] { return create_index_sql(op.table, op.index); });
  }
  void operator()(const DropIndex& op) {
    index_change(op.table, [&] { return drop_index_sql(op.index); });
  }

  // SQLite has no enum types: the labels live in the CHECK of each column using the enum.
  void operator()(const CreateEnum&) { apply_current(); }
  void operator()(const DropEnum&) { apply_current(); }
  void operator()(const AddEnumValue& op) { enum_change(op.enum_name); }
  void operator()(const DropEnumValue& op) { enum_change(op.enum_name); }

  void operator()(const Execute& op) {
    flush_all();
    apply_current();
    emit({op.sql});
  }

 private:
  void apply_current() { apply(schema_, *current_); }

  void emit(std::vector<std::string> statements) {
    RenderedStep step;
    step.description = describe(*current_);
    step.statements = std::move(statements);
    steps_.push_back(std::move(step));
  }

  Pending* find_pending(const std::string& table) {
    auto it = std::find_if(pending_.begin(), pending_.end(),
                           [&](const Pending& p) { return p.table == table; });
    return it == pending_.end() ? nullptr : &*it;
  }

  void erase_pending(const std::string& table) {
    std::erase_if(pending_, [&](const Pending& p) { return p.table == table; });
  }

  // Holds `table` back from its state now (before the current operation).
  Pending& ensure_pending(const std::string& table) {
    if (Pending* pending = find_pending(table)) return *pending;
    Pending pending;
    pending.table = table;
    pending.rebuild.source = *find_table(schema_, table);
    pending.rebuild.source_enums = schema_.enums;
    for (const Column& column : pending.rebuild.source.columns) {
      pending.origins.emplace_back(column.name, column.name);
    }
    pending_.push_back(std::move(pending));
    return pending_.back();
  }

  void note(const std::string& table) {
    find_pending(table)->rebuild.changes.push_back(describe(*current_));
  }

  // The current operation joins the rebuild of `table`.
  void fold(const std::string& table) {
    if (find_table(schema_, table) == nullptr) {
      apply_current();  // throws the ModelError naming the missing table
      return;
    }
    ensure_pending(table);
    apply_current();
    note(table);
  }

  void force_rebuild(const std::string& table) {
    Pending& pending = ensure_pending(table);
    pending.rebuild.force = true;
    pending.rebuild.changes.push_back("rename the CHECKs of the enum columns of table \"" + table +
                                      "\"");
  }

  template <class Render>
  void index_change(const std::string& table, Render render) {
    if (find_table(schema_, table) != nullptr && find_pending(table) != nullptr) {
      fold(table);
      return;
    }
    apply_current();
    emit({render()});
  }

  void enum_change(const std::string& enum_name) {
    std::vector<std::string> users;
    for (const Table& table : schema_.tables) {
      if (uses_enum(table, enum_name)) users.push_back(table.name);
    }
    for (const std::string& table : users) ensure_pending(table);
    apply_current();
    for (const std::string& table : users) note(table);
  }

  static std::string origin_of(const Pending& pending, const std::string& column) {
    for (const auto& [now, origin] : pending.origins) {
      if (now == column) return origin;
    }
    return {};
  }

  static void rename_origin(Pending& pending, const std::string& from, const std::string& to) {
    for (auto& [now, origin] : pending.origins) {
      if (now == from) {
        now = to;
        if (origin == from) origin = to;
      }
    }
  }

  // Writes the pending tables that share a foreign key with `table`, in either direction,
  // before a native statement on it: the statement may rely on their final state (a parent
  // key) or they on its old one (DROP TABLE of a parent they stop referencing).
  void flush_linked(const std::string& table) {
    std::vector<std::string> linked;
    const Table* subject = find_table(schema_, table);
    for (const Pending& pending : pending_) {
      if (pending.table == table) continue;
      const Table* now = find_table(schema_, pending.table);
      if ((!pending.created && references(pending.rebuild.source, table)) ||
          (now != nullptr && references(*now, table)) ||
          (subject != nullptr && references(*subject, pending.table))) {
        linked.push_back(pending.table);
      }
    }
    for (const std::string& name : linked) flush(name);
  }

  void flush_all() {
    while (!pending_.empty()) flush(pending_.front().table);
  }

  // Writes `table` in its state now; the tables it references first, so that the foreign
  // key check of its rebuild meets their final keys.
  void flush(const std::string& table) {
    Pending* pending = find_pending(table);
    if (pending == nullptr || pending->flushing) return;
    pending->flushing = true;
    const Table target = *find_table(schema_, table);
    for (const ForeignKey& key : target.foreign_keys) {
      if (key.ref_table != table) flush(key.ref_table);
    }
    auto it = std::find_if(pending_.begin(), pending_.end(),
                           [&](const Pending& p) { return p.table == table; });
    Pending done = std::move(*it);
    pending_.erase(it);
    if (done.created) {
      write_created(done, target);
    } else {
      write_rebuild(done, target);
    }
  }

  void write_created(const Pending& done, const Table& target) {
    RenderedStep step;
    for (const std::string& change : done.rebuild.changes) {
      step.description += (step.description.empty() ? "" : "; ") + change;
    }
    step.statements.push_back(create_table_sql(schema_, target, target.name));
    for (const Index& index : target.indexes) {
      step.statements.push_back(create_index_sql(target.name, index));
    }
    steps_.push_back(std::move(step));
  }

  void write_rebuild(Pending& done, const Table& target) {
    TableRebuild rebuild = std::move(done.rebuild);
    rebuild.target = target;
    for (const Column& column : target.columns) {
      rebuild.origins.push_back(origin_of(done, column.name));
    }
    for (RenderedStep& step : render_table_change(rebuild, schema_)) {
      steps_.push_back(std::move(step));
    }
  }

  Schema schema_;
  const Operation* current_ = nullptr;
  std::vector<Pending> pending_;
  std::vector<RenderedStep> steps_;
};

}  // namespace

std::vector<RenderedStep> plan_operations(const std::vector<Operation>& ops, const Schema& before) {
  return Planner(before).run(ops);
}

}  // namespace tempest::sqlite
