// Introspection reads columns and foreign keys from the CREATE TABLE text checked against
// SQLite's column metadata, and falls back to the pragmas table by table. Both sources must
// give the same facts and the same schema: compared here on real-world schemas, random ones
// (created and then migrated by the SQLite renderer), hostile names and a corpus of odd but
// valid declarations, each fact also against what pragma_table_xinfo and
// pragma_foreign_key_list report directly. A random case that fails prints its seed: rerun
// with TEMPEST_SEED=<seed> TEMPEST_CASES=1.

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "dialect/sqlite/create_table_parser.hpp"
#include "dialect/sqlite/introspect.hpp"
#include "dialect/sqlite/random_declaration.hpp"
#include "dialect/sqlite/table_facts.hpp"
#include "support/execute_plan.hpp"
#include "support/fixtures.hpp"
#include "support/random_schema.hpp"
#include "support/seeds.hpp"
#include "tempest/dialect.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

using testing::read_fixture;

using Names = std::vector<std::string>;

std::string show(const std::optional<std::string>& value) {
  return value ? "'" + *value + "'" : "NULL";
}

std::string describe(const TableFacts& facts) {
  std::ostringstream out;
  for (const ColumnFacts& c : facts.columns) {
    out << "  column [" << c.name << "] type [" << c.type << "] notnull " << c.not_null << " dflt "
        << show(c.default_text) << " pk " << c.primary_key << " hidden " << c.hidden << "\n";
  }
  for (const ForeignKeyFacts& fk : facts.foreign_keys) {
    out << "  fk -> [" << fk.ref_table << "] update " << fk.on_update << " delete " << fk.on_delete
        << ":";
    for (std::size_t i = 0; i < fk.columns.size(); ++i) {
      out << " [" << fk.columns[i] << "]->" << show(fk.ref_columns[i]);
    }
    out << "\n";
  }
  return out.str();
}

std::string create_sql(SqliteDriver& db, const std::string& table) {
  auto rows = db.query("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1", {table});
  if (rows.rows.size() != 1 || !rows.rows[0][0]) throw std::runtime_error("no table " + table);
  return *rows.rows[0][0];
}

// What the pragmas report, read here with queries of the test's own.
TableFacts pragma_rows(SqliteDriver& db, const std::string& table) {
  TableFacts facts;
  auto number = [](const SqlValue& value) { return value ? std::stoi(*value) : 0; };
  for (const auto& row : db.query("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM "
                                  "pragma_table_xinfo(?1, 'main') ORDER BY cid",
                                  {table})
                             .rows) {
    facts.columns.push_back(
        {*row[0], *row[1], number(row[2]) != 0, row[3], number(row[4]), number(row[5])});
  }
  int last_id = -1;
  for (const auto& row : db.query("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                                  "FROM pragma_foreign_key_list(?1, 'main') ORDER BY id, seq",
                                  {table})
                             .rows) {
    if (number(row[0]) != last_id) {
      facts.foreign_keys.push_back({*row[1], {}, {}, *row[4], *row[5]});
      last_id = number(row[0]);
    }
    facts.foreign_keys.back().columns.push_back(*row[2]);
    facts.foreign_keys.back().ref_columns.push_back(row[3]);
  }
  return facts;
}

// The declared facts of `table`, nullopt when they do not line up (the pragma path is taken).
std::optional<TableFacts> declared(SqliteDriver& db, const std::string& table) {
  return declared_table_facts(db.handle(), table, parse_create_table(create_sql(db, table)));
}

