#pragma once

#include <filesystem>
#include <string>

namespace tempest::testing {

// A fresh directory under the system temporary directory, removed with its contents by the
// destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // path() / name, as a string.
  [[nodiscard]] std::string file(const std::string& name) const;
  // Writes `text` to path() / name and returns that path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

}  // namespace tempest::testing
