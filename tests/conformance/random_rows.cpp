#include "random_rows.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "counterparts.hpp"
#include "tempest/dialect.hpp"

namespace tempest::testing {

namespace {

constexpr int kMaxRows = 4;

bool is_string(const ColumnType& type) {
  return type.kind == TypeKind::Text || type.kind == TypeKind::Varchar;
}

bool in_primary_key(const Table& table, std::string_view column) {
  return table.primary_key &&
         std::find(table.primary_key->columns.begin(), table.primary_key->columns.end(), column) !=
             table.primary_key->columns.end();
}

// The labels of enum `name` that both schemas have (only those of one when the other lacks
// the enum): a label B drops cannot be in a row, nor one A lacks.
std::vector<std::string> kept_labels(const Schema& a, const Schema& b, const std::string& name) {
  const EnumType* in_a = find_enum(a, name);
  const EnumType* in_b = find_enum(b, name);
  std::vector<std::string> labels = in_a != nullptr ? in_a->labels : in_b->labels;
  if (in_a != nullptr && in_b != nullptr) {
    std::erase_if(labels, [&](const std::string& label) {
      return std::find(in_b->labels.begin(), in_b->labels.end(), label) == in_b->labels.end();
    });
  }
  return labels;
}

std::string two_digits(int value) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", value % 100);
  return text;
}

class RowGenerator {
 public:
  RowGenerator(const Schema& a, const Schema& b, std::mt19937_64& rng) : a_(a), b_(b), rng_(rng) {}

  int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(int percent) { return below(100) < percent; }

  // Distinct values valid for `type` in A and `after` (its type in B, when it survives); fewer
  // than kMaxRows when the type has fewer (bool, enum), none when the generator knows none.
  std::vector<std::string> candidates(const ColumnType& type, const ColumnType* after) {
    // A string column converted to another type holds values of that type.
    const ColumnType& t = is_string(type) && after != nullptr && !is_string(*after) ? *after : type;
    std::vector<std::string> out;
    const int base = below(50);
    for (int i = 0; i < kMaxRows; ++i) {
      const int n = base + i;
      switch (t.kind) {
        case TypeKind::Int16:
        case TypeKind::Int32:
        case TypeKind::Int64:
          out.push_back(std::to_string(n * 7));
          break;
        case TypeKind::Float32:
        case TypeKind::Float64:
        case TypeKind::Numeric:
          out.push_back(std::to_string(n) + ".5");
          break;
        case TypeKind::Text:
        case TypeKind::Varchar: {
          // At most 10 characters: every varchar of the generator takes them.
          static const std::vector<std::string> odd = {"it's", "a;b", "é",    "\"q\"",
                                                       "x y",  "--",  "ключ", ""};
          out.push_back(odd[static_cast<std::size_t>(base) % odd.size()] + std::to_string(n));
          break;
        }
        case TypeKind::Date:
          out.push_back("2024-03-" + two_digits(1 + n % 28));
          break;
        case TypeKind::Timestamp:
          out.push_back("2024-03-" + two_digits(1 + n % 28) + " 10:" + two_digits(base) + ":00");
          break;
        case TypeKind::TimestampTz:
          out.push_back("2024-03-" + two_digits(1 + n % 28) + " 10:00:00+00");
          break;
        case TypeKind::Time:
          out.push_back("10:" + two_digits(n) + ":00");
          break;
        case TypeKind::Uuid: {
          char text[40];
          std::snprintf(text, sizeof text, "%08x-0000-4000-8000-%012x", below(1 << 30), n);
          out.push_back(text);
          break;
        }
        case TypeKind::Json:
          out.push_back("{\"k\": " + std::to_string(n) + "}");
          break;
        case TypeKind::Bytes:
          out.push_back("b" + std::to_string(n));
          break;
        default:
          break;
      }
    }
    if (t.kind == TypeKind::Bool)
      out = chance(50) ? std::vector<std::string>{"1", "0"} : std::vector<std::string>{"0", "1"};
    if (t.kind == TypeKind::Enum) {
      out = kept_labels(a_, b_, t.enum_name);
      std::shuffle(out.begin(), out.end(), rng_);
    }
    // 28 days: wrapped dates would repeat; kMaxRows is far below.
    return out;
  }

