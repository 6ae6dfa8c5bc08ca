// Introspection of real-world schemas nobody on the project wrote (shared/fixtures).

#include "support/fixtures.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "dialect/sqlite/introspect.hpp"
#include "dialect/sqlite/normalize.hpp"
#include "dialect/sqlite/reference_ddl.hpp"
#include "tempest/json.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

using Names = std::vector<std::string>;
using testing::read_fixture;

std::unique_ptr<SqliteDriver> load(const std::string& relative) {
  auto db = SqliteDriver::open(":memory:");
  db->execute(read_fixture(relative));
  return db;
}

void expect_same(const Schema& actual, const Schema& expected) {
  EXPECT_TRUE(actual == expected) << "actual:\n"
                                  << schema_to_json(actual) << "expected:\n"
                                  << schema_to_json(expected);
}

Names table_names(const Schema& schema) {
  Names names;
  for (const Table& table : schema.tables) names.push_back(table.name);
  return names;
}

Column column(std::string name, std::string_view type, bool nullable,
              Identity identity = Identity::None) {
  Column c;
  c.name = std::move(name);
  c.type = parse_type(type);
  c.nullable = nullable;
  c.identity = identity;
  return c;
}

std::size_t count(const Schema& schema, auto member) {
  std::size_t n = 0;
  for (const Table& table : schema.tables) n += (table.*member).size();
  return n;
}

// Introspection output is normal, and creating it again gives it back.
void expect_stable(const Schema& schema) {
  expect_same(normalize_sqlite(schema), schema);
  auto copy = SqliteDriver::open(":memory:");
  copy->execute(testing::reference_ddl(schema));
  expect_same(introspect_sqlite(*copy), schema);
}

TEST(SqliteFixtures, Chinook) {
  auto db = load("chinook/Chinook_Sqlite.sql");
  Schema schema = introspect_sqlite(*db);
  EXPECT_EQ(table_names(schema),
            (Names{"Album", "Artist", "Customer", "Employee", "Genre", "Invoice", "InvoiceLine",
                   "MediaType", "Playlist", "PlaylistTrack", "Track"}));
  EXPECT_EQ(count(schema, &Table::foreign_keys), 11u);
  EXPECT_EQ(count(schema, &Table::indexes), 11u);
  EXPECT_EQ(db->query("SELECT count(*) FROM Track").rows[0][0], "3503");

  Table album;
  album.name = "Album";
  // INTEGER NOT NULL + PRIMARY KEY (AlbumId): a rowid alias.
  album.columns = {column("AlbumId", "bigint", false, Identity::ByDefault),
                   column("Title", "varchar(160)", false), column("ArtistId", "integer", false)};
  album.primary_key = PrimaryKey{"PK_Album", {"AlbumId"}};
  album.foreign_keys = {{"fk_Album_ArtistId_Artist",
                         {"ArtistId"},
                         "Artist",
                         {"ArtistId"},
                         ForeignKeyAction::NoAction,
                         ForeignKeyAction::NoAction,
                         Deferrable::No}};
  album.indexes = {{"IFK_AlbumArtistId", {IndexKey{"ArtistId", "", false}}, false, ""}};
  EXPECT_TRUE(*find_table(schema, "Album") == album) << schema_to_json(schema);

  const Table& playlist_track = *find_table(schema, "PlaylistTrack");
  EXPECT_EQ(playlist_track.primary_key,
            (PrimaryKey{"PK_PlaylistTrack", {"PlaylistId", "TrackId"}}));
  EXPECT_EQ(playlist_track.columns[0], column("PlaylistId", "integer", false));
  Names fk_names;
  for (const ForeignKey& fk : playlist_track.foreign_keys) fk_names.push_back(fk.name);
  EXPECT_EQ(fk_names,
            (Names{"fk_PlaylistTrack_PlaylistId_Playlist", "fk_PlaylistTrack_TrackId_Track"}));

  const Table& invoice_line = *find_table(schema, "InvoiceLine");
  const Column& price = *find_column(invoice_line, "UnitPrice");
  EXPECT_EQ(price.type.kind, TypeKind::Numeric);
  EXPECT_EQ(price.type.precision, 10);
  EXPECT_EQ(price.type.scale, 2);
  EXPECT_EQ(find_column(*find_table(schema, "Employee"), "BirthDate")->type.kind,
            TypeKind::Timestamp);
  EXPECT_EQ(find_table(schema, "Employee")->foreign_keys.at(0),
            (ForeignKey{"fk_Employee_ReportsTo_Employee",
                        {"ReportsTo"},
                        "Employee",
                        {"EmployeeId"},
                        ForeignKeyAction::NoAction,
                        ForeignKeyAction::NoAction,
                        Deferrable::No}));
  expect_stable(schema);
}

