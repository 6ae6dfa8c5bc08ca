// The SQLite dialect against a real database: every operation rendered, executed and read
// back equals apply() on the IR, and so does its inverse; table rebuilds keep rows, child
// rows, triggers, views and AUTOINCREMENT sequences, and abort cleanly on a broken foreign key.

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dialect/sqlite/execute_step.hpp"
#include "dialect/sqlite/introspect.hpp"
#include "dialect/sqlite/normalize.hpp"
#include "support/fixtures.hpp"
#include "tempest/dialect.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/operations.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

using testing::read_fixture;

using Rows = std::vector<std::vector<SqlValue>>;

Column column(std::string name, std::string_view type, bool nullable = false,
              std::optional<ColumnDefault> default_value = std::nullopt,
              Identity identity = Identity::None) {
  Column c;
  c.name = std::move(name);
  c.type = parse_type(type);
  c.nullable = nullable;
  c.default_value = std::move(default_value);
  c.identity = identity;
  return c;
}

Column enum_column(std::string name, std::string enum_name, bool nullable = true) {
  Column c;
  c.name = std::move(name);
  c.type.kind = TypeKind::Enum;
  c.type.enum_name = std::move(enum_name);
  c.nullable = nullable;
  return c;
}

ColumnDefault literal(std::string value) { return {DefaultKind::Literal, std::move(value)}; }
ColumnDefault expression(std::string value) { return {DefaultKind::Expression, std::move(value)}; }

const std::string kHostile = "we\"ird; DROP TABLE x";

// parent <- child (ON DELETE CASCADE), an enum column, a hostile table, a table without key.
Schema base_schema() {
  Table parent;
  parent.name = "parent";
  parent.columns = {column("id", "bigint", false, std::nullopt, Identity::ByDefault),
                    column("code", "text"), column("title", "varchar(40)", true)};
  parent.primary_key = PrimaryKey{"pk_parent", {"id"}};
  parent.uniques = {{"uq_parent_code", {"code"}}};

  Table child;
  child.name = "child";
  child.columns = {column("id", "bigint", false, std::nullopt, Identity::Autoincrement),
                   column("parent_id", "bigint", true),
                   enum_column("mood", "mood"),
                   column("note", "text", true, literal("it's")),
                   column("amount", "numeric(10,2)", false, literal("0")),
                   column("extra", "text", true),
                   column("parent_code", "text", true)};
  child.primary_key = PrimaryKey{"pk_child", {"id"}};
  child.foreign_keys = {
      {"fk_child_parent", {"parent_id"}, "parent", {"id"}, ForeignKeyAction::Cascade}};
  child.checks = {{"ck_child_amount", "amount >= 0"}};
  child.indexes = {Index{"ix_child_note", {{"note", "", false}}, false, ""}};

  Table hostile;
  hostile.name = kHostile;
  hostile.columns = {column("na\"me; --", "text"), column("Ünï Cöde", "int", true, literal("7")),
                     column("select", "boolean", false, literal("false"))};
  hostile.primary_key = PrimaryKey{"pk \"h\"", {"na\"me; --"}};

  Table tag;
  tag.name = "tag";
  tag.columns = {column("name", "text"), column("label", "text"), column("weight", "real", true)};

  Schema s;
  s.enums = {EnumType{"mood", {"ok", "bad"}}};
  s.tables = {parent, child, hostile, tag};
  canonicalize(s);
  return s;
}

void expect_same(const Schema& actual, const Schema& expected, const std::string& context) {
  EXPECT_TRUE(actual == expected) << context << "\nactual:\n"
                                  << schema_to_json(actual) << "\nexpected:\n"
                                  << schema_to_json(expected);
}

void execute_all(Driver& driver, const std::vector<RenderedStep>& steps) {
  for (const RenderedStep& step : steps) sqlite::execute_step(driver, step);
}

std::unique_ptr<SqliteDriver> database_with(const Schema& schema) {
  auto db = SqliteDriver::open(":memory:");
  execute_all(*db, render_schema(sqlite_dialect(), schema));
  return db;
}

