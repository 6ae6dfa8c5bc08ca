#include "cli/risks.hpp"

#include <optional>
#include <string>
#include <type_traits>
#include <variant>

#include "tempest/diff.hpp"

namespace tempest::cli {

namespace {

std::optional<int> integer_width(TypeKind kind) {
  switch (kind) {
    case TypeKind::Int16:
      return 16;
    case TypeKind::Int32:
      return 32;
    case TypeKind::Int64:
      return 64;
    default:
      return std::nullopt;
  }
}

bool is_text(TypeKind kind) { return kind == TypeKind::Text || kind == TypeKind::Varchar; }

// Why changing `from` to `to` may fail or cut values, or "" when every value
// fits.
std::string narrowing_reason(const ColumnType& from, const ColumnType& to) {
  if (from == to) return "";
  const auto from_int = integer_width(from.kind);
  const auto to_int = integer_width(to.kind);
  if (from_int && to_int)
    return *to_int < *from_int ? "values may not fit the smaller integer" : "";
  if (from.kind == TypeKind::Float64 && to.kind == TypeKind::Float32) return "precision is lost";
  if (from_int && (to.kind == TypeKind::Float64 || to.kind == TypeKind::Numeric)) return "";
  if (is_text(from.kind) && to.kind == TypeKind::Text) return "";
  if (is_text(from.kind) && to.kind == TypeKind::Varchar) {
    if (from.kind == TypeKind::Text || from.length.value_or(0) > to.length.value_or(0)) {
      return "longer strings do not fit varchar(" + std::to_string(to.length.value_or(0)) + ")";
    }
    return "";
  }
  if (from.kind == TypeKind::Numeric && to.kind == TypeKind::Numeric) {
    if (!to.precision) return "";
    if (!from.precision || *to.precision < *from.precision ||
        to.scale.value_or(0) < from.scale.value_or(0)) {
      return "numeric precision or scale is reduced";
    }
    return "";
  }
  if ((from.kind == TypeKind::Timestamp || from.kind == TypeKind::TimestampTz ||
       from.kind == TypeKind::Time) &&
      from.kind == to.kind) {
    return to.precision && (!from.precision || *to.precision < *from.precision)
               ? "fractional seconds are truncated"
               : "";
  }
  return "existing values may not convert to the new type";
}

// PostgreSQL changes the type in place (no rewrite) only for these.
bool postgres_type_change_is_trivial(const ColumnType& from, const ColumnType& to) {
  if (from == to) return true;
  if (from.kind == TypeKind::Varchar && to.kind == TypeKind::Text) return true;
  if (from.kind == TypeKind::Varchar && to.kind == TypeKind::Varchar) {
    return to.length.value_or(0) >= from.length.value_or(0);
  }
  if (from.kind == TypeKind::Numeric && to.kind == TypeKind::Numeric) {
    return !to.precision || (from.precision && *to.precision >= *from.precision &&
                             to.scale.value_or(0) == from.scale.value_or(0));
  }
  return false;
}

std::string column_name(const std::string& table, const Column& column) {
  return table + "." + column.name;
}

void add_warnings(const Operation& op, DialectKind dialect, std::vector<std::string>& out) {
  const bool postgres = dialect == DialectKind::Postgres;
  std::visit(
      [&](const auto& o) {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, DropTable>) {
          out.push_back("drop table " + o.table.name + ": data loss (every row is deleted)");
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          out.push_back("drop column " + column_name(o.table, o.column) +
                        ": data loss (the column's values are deleted)");
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          const std::string name = column_name(o.table, o.column);
          if (!o.column.nullable && !o.column.default_value &&
              o.column.identity == Identity::None) {
            out.push_back("add column " + name + ": NOT NULL without a default fails when " +
                          o.table +
                          " has rows; add a default or make it nullable, fill it, then "
                          "tighten it");
          }
          if (postgres && o.column.default_value &&
              o.column.default_value->kind == DefaultKind::Expression) {
            out.push_back("add column " + name + ": PostgreSQL rewrites " + o.table +
                          " under an ACCESS EXCLUSIVE lock when the default (" +
                          o.column.default_value->value + ") is volatile");
          }
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          const std::string name = column_name(o.table, o.to);
          const std::string reason = narrowing_reason(o.from.type, o.to.type);
          if (!reason.empty()) {
            out.push_back("alter column " + name + ": narrowing type change (" + reason + ")");
          }
          if (postgres && !postgres_type_change_is_trivial(o.from.type, o.to.type)) {
            out.push_back("alter column " + name + ": PostgreSQL rewrites " + o.table +
                          " under an ACCESS EXCLUSIVE lock to change the type");
          }
          if (o.from.nullable && !o.to.nullable) {
            out.push_back("alter column " + name + ": SET NOT NULL fails if rows hold NULL" +
                          (postgres ? std::string("; PostgreSQL scans ") + o.table +
                                          " under an ACCESS EXCLUSIVE lock"
                                    : std::string()));
          }
        }
      },
      op);
}

}  // namespace

std::vector<std::string> risk_warnings(const std::vector<Operation>& ops, DialectKind dialect) {
  std::vector<std::string> out;
  for (const Operation& op : ops) add_warnings(op, dialect, out);
  for (const RenameCandidate& c : find_rename_candidates(ops)) {
    if (c.is_table) {
      out.push_back("table " + c.from + " dropped and table " + c.to +
                    " created: if it is a rename, declare table<...>(\"" + c.to +
                    "\", ...).renamed_from(\"" + c.from + "\") in the model");
    } else {
      out.push_back("column " + c.table + "." + c.from + " dropped and " + c.table + "." + c.to +
                    " added: if it is a rename, declare column(\"" + c.to +
                    "\", ...).renamed_from(\"" + c.from + "\") in the model");
    }
  }
  return out;
}

}  // namespace tempest::cli
