#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dialect/postgres/expression_text.hpp"
#include "dialect/postgres/postgres_dialect.hpp"
#include "tempest/error.hpp"

// Reads one schema from pg_catalog (https://www.postgresql.org/docs/15/catalogs.html) with
// five queries, each covering every table at once, so that a 1,000-table schema costs no
// more round trips than a small one. The schema name is always a bound parameter.
//
// A migration tool connects anew each time, and in a new session every function, aggregate
// and table a query touches is looked up in the catalogs first. So the queries return key
// columns as attribute numbers, named here from the columns already read, rather than with
// json_agg subqueries (which cost a small schema more than everything else together); the
// two lookups that need the server (foreign keys into tables not read, expression keys of
// indexes) run only when such keys exist.
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
    "SELECT c.relname, ds.description"
    " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid"
    "   AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = 0"
    " WHERE";

// Comments come from a join on pg_description, not col_description(), a SQL function run once
// per column. A default cannot refer to a column, so it is printed without its table
// (relid 0): pg_get_expr would otherwise open every table, which in a new session means
// building each table's cache entry. Generation expressions do refer to columns.
constexpr std::string_view kColumnsSql =
    "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
    " pg_get_expr(d.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE d.adrelid END),"
    " a.attidentity, ds.description,"
    " t.typtype = 'e' AND t.typnamespace = n.oid, t.typname, a.attgenerated, a.attnum"
    " FROM pg_catalog.pg_attribute a"
    " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
    " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
    " LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid"
    "   AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = a.attnum"
    " WHERE a.attnum > 0 AND NOT a.attisdropped AND";

// Key columns as arrays of attribute numbers ("{1,2}"), in key order; whether the referenced
// table is in the schema read (if not, kReferencedColumnsSql names its columns).
constexpr std::string_view kConstraintsSql =
    "SELECT c.relname, con.conname, con.contype, con.conkey, fc.relname, con.confkey,"
    " con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred,"
    " pg_get_expr(con.conbin, con.conrelid), fc.relnamespace = n.oid"
    " FROM pg_catalog.pg_constraint con"
    " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid"
    " WHERE con.contype IN ('p', 'u', 'c', 'f') AND";

// The referenced columns of every foreign key by name, in key order.
constexpr std::string_view kReferencedColumnsSql =
    "SELECT c.relname, con.conname, a.attname"
    " FROM pg_catalog.pg_constraint con"
    " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " CROSS JOIN LATERAL unnest(con.confkey) WITH ORDINALITY AS k(num, ord)"
    " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num"
    " WHERE con.contype = 'f' AND";

// Indexes that back a primary key, unique or exclusion constraint belong to the constraint.
// Keys as int2vectors ("1 2"): attribute numbers (0 for an expression, which
// kIndexExpressionsSql prints) and options (bit 1: descending); the first indnkeyatts are
// keys, the rest INCLUDE columns.
constexpr std::string_view kIndexesSql =
    "SELECT c.relname, i.relname, ix.indisunique, pg_get_expr(ix.indpred, ix.indrelid),"
    " ix.indkey, ix.indoption, ix.indnkeyatts"
    " FROM pg_catalog.pg_index ix"
    " JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid"
    " JOIN pg_catalog.pg_class c ON c.oid = ix.indrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con"
    "   WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid"
    "   AND con.contype IN ('p', 'u', 'x')) AND";

// The expression keys of every index: table, index, key position (1-based), expression.
constexpr std::string_view kIndexExpressionsSql =
    "SELECT c.relname, i.relname, k.ord, pg_get_indexdef(ix.indexrelid, k.ord, true)"
    " FROM pg_catalog.pg_index ix"
    " JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid"
    " JOIN pg_catalog.pg_class c ON c.oid = ix.indrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " CROSS JOIN LATERAL generate_series(1, ix.indnkeyatts::int) AS k(ord)"
    " WHERE ix.indkey[k.ord - 1] = 0 AND";