Rows rows_of(Driver& driver, const std::string& sql) { return driver.query(sql).rows; }

std::string pragma(Driver& driver, const std::string& name) {
  return *rows_of(driver, "PRAGMA " + name)[0][0];
}

struct RoundTrip {
  std::string name;
  Operation op;
  Schema before = base_schema();
};

void PrintTo(const RoundTrip& round_trip, std::ostream* out) { *out << round_trip.name; }

class SqliteRoundTrip : public ::testing::TestWithParam<RoundTrip> {};

TEST_P(SqliteRoundTrip, OperationAndItsInverse) {
  const RoundTrip& param = GetParam();
  auto db = database_with(param.before);
  expect_same(introspect_sqlite(*db), normalize_sqlite(param.before), "before");
  db->execute("INSERT INTO parent (id, code) VALUES (1, 'p1'), (2, 'p2')");
  db->execute(
      "INSERT INTO child (parent_id, mood, note, parent_code) VALUES "
      "(1, 'ok', NULL, 'p1'), (2, NULL, 'n', 'p2')");

  Schema after = param.before;
  apply(after, param.op);
  execute_all(*db, sqlite_dialect().render({param.op}, param.before));
  expect_same(introspect_sqlite(*db), normalize_sqlite(after), "after " + describe(param.op));

  const Operation back = invert(param.op);
  execute_all(*db, sqlite_dialect().render({back}, after));
  // A column dropped and added back comes last: neither the IR nor SQLite reorders columns.
  Schema restored = after;
  apply(restored, back);
  if (!std::holds_alternative<DropColumn>(param.op)) {
    EXPECT_EQ(restored, param.before);
  }
  expect_same(introspect_sqlite(*db), normalize_sqlite(restored),
              "after inverse " + describe(back));
  EXPECT_EQ(rows_of(*db, "SELECT count(*) FROM parent")[0][0], "2");
  EXPECT_EQ(pragma(*db, "foreign_keys"), "1");
  EXPECT_EQ(pragma(*db, "legacy_alter_table"), "0");
  EXPECT_TRUE(rows_of(*db, "PRAGMA foreign_key_check").empty());
}