TEST(SqliteFixtures, ChinookWithAutoincrementKeys) {
  auto db = load("chinook/Chinook_Sqlite_AutoIncrementPKs.sql");
  Schema schema = introspect_sqlite(*db);
  EXPECT_EQ(schema.tables.size(), 11u);  // sqlite_sequence is not reported
  const Table& album = *find_table(schema, "Album");
  EXPECT_EQ(album.columns[0], column("AlbumId", "bigint", false, Identity::Autoincrement));
  EXPECT_EQ(album.primary_key, (PrimaryKey{"pk_Album", {"AlbumId"}}));
  // Composite keys cannot autoincrement.
  EXPECT_EQ(find_table(schema, "PlaylistTrack")->columns[0].identity, Identity::None);
  expect_stable(schema);
}

TEST(SqliteFixtures, Sakila) {
  auto db = load("sakila/sqlite-sakila-schema.sql");
  Schema schema = introspect_sqlite(*db);
  EXPECT_EQ(table_names(schema),
            (Names{"actor", "address", "category", "city", "country", "customer", "film",
                   "film_actor", "film_category", "film_text", "inventory", "language", "payment",
                   "rental", "staff", "store"}));
  EXPECT_EQ(count(schema, &Table::foreign_keys), 22u);
  EXPECT_EQ(count(schema, &Table::indexes), 24u);
  EXPECT_EQ(count(schema, &Table::uniques), 0u);
  // Views and triggers are not part of the IR, but they are there.
  EXPECT_EQ(db->query("SELECT count(*) FROM sqlite_schema WHERE type = 'view'").rows[0][0], "5");
  EXPECT_EQ(db->query("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'").rows[0][0],
            "30");

  const Table& film = *find_table(schema, "film");
  EXPECT_EQ(film.checks.size(), 2u);
  EXPECT_EQ(film.checks[1],
            (CheckConstraint{"CHECK_special_rating", "rating in ('G','PG','PG-13','R','NC-17')"}));
  EXPECT_EQ(film.checks[0].name, "CHECK_special_features");
  const std::string& features = film.checks[0].expression;
  EXPECT_EQ(features.substr(0, 28), "special_features is null or\n");
  EXPECT_EQ(features.substr(features.size() - 43), "special_features like '%Behind the Scenes%'");
  const Column& description = *find_column(film, "description");
  EXPECT_EQ(description.type.kind, TypeKind::Custom);
  EXPECT_EQ(description.type.raw, "BLOB SUB_TYPE TEXT");
  EXPECT_EQ(description.default_value, std::nullopt);  // DEFAULT NULL
  EXPECT_EQ(find_column(film, "rental_rate")->default_value,
            (ColumnDefault{DefaultKind::Literal, "4.99"}));
  EXPECT_EQ(find_column(film, "rental_duration")->type.kind, TypeKind::Int16);
  EXPECT_EQ(find_column(film, "rating")->default_value, (ColumnDefault{DefaultKind::Literal, "G"}));
  EXPECT_EQ(film.foreign_keys.at(1), (ForeignKey{"fk_film_language_original",
                                                 {"original_language_id"},
                                                 "language",
                                                 {"language_id"},
                                                 ForeignKeyAction::NoAction,
                                                 ForeignKeyAction::NoAction,
                                                 Deferrable::No}));

  const Table& film_actor = *find_table(schema, "film_actor");
  EXPECT_EQ(film_actor.primary_key, (PrimaryKey{"pk_film_actor", {"actor_id", "film_id"}}));
  EXPECT_EQ(find_table(schema, "payment")->foreign_keys.at(1).on_delete, ForeignKeyAction::SetNull);
  EXPECT_EQ(find_table(schema, "city")->foreign_keys.at(0).on_update, ForeignKeyAction::Cascade);
  EXPECT_EQ(find_table(schema, "inventory")->indexes.at(1).keys,
            (std::vector<IndexKey>{{"store_id", "", false}, {"film_id", "", false}}));
  expect_stable(schema);
}

TEST(SqliteFixtures, IntrospectionIsDeterministic) {
  auto db = load("sakila/sqlite-sakila-schema.sql");
  EXPECT_EQ(schema_to_json(introspect_sqlite(*db)), schema_to_json(introspect_sqlite(*db)));
}

}  // namespace
}  // namespace tempest
