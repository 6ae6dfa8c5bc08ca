#pragma once

// Typed access to a parsed JSON document that remembers where each value came from, so every
// error names its JSON path ("$.tables[2].columns[0].type: expected an object").

#include <cstddef>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

class JsonObject;

// The description from an nlohmann exception, without its "[json.exception.x.N] " prefix.
[[nodiscard]] std::string json_error_text(const std::exception& error);

// One JSON value and its path. Holds a reference into the parsed document, which must
// outlive it. Every accessor throws ModelError("<path>: <problem>") on a type mismatch.
class JsonReader {
 public:
  JsonReader(const nlohmann::json& value, std::string path);

  // Parses `text`; throws ModelError("$: not JSON: ...") when it is not JSON.
  [[nodiscard]] static nlohmann::json parse(std::string_view text);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const nlohmann::json& value() const { return *value_; }

  [[noreturn]] void fail(std::string_view problem) const;

  [[nodiscard]] std::string as_string() const;
  [[nodiscard]] bool as_bool() const;
  [[nodiscard]] int as_int() const;
  [[nodiscard]] std::int64_t as_int64() const;
  [[nodiscard]] std::size_t as_size() const;  // a non-negative integer
  [[nodiscard]] std::vector<JsonReader> as_array() const;
  [[nodiscard]] std::vector<std::string> as_string_array() const;
  [[nodiscard]] JsonObject as_object() const;
  // As above, rejecting any key not in `allowed` (the format is strict, to catch typos).
  [[nodiscard]] JsonObject as_object(std::initializer_list<std::string_view> allowed) const;

  // The enumerator named by this string, using a schema.hpp parse_* function; `what` names
  // the enum in the error: `unknown action "explode"`.
  template <class E>
  [[nodiscard]] E as_enum(std::optional<E> (*parse)(std::string_view),
                          std::string_view what) const {
    std::string name = as_string();
    if (auto value = parse(name)) return *value;
    fail_unknown(what, name);
  }

 private:
  [[noreturn]] void fail_unknown(std::string_view what, const std::string& name) const;

  const nlohmann::json* value_;
  std::string path_;
};

// A JSON object being read; members are found by key.
class JsonObject {
 public:
  explicit JsonObject(JsonReader reader) : reader_(std::move(reader)) {}

  [[nodiscard]] const JsonReader& reader() const { return reader_; }

  // Throws for the first key (in sorted order) that is not in `allowed`.
  void only(std::initializer_list<std::string_view> allowed) const;

  [[nodiscard]] std::optional<JsonReader> optional(std::string_view key) const;
  // Throws ModelError("<path>.<key>: required key missing") when absent.
  [[nodiscard]] JsonReader required(std::string_view key) const;

  [[nodiscard]] std::string string(std::string_view key) const;
  [[nodiscard]] std::string string_or_empty(std::string_view key) const;
  [[nodiscard]] std::vector<std::string> strings(std::string_view key) const;
  [[nodiscard]] bool bool_or_false(std::string_view key) const;

 private:
  JsonReader reader_;
};

}  // namespace tempest