// Introspects `db` from both sources and expects the same schema, and for every table the
// same facts from the declaration (where it lines up), from both pragma readers and from the
// pragmas directly. Returns the tables read from the pragmas although Declaration was asked.
Names expect_sources_agree(SqliteDriver& db) {
  std::vector<TableFactSource> by_declaration;
  std::vector<TableFactSource> by_pragmas;
  const Schema declared_schema = introspect_sqlite(db, FactSource::Declaration, &by_declaration);
  const Schema pragma_schema = introspect_sqlite(db, FactSource::Pragmas, &by_pragmas);
  EXPECT_TRUE(declared_schema == pragma_schema)
      << "from the declarations:\n"
      << schema_to_json(declared_schema) << "from the pragmas:\n"
      << schema_to_json(pragma_schema);
  EXPECT_TRUE(declared_schema == introspect_sqlite(db));

  Names fallbacks;
  const auto all = pragma_facts_of_all_tables(db);
  EXPECT_EQ(by_declaration.size(), by_pragmas.size());
  EXPECT_EQ(by_declaration.size(), declared_schema.tables.size());
  for (std::size_t i = 0; i < by_declaration.size(); ++i) {
    const std::string& table = by_declaration[i].table;
    SCOPED_TRACE("table [" + table + "]: " + create_sql(db, table));
    EXPECT_EQ(by_pragmas[i].table, table);
    EXPECT_EQ(by_pragmas[i].source, FactSource::Pragmas);
    const TableFacts direct = pragma_rows(db, table);
    const TableFacts bound = pragma_table_facts(db, table);
    EXPECT_TRUE(bound == direct) << "bound pragma reader:\n"
                                 << describe(bound) << "pragmas:\n"
                                 << describe(direct);
    EXPECT_TRUE(all.at(table) == direct) << "joined pragma reader:\n"
                                         << describe(all.at(table)) << "pragmas:\n"
                                         << describe(direct);
    std::optional<TableFacts> from_text = declared(db, table);
    EXPECT_EQ(from_text.has_value(), by_declaration[i].source == FactSource::Declaration);
    if (from_text) {
      EXPECT_TRUE(*from_text == direct) << "declaration:\n"
                                        << describe(*from_text) << "pragmas:\n"
                                        << describe(direct);
    } else {
      fallbacks.push_back(table);
    }
  }
  return fallbacks;
}

std::unique_ptr<SqliteDriver> database(const std::string& ddl) {
  auto db = SqliteDriver::open(":memory:");
  db->execute(ddl);
  return db;
}

TEST(SqliteIntrospectSources, Fixtures) {
  for (const char* fixture :
       {"chinook/Chinook_Sqlite.sql", "chinook/Chinook_Sqlite_AutoIncrementPKs.sql",
        "sakila/sqlite-sakila-schema.sql"}) {
    SCOPED_TRACE(fixture);
    auto db = database(read_fixture(fixture));
    EXPECT_EQ(expect_sources_agree(*db), Names{});
    EXPECT_GE(introspect_sqlite(*db).tables.size(), 11u);
  }
}