std::vector<RoundTrip> round_trips() {
  const Schema base = base_schema();
  const Table& child = *find_table(base, "child");
  const Table& parent = *find_table(base, "parent");
  const Table& tag = *find_table(base, "tag");

  Table review;
  review.name = "review";
  review.columns = {column("id", "bigint", false, std::nullopt, Identity::Autoincrement),
                    column("parent_id", "bigint"), enum_column("mood", "mood"),
                    column("at", "timestamp", false, expression("CURRENT_TIMESTAMP"))};
  review.primary_key = PrimaryKey{"pk_review", {"id"}};
  review.foreign_keys = {{"fk_review_parent",
                          {"parent_id"},
                          "parent",
                          {"id"},
                          ForeignKeyAction::SetNull,
                          ForeignKeyAction::Cascade,
                          Deferrable::InitiallyDeferred}};
  review.indexes = {Index{"ix_review_at", {{"at", "", true}}, false, "mood IS NOT NULL"}};

  Column note_required = child.columns[3];
  note_required.nullable = false;
  Column amount_wider = child.columns[4];
  amount_wider.type = parse_type("numeric(12,4)");
  amount_wider.default_value = literal("1.5");
  Column title_text = parent.columns[2];
  title_text.type = parse_type("text");
  title_text.default_value = expression("lower('X')");
  Column mood_text = child.columns[2];
  mood_text.type = parse_type("text");

  Schema with_spare_enum = base;
  with_spare_enum.enums.push_back(EnumType{"spare", {"x"}});
  canonicalize(with_spare_enum);

  return {
      {"CreateTable", CreateTable{review}},
      {"DropTable", DropTable{child}},
      {"RenameReferencedTable", RenameTable{"parent", "Pärent \"P\""}},
      {"RenameTableWithEnumColumn", RenameTable{"child", "kid"}},
      {"RenameHostileTable", RenameTable{kHostile, "plain"}},
      {"AlterTableComment", AlterTableComment{"tag", "", "tags"}},
      {"AddColumnNative", AddColumn{"child", column("score", "int", true, literal("3"))}},
      {"AddEnumColumnNative", AddColumn{"tag", enum_column("mood", "mood")}},
      {"AddColumnNeedingRebuild",
       AddColumn{"child", column("seen", "timestamp", false, expression("CURRENT_TIMESTAMP"))}},
      {"DropColumnNative", DropColumn{"child", child.columns[5]}},
      {"DropEnumColumn", DropColumn{"child", child.columns[2]}},
      {"RenameIndexedColumn", RenameColumn{"child", "note", "the note"}},
      {"RenameEnumColumn", RenameColumn{"child", "mood", "feeling"}},
      {"RenameHostileColumn", RenameColumn{kHostile, "na\"me; --", "name"}},
      {"AlterColumnNullability", AlterColumn{"child", child.columns[3], note_required}},
      {"AlterColumnTypeAndDefault", AlterColumn{"child", child.columns[4], amount_wider}},
      {"AlterColumnExpressionDefault", AlterColumn{"parent", parent.columns[2], title_text}},
      {"AlterColumnEnumToText", AlterColumn{"child", child.columns[2], mood_text}},
      {"AddPrimaryKey", AlterPrimaryKey{"tag", std::nullopt, PrimaryKey{"pk_tag", {"name"}}}},
      {"ReplacePrimaryKey", AlterPrimaryKey{kHostile, find_table(base, kHostile)->primary_key,
                                            PrimaryKey{"pk_h2", {"na\"me; --", "select"}}}},
      {"CreateIndex", CreateIndex{"child", Index{"ix_child_expr",
                                                 {{"", "lower(note)", false}, {"amount", "", true}},
                                                 true,
                                                 "amount > 0"}}},
      {"DropIndex", DropIndex{"child", child.indexes[0]}},
      {"AddUnique", AddUnique{"tag", {"uq_tag_name_label", {"name", "label"}}}},
      {"DropUnique", DropUnique{"parent", parent.uniques[0]}},
      {"AddForeignKey", AddForeignKey{"child",
                                      {"fk_child_code",
                                       {"parent_code"},
                                       "parent",
                                       {"code"},
                                       ForeignKeyAction::SetNull,
                                       ForeignKeyAction::NoAction,
                                       Deferrable::InitiallyImmediate}}},
      {"DropForeignKey", DropForeignKey{"child", child.foreign_keys[0]}},
      {"AddCheck", AddCheck{"tag", {"ck_tag_weight", "weight IS NULL OR weight > 0"}}},
      {"DropCheck", DropCheck{"child", child.checks[0]}},
      {"CreateEnum", CreateEnum{EnumType{"spare", {"x", "y"}}}},
      {"DropEnum", DropEnum{EnumType{"spare", {"x"}}}, with_spare_enum},
      {"AddEnumValue", AddEnumValue{"mood", "meh", 1}},
      {"DropEnumValue", DropEnumValue{"mood", "bad", 1}},
      {"Execute",
       Execute{"CREATE TABLE tempest_db_note (x); INSERT INTO tempest_db_note VALUES (1)",
               "DROP TABLE tempest_db_note"}},
      {"AlterTagWithoutKey", AlterColumn{"tag", tag.columns[2],
                                         [&] {
                                           Column c = tag.columns[2];
                                           c.type = parse_type("double precision");
                                           return c;
                                         }()}},
  };
}

INSTANTIATE_TEST_SUITE_P(EveryOperation, SqliteRoundTrip, ::testing::ValuesIn(round_trips()),
                         [](const auto& info) { return info.param.name; });

