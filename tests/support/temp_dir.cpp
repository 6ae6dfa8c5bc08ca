#include "support/temp_dir.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>

namespace tempest::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("tempest_dir_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;  // never throw from a destructor
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::file(const std::string& name) const { return (path_ / name).string(); }

std::string TempDir::write(const std::string& name, const std::string& text) const {
  std::string target = file(name);
  std::ofstream out(target, std::ios::binary);
  out << text;
  return target;
}

}  // namespace tempest::testing