// Odd but valid declarations. Every table but paren_key and paren_unique (whose key lists an
// expression-like "(a)") is read from its declaration.
constexpr std::string_view kCorpus = R"sql(
CREATE TABLE types (
  a "varchar"(3), b VarChar(10), c "VARCHAR", d double precision, e unsigned big int,
  f varchar ( 40 ), g, h key, i text, j Text COLLATE NOCASE, k [integer], l 'Blob', m `real`,
  n numeric(10, 2), o int(-1, +2), p "text" 'x', q INT GENERATED ALWAYS, r character varying(5),
  s any, t iNtEgEr, u "Double" "Precision", v BLOB(3), w timestamp with time zone
);
CREATE TABLE defaults (
  id integer primary key,
  d1 DEFAULT ( 1 + 2 ), d2 default -1, d3 default + 5, d4 DEFAULT 'x''y',
  d5 DEFAULT CURRENT_TIMESTAMP, d6 DEFAULT x'00ff', d7 DEFAULT TRUE, d8 default false,
  d9 DEFAULT NULL, d10 DEFAULT "dq", d11 DEFAULT 1e5, d12 DEFAULT 0x10, d13 DEFAULT -0x10,
  d14 DEFAULT - 1.5e-3, d15 DEFAULT .5, d16 DEFAULT current_date, d17 DEFAULT "dq""x",
  d18 DEFAULT `bq`, d19 DEFAULT [br], d20 DEFAULT abc, d21 DEFAULT -- a comment
    7, d22 DEFAULT /* c */ 8 /* d */, d23 DEFAULT(1), d24 DEFAULT X'', d25 DEFAULT -'x',
  d26 default +x'ab', d27 DEFAULT ((1)), d28 DEFAULT (/*c*/ 2 /*d*/ ), d29 DEFAULT - /* c */ 3,
  d30 DEFAULT 'multi
line', d31 DEFAULT ('x') NOT NULL, d32 DEFAULT 9223372036854775808, d33 default -null,
  d34 DEFAULT 1.e5, d35 DEFAULT 1E+5, d36 DEFAULT (
    1 ), d37 DEFAULT -current_time, d38 DEFAULT 1 DEFAULT 2, d39 DEFAULT 'a' COLLATE nocase,
  d40 DEFAULT (lower('ABC')), d41 DEFAULT ('a' || ')'), d42 DEFAULT 'é', d43 DEFAULT ABORT,
  d44 DEFAULT "", d45 DEFAULT '', d46 text NOT NULL DEFAULT 'v' CHECK (d46 <> ''),
  d47 DEFAULT (CASE WHEN 1 THEN 'a' ELSE 'b' END), d48 DEFAULT -9223372036854775808,
  d49 DEFAULT 0X1F, d50 DEFAULT 1., d51 DEFAULT -	1, d52 DEFAULT +
    5, d53 DEFAULT true NOT NULL, d54 DEFAULT - x'01', d55 DEFAULT '(', d56 DEFAULT ')',
  d57 DEFAULT	(	'tab'	), d58 DEFAULT 1e999, d59 DEFAULT 'it''s -- not a comment',
  d60 DEFAULT '/* nor this */', d61 int DEFAULT 0 CONSTRAINT c61 CHECK (d61 >= 0) NOT NULL,
  d62 DEFAULT replace, d63 DEFAULT (1) /* after */, d64 DEFAULT ((1) + (2))
);
CREATE TABLE pk_col (id INTEGER PRIMARY KEY DESC, x);
CREATE TABLE pk_auto (id INTEGER CONSTRAINT "k" PRIMARY KEY ASC ON CONFLICT REPLACE AUTOINCREMENT,
                      x);
CREATE TABLE pk_table (a text, b int, c,
                       CONSTRAINT "the key" PRIMARY KEY (B DESC, "A" COLLATE NOCASE)
                         ON CONFLICT IGNORE);
CREATE TABLE pk_table_auto (id integer, PRIMARY KEY (id AUTOINCREMENT));
CREATE TABLE pk_repeated (a, b, PRIMARY KEY (a, b, A));
CREATE TABLE pk_text (code text PRIMARY KEY NOT NULL, n int);
CREATE TABLE without_rowid (a text, b int, c, PRIMARY KEY (b, a)) WITHOUT ROWID;
CREATE TABLE without_rowid_col (k text primary key, v) without rowid;
CREATE TABLE strict_table (id integer primary key, a int not null, b text, c real, d blob,
                           e any) STRICT;
CREATE TABLE strict_without_rowid (a text primary key, b int) STRICT, WITHOUT ROWID;
CREATE TABLE checks (a int CHECK (a > (1 + (2 * 3))) CHECK ((a)),
                     b CONSTRAINT named CHECK (b IN ('(', ')')),
                     CHECK ((a + b) > 0));
CREATE TABLE comments ( -- leading
  a /* name */ int /* type */ NOT /* between */ NULL, -- trailing, with a comma
  /* before */ b text, "c" -- x
    DEFAULT 4, d int /* , fake int */ , e /* ) */ text
  /* the end ( */ );
CREATE TABLE bare (x, y, z);
CREATE TABLE keywords ("select" int, "table" text, [order] int, `group` int, "primary" int,
                       key int, text text, rowid int, "AS" int, "default" DEFAULT 'd',
                       'quoted' int, abort int, generated int, always text);
