// The shape of SQLite plans with table rebuilds: one rebuild per table, in an order that the
// foreign key checks accept, native statements where SQLite has them (no database).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/operations.hpp"

namespace tempest {
namespace {

using Statements = std::vector<std::string>;

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

Column enum_column(std::string name, std::string enum_name) {
  Column c;
  c.name = std::move(name);
  c.type.kind = TypeKind::Enum;
  c.type.enum_name = std::move(enum_name);
  c.nullable = true;
  return c;
}

ColumnDefault literal(std::string value) { return {DefaultKind::Literal, std::move(value)}; }

Table accounts_table() {
  Table t;
  t.name = "accounts";
  t.columns = {column("id", "bigint", false, std::nullopt, Identity::ByDefault),
               column("email", "varchar(255)"), column("active", "boolean", false, literal("true")),
               column("note", "text", true, literal("it's"))};
  t.primary_key = PrimaryKey{"pk_accounts", {"id"}};
  t.uniques = {{"uq_accounts_email", {"email"}}};
  t.checks = {{"ck_accounts_active", "active IN (0, 1)"}};
  t.indexes = {Index{"ix_accounts_note", {{"note", "", true}}, false, ""}};
  return t;
}

Table log_table() {
  Table t;
  t.name = "log";
  t.columns = {column("msg", "text", true), column("level", "int", true)};
  return t;
}

Table parent_table() {
  Table t;
  t.name = "parent";
  t.columns = {column("id", "bigint", false, std::nullopt, Identity::ByDefault),
               column("code", "text")};
  t.primary_key = PrimaryKey{"pk_parent", {"id"}};
  return t;
}

Table child_table() {
  Table t;
  t.name = "child";
  t.columns = {column("id", "bigint", false, std::nullopt, Identity::Autoincrement),
               column("parent_id", "bigint", true), column("parent_code", "text", true)};
  t.primary_key = PrimaryKey{"pk_child", {"id"}};
  t.foreign_keys = {
      {"fk_child_parent", {"parent_id"}, "parent", {"id"}, ForeignKeyAction::Cascade}};
  return t;
}

Schema schema_of(std::vector<Table> tables, std::vector<EnumType> enums = {}) {
  Schema s;
  s.tables = std::move(tables);
  s.enums = std::move(enums);
  canonicalize(s);
  return s;
}

std::vector<RenderedStep> render(const std::vector<Operation>& ops, const Schema& before) {
  return sqlite_dialect().render(ops, before);
}

std::string joined_descriptions(const std::vector<Operation>& ops) {
  std::string out;
  for (const Operation& op : ops) out += (out.empty() ? "" : "; ") + describe(op);
  return out;
}

TEST(SqliteRebuild, SeveralChangesToOneTableShareOneRebuild) {
  const Table accounts = accounts_table();
  Column note_required = accounts.columns[3];
  note_required.nullable = false;
  note_required.default_value = literal("none");
  const std::vector<Operation> folded = {
      AlterColumn{"accounts", accounts.columns[3], note_required},
      AddUnique{"accounts", {"uq_accounts_note", {"note"}}},
      AddCheck{"accounts", {"ck_accounts_id", "id > 0"}},
      CreateIndex{"accounts", Index{"ix_accounts_mail", {{"mail", "", false}}, false, ""}},
      DropIndex{"accounts", accounts.indexes[0]},
  };
  const RenameColumn rename{"accounts", "email", "mail"};
  std::vector<Operation> ops = {folded[0], folded[1], rename, folded[2], folded[3], folded[4]};

  auto steps = render(ops, schema_of({accounts}));

  ASSERT_EQ(steps.size(), 2u);
  // The rename is native, so SQLite also renames the column in triggers and views.
  EXPECT_EQ(steps[0].statements,
            Statements{"ALTER TABLE \"accounts\" RENAME COLUMN \"email\" TO mail"});
  EXPECT_FALSE(steps[0].foreign_keys_off);

  const RenderedStep& rebuild = steps[1];
  EXPECT_TRUE(rebuild.foreign_keys_off);
  EXPECT_TRUE(rebuild.transactional);
  EXPECT_EQ(rebuild.rebuild_table, "accounts");
  EXPECT_EQ(rebuild.description, "rebuild table \"accounts\": " + joined_descriptions(folded));
  EXPECT_EQ(rebuild.statements,
            (Statements{
                "CREATE TABLE \"_tempest_new_accounts\" (\n"
                "  \"id\" INTEGER NOT NULL CONSTRAINT \"pk_accounts\" PRIMARY KEY,\n"
                "  \"mail\" varchar(255) NOT NULL,\n"
                "  \"active\" boolean NOT NULL DEFAULT TRUE,\n"
                "  \"note\" text NOT NULL DEFAULT 'none',\n"
                "  CONSTRAINT \"uq_accounts_email\" UNIQUE (\"mail\"),\n"
                "  CONSTRAINT \"uq_accounts_note\" UNIQUE (\"note\"),\n"
                "  CONSTRAINT \"ck_accounts_active\" CHECK (active IN (0, 1)),\n"
                "  CONSTRAINT \"ck_accounts_id\" CHECK (id > 0)\n"
                ")",
                "INSERT INTO \"_tempest_new_accounts\" (\"id\", \"mail\", \"active\", \"note\") "
                "SELECT \"id\", \"mail\", \"active\", COALESCE(\"note\", 'none') FROM \"accounts\"",
                "DROP TABLE \"accounts\"",
                "PRAGMA legacy_alter_table = ON",
                "ALTER TABLE \"_tempest_new_accounts\" RENAME TO \"accounts\"",
                "PRAGMA legacy_alter_table = OFF",
                "CREATE INDEX \"ix_accounts_mail\" ON \"accounts\" (\"mail\")",
            }));
}

TEST(SqliteRebuild, TableWithoutRowidAliasKeepsItsRowids) {
  Column level = log_table().columns[1];
  Column wider = level;
  wider.type = parse_type("bigint");
  auto steps = render({AlterColumn{"log", level, wider}}, schema_of({log_table()}));
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].statements[1],
            "INSERT INTO \"_tempest_new_log\" (rowid, \"msg\", \"level\") SELECT rowid, \"msg\", "
            "\"level\" FROM \"log\"");

