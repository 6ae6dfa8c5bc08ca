#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "dialect/postgres/expression_text.hpp"
#include "dialect/postgres/postgres_dialect.hpp"
#include "tempest/error.hpp"

// Reads one schema from pg_catalog (https://www.postgresql.org/docs/15/catalogs.html) with
// five queries, each covering every table at once, so that a 1,000-table schema costs no
// more round trips than a small one. The schema name is always a bound parameter.
//
// Not represented in the IR and so not reported: partitions of a partitioned table (the
// parent is reported), generation expressions of generated columns, index methods other than
// btree, INCLUDE columns, NULLS FIRST/LAST, exclusion constraints, foreign keys into other
// schemas (reported by table name only). Any nextval() default is a serial column, reported
// as a BY DEFAULT identity.

namespace tempest::postgres {

namespace {

// The tables of the schema $1, less the project's own version table.
constexpr std::string_view kTableFilter =
    " n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
    " AND NOT starts_with(c.relname::text, 'tempest_db_') ";

constexpr std::string_view kTablesSql =
    "SELECT c.relname, obj_description(c.oid, 'pg_class')"
    " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " WHERE";

constexpr std::string_view kColumnsSql =
    "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
    " pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(c.oid, a.attnum),"
    " t.typtype = 'e' AND t.typnamespace = n.oid, t.typname, a.attgenerated"
    " FROM pg_catalog.pg_attribute a"
    " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
    " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
    " WHERE a.attnum > 0 AND NOT a.attisdropped AND";

// Key columns come back as JSON arrays of names, in key order.
constexpr std::string_view kConstraintsSql =
    "SELECT c.relname, con.conname, con.contype,"
    " (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY"
    "   AS k(num, ord) JOIN pg_catalog.pg_attribute a"
    "   ON a.attrelid = con.conrelid AND a.attnum = k.num),"
    " fc.relname,"
    " (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY"
    "   AS k(num, ord) JOIN pg_catalog.pg_attribute a"
    "   ON a.attrelid = con.confrelid AND a.attnum = k.num),"
    " con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred,"
    " pg_get_expr(con.conbin, con.conrelid)"
    " FROM pg_catalog.pg_constraint con"
    " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid"
    " WHERE con.contype IN ('p', 'u', 'c', 'f') AND";

// Indexes that back a primary key, unique or exclusion constraint belong to the constraint.
// Keys come back as a JSON array of [column or null, expression or null, descending].
constexpr std::string_view kIndexesSql =
    "SELECT c.relname, i.relname, ix.indisunique, pg_get_expr(ix.indpred, ix.indrelid),"
    " (SELECT json_agg(json_build_array("
    "     CASE WHEN ix.indkey[k.ord - 1] <> 0 THEN a.attname END,"
    "     CASE WHEN ix.indkey[k.ord - 1] = 0"
    "       THEN pg_get_indexdef(ix.indexrelid, k.ord, true) END,"
    "     (ix.indoption[k.ord - 1] & 1) = 1) ORDER BY k.ord)"
    "   FROM generate_series(1, ix.indnkeyatts::int) AS k(ord)"
    "   LEFT JOIN pg_catalog.pg_attribute a"
    "   ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[k.ord - 1])"
    " FROM pg_catalog.pg_index ix"
    " JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid"
    " JOIN pg_catalog.pg_class c ON c.oid = ix.indrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con"
    "   WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid"
    "   AND con.contype IN ('p', 'u', 'x')) AND";

constexpr std::string_view kEnumsSql =
    "SELECT t.typname, e.enumlabel FROM pg_catalog.pg_type t"
    " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
    " JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid"
    " WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder";

std::string text(const SqlValue& value) { return value.value_or(std::string()); }

bool flag(const SqlValue& value) { return value && *value == "t"; }

std::vector<std::string> names(const SqlValue& json_array) {
  std::vector<std::string> out;
  if (!json_array) return out;
  for (const auto& item : nlohmann::json::parse(*json_array)) {
    out.push_back(item.get<std::string>());
  }
  return out;
}

ForeignKeyAction action(const std::string& code) {
  if (code == "r") return ForeignKeyAction::Restrict;
  if (code == "c") return ForeignKeyAction::Cascade;
  if (code == "n") return ForeignKeyAction::SetNull;
  if (code == "d") return ForeignKeyAction::SetDefault;
  return ForeignKeyAction::NoAction;
}

class SchemaReader {
 public:
  SchemaReader(Driver& driver, const std::string& schema_name)
      : driver_(driver), params_{schema_name} {}

  Schema read() {
    read_tables();
    read_columns();
    read_constraints();
    read_indexes();
    read_enums();
    canonicalize(schema_);
    return std::move(schema_);
  }

 private:
  QueryResult query(std::string_view select, std::string_view order_by) {
    return driver_.query(std::string(select) + std::string(kTableFilter) + std::string(order_by),
                         params_);
  }