CREATE TABLE parent (id integer primary key, a text, b int, unique (a, b), unique (b));
CREATE TABLE fks (
  x int REFERENCES parent,
  y int REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL,
  z text CONSTRAINT fz REFERENCES "parent" ("a") MATCH FULL DEFERRABLE INITIALLY DEFERRED,
  w int REFERENCES parent (b) ON DELETE SET DEFAULT ON UPDATE RESTRICT NOT DEFERRABLE,
  v int REFERENCES parent ON INSERT CASCADE ON DELETE NO ACTION ON DELETE RESTRICT,
  u int REFERENCES missing_table (nope) NOT NULL DEFAULT 0,
  FOREIGN KEY (Z, W) REFERENCES parent (a, b) ON DELETE CASCADE DEFERRABLE,
  CONSTRAINT two FOREIGN KEY (x) REFERENCES parent (id) ON UPDATE CASCADE,
  foreign key (y, x) references parent,
  FOREIGN KEY (u) REFERENCES [parent] (`b`) DEFERRABLE INITIALLY IMMEDIATE,
  FOREIGN KEY (v) REFERENCES Parent (B) MATCH SIMPLE ON UPDATE SET DEFAULT
);
CREATE TABLE case_refs (Id integer, Other text, PRIMARY KEY (iD),
                        FOREIGN KEY (OTHER) REFERENCES pk_table (a));
CREATE TABLE self_ref (id integer primary key, up REFERENCES self_ref, down int,
                       FOREIGN KEY (down) REFERENCES self_ref (id) ON DELETE SET NULL);
CREATE TABLE altered (id integer primary key, a text, CONSTRAINT ck CHECK (a <> ''));
ALTER TABLE altered ADD COLUMN b int DEFAULT -1 NOT NULL;
ALTER TABLE altered ADD COLUMN "c d" text REFERENCES parent (a) ON DELETE SET NULL;
ALTER TABLE altered ADD COLUMN e DEFAULT (1 + 1);
ALTER TABLE altered ADD COLUMN f text COLLATE NOCASE DEFAULT 'f' /* trailing comment */;
ALTER TABLE altered RENAME COLUMN a TO "A new";
ALTER TABLE altered RENAME COLUMN b TO [b2];
ALTER TABLE altered DROP COLUMN e;
CREATE TABLE renamed_from (id integer primary key, p int REFERENCES altered (id));
ALTER TABLE renamed_from RENAME TO "renamed to";
ALTER TABLE parent RENAME COLUMN id TO pid;
CREATE TABLE from_select AS SELECT pid, a, b, pid + 1 AS "pid+1", 'lit' FROM parent;
CREATE TABLE paren_key (a, b, PRIMARY KEY ((a)));
CREATE TABLE paren_unique (a, b, UNIQUE ((a)));
CREATE TABLE IF NOT EXISTS main."qualified" (a int);
CREATE TEMP TABLE temporary (a int);
CREATE TEMP TABLE parent (temp_only int, FOREIGN KEY (temp_only) REFERENCES elsewhere);
)sql";

