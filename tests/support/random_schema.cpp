#include "support/random_schema.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace tempest::testing {

namespace {

// A column name as PostgreSQL prints it in an expression: bare when it is a plain lower-case
// word, else double-quoted (quote_identifier in ruleutils.c). Expressions are written the way
// PostgreSQL prints them back, since normalize() cannot reprint arbitrary SQL.
std::string spelled(const std::string& name) {
  bool plain =
      !name.empty() && (std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_');
  for (char c : name) {
    plain = plain && (std::islower(static_cast<unsigned char>(c)) ||
                      std::isdigit(static_cast<unsigned char>(c)) || c == '_');
  }
  if (plain) return name;
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80) != 0;
}

// Where `name` is spelled in `text` as a whole identifier, from `from` on; npos when nowhere.
std::size_t find_identifier(const std::string& text, const std::string& name,
                            std::size_t from = 0) {
  const std::string word = spelled(name);
  for (std::size_t at = text.find(word, from); at != std::string::npos;
       at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || !word_char(text[at - 1])) && (end == text.size() || !word_char(text[end])))
      return at;
  }
  return std::string::npos;
}

// `text` with the identifier `from` renamed `to`.
std::string renamed(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = find_identifier(text, from); at != std::string::npos;
       at = find_identifier(text, from, at + spelled(to).size())) {
    text.replace(at, spelled(from).size(), spelled(to));
  }
  return text;
}