TEST(SqliteRoundTrip, HostileNamesInjectNothing) {
  auto db = database_with(base_schema());
  db->execute("CREATE TABLE x (v)");
  db->execute("INSERT INTO \"we\"\"ird; DROP TABLE x\" (\"na\"\"me; --\") VALUES ('a')");
  Schema before = base_schema();
  const Table& hostile = *find_table(before, kHostile);
  execute_all(*db,
              sqlite_dialect().render(
                  {AddCheck{kHostile, {"ck '); DROP TABLE x; --", "length(\"na\"\"me; --\") > 0"}},
                   AlterColumn{kHostile, hostile.columns[1],
                               [&] {
                                 Column c = hostile.columns[1];
                                 c.default_value = literal("'); DROP TABLE x; --");
                                 c.type = parse_type("text");
                                 return c;
                               }()}},
                  before));
  EXPECT_EQ(rows_of(*db, "SELECT count(*) FROM sqlite_schema WHERE name = 'x'")[0][0], "1");
  EXPECT_EQ(rows_of(*db, "SELECT \"na\"\"me; --\", \"Ünï Cöde\" FROM \"we\"\"ird; DROP TABLE x\""),
            (Rows{{"a", "7"}}));
  db->execute("INSERT INTO \"we\"\"ird; DROP TABLE x\" (\"na\"\"me; --\") VALUES ('b')");
  EXPECT_EQ(rows_of(*db,
                    "SELECT \"Ünï Cöde\" FROM \"we\"\"ird; DROP TABLE x\" WHERE "
                    "\"na\"\"me; --\" = 'b'"),
            (Rows{{"'); DROP TABLE x; --"}}));
}

// --- Rebuild safety --------------------------------------------------------------------------

class SqliteRebuildSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    before_ = base_schema();
    db_ = database_with(before_);
    db_->execute("INSERT INTO parent (id, code, title) VALUES (1, 'p1', 'one'), (2, 'p2', NULL)");
    db_->execute(
        "INSERT INTO child (id, parent_id, mood, note, amount, parent_code) VALUES "
        "(1, 1, 'ok', NULL, 1.5, 'p1'), (2, 1, 'bad', 'n2', 2, 'p1'), (3, 2, NULL, 'n3', 0, 'p2')");
  }

  void run(const std::vector<Operation>& ops) {
    execute_all(*db_, sqlite_dialect().render(ops, before_));
    apply(before_, ops);
  }

  Rows child_rows() {
    return rows_of(*db_,
                   "SELECT id, parent_id, mood, note, amount, parent_code FROM child ORDER BY id");
  }

  Schema before_;
  std::unique_ptr<SqliteDriver> db_;
};

TEST_F(SqliteRebuildSafety, RowsSurviveWithTheirValues) {
  const Table& child = *find_table(before_, "child");
  Column note = child.columns[3];
  Column required = note;
  required.nullable = false;
  required.default_value = literal("none");
  run({AlterColumn{"child", note, required}, AddCheck{"child", {"ck_child_note", "note <> ''"}}});
  EXPECT_EQ(child_rows(), (Rows{{"1", "1", "ok", "none", "1.5", "p1"},
                                {"2", "1", "bad", "n2", "2", "p1"},
                                {"3", "2", std::nullopt, "n3", "0", "p2"}}));
  expect_same(introspect_sqlite(*db_), normalize_sqlite(before_), "after rebuild");
}

TEST_F(SqliteRebuildSafety, CascadeChildrenOfARebuiltParentAreNotDeleted) {
  db_->execute(
      "CREATE TABLE nullable_child (id INTEGER PRIMARY KEY, "
      "parent_id INTEGER REFERENCES parent (id) ON DELETE SET NULL)");
  db_->execute("INSERT INTO nullable_child VALUES (10, 1), (11, 2)");
  const Rows children = child_rows();
  const Table& parent = *find_table(before_, "parent");
  Column title = parent.columns[2];
  Column longer = title;
  longer.type = parse_type("varchar(200)");
  run({AlterColumn{"parent", title, longer}, AddCheck{"parent", {"ck_parent_code", "code <> ''"}}});
  // With foreign_keys on, DROP TABLE "parent" would have deleted every child row (CASCADE)
  // and nulled nullable_child.parent_id (SET NULL).
  EXPECT_EQ(child_rows(), children);
  EXPECT_EQ(rows_of(*db_, "SELECT id, parent_id FROM nullable_child ORDER BY id"),
            (Rows{{"10", "1"}, {"11", "2"}}));
  EXPECT_EQ(pragma(*db_, "foreign_keys"), "1");
  // The cascade still works afterwards: it was never removed, only not triggered.
  db_->execute("DELETE FROM parent WHERE id = 2");
  EXPECT_EQ(rows_of(*db_, "SELECT count(*) FROM child WHERE parent_id = 2")[0][0], "0");
  EXPECT_EQ(rows_of(*db_, "SELECT parent_id FROM nullable_child WHERE id = 11"),
            (Rows{{std::nullopt}}));
}

