// Parsing of schema sources and masking of passwords (src/tool/urls.hpp).

#include "tool/urls.hpp"

#include <gtest/gtest.h>

#include "tempest/error.hpp"

namespace tempest::tool {
namespace {

void expect_source(std::string_view argument, SourceKind kind, const std::string& location) {
  const SchemaSource source = parse_source(argument);
  EXPECT_EQ(source.kind, kind) << argument;
  EXPECT_EQ(source.location, location) << argument;
}

TEST(SchemaSources, SqlitePaths) {
  expect_source("sqlite:app.db", SourceKind::Sqlite, "app.db");
  expect_source("sqlite:data/app.db", SourceKind::Sqlite, "data/app.db");
  expect_source("sqlite:/var/lib/app.db", SourceKind::Sqlite, "/var/lib/app.db");
  expect_source("sqlite:///var/lib/app.db", SourceKind::Sqlite, "/var/lib/app.db");
  expect_source("sqlite://app.db", SourceKind::Sqlite, "app.db");
  expect_source("sqlite::memory:", SourceKind::Sqlite, ":memory:");
  expect_source("SQLITE:App.db", SourceKind::Sqlite, "App.db");
}

TEST(SchemaSources, PostgresUrlsAreGivenToLibpqAsTheyAre) {
  expect_source("postgresql://u:p@h:5432/db?sslmode=disable", SourceKind::Postgres,
                "postgresql://u:p@h:5432/db?sslmode=disable");
  expect_source("postgres:///db", SourceKind::Postgres, "postgres:///db");
  EXPECT_EQ(parse_source("postgresql://u:p@h/db").display, "postgresql://u:****@h/db");
}

TEST(SchemaSources, JsonFiles) {
  expect_source("schema.json", SourceKind::JsonFile, "schema.json");
  expect_source("/tmp/S.JSON", SourceKind::JsonFile, "/tmp/S.JSON");
  expect_source("file:schema.txt", SourceKind::JsonFile, "schema.txt");
  expect_source("file:/abs/s.json", SourceKind::JsonFile, "/abs/s.json");
}

TEST(SchemaSources, Rejected) {
  EXPECT_THROW((void)parse_source("app.db"), Error);
  EXPECT_THROW((void)parse_source("sqlite:"), Error);
  EXPECT_THROW((void)parse_source("file:"), Error);
  EXPECT_THROW((void)parse_source("mysql://u:p@h/db"), Error);
  try {
    (void)parse_source("mysql://u:secret@h/db");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
  }
}

TEST(RedactUrl, MasksUserInfoPasswordAndPasswordParameter) {
  EXPECT_EQ(redact_url("postgresql://u:pw@h/db"), "postgresql://u:****@h/db");
  EXPECT_EQ(redact_url("postgresql://u@h/db"), "postgresql://u@h/db");
  EXPECT_EQ(redact_url("postgresql://h/db"), "postgresql://h/db");
  EXPECT_EQ(redact_url("postgresql://u:p@ss@h/db"), "postgresql://u:****@h/db");
  EXPECT_EQ(redact_url("postgresql://u:@h/db"), "postgresql://u:@h/db");
  EXPECT_EQ(redact_url("postgresql://u@h/db?sslmode=require&password=x&application_name=a"),
            "postgresql://u@h/db?sslmode=require&password=****&application_name=a");
  EXPECT_EQ(redact_url("postgresql://u:a@h:5432,h2:5433/db?PASSWORD=b"),
            "postgresql://u:****@h:5432,h2:5433/db?PASSWORD=****");
  EXPECT_EQ(redact_url("sqlite:my:file@x.db"), "sqlite:my:file@x.db");
}

TEST(RedactUrl, SecretsAsWrittenAndDecoded) {
  EXPECT_EQ(url_secrets("postgresql://u:p%40ss@h/db?password=q"),
            (std::vector<std::string>{"p@ss", "p%40ss", "q"}));
  EXPECT_TRUE(url_secrets("postgresql://u@h/db").empty());
}

}  // namespace
}  // namespace tempest::tool
