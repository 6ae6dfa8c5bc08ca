#include "support/pg_cluster.hpp"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "tempest/dialect.hpp"

namespace tempest::testing {

namespace {

std::string read_url_file() {
  const char* path = std::getenv("TEMPEST_PG_URL_FILE");
  if (path == nullptr || *path == '\0') {
    throw std::runtime_error(
        "TEMPEST_PG_URL_FILE is not set: run the PostgreSQL tests through ctest "
        "(ctest -L postgres), whose fixture starts the cluster with scripts/pg-cluster, or "
        "set TEMPEST_PG_URL_FILE to the url file `scripts/pg-cluster start DIR` wrote");
  }
  std::ifstream in(path);
  std::string url;
  if (!in || !std::getline(in, url) || url.empty()) {
    throw std::runtime_error(std::string("PostgreSQL test cluster URL file ") + path +
                             " is missing or empty: did `scripts/pg-cluster start` fail?");
  }
  return url;
}

// The cluster URL pointing at `database` instead of `postgres`.
std::string url_for(const std::string& database) {
  std::string url = postgres_url();
  std::size_t slash = url.rfind('/');
  if (slash == std::string::npos || slash < url.find("://") + 3) {
    throw std::runtime_error("unexpected PostgreSQL test URL: " + url);
  }
  return url.substr(0, slash + 1) + database;
}

std::string next_name() {
  static int counter = 0;
  return "t_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

std::string postgres_url() {
  static const std::string url = read_url_file();
  return url;
}

TempPgDatabase::TempPgDatabase() : name_(next_name()), url_(url_for(name_)) {
  admin_ = PostgresDriver::connect(postgres_url());
  admin_->execute("DROP DATABASE IF EXISTS " + quote_ident(name_) + " WITH (FORCE)");
  admin_->execute("CREATE DATABASE " + quote_ident(name_));
  driver_ = PostgresDriver::connect(url_);
}

TempPgDatabase::~TempPgDatabase() {
  driver_.reset();
  try {
    admin_->execute("DROP DATABASE IF EXISTS " + quote_ident(name_) + " WITH (FORCE)");
  } catch (...) {  // the cluster is thrown away at the end of the run anyway
  }
}

namespace {

// psql's exit status and output for `script` in the database at `url`.
std::pair<int, std::string> psql(const std::string& url, const std::string& name,
                                 const std::string& script, bool stop_at_error) {
  std::filesystem::path file = std::filesystem::temp_directory_path() / (name + ".sql");
  {
    std::ofstream out(file);
    out << script;
  }
  std::string command = "psql -X -q " + std::string(stop_at_error ? "-v ON_ERROR_STOP=1 " : "") +
                        "-d '" + url + "' -f '" + file.string() + "' 2>&1";
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run psql");
  std::array<char, 4096> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    output.append(buffer.data(), n);
  }
  int status = ::pclose(pipe);
  std::filesystem::remove(file);
  return {status, output};
}

}  // namespace

void TempPgDatabase::run_psql(const std::string& script) const {
  const auto [status, output] = psql(url_, name_, script, true);
  if (status != 0) throw std::runtime_error("psql failed on " + name_ + ":\n" + output);
}

std::string TempPgDatabase::run_psql_to_the_end(const std::string& script) const {
  const auto [status, output] = psql(url_, name_, script, false);
  if (status != 0) throw std::runtime_error("psql could not run on " + name_ + ":\n" + output);
  return output;
}

}  // namespace tempest::testing
