#include "tool/load_schema.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "tempest/dialect.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/postgres.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::tool {

namespace {

namespace fs = std::filesystem;

// sqlite3_open creates a missing file; a tool that only reads must not leave one behind.
void require_file(const std::string& path, const std::string& display) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (!fs::exists(status)) throw Error(display + ": no such file: " + path);
  if (fs::is_directory(status)) throw Error(display + ": " + path + " is a directory");
}

std::unique_ptr<Driver> open_database(const SchemaSource& source) {
  if (source.kind == SourceKind::Postgres) return PostgresDriver::connect(source.location);
  return SqliteDriver::open(source.location);
}

std::string read_file(const std::string& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) throw Error(path + ": is a directory, not a JSON file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot read the file: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

LoadedSchema load_schema(const SchemaSource& source) {
  if (source.kind == SourceKind::JsonFile) {
    const std::string text = read_file(source.location);
    try {
      return LoadedSchema{schema_from_json(text), std::nullopt};
    } catch (const Error& e) {
      throw Error(source.location + ": " + e.what());
    }
  }
  if (source.kind == SourceKind::Sqlite && source.location != ":memory:") {
    require_file(source.location, source.display);
  }
  try {
    std::unique_ptr<Driver> driver = open_database(source);
    return LoadedSchema{inspect_schema(*driver), driver->dialect()};
  } catch (const Error& e) {
    throw Error(source.display + ": " + e.what());
  }
}

}  // namespace tempest::tool