  // nullptr for a table the filter did not report (a partition created meanwhile).
  Table* table(const SqlValue& name) {
    auto it = index_.find(text(name));
    return it == index_.end() ? nullptr : &schema_.tables[it->second];
  }

  void read_tables() {
    for (auto& row : query(kTablesSql, "ORDER BY c.relname").rows) {
      Table table;
      table.name = text(row[0]);
      table.comment = text(row[1]);
      index_.emplace(table.name, schema_.tables.size());
      schema_.tables.push_back(std::move(table));
    }
  }

  void read_columns() {
    for (auto& row : query(kColumnsSql, "ORDER BY c.relname, a.attnum").rows) {
      Table* owner = table(row[0]);
      if (owner == nullptr) continue;
      Column column;
      column.name = text(row[1]);
      if (flag(row[7])) {
        column.type.kind = TypeKind::Enum;
        column.type.enum_name = text(row[8]);
        column.type.raw = text(row[2]);
      } else {
        column.type = parse_type(text(row[2]));
      }
      column.nullable = !flag(row[3]);
      const std::string identity = text(row[5]);
      if (identity == "a") column.identity = Identity::Always;
      if (identity == "d") column.identity = Identity::ByDefault;
      // A generated column's expression is in pg_attrdef too, but it is not a default.
      if (row[4] && text(row[9]).empty()) {
        ReadDefault read = read_default(*row[4]);
        if (read.serial && column.identity == Identity::None) column.identity = Identity::ByDefault;
        column.default_value = std::move(read.value);
      }
      column.comment = text(row[6]);
      owner->columns.push_back(std::move(column));
    }
  }

  void read_constraints() {
    for (auto& row : query(kConstraintsSql, "ORDER BY c.relname, con.conname").rows) {
      Table* owner = table(row[0]);
      if (owner == nullptr) continue;
      const std::string name = text(row[1]);
      const std::string type = text(row[2]);
      if (type == "p") {
        owner->primary_key = PrimaryKey{name, names(row[3])};
      } else if (type == "u") {
        owner->uniques.push_back(UniqueConstraint{name, names(row[3])});
      } else if (type == "c") {
        owner->checks.push_back(
            CheckConstraint{name, clean_expression(text(row[10]), varchar_columns(*owner))});
      } else if (type == "f") {
        ForeignKey key;
        key.name = name;
        key.columns = names(row[3]);
        key.ref_table = text(row[4]);
        key.ref_columns = names(row[5]);
        key.on_delete = action(text(row[6]));
        key.on_update = action(text(row[7]));
        if (flag(row[8])) {
          key.deferrable =
              flag(row[9]) ? Deferrable::InitiallyDeferred : Deferrable::InitiallyImmediate;
        }
        owner->foreign_keys.push_back(std::move(key));
      }
    }
  }

  void read_indexes() {
    for (auto& row : query(kIndexesSql, "ORDER BY c.relname, i.relname").rows) {
      Table* owner = table(row[0]);
      if (owner == nullptr) continue;
      Index index;
      index.name = text(row[1]);
      index.unique = flag(row[2]);
      const std::vector<std::string> varchars = varchar_columns(*owner);
      if (row[3]) index.where = clean_expression(*row[3], varchars);
      if (row[4]) {
        for (const auto& key : nlohmann::json::parse(*row[4])) {
          IndexKey out;
          if (!key[0].is_null()) out.column = key[0].get<std::string>();
          if (!key[1].is_null()) {
            out.expression = clean_expression(key[1].get<std::string>(), varchars);
          }
          out.descending = key[2].get<bool>();
          index.keys.push_back(std::move(out));
        }
      }
      owner->indexes.push_back(std::move(index));
    }
  }

  void read_enums() {
    for (auto& row : driver_.query(kEnumsSql, params_).rows) {
      std::string name = text(row[0]);
      if (schema_.enums.empty() || schema_.enums.back().name != name) {
        schema_.enums.push_back(EnumType{std::move(name), {}});
      }
      schema_.enums.back().labels.push_back(text(row[1]));
    }
  }

  Driver& driver_;
  std::vector<SqlValue> params_;
  Schema schema_;
  std::unordered_map<std::string, std::size_t> index_;  // table name -> position in schema_
};

}  // namespace

Schema read_schema(Driver& driver, const std::string& schema_name) {
  if (driver.dialect() != DialectKind::Postgres) {
    throw UnsupportedError("postgresql introspection needs a PostgreSQL connection");
  }
  try {
    return SchemaReader(driver, schema_name).read();
  } catch (const nlohmann::json::exception& e) {
    throw DatabaseError(std::string("postgresql: introspection of schema \"") + schema_name +
                            "\": unexpected catalog data: " + e.what(),
                        "", "");
  }
}

}  // namespace tempest::postgres
