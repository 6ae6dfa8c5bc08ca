#pragma once

// Identifiers that break or inject SQL unless every one of them is quoted, and the names of
// the objects a test builds from one of them.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tempest::testing {

// PostgreSQL keeps 63 bytes of an identifier (NAMEDATALEN - 1).
inline constexpr std::size_t kMaxIdentifierBytes = 63;

struct HostileName {
  std::string label;  // [A-Za-z0-9_]+, for test names
  std::string name;
};

// Quotes, semicolons, comment markers, spaces, reserved words, mixed case, non-ASCII
// (Cyrillic, accents, CJK, emoji, combining marks) and names of exactly 63 bytes, ASCII and
// multi-byte.
[[nodiscard]] const std::vector<HostileName>& hostile_names();

// `name` + `tag`, keeping to kMaxIdentifierBytes: a long name loses bytes from its end, on a
// character boundary, to make room for the tag.
[[nodiscard]] std::string tagged(std::string_view name, std::string_view tag);

// `text` cut to at most `bytes` bytes on a UTF-8 character boundary.
[[nodiscard]] std::string utf8_prefix(std::string_view text, std::size_t bytes);

// Every object name of the identifier suite, derived from one hostile name so that they are
// all distinct, all hostile, and none longer than 63 bytes.
struct ObjectNames {
  explicit ObjectNames(const std::string& hostile);

  std::string table;      // the hostile name itself
  std::string parent;     // a table the foreign keys reference
  std::string parent_id;  // its key column
  std::string key;        // columns of `table`
  std::string text;       // the hostile name itself, as a column
  std::string ref;
  std::string state;  // of the enum type `mood`
  std::string extra;
  std::string mood;   // an enum type with the labels below
  std::string spare;  // an enum type no column uses
  std::string label;  // the hostile name itself, as an enum label
  std::string label2;
  std::string primary_key;
  std::string parent_primary_key;
  std::string index;
  std::string unique;
  std::string foreign_key;
  std::string check;
};

}  // namespace tempest::testing