class Generator {
 public:
  // Names are numbered from a random start so that schemas drawn by several generators (a
  // history of edits) do not collide.
  Generator(std::mt19937_64& rng, const RandomSchemaOptions& options)
      : rng_(rng), options_(options), counter_(below(1'000'000'000)) {}

  int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
  }

  // A fresh identifier that is always a plain word (see column_expression).
  std::string plain_name(std::string_view prefix) {
    return std::string(prefix) + std::to_string(++counter_);
  }

  // A fresh identifier: a word, sometimes with characters that need quoting.
  std::string name(std::string_view prefix) {
    static const std::vector<std::string> odd = {"\"q\"", "a b", "semi;colon", "sélect", "order",
                                                 "it's", "Mixed", "ключ"};
    std::string result = std::string(prefix) + std::to_string(++counter_);
    if (options_.hostile_names && chance(15)) result += "_" + pick(odd);
    return result;
  }

  ColumnType type(const Schema& schema) {
    ColumnType t;
    switch (below(options_.every_type ? 17 : 12)) {
      case 0: t.kind = TypeKind::Int16; break;
      case 1: t.kind = TypeKind::Int32; break;
      case 2: t.kind = TypeKind::Int64; break;
      case 3: t.kind = TypeKind::Bool; break;
      case 4: t.kind = TypeKind::Float64; break;
      case 5: t.kind = TypeKind::Numeric; t.precision = 10 + below(5); t.scale = below(4); break;
      case 6: t.kind = TypeKind::Varchar; t.length = 10 + below(200); break;
      case 7: t.kind = TypeKind::Timestamp; break;
      case 8: t.kind = TypeKind::Uuid; break;
      case 9: t.kind = TypeKind::Date; break;
      case 12: t.kind = TypeKind::Float32; break;
      case 13: t.kind = TypeKind::Bytes; break;
      case 14: t.kind = TypeKind::Time; break;
      case 15: t.kind = TypeKind::TimestampTz; break;
      case 16: t.kind = TypeKind::Json; break;
      case 10:
        if (!schema.enums.empty()) {
          t.kind = TypeKind::Enum;
          t.enum_name = pick(schema.enums).name;
          break;
        }
        [[fallthrough]];
      default: t.kind = TypeKind::Text; break;
    }
    return t;
  }

  std::optional<ColumnDefault> default_for(const ColumnType& t, const Schema& schema) {
    if (!chance(30)) return std::nullopt;
    switch (t.kind) {
      case TypeKind::Int16:
      case TypeKind::Int32:
      case TypeKind::Int64: return ColumnDefault{DefaultKind::Literal, std::to_string(below(100))};
      case TypeKind::Bool: return ColumnDefault{DefaultKind::Literal, chance(50) ? "true" : "false"};
      case TypeKind::Timestamp: return ColumnDefault{DefaultKind::Expression, "CURRENT_TIMESTAMP"};
      case TypeKind::Enum:
        return ColumnDefault{DefaultKind::Literal, find_enum(schema, t.enum_name)->labels.front()};
      case TypeKind::Text:
      case TypeKind::Varchar: return ColumnDefault{DefaultKind::Literal, chance(50) ? "it's" : "x"};
      default: return std::nullopt;
    }
  }

  // A type `from` converts to, on both engines, for rows holding values valid in both types
  // (see RandomSchemaOptions::change_types); `from` itself when there is none to pick.
  ColumnType converted(const ColumnType& from, const Schema& schema) {
    auto of = [](TypeKind kind) {
      ColumnType t;
      t.kind = kind;
      return t;
    };
    ColumnType varchar = of(TypeKind::Varchar);
    varchar.length = 10 + below(200);
    ColumnType numeric = of(TypeKind::Numeric);
    numeric.precision = 12;
    numeric.scale = 2;
    std::vector<ColumnType> targets;
    switch (from.kind) {
      case TypeKind::Int16:
      case TypeKind::Int32:
      case TypeKind::Int64:
        for (TypeKind kind : {TypeKind::Int16, TypeKind::Int32, TypeKind::Int64})
          if (kind != from.kind) targets.push_back(of(kind));
        targets.insert(targets.end(),
                       {numeric, of(TypeKind::Float64), of(TypeKind::Text), varchar});
        break;
      case TypeKind::Text:
        targets = {varchar,
                   of(TypeKind::Int32),
                   of(TypeKind::Int64),
                   of(TypeKind::Uuid),
                   of(TypeKind::Date),
                   of(TypeKind::Timestamp)};
        if (options_.every_type) targets.push_back(of(TypeKind::Json));
        if (!schema.enums.empty()) {
          ColumnType e = of(TypeKind::Enum);
          e.enum_name = pick(schema.enums).name;
          targets.push_back(e);
        }
        break;
      // A varchar's values are at most 10 characters: no uuid or enum label fits all of them.
      case TypeKind::Varchar:
        targets = {of(TypeKind::Text), varchar, of(TypeKind::Int64), of(TypeKind::Date)};
        break;
      case TypeKind::Numeric:
      case TypeKind::Float32: targets = {of(TypeKind::Float64), of(TypeKind::Text)}; break;
      case TypeKind::TimestampTz:
      case TypeKind::Date: targets = {of(TypeKind::Timestamp), of(TypeKind::Text)}; break;
      case TypeKind::Timestamp: targets = {of(TypeKind::Date), of(TypeKind::Text)}; break;
      case TypeKind::Bool:
      case TypeKind::Float64:
      case TypeKind::Uuid:
      case TypeKind::Time:
      case TypeKind::Json:
      case TypeKind::Enum: targets = {of(TypeKind::Text)}; break;
      default: break;
    }
    std::erase_if(targets, [&](const ColumnType& t) { return t == from; });
    return targets.empty() ? from : pick(targets);
  }

  Column column(const Schema& schema) {
    Column c;
    c.name = name("c");
    c.type = type(schema);
    c.nullable = chance(40);
    c.default_value = default_for(c.type, schema);
    if (chance(10)) c.comment = "note " + std::to_string(below(10));
    return c;
  }

  EnumType enum_type() {
    EnumType e{name("e"), {}};
    int labels = 1 + below(4);
    for (int i = 0; i < labels; ++i) e.labels.push_back("l" + std::to_string(++counter_));
    return e;
  }

  Table table(const Schema& schema) {
    Table t;
    t.name = name("t");
    Column id{"id", {}, false, std::nullopt, Identity::None, "", ""};
    id.type.kind = TypeKind::Int64;
    if (chance(30)) id.identity = Identity::ByDefault;
    t.columns.push_back(id);
    int columns = below(options_.max_columns);
    for (int i = 0; i < columns; ++i) t.columns.push_back(column(schema));
    t.primary_key = PrimaryKey{"pk_" + t.name, {"id"}};
    if (chance(10)) t.comment = "table note";
    return t;
  }

  // Secondary objects on the non-key columns of `t`.
  void decorate(Table& t, const Schema& schema) {
    std::vector<std::string> plain;
    for (const Column& c : t.columns)
      if (c.name != "id") plain.push_back(c.name);
    if (plain.empty()) return;
    if (chance(40)) {
      Index index{name("ix"), {IndexKey{pick(plain), {}, chance(30)}}, chance(30), {}};
      if (chance(20)) {
        index.where = column_expression(t) ? expression_column(t) + " IS NOT NULL" : "id > 0";
      }
      if (chance(15)) {
        index.keys.push_back(IndexKey{
            {}, column_expression(t) ? expression_column(t) + " IS NULL" : "lower('x')", false});
      }
      t.indexes.push_back(index);
    }
    if (chance(25)) t.uniques.push_back({name("uq"), {pick(plain)}});
    if (chance(25)) {
      // Always true for the rows of the suites, whose ids are never negative.
      t.checks.push_back({name("ck"), column_expression(t) ? "(" + expression_column(t) +
                                                                 " IS NOT NULL) OR (id >= 0)"
                                                           : "id >= 0"});
    }
    add_foreign_key(t, schema);
  }

  // Whether the next expression names a column (never drawn unless the option is on). Only
  // columns with plain names are named, and they are renamed to plain names (mutate_schema):
  // a quoted reference stays quoted through a rename in SQLite (and in apply()) while
  // PostgreSQL reprints it bare, so no single text would describe both databases.
  bool column_expression(const Table& t) {
    return options_.column_expressions && !plain_columns(t).empty() && chance(50);
  }
  std::string expression_column(const Table& t) { return pick(plain_columns(t)); }

  static std::vector<std::string> plain_columns(const Table& t) {
    std::vector<std::string> out;
    for (const Column& c : t.columns)
      if (c.name != "id" && spelled(c.name) == c.name) out.push_back(c.name);
    return out;
  }

  void add_foreign_key(Table& t, const Schema& schema) {
    if (schema.tables.empty() || !chance(40)) return;
    const Table& target = pick(schema.tables);
    Column ref;
    ref.name = name("ref");
    ref.type.kind = TypeKind::Int64;
    ref.nullable = true;
    t.columns.push_back(ref);
    ForeignKey fk{name("fk"), {ref.name}, target.name, {"id"}, ForeignKeyAction::NoAction,
                  ForeignKeyAction::NoAction, Deferrable::No};
    if (chance(40)) fk.on_delete = chance(50) ? ForeignKeyAction::Cascade : ForeignKeyAction::SetNull;
    if (chance(10)) fk.deferrable = Deferrable::InitiallyDeferred;
    t.foreign_keys.push_back(fk);
  }

 private:
  std::mt19937_64& rng_;
  RandomSchemaOptions options_;
  int counter_;
};

bool in_foreign_key(const Table& table, const std::string& column) {
  for (const ForeignKey& fk : table.foreign_keys)
    if (std::find(fk.columns.begin(), fk.columns.end(), column) != fk.columns.end()) return true;
  return false;
}

bool mentioned_in_expressions(const Table& table, const std::string& column) {
  auto mentions = [&](const std::string& text) {
    return find_identifier(text, column) != std::string::npos;
  };
  for (const CheckConstraint& check : table.checks)
    if (mentions(check.expression)) return true;
  for (const Index& index : table.indexes) {
    if (mentions(index.where)) return true;
    for (const IndexKey& key : index.keys)
      if (mentions(key.expression)) return true;
  }
  return false;
}

// Objects of `table` that use `column`, removed so that the column can go.
void forget_column(Table& table, const std::string& column) {
  auto uses = [&](const std::vector<std::string>& columns) {
    return std::find(columns.begin(), columns.end(), column) != columns.end();
  };
  auto mentions = [&](const std::string& text) {
    return find_identifier(text, column) != std::string::npos;
  };
  std::erase_if(table.indexes, [&](const Index& index) {
    return mentions(index.where) ||
           std::any_of(index.keys.begin(), index.keys.end(), [&](const IndexKey& key) {
             return key.column == column || mentions(key.expression);
           });
  });
  std::erase_if(table.checks, [&](const CheckConstraint& c) { return mentions(c.expression); });
  std::erase_if(table.uniques, [&](const UniqueConstraint& u) { return uses(u.columns); });
  std::erase_if(table.foreign_keys, [&](const ForeignKey& fk) { return uses(fk.columns); });
  std::erase_if(table.columns, [&](const Column& c) { return c.name == column; });
}

}  // namespace