  // A column named rowid shadows the name; _rowid_ still reaches the rowid.
  Table shadowed = log_table();
  shadowed.columns[0].name = "ROWID";
  steps = render({AlterColumn{"log", level, wider}}, schema_of({shadowed}));
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].statements[1],
            "INSERT INTO \"_tempest_new_log\" (_rowid_, \"ROWID\", \"level\") SELECT _rowid_, "
            "\"ROWID\", \"level\" FROM \"log\"");
}

TEST(SqliteRebuild, NewRowidAliasTakesTheOldRowids) {
  Table before = log_table();
  Column id = column("id", "bigint", false, std::nullopt, Identity::ByDefault);
  auto steps = render(
      {AddColumn{"log", id}, AlterPrimaryKey{"log", std::nullopt, PrimaryKey{"pk_log", {"id"}}}},
      schema_of({before}));
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].statements[1],
            "INSERT INTO \"_tempest_new_log\" (\"msg\", \"level\", \"id\") SELECT \"msg\", "
            "\"level\", rowid FROM \"log\"");
}

TEST(SqliteRebuild, AutoincrementKeepsItsSequence) {
  Schema before = schema_of({parent_table(), child_table()});
  auto steps = render({AddCheck{"child", {"ck_child_code", "parent_code <> ''"}}}, before);
  ASSERT_EQ(steps.size(), 1u);
  const Statements& sql = steps[0].statements;
  ASSERT_EQ(sql.size(), 8u);
  EXPECT_EQ(sql[0].substr(0, sql[0].find('\n')), "CREATE TABLE \"_tempest_new_child\" (");
  EXPECT_NE(sql[0].find("\"id\" INTEGER NOT NULL CONSTRAINT \"pk_child\" PRIMARY KEY "
                        "AUTOINCREMENT"),
            std::string::npos);
  EXPECT_EQ(sql[1],
            "INSERT INTO \"_tempest_new_child\" (\"id\", \"parent_id\", \"parent_code\") SELECT "
            "\"id\", \"parent_id\", \"parent_code\" FROM \"child\"");
  EXPECT_EQ(sql[2], "DELETE FROM sqlite_sequence WHERE name = '_tempest_new_child'");
  EXPECT_EQ(sql[3],
            "INSERT INTO sqlite_sequence (name, seq) SELECT '_tempest_new_child', seq FROM "
            "sqlite_sequence WHERE name = 'child'");
  EXPECT_EQ(sql[4], "DROP TABLE \"child\"");
}

