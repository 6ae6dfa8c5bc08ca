// Writes the fixture migrations (fixture_migrations.hpp) as migration files:
//
//   tempest_codegen_generate_fixture <output dir> <revision>...
//
// The revisions are those CMake expects as outputs; a mismatch with the fixture is an error,
// so that the two lists cannot drift apart silently.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "fixture_migrations.hpp"
#include "tempest/codegen.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " <output dir> <revision>...\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  const std::vector<std::string> expected(argv + 2, argv + argc);
  const std::vector<tempest::Migration> migrations = tempest::codegen_fixture::fixture_migrations();
  std::vector<std::string> revisions;
  for (const tempest::Migration& m : migrations) revisions.push_back(m.revision);
  if (revisions != expected) {
    std::cerr << "generate_fixture: the revisions given by CMake differ from the fixture's:";
    for (const std::string& revision : revisions) std::cerr << ' ' << revision;
    std::cerr << '\n';
    return 1;
  }
  std::filesystem::create_directories(dir);
  for (const tempest::Migration& m : migrations) {
    const std::string source = tempest::generate_migration({.revision = m.revision,
                                                            .down_revisions = m.down_revisions,
                                                            .label = m.label,
                                                            .operations = m.up});
    const std::filesystem::path path = dir / (m.revision + ".cpp");
    std::ofstream out(path, std::ios::binary);
    out << source;
    if (!out.flush()) {
      std::cerr << "generate_fixture: cannot write " << path << '\n';
      return 1;
    }
  }
  return 0;
}