TEST_F(SqliteRebuildSafety, TriggersAndViewsSurvive) {
  db_->execute(R"(
    CREATE TABLE audit (what TEXT);
    CREATE TRIGGER child_ai AFTER INSERT ON child BEGIN
      INSERT INTO audit VALUES ('child ' || new.id);
    END;
    CREATE TRIGGER parent_au AFTER UPDATE ON parent BEGIN
      INSERT INTO audit SELECT 'children ' || count(*) FROM child WHERE parent_id = new.id;
    END;
    CREATE VIEW child_notes AS SELECT c.id, c.note, p.code FROM child AS c JOIN parent AS p
      ON p.id = c.parent_id;
    CREATE VIEW note_count AS SELECT count(*) AS n FROM child_notes;
  )");
  const std::string objects =
      "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('trigger', 'view') "
      "ORDER BY name";
  const Rows before_objects = rows_of(*db_, objects);
  ASSERT_EQ(before_objects.size(), 4u);

  const Table& child = *find_table(before_, "child");
  Column amount = child.columns[4];
  Column real_amount = amount;
  real_amount.type = parse_type("double precision");
  run({AlterColumn{"child", amount, real_amount}, DropIndex{"child", child.indexes[0]}});

  EXPECT_EQ(rows_of(*db_, objects), before_objects);
  EXPECT_EQ(rows_of(*db_, "SELECT n FROM note_count"), (Rows{{"3"}}));
  db_->execute("INSERT INTO child (id, parent_id, amount) VALUES (7, 1, 1)");
  db_->execute("UPDATE parent SET title = 'uno' WHERE id = 1");
  EXPECT_EQ(rows_of(*db_, "SELECT what FROM audit ORDER BY rowid"),
            (Rows{{"child 7"}, {"children 3"}}));
}

TEST_F(SqliteRebuildSafety, RebuildThatWouldBreakAViewIsRefused) {
  db_->execute("CREATE VIEW extras AS SELECT id, extra FROM child");
  const Schema schema_before = introspect_sqlite(*db_);
  const Table& child = *find_table(before_, "child");
  try {
    // The check makes it a rebuild, which the drop joins (alone it would be SQLite's own
    // DROP COLUMN, which refuses just the same).
    execute_all(*db_, sqlite_dialect().render({AddCheck{"child", {"ck_child_id", "id > 0"}},
                                               DropColumn{"child", child.columns[5]}},
                                              before_));
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("rebuild of table \"child\" failed, nothing was changed"),
              std::string::npos)
        << e.what();
    EXPECT_EQ(e.statement(), "SELECT * FROM \"extras\" LIMIT 0");
  }
  expect_same(introspect_sqlite(*db_), schema_before, "after the refused rebuild");
  EXPECT_EQ(rows_of(*db_, "SELECT count(*) FROM extras"), (Rows{{"3"}}));
}