TEST(SqliteRebuild, ChangesThatCancelOutCostNoRebuild) {
  Schema before = schema_of({accounts_table()});
  UniqueConstraint unique{"uq_accounts_note", {"note"}};
  EXPECT_TRUE(
      render({AddUnique{"accounts", unique}, DropUnique{"accounts", unique}}, before).empty());

  Index by_active{"ix_accounts_active", {{"active", "", false}}, false, ""};
  auto steps = render({AddUnique{"accounts", unique}, CreateIndex{"accounts", by_active},
                       DropUnique{"accounts", unique}},
                      before);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_FALSE(steps[0].foreign_keys_off);
  EXPECT_EQ(steps[0].statements,
            Statements{"CREATE INDEX \"ix_accounts_active\" ON \"accounts\" (\"active\")"});
}

TEST(SqliteRebuild, ReferencedTableIsRebuiltBeforeItsReferrer) {
  Schema before = schema_of({parent_table(), child_table()});
  auto steps =
      render({AddForeignKey{"child", {"fk_child_code", {"parent_code"}, "parent", {"code"}}},
              AddUnique{"parent", {"uq_parent_code", {"code"}}}},
             before);
  ASSERT_EQ(steps.size(), 2u);
  // The child's foreign key check needs the parent's new unique key.
  EXPECT_EQ(steps[0].rebuild_table, "parent");
  EXPECT_EQ(steps[1].rebuild_table, "child");
}

TEST(SqliteRebuild, ReferrerStopsReferencingBeforeTheParentIsDropped) {
  Schema before = schema_of({parent_table(), child_table()});
  Table child = child_table();
  auto steps =
      render({DropForeignKey{"child", child.foreign_keys[0]}, DropTable{parent_table()}}, before);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].rebuild_table, "child");
  EXPECT_EQ(steps[0].statements[0].find("FOREIGN KEY"), std::string::npos);
  EXPECT_EQ(steps[1].statements, Statements{"DROP TABLE \"parent\""});
}

TEST(SqliteRebuild, RenamedTableIsRenamedNativelyAndRebuiltOnce) {
  Schema before = schema_of({accounts_table()});
  Column note = accounts_table().columns[3];
  Column longer = note;
  longer.type = parse_type("varchar(500)");
  auto steps = render({AddCheck{"accounts", {"ck_accounts_id", "id > 0"}},
                       RenameTable{"accounts", "users"}, AlterColumn{"users", note, longer}},
                      before);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].statements, Statements{"ALTER TABLE \"accounts\" RENAME TO \"users\""});
  EXPECT_EQ(steps[1].rebuild_table, "users");
  EXPECT_NE(steps[1].statements[1].find("FROM \"users\""), std::string::npos);
  EXPECT_NE(steps[1].statements[0].find("\"note\" varchar(500) DEFAULT 'it''s'"),
            std::string::npos);
}

