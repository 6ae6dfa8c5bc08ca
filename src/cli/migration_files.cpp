#include "cli/migration_files.hpp"

#include <cctype>
#include <cstdio>
#include <fstream>

#include "tempest/error.hpp"

namespace tempest::cli {

std::string default_revision_id(std::size_t count, std::string_view message) {
  char number[16];
  std::snprintf(number, sizeof number, "%04zu", count + 1);
  std::string slug;
  bool gap = false;
  for (char c : message) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (gap && !slug.empty()) slug += '_';
      gap = false;
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      gap = true;
    }
  }
  if (slug.size() > 40) {
    slug.resize(40);
    while (!slug.empty() && slug.back() == '_') slug.pop_back();
  }
  return slug.empty() ? std::string(number) : std::string(number) + "_" + slug;
}

void check_new_revision(const MigrationGraph& graph, const std::string& revision) {
  if (revision.empty()) throw MigrationError("the revision id is empty: pass --rev-id ID");
  for (char c : revision) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') {
      throw MigrationError("revision id \"" + revision +
                           "\" may hold only letters, digits, '_' and '-': choose another "
                           "with --rev-id");
    }
  }
  if (graph.contains(revision)) {
    throw MigrationError("revision " + revision +
                         " already exists: choose another id with --rev-id");
  }
}

std::filesystem::path write_migration_file(const std::filesystem::path& dir,
                                           const MigrationSource& source) {
  if (dir.empty()) {
    throw Error("no migrations directory: set CliConfig::migrations_dir");
  }
  const std::string text = generate_migration(source);
  const std::filesystem::path path = dir / (source.revision + ".cpp");
  if (std::filesystem::exists(path)) {
    throw MigrationError(path.string() +
                         " already exists: choose another revision id with --rev-id");
  }
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  std::ofstream file(path, std::ios::binary);
  file << text;
  file.close();
  if (!file) {
    throw Error("cannot write " + path.string() + ": check that " + dir.string() +
                " exists and is writable");
  }
  return path;
}

}  // namespace tempest::cli