TEST(SqliteIntrospectSources, OddDeclarations) {
  auto db = database(std::string(kCorpus));
  EXPECT_EQ(expect_sources_agree(*db), (Names{"paren_key", "paren_unique"}));

  // A few facts spelled out, so that agreement is not agreement on nothing.
  auto column = [&](const std::string& table, const std::string& name) {
    const std::optional<TableFacts> facts = declared(*db, table);
    for (const ColumnFacts& c : facts.value().columns) {
      if (c.name == name) return c;
    }
    throw std::runtime_error("no column " + name);
  };
  EXPECT_EQ(column("types", "a").type, "varchar");
  EXPECT_EQ(column("types", "i").type, "TEXT");
  EXPECT_EQ(column("types", "q").type, "INT");
  EXPECT_EQ(column("types", "w").type, "timestamp with time zone");
  EXPECT_EQ(column("defaults", "d1").default_text, "1 + 2");
  EXPECT_EQ(column("defaults", "d3").default_text, "+ 5");
  EXPECT_EQ(column("defaults", "d6").default_text, "x'00ff'");
  EXPECT_EQ(column("defaults", "d21").default_text, "7");
  EXPECT_EQ(column("defaults", "d28").default_text, "/*c*/ 2 /*d*/");
  EXPECT_EQ(column("defaults", "d29").default_text, "- /* c */ 3");
  EXPECT_EQ(column("defaults", "d38").default_text, "2");
  EXPECT_EQ(column("without_rowid", "a").primary_key, 2);
  EXPECT_TRUE(column("without_rowid", "a").not_null);
  EXPECT_EQ(column("pk_table", "b").primary_key, 1);
  EXPECT_EQ(column("altered", "A new").default_text, std::nullopt);
  EXPECT_EQ(column("altered", "b2").default_text, "-1");
  EXPECT_EQ(column("altered", "f").default_text, "'f'");
  const TableFacts fks = *declared(*db, "fks");
  ASSERT_EQ(fks.foreign_keys.size(), 11u);
  EXPECT_EQ(fks.foreign_keys[0].ref_table, "Parent");
  EXPECT_EQ(fks.foreign_keys[0].on_update, "SET DEFAULT");
  EXPECT_EQ(fks.foreign_keys[4].columns, (Names{"z", "w"}));
  EXPECT_EQ(fks.foreign_keys[6].on_delete, "RESTRICT");
  EXPECT_EQ(fks.foreign_keys[10].ref_columns,
            std::vector<std::optional<std::string>>{std::nullopt});
}

// Generated columns are left to the pragma path, which refuses them by name.
TEST(SqliteIntrospectSources, GeneratedColumnsTakeThePragmaPathAndItsError) {
  for (const char* ddl : {
           "CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL)",
           "CREATE TABLE t (a INT, b AS (a + 1) STORED)",
           "CREATE TABLE t (a INT, \"b\" text generated always as (a || 'x'), c)",
           "CREATE TABLE t (a INT, b INT CONSTRAINT g AS (a) NOT NULL)",
       }) {
    SCOPED_TRACE(ddl);
    auto db = database(std::string(ddl) + "; CREATE TABLE a_plain (x int)");
    EXPECT_FALSE(declared(*db, "t").has_value());
    EXPECT_TRUE(declared(*db, "a_plain").has_value());
    for (FactSource source : {FactSource::Declaration, FactSource::Pragmas}) {
      try {
        (void)introspect_sqlite(*db, source, nullptr);
        ADD_FAILURE() << "no UnsupportedError";
      } catch (const UnsupportedError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "sqlite: table \"t\": column \"b\" is a generated column, which tempest cannot "
                  "represent");
      }
    }
  }
}

// A driver that is not a SqliteDriver: no handle for the metadata, so every table is read
// from the pragmas joined over the tables, with the same result.
class ForwardingDriver final : public Driver {
 public:
  explicit ForwardingDriver(Driver& inner) : inner_(inner) {}
  [[nodiscard]] DialectKind dialect() const override { return inner_.dialect(); }
  void execute(std::string_view sql) override { inner_.execute(sql); }
  [[nodiscard]] QueryResult query(std::string_view sql,
                                  const std::vector<SqlValue>& params) override {
    ++queries;
    return inner_.query(sql, params);
  }
  void begin() override { inner_.begin(); }
  void commit() override { inner_.commit(); }
  void rollback() override { inner_.rollback(); }
  [[nodiscard]] bool in_transaction() const override { return inner_.in_transaction(); }

  int queries = 0;

 private:
  Driver& inner_;
};

TEST(SqliteIntrospectSources, OtherDriversReadThePragmas) {
  auto db = database(std::string(kCorpus));
  ForwardingDriver forwarding(*db);
  std::vector<TableFactSource> sources;
  const Schema schema = introspect_sqlite(forwarding, FactSource::Declaration, &sources);
  EXPECT_TRUE(schema == introspect_sqlite(*db));
  for (const auto& s : sources) EXPECT_EQ(s.source, FactSource::Pragmas) << s.table;
  // Tables, index SQL, indexes, and the two joined pragma queries.
  EXPECT_EQ(forwarding.queries, 5);
}

std::string q(const std::string& name) { return quote_ident(name); }

