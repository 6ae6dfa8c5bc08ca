// assess_risks: one pass over the operations, following which tables may hold rows (those of
// `before`, under their current names), then the rename candidates of the differ.

#include <algorithm>
#include <set>
#include <string>
#include <type_traits>
#include <variant>

#include "risks/type_change.hpp"
#include "tempest/diff.hpp"
#include "tempest/risks.hpp"

namespace tempest {

namespace {

std::string column_name(const std::string& table, const std::string& column) {
  return table + "." + column;
}

class Assessor {
 public:
  Assessor(const Schema& before, DialectKind dialect)
      : postgres_(dialect == DialectKind::Postgres) {
    for (const Table& table : before.tables) with_rows_.insert(table.name);
  }

  void assess(std::size_t index, const Operation& op) {
    index_ = index;
    std::visit([this](const auto& o) { on(o); }, op);
  }

  [[nodiscard]] std::vector<Risk> take() { return std::move(risks_); }

 private:
  void add(RiskSeverity severity, std::string reason) {
    risks_.push_back({index_, severity, std::move(reason)});
  }
  [[nodiscard]] bool has_rows(const std::string& table) const { return with_rows_.contains(table); }

  void on(const DropTable& o) {
    if (has_rows(o.table.name)) {
      add(RiskSeverity::Danger,
          "drop table " + o.table.name + ": data loss (every row is deleted)");
    }
    with_rows_.erase(o.table.name);
  }
  void on(const RenameTable& o) {
    if (with_rows_.erase(o.from) > 0) with_rows_.insert(o.to);
  }
  void on(const DropColumn& o) {
    if (!has_rows(o.table)) return;
    add(RiskSeverity::Danger, "drop column " + column_name(o.table, o.column.name) +
                                  ": data loss (the column's values are deleted)");
  }
  void on(const AddColumn& o) {
    if (!has_rows(o.table)) return;
    const std::string name = column_name(o.table, o.column.name);
    if (!o.column.nullable && !o.column.default_value && o.column.identity == Identity::None) {
      add(RiskSeverity::Warning, "add column " + name + ": NOT NULL without a default fails when " +
                                     o.table +
                                     " has rows; add a default or make it nullable, fill it, "
                                     "then tighten it");
    }
    // PostgreSQL 11+ stores a constant default without touching the rows; a volatile one
    // (random(), clock_timestamp()) is computed for every row by a rewrite.
    if (postgres_ && o.column.default_value &&
        o.column.default_value->kind == DefaultKind::Expression) {
      add(RiskSeverity::Notice, "add column " + name + ": PostgreSQL rewrites " + o.table +
                                    " under an ACCESS EXCLUSIVE lock when the default (" +
                                    o.column.default_value->value + ") is volatile");
    }
  }
  void on(const AlterColumn& o) {
    if (!has_rows(o.table)) return;
    const std::string name = column_name(o.table, o.to->name);
    const std::string reason = risks::narrowing_reason(o.from->type, o.to->type);
    if (!reason.empty()) {
      add(RiskSeverity::Danger,
          "alter column " + name + ": narrowing type change (" + reason + ")");
    }
    if (postgres_ && !risks::postgres_changes_type_in_place(o.from->type, o.to->type)) {
      add(RiskSeverity::Notice, "alter column " + name + ": PostgreSQL rewrites " + o.table +
                                    " under an ACCESS EXCLUSIVE lock to change the type");
    }
    if (o.from->nullable && !o.to->nullable) {
      const std::string scan =
          postgres_ ? "; PostgreSQL scans " + o.table + " under an ACCESS EXCLUSIVE lock" : "";
      if (o.to->default_value) {
        add(RiskSeverity::Notice, "alter column " + name + ": rows holding NULL take the default " +
                                      o.to->default_value->value + scan);
      } else {
        add(RiskSeverity::Warning,
            "alter column " + name + ": SET NOT NULL fails if rows hold NULL" + scan);
      }
    }
  }
  void on(const AlterPrimaryKey& o) {
    if (!has_rows(o.table) || !o.to) return;
    add(RiskSeverity::Warning, "set primary key " + o.to->name + " on " + o.table +
                                   ": fails when existing rows hold duplicate or NULL keys");
  }
  void on(const CreateIndex& o) {
    if (!has_rows(o.table)) return;
    if (o.index.unique) {
      add(RiskSeverity::Warning, "create unique index " + o.index.name + " on " + o.table +
                                     ": fails when existing rows hold duplicates");
    }
    // https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY
    if (postgres_) {
      add(RiskSeverity::Notice, "create index " + o.index.name + " on " + o.table +
                                    ": PostgreSQL blocks writes to " + o.table +
                                    " while the index builds; for a large table write CREATE "
                                    "INDEX CONCURRENTLY in an execute step instead");
    }
  }
  void on(const AddUnique& o) {
    if (!has_rows(o.table)) return;
    add(RiskSeverity::Warning, "add unique " + o.unique.name + " on " + o.table +
                                   ": fails when existing rows hold duplicates");
  }
  void on(const AddCheck& o) {
    if (!has_rows(o.table)) return;
    add(RiskSeverity::Warning,
        "add check " + o.check.name + " on " + o.table + ": fails when existing rows violate it");
  }
  void on(const AddForeignKey& o) {
    if (!has_rows(o.table)) return;
    add(RiskSeverity::Warning, "add foreign key " + o.foreign_key.name + " on " + o.table +
                                   ": fails when existing rows reference missing rows of " +
                                   o.foreign_key.ref_table);
  }
  template <class Op>
  void on(const Op&) {}

