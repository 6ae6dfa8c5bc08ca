#include "hostile_names.hpp"

namespace tempest::testing {

namespace {

// `unit` repeated until `bytes` bytes, then padded with 'x': exactly `bytes` bytes.
std::string exactly(std::string_view unit, std::size_t bytes) {
  std::string out;
  while (out.size() + unit.size() <= bytes) out += unit;
  while (out.size() < bytes) out += 'x';
  return out;
}

}  // namespace

const std::vector<HostileName>& hostile_names() {
  static const std::vector<HostileName> names = {
      {"double_quote", "we\"ird"},
      {"only_quotes", "\"\""},
      {"single_quote", "it's"},
      {"injection", "x\"; DROP TABLE victim; --"},
      {"literal_injection", "'); DROP TABLE victim; --"},
      {"semicolon", "semi;colon"},
      {"line_comment", "-- dash"},
      {"block_comment", "/* block */ x"},
      {"spaces", " spaced  out "},
      {"backslash", "back\\slash\\"},
      {"dollar", "$1 $$x$$"},
      {"brackets", "[br`ack]"},
      {"parentheses_and_cast", "f(x))::text"},
      {"select", "select"},
      {"table", "table"},
      {"order", "order"},
      {"group", "group"},
      {"primary", "primary"},
      {"user", "user"},
      {"mixed_case", "MixedCase"},
      {"digits_first", "1st"},
      {"cyrillic", "Ключ"},
      {"accents", "élève"},
      {"cjk", "表名"},
      {"emoji", "emoji😀"},
      {"combining_mark", "e\u0301te\u0301"},
      {"max_ascii", exactly("a\"", kMaxIdentifierBytes)},
      {"max_two_byte", exactly("é", kMaxIdentifierBytes)},
      {"max_cjk", exactly("表", kMaxIdentifierBytes)},
      {"max_emoji", exactly("😀", kMaxIdentifierBytes)},
  };
  return names;
}

std::string utf8_prefix(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  std::size_t keep = bytes;
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  return std::string(text.substr(0, keep));
}

std::string tagged(std::string_view name, std::string_view tag) {
  return utf8_prefix(name, kMaxIdentifierBytes - tag.size()) + std::string(tag);
}

ObjectNames::ObjectNames(const std::string& hostile)
    : table(hostile),
      parent(tagged(hostile, " p")),
      parent_id(tagged(hostile, " pid")),
      key(tagged(hostile, " k")),
      text(hostile),
      ref(tagged(hostile, " r")),
      state(tagged(hostile, " s")),
      extra(tagged(hostile, " x")),
      mood(tagged(hostile, " e")),
      spare(tagged(hostile, " u")),
      label(hostile),
      label2(tagged(hostile, " 2")),
      primary_key(tagged(hostile, " pk")),
      parent_primary_key(tagged(hostile, " ppk")),
      index(tagged(hostile, " ix")),
      unique(tagged(hostile, " uq")),
      foreign_key(tagged(hostile, " fk")),
      check(tagged(hostile, " ck")) {}

}  // namespace tempest::testing
