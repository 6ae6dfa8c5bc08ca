#include "json/json_reader.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "tempest/error.hpp"

namespace tempest {

namespace {

// "$.name" for plain keys, "$[\"odd key\"]" for anything else, so a path is unambiguous.
std::string member_path(const std::string& path, std::string_view key) {
  bool plain = !key.empty() && !std::isdigit(static_cast<unsigned char>(key.front())) &&
               std::all_of(key.begin(), key.end(), [](char c) {
                 return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
               });
  if (plain) return path + "." + std::string(key);
  return path + "[" + nlohmann::json(std::string(key)).dump() + "]";
}

// A parser callback that refuses an object naming one key twice: nlohmann keeps the last
// value silently, and a document whose meaning depends on that is a mistake, not a choice.
// It follows the JSON path as the parser descends, so the error names the second key. Frames
// are reused from one object to the next, and a small object's keys are searched in place,
// which keeps a 20 MB document's parse within a few percent of an unchecked one.
class DuplicateKeyCheck {
 public:
  bool operator()(int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        enter(event == Event::array_start);
        break;
      case Event::key:
        add_key(parsed.get_ref<const std::string&>());
        break;
      case Event::object_end:
      case Event::array_end:
        --state_->depth;
        element_done();
        break;
      case Event::value:
        element_done();
        break;
    }
    return true;
  }

 private:
  static constexpr std::size_t kSearchedInPlace = 16;

  struct Frame {
    bool array = false;
    std::size_t index = 0;                 // arrays: the element being read
    std::vector<std::string> keys;         // objects: the keys read so far, the last current
    std::unordered_set<std::string> many;  // objects with more keys than kSearchedInPlace
  };

  struct State {
    std::vector<Frame> frames;  // [0, depth) are open
    std::size_t depth = 0;
  };

  void enter(bool array) {
    if (state_->depth == state_->frames.size()) state_->frames.emplace_back();
    Frame& frame = state_->frames[state_->depth++];
    frame.array = array;
    frame.index = 0;
    frame.keys.clear();
    frame.many.clear();
  }

  void add_key(const std::string& key) {
    Frame& frame = state_->frames[state_->depth - 1];
    bool repeated = false;
    if (frame.keys.size() < kSearchedInPlace) {
      repeated = std::find(frame.keys.begin(), frame.keys.end(), key) != frame.keys.end();
    } else {
      if (frame.many.empty()) frame.many.insert(frame.keys.begin(), frame.keys.end());
      repeated = !frame.many.insert(key).second;
    }
    frame.keys.push_back(key);
    if (repeated) {
      throw ModelError(path() + ": key " + nlohmann::json(key).dump() +
                       " appears twice in one object");
    }
  }

  void element_done() {
    if (state_->depth > 0 && state_->frames[state_->depth - 1].array) {
      ++state_->frames[state_->depth - 1].index;
    }
  }

  [[nodiscard]] std::string path() const {
    std::string path = "$";
    for (std::size_t i = 0; i < state_->depth; ++i) {
      const Frame& frame = state_->frames[i];
      path = frame.array ? path + "[" + std::to_string(frame.index) + "]"
                         : member_path(path, frame.keys.back());
    }
    return path;
  }

  // Shared: nlohmann copies the callback.
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace

std::string json_error_text(const std::exception& error) {
  // The prefix names nlohmann's exception class; the path already says where the fault is.
  std::string message = error.what();
  if (!message.empty() && message.front() == '[') {
    std::size_t end = message.find("] ");
    if (end != std::string::npos) message.erase(0, end + 2);
  }
  return message;
}

JsonReader::JsonReader(const nlohmann::json& value, std::string path)
    : value_(&value), path_(std::move(path)) {}

nlohmann::json JsonReader::parse(std::string_view text) {
  try {
    return nlohmann::json::parse(text.begin(), text.end(), DuplicateKeyCheck());
  } catch (const nlohmann::json::exception& error) {
    // parse_error for malformed text; out_of_range for a number no double holds (1e400), which
    // would otherwise escape as an exception that is not a tempest::Error.
    throw ModelError("$: not JSON: " + json_error_text(error));
  }
}

void JsonReader::fail(std::string_view problem) const {
  throw ModelError(path_ + ": " + std::string(problem));
}

void JsonReader::fail_unknown(std::string_view what, const std::string& name) const {
  fail("unknown " + std::string(what) + " " + nlohmann::json(name).dump());
}

std::string JsonReader::as_string() const {
  if (!value_->is_string()) fail("expected a string");
  return value_->get<std::string>();
}

bool JsonReader::as_bool() const {
  if (!value_->is_boolean()) fail("expected a boolean");
  return value_->get<bool>();
}

std::int64_t JsonReader::as_int64() const {
  if (value_->is_number_unsigned()) {
    auto value = value_->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail("integer out of range");
    }
    return static_cast<std::int64_t>(value);
  }
  if (!value_->is_number_integer()) fail("expected an integer");
  return value_->get<std::int64_t>();
}

int JsonReader::as_int() const {
  std::int64_t value = as_int64();
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    fail("integer out of range");
  }
  return static_cast<int>(value);
}

std::size_t JsonReader::as_size() const {
  if (value_->is_number_unsigned()) return value_->get<std::size_t>();
  if (value_->is_number_integer()) fail("expected a non-negative integer");
  fail("expected an integer");
}

std::vector<JsonReader> JsonReader::as_array() const {
  if (!value_->is_array()) fail("expected an array");
  std::vector<JsonReader> items;
  items.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i) {
    items.emplace_back((*value_)[i], path_ + "[" + std::to_string(i) + "]");
  }
  return items;
}

std::vector<std::string> JsonReader::as_string_array() const {
  std::vector<std::string> strings;
  for (const JsonReader& item : as_array()) strings.push_back(item.as_string());
  return strings;
}

JsonObject JsonReader::as_object() const {
  if (!value_->is_object()) fail("expected an object");
  return JsonObject(*this);
}

JsonObject JsonReader::as_object(std::initializer_list<std::string_view> allowed) const {
  JsonObject object = as_object();
  object.only(allowed);
  return object;
}

void JsonObject::only(std::initializer_list<std::string_view> allowed) const {
  for (const auto& [key, value] : reader_.value().items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      JsonReader(value, member_path(reader_.path(), key)).fail("unknown key");
    }
  }
}

std::optional<JsonReader> JsonObject::optional(std::string_view key) const {
  auto it = reader_.value().find(key);
  if (it == reader_.value().end()) return std::nullopt;
  return JsonReader(*it, member_path(reader_.path(), key));
}

JsonReader JsonObject::required(std::string_view key) const {
  if (auto member = optional(key)) return *member;
  throw ModelError(member_path(reader_.path(), key) + ": required key missing");
}

std::string JsonObject::string(std::string_view key) const { return required(key).as_string(); }

std::string JsonObject::string_or_empty(std::string_view key) const {
  auto member = optional(key);
  return member ? member->as_string() : std::string();
}

std::vector<std::string> JsonObject::strings(std::string_view key) const {
  return required(key).as_string_array();
}

bool JsonObject::bool_or_false(std::string_view key) const {
  auto member = optional(key);
  return member && member->as_bool();
}

}  // namespace tempest
