#pragma once

// Naming and writing new migration files, for revision and merge.

#include <filesystem>
#include <string>
#include <string_view>

#include "tempest/codegen.hpp"
#include "tempest/migration.hpp"

namespace tempest::cli {

// "NNNN_<slug of message>": NNNN = `count` + 1 zero-padded to 4; the slug is
// the message's words lower-cased and joined by '_', at most 40 characters
// ("0003_add_published").
[[nodiscard]] std::string default_revision_id(std::size_t count, std::string_view message);

// Checks that `revision` is a usable new id: not empty, only [A-Za-z0-9_-], not
// in `graph`.
void check_new_revision(const MigrationGraph& graph, const std::string& revision);

// Checks that every <revision>.cpp of `dir` is in `graph`: a file written by `revision` or
// `merge` is collected only at the next build, and a revision written before that would have
// the wrong parents (and --autogenerate would repeat its operations). Throws MigrationError
// naming the first such file.
void check_all_collected(const MigrationGraph& graph, const std::filesystem::path& dir);

// Writes generate_migration(source) to <dir>/<revision>.cpp, creating `dir` if
// needed; refuses to overwrite. Returns the path written.
std::filesystem::path write_migration_file(const std::filesystem::path& dir,
                                           const MigrationSource& source);

}  // namespace tempest::cli