  TableRows rows_of(const Table& table, const std::map<std::string, TableRows>& done) {
    const Table* after = counterpart(b_, table.name);
    int count = chance(15) ? 0 : 1 + below(kMaxRows);
    struct Plan {
      std::vector<std::string> values;
      bool nulls = false;
      bool unique = false;
    };
    std::vector<Plan> plans;
    TableRows out{table.name, {}, {}};
    for (const Column& column : table.columns) {
      const Column* kept = after == nullptr ? nullptr : counterpart(*after, column.name);
      Plan plan;
      plan.nulls = column.nullable && column.identity == Identity::None &&
                   !in_primary_key(table, column.name) && (kept == nullptr || kept->nullable);
      plan.unique = unique_covered(table, column.name) ||
                    (kept != nullptr && unique_covered(*after, kept->name));
      plan.values = reference_values(table, column.name, done)
                        .value_or(candidates(column.type, kept == nullptr ? nullptr : &kept->type));
      if (!plan.nulls) {
        if (plan.values.empty()) count = 0;
        if (plan.unique) count = std::min(count, static_cast<int>(plan.values.size()));
      }
      out.columns.push_back(column.name);
      plans.push_back(std::move(plan));
    }
    for (int i = 0; i < count; ++i) {
      std::vector<SqlValue> row;
      const auto index = static_cast<std::size_t>(i);
      for (const Plan& plan : plans) {
        const std::size_t size = plan.values.size();
        if ((plan.nulls && chance(20)) || size == 0 || (plan.unique && index >= size)) {
          row.emplace_back(std::nullopt);  // only where NULL is allowed (count was capped)
        } else {
          row.emplace_back(plan.values[index % size]);
        }
      }
      out.rows.push_back(std::move(row));
    }
    return out;
  }

 private:
  // For a foreign key column: the referenced values of the parent's rows, none when B drops
  // the parent (its rows would not come back with the inverse). nullopt for other columns.
  std::optional<std::vector<std::string>> reference_values(
      const Table& table, const std::string& column, const std::map<std::string, TableRows>& done) {
    for (const ForeignKey& fk : table.foreign_keys) {
      auto at = std::find(fk.columns.begin(), fk.columns.end(), column);
      if (at == fk.columns.end()) continue;
      std::vector<std::string> values;
      auto parent = done.find(fk.ref_table);
      if (parent == done.end() || counterpart(b_, fk.ref_table) == nullptr) return values;
      const std::string& ref = fk.ref_columns[static_cast<std::size_t>(at - fk.columns.begin())];
      const auto& names = parent->second.columns;
      const auto position =
          static_cast<std::size_t>(std::find(names.begin(), names.end(), ref) - names.begin());
      for (const auto& row : parent->second.rows)
        if (position < row.size() && row[position]) values.push_back(*row[position]);
      std::shuffle(values.begin(), values.end(), rng_);
      return values;
    }
    return std::nullopt;
  }