TEST_F(SqliteRebuildSafety, AutoincrementNeverReusesIds) {
  db_->execute("DELETE FROM child WHERE id = 3");
  EXPECT_EQ(rows_of(*db_, "SELECT seq FROM sqlite_sequence WHERE name = 'child'"), (Rows{{"3"}}));
  run({AddCheck{"child", {"ck_child_note", "note IS NULL OR note <> ''"}}});
  EXPECT_EQ(rows_of(*db_, "SELECT seq FROM sqlite_sequence WHERE name = 'child'"), (Rows{{"3"}}));
  db_->execute("INSERT INTO child (parent_id, amount) VALUES (1, 5)");
  EXPECT_EQ(rows_of(*db_, "SELECT max(id) FROM child"), (Rows{{"4"}}));
}

TEST_F(SqliteRebuildSafety, BrokenForeignKeyAbortsAndChangesNothing) {
  db_->execute("INSERT INTO child (id, parent_id, amount, parent_code) VALUES (9, 1, 0, 'nope')");
  const Schema schema_before = introspect_sqlite(*db_);
  const Rows rows_before = child_rows();
  const std::string sql_before =
      *rows_of(*db_, "SELECT group_concat(sql, ';') FROM sqlite_schema")[0][0];

  const std::vector<Operation> ops = {
      AddForeignKey{"child", {"fk_child_code", {"parent_code"}, "parent", {"code"}}},
      AddCheck{"child", {"ck_child_id", "id > 0"}}};
  try {
    execute_all(*db_, sqlite_dialect().render(ops, before_));
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("rebuild of table \"child\""), std::string::npos) << message;
    EXPECT_NE(message.find("table \"child\" rowid 9: (\"parent_code\") references \"parent\" "
                           "(\"code\"), which has no such row"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("nothing was changed"), std::string::npos) << message;
    EXPECT_EQ(e.code(), "SQLITE_CONSTRAINT_FOREIGNKEY");
  }
  expect_same(introspect_sqlite(*db_), schema_before, "after the aborted rebuild");
  EXPECT_EQ(child_rows(), rows_before);
  EXPECT_EQ(*rows_of(*db_, "SELECT group_concat(sql, ';') FROM sqlite_schema")[0][0], sql_before);
  EXPECT_EQ(pragma(*db_, "foreign_keys"), "1");
  EXPECT_EQ(pragma(*db_, "legacy_alter_table"), "0");
  EXPECT_FALSE(db_->in_transaction());
}

TEST_F(SqliteRebuildSafety, FailedCopyRollsBackAndNamesTheTable) {
  const Rows rows_before = child_rows();
  const Table& child = *find_table(before_, "child");
  Column note = child.columns[3];
  Column required = note;
  required.nullable = false;
  required.default_value.reset();  // row 1 has a NULL note and nothing to replace it with
  try {
    execute_all(*db_, sqlite_dialect().render({AlterColumn{"child", note, required}}, before_));
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("rebuild of table \"child\" failed, nothing was changed"),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("NOT NULL"), std::string::npos) << e.what();
  }
  EXPECT_EQ(child_rows(), rows_before);
  expect_same(introspect_sqlite(*db_), normalize_sqlite(before_), "after the failed rebuild");
  EXPECT_EQ(pragma(*db_, "foreign_keys"), "1");
  EXPECT_EQ(pragma(*db_, "legacy_alter_table"), "0");
}

TEST_F(SqliteRebuildSafety, RebuildInsideTheCallersTransactionIsRefused) {
  auto steps = sqlite_dialect().render({AddCheck{"child", {"ck_child_id", "id > 0"}}}, before_);
  ASSERT_EQ(steps.size(), 1u);
  Transaction transaction(*db_);
  try {
    sqlite::execute_step(*db_, steps[0]);
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("outside a transaction"), std::string::npos) << e.what();
  }
  EXPECT_EQ(child_rows().size(), 3u);
}