constexpr std::string_view kEnumsSql =
    "SELECT t.typname, e.enumlabel FROM pg_catalog.pg_type t"
    " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
    " JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid"
    " WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder";

std::string text(const SqlValue& value) { return value.value_or(std::string()); }

bool flag(const SqlValue& value) { return value && *value == "t"; }

// The numbers of an int2[] ("{1,2}") or int2vector ("1 2") as PostgreSQL prints them.
std::vector<int> numbers(const SqlValue& array) {
  std::vector<int> out;
  if (!array) return out;
  const std::string& text = *array;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '-' && (text[i] < '0' || text[i] > '9')) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    out.push_back(std::stoi(text.substr(i, end - i)));
    i = end;
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
    // Every other query is about the tables read: none means nothing to ask (a new database).
    if (!schema_.tables.empty()) {
      read_columns();
      read_constraints();
      read_indexes();
    }
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
    attribute_names_.resize(schema_.tables.size());
    for (auto& row : query(kColumnsSql, "ORDER BY c.relname, a.attnum").rows) {
      Table* owner = table(row[0]);
      if (owner == nullptr) continue;
      std::vector<std::string>& names = attribute_names_[position(*owner)];
      const auto attnum = static_cast<std::size_t>(std::stoi(text(row[10])));
      if (names.size() <= attnum) names.resize(attnum + 1);
      names[attnum] = text(row[1]);
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
    // Foreign keys into tables not read: (table position, key position) for each.
    std::vector<std::pair<std::size_t, std::size_t>> unnamed_references;
    for (auto& row : query(kConstraintsSql, "ORDER BY c.relname, con.conname").rows) {
      Table* owner = table(row[0]);
      if (owner == nullptr) continue;
      const std::string name = text(row[1]);
      const std::string type = text(row[2]);
      if (type == "p") {
        owner->primary_key = PrimaryKey{name, column_names(*owner, numbers(row[3]))};
      } else if (type == "u") {
        owner->uniques.push_back(UniqueConstraint{name, column_names(*owner, numbers(row[3]))});
      } else if (type == "c") {
        owner->checks.push_back(
            CheckConstraint{name, clean_expression(text(row[10]), varchar_columns(*owner))});
      } else if (type == "f") {
        ForeignKey key;
        key.name = name;
        key.columns = column_names(*owner, numbers(row[3]));
        key.ref_table = text(row[4]);
        const Table* referenced = flag(row[11]) ? table(row[4]) : nullptr;
        if (referenced != nullptr) {
          key.ref_columns = column_names(*referenced, numbers(row[5]));
        } else {
          unnamed_references.emplace_back(position(*owner), owner->foreign_keys.size());
        }
        key.on_delete = action(text(row[6]));
        key.on_update = action(text(row[7]));
        if (flag(row[8])) {
          key.deferrable =
              flag(row[9]) ? Deferrable::InitiallyDeferred : Deferrable::InitiallyImmediate;
        }
        owner->foreign_keys.push_back(std::move(key));
      }
    }
    if (!unnamed_references.empty()) name_references(unnamed_references);
  }

  void name_references(const std::vector<std::pair<std::size_t, std::size_t>>& unnamed) {
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> by_key;
    for (auto& row : query(kReferencedColumnsSql, "ORDER BY c.relname, con.conname, k.ord").rows) {
      by_key[{text(row[0]), text(row[1])}].push_back(text(row[2]));
    }
    for (const auto& [table_at, key_at] : unnamed) {
      Table& owner = schema_.tables[table_at];
      ForeignKey& key = owner.foreign_keys[key_at];
      const auto found = by_key.find({owner.name, key.name});
      if (found == by_key.end()) changed_meanwhile(owner, "foreign key \"" + key.name + "\"");
      key.ref_columns = found->second;
    }
  }

  void read_indexes() {
    // Expression keys: (table position, index position, key position) for each.
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> expressions;
    for (auto& row : query(kIndexesSql, "ORDER BY c.relname, i.relname").rows) {
      Table* owner = table(row[0]);
      if (owner == nullptr) continue;
      Index index;
      index.name = text(row[1]);
      index.unique = flag(row[2]);
      if (row[3]) index.where = clean_expression(*row[3], varchar_columns(*owner));
      const std::vector<int> attnums = numbers(row[4]);
      const std::vector<int> options = numbers(row[5]);
      const auto key_count = static_cast<std::size_t>(std::stoi(text(row[6])));
      for (std::size_t k = 0; k < key_count && k < attnums.size(); ++k) {
        IndexKey key;
        if (attnums[k] == 0) {
          expressions.emplace_back(position(*owner), owner->indexes.size(), k);
        } else {
          key.column = column_names(*owner, {attnums[k]}).front();
        }
        key.descending = k < options.size() && (options[k] & 1) != 0;
        index.keys.push_back(std::move(key));
      }
      owner->indexes.push_back(std::move(index));
    }
    if (!expressions.empty()) print_expressions(expressions);
  }

  void print_expressions(
      const std::vector<std::tuple<std::size_t, std::size_t, std::size_t>>& expressions) {
    std::map<std::tuple<std::string, std::string, std::size_t>, std::string> by_key;
    for (auto& row : query(kIndexExpressionsSql, "ORDER BY c.relname, i.relname, k.ord").rows) {
      const auto ord = static_cast<std::size_t>(std::stoi(text(row[2])));
      by_key[{text(row[0]), text(row[1]), ord - 1}] = text(row[3]);
    }
    for (const auto& [table_at, index_at, key_at] : expressions) {
      Table& owner = schema_.tables[table_at];
      Index& index = owner.indexes[index_at];
      const auto found = by_key.find({owner.name, index.name, key_at});
      if (found == by_key.end()) changed_meanwhile(owner, "index \"" + index.name + "\"");
      index.keys[key_at].expression = clean_expression(found->second, varchar_columns(owner));
    }
  }

  // Each query sees its own snapshot: an object dropped or changed between two of them is
  // reported rather than read half.
  [[noreturn]] static void changed_meanwhile(const Table& table, const std::string& what) {
    throw DatabaseError("postgresql: " + what + " of table \"" + table.name +
                            "\" changed while the schema was read; read it again",
                        "", "");
  }

  // The names of `table`'s columns numbered `attnums`; throws for a number no column has.
  std::vector<std::string> column_names(const Table& table, const std::vector<int>& attnums) {
    const std::vector<std::string>& names = attribute_names_[position(table)];
    std::vector<std::string> out;
    out.reserve(attnums.size());
    for (const int attnum : attnums) {
      const auto at = static_cast<std::size_t>(attnum);
      if (attnum <= 0 || at >= names.size() || names[at].empty()) {
        throw DatabaseError("postgresql: table \"" + table.name + "\": a key names column number " +
                                std::to_string(attnum) + ", which the table does not have",
                            "", "");
      }
      out.push_back(names[at]);
    }
    return out;
  }

  [[nodiscard]] std::size_t position(const Table& table) const {
    return static_cast<std::size_t>(&table - schema_.tables.data());
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
  // By table position, by attribute number: the column's name ("" for a number not read).
  std::vector<std::vector<std::string>> attribute_names_;
};

}  // namespace

Schema read_schema(Driver& driver, const std::string& schema_name) {
  if (driver.dialect() != DialectKind::Postgres) {
    throw UnsupportedError("postgresql introspection needs a PostgreSQL connection");
  }
  try {
    return SchemaReader(driver, schema_name).read();
  } catch (const std::logic_error& e) {  // std::stoi of a number PostgreSQL did not print
    throw DatabaseError(std::string("postgresql: introspection of schema \"") + schema_name +
                            "\": unexpected catalog data: " + e.what(),
                        "", "");
  }
}

}  // namespace tempest::postgres