  const Schema& a_;
  const Schema& b_;
  std::mt19937_64& rng_;
};

// The tables of `schema`, each after the tables it references (a cycle is broken anywhere).
std::vector<const Table*> parents_first(const Schema& schema) {
  std::vector<const Table*> order;
  std::set<std::string> placed;
  while (order.size() < schema.tables.size()) {
    bool progress = false;
    for (const Table& table : schema.tables) {
      if (placed.count(table.name) != 0) continue;
      bool ready = true;
      for (const ForeignKey& fk : table.foreign_keys)
        ready = ready && (fk.ref_table == table.name || placed.count(fk.ref_table) != 0);
      if (!ready) continue;
      order.push_back(&table);
      placed.insert(table.name);
      progress = true;
    }
    if (progress) continue;
    for (const Table& table : schema.tables) {
      if (placed.count(table.name) != 0) continue;
      order.push_back(&table);
      placed.insert(table.name);
      break;
    }
  }
  return order;
}

// A default for a NOT NULL column added to a table with rows, valid in both schemas.
std::optional<ColumnDefault> fallback_default(const ColumnType& type, const Schema& a,
                                              const Schema& b) {
  auto literal = [](std::string value) {
    return ColumnDefault{DefaultKind::Literal, std::move(value)};
  };
  switch (type.kind) {
    case TypeKind::Int16:
    case TypeKind::Int32:
    case TypeKind::Int64:
    case TypeKind::Float32:
    case TypeKind::Float64:
    case TypeKind::Numeric:
      return literal("0");
    case TypeKind::Bool:
      return literal("false");
    case TypeKind::Text:
    case TypeKind::Varchar:
      return literal("x");
    case TypeKind::Date:
      return literal("2000-01-01");
    case TypeKind::Time:
      return literal("00:00:00");
    case TypeKind::Json:
      return literal("{}");
    case TypeKind::Timestamp:
    case TypeKind::TimestampTz:
      return ColumnDefault{DefaultKind::Expression, "CURRENT_TIMESTAMP"};
    case TypeKind::Uuid:
      return literal("00000000-0000-0000-0000-000000000000");
    case TypeKind::Enum: {
      std::vector<std::string> labels = kept_labels(a, b, type.enum_name);
      if (!labels.empty()) return literal(labels.front());
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

// `column` added to a table holding `rows` rows must be fillable.
void make_fillable(const Table& table, Column& column, std::size_t rows, const Schema& a,
                   const Schema& b) {
  if (rows == 0) return;
  if (rows >= 2 && unique_covered(table, column.name)) {
    column.nullable = true;
    column.default_value.reset();
    return;
  }
  if (column.nullable || column.default_value) return;
  column.default_value = fallback_default(column.type, a, b);
  if (!column.default_value) column.nullable = true;
}

}  // namespace

std::vector<TableRows> random_rows(const Schema& a, const Schema& b, std::mt19937_64& rng) {
  RowGenerator generator(a, b, rng);
  std::map<std::string, TableRows> done;
  std::vector<TableRows> out;
  for (const Table* table : parents_first(a)) {
    TableRows rows = generator.rows_of(*table, done);
    done.emplace(table->name, rows);
    out.push_back(std::move(rows));
  }
  return out;
}

void fit_to_rows(Schema& a, Schema& b, const std::vector<TableRows>& rows) {
  const Schema original_a = a;
  const Schema original_b = b;
  for (const TableRows& table_rows : rows) {
    Table* before = find_table(a, table_rows.table);
    Table* after = counterpart(b, table_rows.table);
    if (before == nullptr || after == nullptr) continue;
    const std::size_t count = table_rows.rows.size();
    for (Column& column : before->columns) {
      if (counterpart(*after, column.name) == nullptr) {
        make_fillable(*before, column, count, original_a, original_b);  // back with the inverse
      }
    }
    for (Column& column : after->columns) {
      bool added = true;
      for (const Column& old : before->columns)
        added = added && counterpart(std::as_const(*after), old.name) != &column;
      if (added) make_fillable(*after, column, count, original_a, original_b);
    }
  }
}

void insert_rows(Driver& driver, const std::vector<TableRows>& rows) {
  const bool postgres = driver.dialect() == DialectKind::Postgres;
  for (const TableRows& table : rows) {
    if (table.rows.empty()) continue;
    std::string names;
    std::string placeholders;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      names += (i == 0 ? "" : ", ") + quote_ident(table.columns[i]);
      placeholders +=
          (i == 0 ? "" : ", ") + std::string(postgres ? "$" : "?") + std::to_string(i + 1);
    }
    const std::string sql = "INSERT INTO " + quote_ident(table.table) + " (" + names +
                            ") VALUES (" + placeholders + ")";
    for (const auto& row : table.rows) (void)driver.query(sql, row);
  }
}

}  // namespace tempest::testing
