#include "cli/migration_files.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

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

void check_all_collected(const MigrationGraph& graph, const std::filesystem::path& dir) {
  std::error_code error;
  if (dir.empty() || !std::filesystem::is_directory(dir, error)) return;
  std::vector<std::filesystem::path> uncollected;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::filesystem::path& path = entry.path();
    if (path.extension() == ".cpp" && !graph.contains(path.stem().string())) {
      uncollected.push_back(path);
    }
  }
  if (uncollected.empty()) return;
  const std::filesystem::path first = *std::min_element(uncollected.begin(), uncollected.end());
  throw MigrationError(first.string() + " is not collected yet (no revision " +
                       first.stem().string() +
                       " among the migrations): rebuild the application before writing the "
                       "next revision, or remove the file");
}

std::filesystem::path write_migration_file(const std::filesystem::path& dir,
                                           const MigrationSource& source) {
  if (dir.empty()) {
    throw Error(
        "no migrations directory: set CliConfig::migrations_dir to the directory that "
        "tempest_add_migrations() collects");
  }
  const std::string text = generate_migration(source);
  std::filesystem::path path = dir / (source.revision + ".cpp");
  if (std::filesystem::exists(path)) {
    throw MigrationError(path.string() +
                         " already exists: choose another revision id with --rev-id");
  }
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    throw Error("cannot create the migrations directory " + dir.string() + ": " + error.message() +
                ": create it, or set CliConfig::migrations_dir to a writable directory");
  }
  std::ofstream file(path, std::ios::binary);
  const int open_error = errno;
  if (!file) {
    throw Error("cannot write " + path.string() + ": " + std::strerror(open_error) + ": make " +
                dir.string() + " writable, or set CliConfig::migrations_dir");
  }
  file << text;
  file.close();
  if (!file) {
    throw Error("cannot write " + path.string() +
                ": the write failed: check the space left on its file system, then run the "
                "command again");
  }
  return path;
}

}  // namespace tempest::cli
