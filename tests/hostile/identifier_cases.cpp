#include "identifier_cases.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "tempest/build.hpp"
#include "tempest/dialect.hpp"

namespace tempest::testing {

namespace {

using namespace tempest::build;

std::string q(const std::string& name) { return quote_ident(name); }

const Table& table_of(const Schema& schema, const std::string& name) {
  const Table* table = find_table(schema, name);
  if (table == nullptr) throw std::logic_error("no table " + name);
  return *table;
}

const Column& column_of(const Schema& schema, const std::string& table, const std::string& name) {
  const Column* column = find_column(table_of(schema, table), name);
  if (column == nullptr) throw std::logic_error("no column " + name);
  return *column;
}

// A column changed by `change`, for AlterColumn.
template <class F>
Operation alter(const Schema& current, const std::string& table, const std::string& column,
                F change) {
  const Column& from = column_of(current, table, column);
  Column to = from;
  change(to);
  return AlterColumn{table, from, to};
}

Table new_table(const ObjectNames& n) {
  const std::string id = tagged(n.table, " nid");
  return table(tagged(n.table, " new"),
               {column(id, bigint()),
                column(n.text, text()).nullable().default_literal(n.text).comment(n.text)})
      .primary_key(tagged(n.table, " npk"), {id})
      .unique(tagged(n.table, " nuq"), {n.text})
      .check(tagged(n.table, " nck"), "length(" + q(n.text) + ") > 0")
      .index(index(tagged(n.table, " nix"), {desc(n.text)}).where(q(n.text) + " IS NOT NULL"))
      .foreign_key(
          foreign_key(tagged(n.table, " nfk"), {id}, n.parent, {n.parent_id}).on_delete(cascade))
      .comment(n.text);
}

void expect_rows(Driver& driver, const ObjectNames& n, bool applied) {
  const QueryResult rows =
      driver.query("SELECT " + q(n.key) + ", " + q(n.text) + " FROM " + q(n.table));
  if (!applied) {
    EXPECT_TRUE(rows.rows.empty());
    return;
  }
  ASSERT_EQ(rows.rows.size(), 1u);
  EXPECT_EQ(rows.rows[0], (std::vector<SqlValue>{"7", n.text}));
}

std::vector<OperationCase> make_cases() {
  using N = const ObjectNames&;
  using S = const Schema&;
  return {
      {"create_table", [](N n, S) { return create_table(new_table(n)); }, {}},
      {"rename_table",
       [](N n, S) { return rename_table(n.table, tagged(n.table, " renamed")); },
       {}},
      {"rename_table (referenced)",
       [](N n, S) { return rename_table(n.parent, tagged(n.table, " p2")); },
       {}},
      {"alter_table_comment",
       [](N n, S s) {
         return alter_table_comment(n.table, table_of(s, n.table).comment, tagged(n.text, " c"));
       },
       {}},
      {"add_column",
       [](N n, S) {
         return add_column(n.table, column(tagged(n.table, " add"), text())
                                        .nullable()
                                        .default_literal(n.text)
                                        .comment(n.text));
       },
       {}},
      {"add_column (enum, not null)",
       [](N n, S) {
         return add_column(
             n.table, column(tagged(n.table, " add2"), enum_of(n.mood)).default_literal(n.label2));
       },
       {}},
      {"rename_column (checked, indexed)",
       [](N n, S) { return rename_column(n.table, n.text, tagged(n.text, " renamed")); },
       {}},
      {"rename_column (primary key)",
       [](N n, S) { return rename_column(n.table, n.key, tagged(n.key, "2")); },
       {}},
      {"rename_column (foreign key, unique)",
       [](N n, S) { return rename_column(n.table, n.ref, tagged(n.ref, "2")); },
       {}},
      {"alter_column (type)",
       [](N n, S s) { return alter(s, n.table, n.text, [](Column& c) { c.type = varchar(200); }); },
       {}},
      {"alter_column (not null)",
       [](N n, S s) { return alter(s, n.table, n.extra, [](Column& c) { c.nullable = false; }); },
       {}},
      {"alter_column (literal default)",
       [](N n, S s) {
         return alter(s, n.table, n.extra, [&](Column& c) {
           c.default_value = ColumnDefault{DefaultKind::Literal, n.text};
         });
       },
       {}},
      {"alter_column (expression default)",
       [](N n, S s) {
         return alter(s, n.table, n.extra, [&](Column& c) {
           c.default_value =
               ColumnDefault{DefaultKind::Expression, "upper(" + quote_literal(n.text) + ")"};
         });
       },
       {}},
      {"alter_column (enum default)",
       [](N n, S s) {
         return alter(s, n.table, n.state, [&](Column& c) {
           c.default_value = ColumnDefault{DefaultKind::Literal, n.label2};
         });
       },
       {}},
      {"alter_column (comment)",
       [](N n, S s) {
         return alter(s, n.table, n.text, [&](Column& c) { c.comment = tagged(n.text, " c2"); });
       },
       {}},
      {"alter_primary_key (rename)",
       [](N n, S s) {
         return alter_primary_key(n.table, table_of(s, n.table).primary_key,
                                  primary_key(tagged(n.table, " pk2"), {n.key}));
       },
       {}},
      {"alter_primary_key (drop)",
       [](N n, S s) {
         return alter_primary_key(n.table, table_of(s, n.table).primary_key, no_primary_key);
       },
       {}},
      {"create_index (expression, partial)",
       [](N n, S) {
         return create_index(n.table, index(tagged(n.table, " ix2"),
                                            {expr("lower(" + q(n.text) + ")"), desc(n.key)})
                                          .where(q(n.text) + " <> " + quote_literal(n.text)));
       },
       {}},
      {"create_index (unique)",
       [](N n, S) {
         return create_index(n.table, index(tagged(n.table, " ux"), {n.ref, n.text}).unique());
       },
       {}},
      {"add_unique",
       [](N n, S) {
         return add_unique(n.table, build::unique(tagged(n.table, " uq2"), {n.key, n.text}));
       },
       {}},
      {"add_foreign_key",
       [](N n, S) {
         return add_foreign_key(
             n.table, foreign_key(tagged(n.table, " fk2"), {n.key}, n.parent, {n.parent_id})
                          .on_delete(restrict)
                          .on_update(cascade));
       },
       {}},
      {"add_check",
       [](N n, S) {
         return add_check(n.table, check(tagged(n.table, " ck2"),
                                         q(n.text) + " <> " + quote_literal(n.text + "'; --")));
       },
       {}},
      {"create_enum",
       [](N n, S) {
         return create_enum(tagged(n.table, " e2"), {n.label, tagged(n.label, " 3")});
       },
       {}},
      {"add_enum_value (append)",
       [](N n, S s) {
         return add_enum_value(n.mood, tagged(n.label, " 4"), find_enum(s, n.mood)->labels.size());
       },
       {}},
      {"add_enum_value (first)",
       [](N n, S) { return add_enum_value(n.mood, tagged(n.label, " 5"), 0); },
       {}},
      {"execute",
       [](N n, S) {
         return execute("INSERT INTO " + q(n.table) + " (" + q(n.key) + ", " + q(n.text) +
                            ") VALUES (7, " + quote_literal(n.text) + ");",
                        "DELETE FROM " + q(n.table) + " WHERE " + q(n.key) + " = 7");
       },
       expect_rows},
  };
}

}  // namespace

Schema hostile_schema(const ObjectNames& n) {
  Schema schema;
  schema.enums = {EnumType{n.mood, {n.label, n.label2}}, EnumType{n.spare, {n.label}}};
  Table parent = table(n.parent, {column(n.parent_id, bigint())})
                     .primary_key(n.parent_primary_key, {n.parent_id});
  Table main =
      table(n.table, {column(n.key, bigint()), column(n.text, text()).nullable().comment(n.text),
                      column(n.ref, bigint()).nullable(),
                      column(n.state, enum_of(n.mood)).nullable().default_literal(n.label),
                      column(n.extra, text()).nullable()})
          .primary_key(n.primary_key, {n.key})
          .index(index(n.index, {n.text}))
          .unique(n.unique, {n.ref})
          .foreign_key(foreign_key(n.foreign_key, {n.ref}, n.parent, {n.parent_id}))
          .check(n.check, q(n.text) + " <> ''")
          .comment(n.text);
  schema.tables = {parent, main};
  canonicalize(schema);
  return schema;
}

const std::vector<OperationCase>& operation_cases() {
  static const std::vector<OperationCase> cases = make_cases();
  return cases;
}

}  // namespace tempest::testing
