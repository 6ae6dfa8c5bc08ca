#include "support/fixtures.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "round_trip.hpp"
#include "support/pg_cluster.hpp"
#include "tempest/diff.hpp"

// Real-world schemas nobody on the project wrote (shared/fixtures): loaded with psql,
// introspected, rendered into a fresh database and introspected again, which must give the
// same schema.

namespace tempest::testing {
namespace {

// The Chinook script creates its own database and \c-connects to it; the test runs it in
// its own database instead.
std::string without_database_switch(const std::string& script) {
  std::istringstream in(script);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("DROP DATABASE") || line.starts_with("CREATE DATABASE") ||
        line.starts_with("\\c")) {
      continue;
    }
    out += line + "\n";
  }
  return out;
}

// introspect -> render into a fresh database -> introspect: the same schema.
void expect_stable(const Schema& inspected, const std::string& prelude = "") {
  TempPgDatabase copy;
  if (!prelude.empty()) copy.driver().execute(prelude);
  create_schema(copy.driver(), postgres_dialect(), inspected);
  Schema again = postgres_dialect().introspect(copy.driver());
  EXPECT_TRUE(same_schema(again, inspected));
  EXPECT_TRUE(diff_schema(inspected, again).empty());
}

TEST(PostgresFixtures, Chinook) {
  TempPgDatabase db;
  db.run_psql(without_database_switch(read_fixture("chinook/Chinook_PostgreSql.sql")));
  Schema schema = postgres_dialect().introspect(db.driver());
  ASSERT_EQ(schema.tables.size(), 11u);
  const Table* invoice = find_table(schema, "invoice");
  ASSERT_NE(invoice, nullptr);
  const Column* total = find_column(*invoice, "total");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->type.kind, TypeKind::Numeric);
  EXPECT_EQ(total->type.precision, 10);
  EXPECT_EQ(total->type.scale, 2);
  const Table* playlist_track = find_table(schema, "playlist_track");
  ASSERT_NE(playlist_track, nullptr);
  EXPECT_EQ(playlist_track->primary_key,
            (PrimaryKey{"playlist_track_pkey", {"playlist_id", "track_id"}}));
  EXPECT_EQ(playlist_track->foreign_keys.size(), 2u);
  EXPECT_EQ(postgres_dialect().introspect(db.driver()), schema);  // reading is repeatable
  expect_stable(schema);
}

TEST(PostgresFixtures, ChinookWithSerialKeys) {
  TempPgDatabase db;
  db.run_psql(without_database_switch(read_fixture("chinook/Chinook_PostgreSql_SerialPKs.sql")));
  Schema schema = postgres_dialect().introspect(db.driver());
  const Table* album = find_table(schema, "album");
  ASSERT_NE(album, nullptr);
  EXPECT_EQ(album->columns.at(0).identity, Identity::ByDefault);
  EXPECT_EQ(album->columns.at(0).default_value, std::nullopt);
  expect_stable(schema);
}

TEST(PostgresFixtures, SakilaToleratesObjectsOutsideTheIr) {
  // Domains, views, functions, rules, triggers, inheritance, tsvector, gist, arrays.
  TempPgDatabase db;
  db.run_psql(read_fixture("sakila/postgres-sakila-schema.sql"));
  Schema schema = postgres_dialect().introspect(db.driver());
  const Table* film = find_table(schema, "film");
  ASSERT_NE(film, nullptr);
  const Column* rating = find_column(*film, "rating");
  ASSERT_NE(rating, nullptr);
  EXPECT_EQ(rating->type.kind, TypeKind::Enum);
  EXPECT_EQ(rating->default_value, (ColumnDefault{DefaultKind::Literal, "G"}));
  EXPECT_EQ(find_column(*film, "release_year")->type.raw, "year");  // a domain: custom type
  EXPECT_EQ(find_column(*film, "special_features")->type.raw, "text[]");
  EXPECT_EQ(find_column(*film, "film_id")->identity, Identity::ByDefault);
  EXPECT_EQ(find_column(*film, "last_update")->default_value,
            (ColumnDefault{DefaultKind::Expression, "now()"}));
  ASSERT_NE(find_enum(schema, "mpaa_rating"), nullptr);
  EXPECT_EQ(find_enum(schema, "mpaa_rating")->labels,
            (std::vector<std::string>{"G", "PG", "PG-13", "R", "NC-17"}));
  EXPECT_EQ(find_table(schema, "actor_info"), nullptr);  // a view
  // The domain is not part of the IR: the fresh database needs it first.
  expect_stable(schema,
                "CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND "
                "VALUE <= 2155)");
}

}  // namespace
}  // namespace tempest::testing
