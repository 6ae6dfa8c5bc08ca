#pragma once

// Databases for the tool's tests: a small hand-written SQLite schema whose every output is
// known exactly, and the Chinook fixture.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "support/temp_dir.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::testing {

// Two tables with a rowid alias, a unique, a check, a literal default, a name with a space,
// a mixed-case column, an expression index with a predicate, and a required and an optional
// foreign key (the second nullable).
inline constexpr const char* kSmallSchemaDdl = R"sql(
CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name text NOT NULL,
  email varchar(255) UNIQUE,
  rating numeric(3,1) DEFAULT 0,
  CONSTRAINT ck_rating CHECK (rating >= 0)
);
CREATE TABLE "book list" (
  id INTEGER PRIMARY KEY,
  author_id int NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
  "Title" text NOT NULL DEFAULT 'untitled',
  editor_id int REFERENCES authors(id)
);
CREATE INDEX ix_books_title ON "book list"(lower("Title") DESC) WHERE author_id > 0;
)sql";

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Creates the SQLite database `name` in `dir` from `sql`; returns its path.
inline std::string make_sqlite_db(const TempDir& dir, const std::string& name,
                                  const std::string& sql) {
  std::string path = dir.file(name);
  SqliteDriver::open(path)->execute(sql);
  return path;
}

inline std::string chinook_sqlite_script() {
  return read_text_file(std::string(TEMPEST_FIXTURES_DIR) + "/chinook/Chinook_Sqlite.sql");
}

}  // namespace tempest::testing