Schema random_schema(std::mt19937_64& rng, const RandomSchemaOptions& options) {
  Generator gen(rng, options);
  Schema schema;
  int enums = gen.below(options.max_enums + 1);
  for (int i = 0; i < enums; ++i) schema.enums.push_back(gen.enum_type());
  canonicalize(schema);
  int tables = 1 + gen.below(options.max_tables);
  for (int i = 0; i < tables; ++i) {
    Table table = gen.table(schema);
    gen.decorate(table, schema);
    schema.tables.push_back(std::move(table));
    canonicalize(schema);
  }
  return schema;
}

Schema without_hints(Schema schema) {
  for (Table& table : schema.tables) {
    table.renamed_from.clear();
    for (Column& column : table.columns) column.renamed_from.clear();
  }
  return schema;
}

Schema with_sorted_columns(Schema schema) {
  for (Table& table : schema.tables)
    std::sort(table.columns.begin(), table.columns.end(),
              [](const Column& a, const Column& b) { return a.name < b.name; });
  return schema;
}

Schema mutate_schema(const Schema& from, std::mt19937_64& rng,
                     const RandomSchemaOptions& options) {
  Generator gen(rng, options);
  Schema s = without_hints(from);

  // Enums: append, insert or drop labels, add an enum.
  for (EnumType& e : s.enums) {
    if (gen.chance(20)) e.labels.push_back(gen.name("l"));
    if (gen.chance(10)) e.labels.insert(e.labels.begin(), gen.name("l"));
    if (gen.chance(10) && e.labels.size() > 1) e.labels.erase(e.labels.begin() + 1);
  }
  if (gen.chance(20)) s.enums.push_back(gen.enum_type());
  if (!s.enums.empty() && gen.chance(10)) {
    std::string victim = gen.pick(s.enums).name;
    bool used = false;
    for (const Table& t : s.tables)
      for (const Column& c : t.columns) used = used || (c.type.kind == TypeKind::Enum && c.type.enum_name == victim);
    if (!used) std::erase_if(s.enums, [&](const EnumType& e) { return e.name == victim; });
  }
  canonicalize(s);

  // Drop up to two tables (and the foreign keys that point at them).
  for (int round = 0; round < 2; ++round) {
    if (s.tables.size() <= 1 || !gen.chance(25)) break;
    std::string victim = gen.pick(s.tables).name;
    std::erase_if(s.tables, [&](const Table& t) { return t.name == victim; });
    for (Table& t : s.tables)
      std::erase_if(t.foreign_keys, [&](const ForeignKey& fk) { return fk.ref_table == victim; });
  }

  for (Table& t : s.tables) {
    // Rename the table, with a hint, and follow it in every foreign key.
    if (gen.chance(10)) {
      std::string old = t.name;
      t.name = gen.name("t");
      t.renamed_from = old;
      for (Table& other : s.tables)
        for (ForeignKey& fk : other.foreign_keys)
          if (fk.ref_table == old) fk.ref_table = t.name;
    }
    for (std::size_t i = 1; i < t.columns.size(); ++i) {
      Column& c = t.columns[i];
      if (gen.chance(10)) {
        // Rename with a hint; follow it in this table's objects.
        std::string old = c.name;
        c.name = mentioned_in_expressions(t, old) ? gen.plain_name("c") : gen.name("c");
        c.renamed_from = old;
        for (Index& index : t.indexes)
          for (IndexKey& key : index.keys)
            if (key.column == old) key.column = c.name;
        for (UniqueConstraint& u : t.uniques) std::replace(u.columns.begin(), u.columns.end(), old, c.name);
        // What the model's author writes after the rename (a no-op without column expressions).
        for (Index& index : t.indexes) {
          index.where = renamed(index.where, old, c.name);
          for (IndexKey& key : index.keys) key.expression = renamed(key.expression, old, c.name);
        }
        for (CheckConstraint& check : t.checks)
          check.expression = renamed(check.expression, old, c.name);
        for (ForeignKey& fk : t.foreign_keys) std::replace(fk.columns.begin(), fk.columns.end(), old, c.name);
      } else if (gen.chance(10)) {
        c.nullable = !c.nullable;
      } else if (gen.chance(10)) {
        c.default_value = gen.default_for(c.type, s);
      } else if (gen.chance(5)) {
        c.comment = c.comment.empty() ? "changed" : "";
      }
      // Foreign key columns keep the type of the key they reference.
      if (options.change_types && !in_foreign_key(t, c.name) && gen.chance(10)) {
        ColumnType to = gen.converted(c.type, s);
        if (!(to == c.type)) {
          c.type = to;
          c.default_value = gen.default_for(c.type, s);
        }
      }
    }
    if (t.columns.size() > 1 && gen.chance(15)) {
      std::size_t victim = 1 + static_cast<std::size_t>(gen.below(static_cast<int>(t.columns.size()) - 1));
      std::string name = t.columns[victim].name;
      // A column referenced by no other table (all foreign keys point at "id").
      forget_column(t, name);
    }
    if (gen.chance(25)) t.columns.push_back(gen.column(s));
    if (gen.chance(10) && !t.indexes.empty()) t.indexes.erase(t.indexes.begin());
    if (gen.chance(10) && !t.checks.empty()) t.checks.erase(t.checks.begin());
    if (gen.chance(10) && !t.foreign_keys.empty()) t.foreign_keys.erase(t.foreign_keys.begin());
    if (gen.chance(20)) gen.decorate(t, s);
    if (gen.chance(5)) t.comment = t.comment.empty() ? "now commented" : "";
    if (options.toggle_identity && gen.chance(10)) {
      Column& id = t.columns.front();
      id.identity = id.identity == Identity::None ? Identity::ByDefault : Identity::None;
    }
  }

  // Enum labels removed above may have been column defaults: keep defaults valid.
  for (Table& t : s.tables)
    for (Column& c : t.columns)
      if (c.type.kind == TypeKind::Enum && c.default_value) {
        const EnumType* e = find_enum(s, c.type.enum_name);
        if (std::find(e->labels.begin(), e->labels.end(), c.default_value->value) == e->labels.end())
          c.default_value.reset();
      }

  // New tables are decorated after all of them exist, so their foreign keys may form cycles.
  if (gen.chance(30)) {
    const int added = 1 + gen.below(2);
    std::vector<std::string> names;
    for (int i = 0; i < added; ++i) {
      s.tables.push_back(gen.table(s));
      names.push_back(s.tables.back().name);
    }
    canonicalize(s);
    for (const std::string& name : names) {
      Table t = *find_table(s, name);
      gen.decorate(t, s);
      *find_table(s, name) = std::move(t);
    }
  }
  canonicalize(s);
  return s;
}

}  // namespace tempest::testing
