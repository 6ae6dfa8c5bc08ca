// libFuzzer target: schema_from_json on arbitrary bytes. Either a tempest::Error, or a schema
// that writes back to JSON and reads back to the same schema and the same bytes.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/schema.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "schema_json_fuzzer: %s\n%s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  tempest::Schema schema;
  try {
    schema = tempest::schema_from_json(input);
  } catch (const tempest::Error&) {
    return 0;  // refused with a message: the expected outcome for most inputs
  }
  // Accepted input: the writer must take it, and the canonical text must be a fixed point.
  std::string written;
  try {
    written = tempest::schema_to_json(schema);
  } catch (const tempest::Error& error) {
    fail("an accepted schema could not be written", error.what());
  }
  tempest::Schema reread;
  try {
    reread = tempest::schema_from_json(written);
  } catch (const tempest::Error& error) {
    fail("the written schema was refused", std::string(error.what()) + "\n" + written);
  }
  if (!(reread == schema)) fail("the written schema reads back different", written);
  if (tempest::schema_to_json(reread) != written) fail("the JSON text is not stable", written);
  return 0;
}
