#include "support/fixtures.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tempest::testing {

std::string read_fixture(const std::string& relative) {
  const std::string path = std::string(TEMPEST_FIXTURES_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read fixture " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace tempest::testing