std::string ascii_upper(std::string name) {
  for (char& c : name) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return name;
}

// Quotes, semicolons, comment markers, brackets, spaces, reserved words, mixed case,
// non-ASCII and long names, as table, column, key and constraint names and default texts.
TEST(SqliteIntrospectSources, HostileNames) {
  const Names names = {
      "we\"ird",
      "\"\"",
      "it's",
      "x\"; DROP TABLE victim; --",
      "'); DROP TABLE victim; --",
      "semi;colon",
      "-- dash",
      "/* block */ x",
      " spaced  out ",
      "back\\slash\\",
      "$1 $$x$$",
      "[br`ack]",
      "f(x))::text",
      "select",
      "table",
      "order",
      "primary",
      "MixedCase",
      "1st",
      "Ключ",
      "élève",
      "表名",
      "emoji😀",
      "e\u0301te\u0301",
      "default",
      "as",
      "references",
      std::string(300, 'n'),
      std::string(40, 'a') + "\"" + std::string(40, 'b'),
  };
  std::string ddl;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& n = names[i];
    const std::string parent = i == 0 ? n : names[i - 1];
    ddl += "CREATE TABLE " + q(n) + " (" + q(n + " id") + " INTEGER, " + q(n) + " text DEFAULT " +
           quote_literal(n) + " NOT NULL, " + q(n + " r") + " int REFERENCES " + q(parent) + " (" +
           q(parent + " id") + ") ON DELETE CASCADE, " + q(n + " s") + " DEFAULT (" +
           quote_literal(n) + " || " + quote_literal(n) + "), CONSTRAINT " + q(n + " pk") +
           " PRIMARY KEY (" + q(ascii_upper(n + " id")) + "), CONSTRAINT " + q(n + " fk") +
           " FOREIGN KEY (" + q(ascii_upper(n)) + ", " + q(n + " s") + ") REFERENCES " + q(parent) +
           " (" + q(parent) + ", " + q(parent + " s") + ") ON UPDATE SET NULL);\n";
  }
  auto db = database(ddl);
  EXPECT_EQ(expect_sources_agree(*db), Names{});
  EXPECT_EQ(introspect_sqlite(*db).tables.size(), names.size());
}

// Random schemas created by the renderer, then migrated to a random edit of themselves (ADD
// and RENAME COLUMN, rebuilds, new tables and keys): every table is read from its declaration,
// with the same result as from the pragmas.
TEST(SqliteIntrospectSources, RandomSchemasAndTheirMigrations) {
  testing::RandomSchemaOptions options;
  options.every_type = true;
  options.column_expressions = true;
  options.change_types = true;
  options.toggle_identity = true;
  testing::for_each_seeded_case(300, [&](std::mt19937_64& rng) {
    const Schema before = testing::random_schema(rng, options);
    const Schema after = testing::mutate_schema(before, rng, options);
    auto db = SqliteDriver::open(":memory:");
    testing::execute_plan(*db, sqlite_dialect(), render_schema(sqlite_dialect(), before));
    EXPECT_EQ(expect_sources_agree(*db), Names{});
    testing::execute_plan(*db, sqlite_dialect(),
                          sqlite_dialect().render(diff_schema(before, after), before));
    EXPECT_EQ(expect_sources_agree(*db), Names{});
  });
}

// Random hand-written declarations (random_declaration.hpp): every table is read from its
// declaration, with the same result as from the pragmas.
TEST(SqliteIntrospectSources, RandomHandWrittenDeclarations) {
  testing::for_each_seeded_case(500, [&](std::mt19937_64& rng) {
    const std::string ddl = testing::random_declarations(rng);
    SCOPED_TRACE(ddl);
    std::unique_ptr<SqliteDriver> db;
    try {
      db = database(ddl);
    } catch (const DatabaseError& e) {
      FAIL() << "SQLite refused the declarations: " << e.what() << "\n" << ddl;
    }
    EXPECT_EQ(expect_sources_agree(*db), Names{});
  });
}

}  // namespace
}  // namespace tempest