TEST(SqliteRebuild, DroppingAHeldBackTableDropsOnlyIt) {
  Schema before = schema_of({accounts_table()});
  auto steps = render({AddCheck{"accounts", {"ck_accounts_id", "id > 0"}}, DropTable{[&] {
                         Table t = accounts_table();
                         t.checks.push_back({"ck_accounts_id", "id > 0"});
                         return t;
                       }()}},
                      before);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].statements, Statements{"DROP TABLE \"accounts\""});
}

TEST(SqliteRebuild, TableCreatedInThePlanIsWrittenOnceInItsFinalState) {
  Schema before = schema_of({parent_table()});
  Table t;
  t.name = "fresh";
  t.columns = {column("a", "int"), column("p", "bigint", true)};
  auto steps =
      render({CreateTable{t}, AddForeignKey{"fresh", {"fk_fresh_p", {"p"}, "parent", {"id"}}},
              CreateIndex{"fresh", Index{"ix_fresh_a", {{"a", "", false}}, false, ""}},
              RenameColumn{"fresh", "a", "b"}, AddCheck{"fresh", {"ck_fresh_b", "b > 0"}}},
             before);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_FALSE(steps[0].foreign_keys_off);
  EXPECT_EQ(steps[0].statements,
            (Statements{"CREATE TABLE \"fresh\" (\n"
                        "  \"b\" int NOT NULL,\n"
                        "  \"p\" bigint,\n"
                        "  CONSTRAINT \"ck_fresh_b\" CHECK (b > 0),\n"
                        "  CONSTRAINT \"fk_fresh_p\" FOREIGN KEY (\"p\") REFERENCES \"parent\" "
                        "(\"id\")\n"
                        ")",
                        "CREATE INDEX \"ix_fresh_a\" ON \"fresh\" (\"b\")"}));
}

TEST(SqliteRebuild, ColumnDroppedAndAddedAgainStartsEmpty) {
  Schema before = schema_of({log_table()}, {EnumType{"lvl", {"a"}}});
  Column level = log_table().columns[1];
  Column as_enum = enum_column("level", "lvl");
  auto steps = render({AlterColumn{"log", level, as_enum}, DropColumn{"log", as_enum},
                       AddColumn{"log", column("level", "text", true)}},
                      before);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].statements[1],
            "INSERT INTO \"_tempest_new_log\" (rowid, \"msg\") SELECT rowid, \"msg\" FROM \"log\"");
}

TEST(SqliteRebuild, RenameOntoAColumnTheRebuildDropsWaitsForTheRebuild) {
  Schema before = schema_of({log_table()}, {EnumType{"lvl", {"a"}}});
  Table t = log_table();
  t.columns.push_back(enum_column("kind", "lvl"));
  before = schema_of({t}, {EnumType{"lvl", {"a"}}});
  auto steps =
      render({DropColumn{"log", t.columns[2]}, RenameColumn{"log", "msg", "kind"}}, before);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].rebuild_table, "log");
  EXPECT_EQ(steps[1].statements,
            Statements{"ALTER TABLE \"log\" RENAME COLUMN \"msg\" TO kind"});
}

TEST(SqliteRebuild, RenamingAnEnumColumnAlsoRenamesItsCheck) {
  Table t = log_table();
  t.columns.push_back(enum_column("kind", "lvl"));
  Schema before = schema_of({t}, {EnumType{"lvl", {"a", "b"}}});
  auto steps = render({RenameColumn{"log", "kind", "sort"}}, before);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].statements,
            Statements{"ALTER TABLE \"log\" RENAME COLUMN \"kind\" TO sort"});
  EXPECT_EQ(steps[1].rebuild_table, "log");
  EXPECT_NE(
      steps[1].statements[0].find("CONSTRAINT \"ck_log_sort_enum\" CHECK (\"sort\" IN ('a', 'b'))"),
      std::string::npos)
      << steps[1].statements[0];
}

}  // namespace
}  // namespace tempest
