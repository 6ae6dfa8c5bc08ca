// libFuzzer target: operations_from_json on arbitrary bytes. Either a tempest::Error, or
// operations that write back to JSON and read back to the same operations and the same bytes.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/operations.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "operations_json_fuzzer: %s\n%s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<tempest::Operation> ops;
  try {
    ops = tempest::operations_from_json(input);
  } catch (const tempest::Error&) {
    return 0;  // refused with a message: the expected outcome for most inputs
  }
  std::string written;
  try {
    written = tempest::operations_to_json(ops);
  } catch (const tempest::Error& error) {
    fail("accepted operations could not be written", error.what());
  }
  std::vector<tempest::Operation> reread;
  try {
    reread = tempest::operations_from_json(written);
  } catch (const tempest::Error& error) {
    fail("the written operations were refused", std::string(error.what()) + "\n" + written);
  }
  if (reread != ops) fail("the written operations read back different", written);
  if (tempest::operations_to_json(reread) != written) fail("the JSON text is not stable", written);
  return 0;
}
