#pragma once

// Where a schema comes from, as named on the tempest command line: a database URL or a JSON
// schema file. Parsing and password masking only; load_schema.hpp opens and reads.

#include <string>
#include <string_view>
#include <vector>

namespace tempest::tool {

enum class SourceKind { Sqlite, Postgres, JsonFile };

struct SchemaSource {
  SourceKind kind = SourceKind::JsonFile;
  std::string location;  // SQLite path (":memory:" too), libpq URL, or JSON file path
  std::string display;   // the argument as given, password masked: for messages
};

// Classifies a command-line argument:
//   sqlite:PATH, sqlite://PATH (so sqlite:///abs/path), sqlite::memory:   -> Sqlite
//   postgresql://..., postgres://...                                       -> Postgres
//   file:PATH, or any PATH ending in ".json"                               -> JsonFile
// Throws Error naming the (masked) argument when it is none of these or has an empty path.
[[nodiscard]] SchemaSource parse_source(std::string_view argument);

// `text` with the password of a URL's user info ("scheme://user:secret@host") and the value of
// any `password=` parameter replaced by "****"; text without such parts comes back unchanged.
[[nodiscard]] std::string redact_url(std::string_view text);

// The passwords in `url`, as written and percent-decoded: the strings no output may contain.
[[nodiscard]] std::vector<std::string> url_secrets(std::string_view url);

}  // namespace tempest::tool