  bool postgres_;
  std::set<std::string> with_rows_;  // tables that may hold rows, by their current name
  std::size_t index_ = 0;
  std::vector<Risk> risks_;
};

// The index of the drop a rename candidate pairs with an add.
std::size_t drop_index(const std::vector<Operation>& ops, const RenameCandidate& candidate) {
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (candidate.is_table) {
      const auto* drop = std::get_if<DropTable>(&ops[i]);
      if (drop != nullptr && drop->table.name == candidate.from) return i;
    } else {
      const auto* drop = std::get_if<DropColumn>(&ops[i]);
      if (drop != nullptr && drop->table == candidate.table && drop->column.name == candidate.from)
        return i;
    }
  }
  return 0;
}

Risk rename_risk(const std::vector<Operation>& ops, const RenameCandidate& c) {
  std::string reason;
  if (c.is_table) {
    reason = "table " + c.from + " dropped and table " + c.to +
             " created: if it is a rename, declare table<...>(\"" + c.to +
             "\", ...).renamed_from(\"" + c.from + "\") in the model";
  } else {
    reason = "column " + column_name(c.table, c.from) + " dropped and " +
             column_name(c.table, c.to) + " added: if it is a rename, declare column(\"" + c.to +
             "\", ...).renamed_from(\"" + c.from + "\") in the model";
  }
  return {drop_index(ops, c), RiskSeverity::Danger, std::move(reason)};
}

}  // namespace

std::vector<Risk> assess_risks(const std::vector<Operation>& ops, const Schema& before,
                               DialectKind dialect) {
  Assessor assessor(before, dialect);
  for (std::size_t i = 0; i < ops.size(); ++i) assessor.assess(i, ops[i]);
  std::vector<Risk> risks = assessor.take();
  // Only a drop that loses data (its table holds rows) makes a missed rename matter.
  std::set<std::size_t> losing_drops;
  for (const Risk& risk : risks) losing_drops.insert(risk.operation);
  for (const RenameCandidate& candidate : find_rename_candidates(ops)) {
    Risk risk = rename_risk(ops, candidate);
    if (losing_drops.contains(risk.operation)) risks.push_back(std::move(risk));
  }
  std::stable_sort(risks.begin(), risks.end(),
                   [](const Risk& a, const Risk& b) { return a.operation < b.operation; });
  return risks;
}

std::string_view to_string(RiskSeverity severity) {
  switch (severity) {
    case RiskSeverity::Notice:
      return "notice";
    case RiskSeverity::Warning:
      return "warning";
    case RiskSeverity::Danger:
      return "danger";
  }
  return "notice";
}

}  // namespace tempest