TEST_F(SqliteRebuildSafety, NativeStepInsideTheCallersTransactionUsesASavepoint) {
  Transaction transaction(*db_);
  db_->execute("INSERT INTO tag (name, label) VALUES ('t', 'l')");
  RenderedStep failing;
  failing.description = "add two columns, the second one twice";
  failing.statements = {"ALTER TABLE tag ADD COLUMN a int", "ALTER TABLE tag ADD COLUMN a int"};
  EXPECT_THROW(sqlite::execute_step(*db_, failing), DatabaseError);
  EXPECT_TRUE(db_->in_transaction());
  // The caller's own work is still there, the step's first statement is not.
  EXPECT_EQ(rows_of(*db_, "SELECT count(*) FROM tag"), (Rows{{"1"}}));
  EXPECT_EQ(rows_of(*db_, "SELECT count(*) FROM pragma_table_info('tag') WHERE name = 'a'"),
            (Rows{{"0"}}));
  transaction.commit();
}

// Sakila's film table has two triggers, three views read it, and film_actor / film_category /
// inventory reference it: a rebuild must keep all of them.
TEST(SqliteRebuildSakila, FilmRebuildKeepsTriggersViewsAndReferencingRows) {
  auto db = SqliteDriver::open(":memory:");
  db->execute(read_fixture("sakila/sqlite-sakila-schema.sql"));
  db->execute(R"(
    INSERT INTO language (language_id, name, last_update) VALUES (1, 'English', '2020-01-01');
    INSERT INTO category (category_id, name, last_update) VALUES (1, 'Drama', '2020-01-01');
    INSERT INTO actor (actor_id, first_name, last_name, last_update)
      VALUES (1, 'ADA', 'LOVE', '2020-01-01');
    INSERT INTO film (film_id, title, language_id, last_update)
      VALUES (1, 'ALPHA', 1, '2020-01-01'), (2, 'BETA', 1, '2020-01-01');
    INSERT INTO film_actor (actor_id, film_id, last_update) VALUES (1, 1, '2020-01-01'),
      (1, 2, '2020-01-01');
    INSERT INTO film_category (film_id, category_id, last_update) VALUES (1, 1, '2020-01-01'),
      (2, 1, '2020-01-01');
  )");
  const std::string objects =
      "SELECT type, name, tbl_name, CASE WHEN type = 'index' THEN '' ELSE sql END FROM "
      "sqlite_schema WHERE type IN ('trigger', 'view', 'index') ORDER BY name";
  const Rows objects_before = rows_of(*db, objects);
  const Rows films_before = rows_of(*db, "SELECT * FROM film ORDER BY film_id");
  const Rows list_before = rows_of(*db, "SELECT * FROM film_list ORDER BY FID");
  ASSERT_EQ(list_before.size(), 2u);

  const Schema before = introspect_sqlite(*db);
  const Table& film = *find_table(before, "film");
  const Column& duration = *find_column(film, "rental_duration");
  Column longer = duration;
  longer.type = parse_type("int");
  longer.default_value = literal("5");
  const std::vector<Operation> ops = {AlterColumn{"film", duration, longer},
                                      AddCheck{"film", {"ck_film_title", "length(title) > 0"}}};
  auto steps = sqlite_dialect().render(ops, before);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].rebuild_table, "film");
  execute_all(*db, steps);

  Schema after = before;
  apply(after, ops);
  expect_same(introspect_sqlite(*db), normalize_sqlite(after), "sakila after the rebuild");
  EXPECT_EQ(rows_of(*db, objects), objects_before);
  EXPECT_EQ(rows_of(*db, "SELECT * FROM film ORDER BY film_id"), films_before);
  EXPECT_EQ(rows_of(*db, "SELECT * FROM film_list ORDER BY FID"), list_before);
  EXPECT_EQ(rows_of(*db, "SELECT count(*) FROM film_actor"), (Rows{{"2"}}));
  EXPECT_EQ(rows_of(*db, "SELECT count(*) FROM film_category"), (Rows{{"2"}}));
  // The update trigger still stamps rows.
  db->execute("UPDATE film SET title = 'GAMMA' WHERE film_id = 2");
  EXPECT_NE(rows_of(*db, "SELECT last_update FROM film WHERE film_id = 2"), (Rows{{"2020-01-01"}}));
  EXPECT_TRUE(rows_of(*db, "PRAGMA foreign_key_check").empty());
}

}  // namespace
}  // namespace tempest
