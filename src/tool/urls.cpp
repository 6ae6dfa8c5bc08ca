#include "tool/urls.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "tempest/error.hpp"

namespace tempest::tool {

namespace {

using Range = std::pair<std::size_t, std::size_t>;  // [begin, end) of a secret in a URL

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

bool ends_with_nocase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         starts_with_nocase(text.substr(text.size() - suffix.size()), suffix);
}

// The passwords of "scheme://user:password@host/...?password=...". The user info ends at the
// last '@' so that an unescaped '@' in a password is masked too (over-masking is harmless).
std::vector<Range> secret_ranges(std::string_view url) {
  std::vector<Range> ranges;
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return ranges;
  const std::size_t start = scheme_end + 3;
  const std::size_t at = url.rfind('@');
  std::size_t query_from = start;
  if (at != std::string_view::npos && at >= start) {
    const std::size_t colon = url.find(':', start);
    if (colon < at && colon + 1 < at) ranges.emplace_back(colon + 1, at);
    query_from = at + 1;
  }
  const std::size_t query = url.find('?', query_from);
  if (query == std::string_view::npos) return ranges;
  std::size_t begin = query + 1;
  while (begin < url.size()) {
    std::size_t end = url.find('&', begin);
    if (end == std::string_view::npos) end = url.size();
    std::string_view parameter = url.substr(begin, end - begin);
    constexpr std::string_view kKey = "password=";
    if (starts_with_nocase(parameter, kKey) && parameter.size() > kKey.size()) {
      ranges.emplace_back(begin + kKey.size(), end);
    }
    begin = end + 1;
  }
  return ranges;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

SchemaSource make(SourceKind kind, std::string location, std::string_view argument) {
  if (location.empty()) {
    throw Error("\"" + redact_url(argument) + "\": the URL names no path");
  }
  return SchemaSource{kind, std::move(location), redact_url(argument)};
}

}  // namespace

SchemaSource parse_source(std::string_view argument) {
  if (starts_with_nocase(argument, "postgresql://") ||
      starts_with_nocase(argument, "postgres://")) {
    return make(SourceKind::Postgres, std::string(argument), argument);
  }
  if (starts_with_nocase(argument, "sqlite:")) {
    std::string_view path = argument.substr(7);
    if (path == ":memory:") return make(SourceKind::Sqlite, ":memory:", argument);
    if (path.starts_with("//")) path.remove_prefix(2);
    return make(SourceKind::Sqlite, std::string(path), argument);
  }
  if (starts_with_nocase(argument, "file:")) {
    return make(SourceKind::JsonFile, std::string(argument.substr(5)), argument);
  }
  if (ends_with_nocase(argument, ".json")) {
    return make(SourceKind::JsonFile, std::string(argument), argument);
  }
  throw Error("\"" + redact_url(argument) +
              "\" is not a schema source: expected sqlite:PATH, postgresql://..., or a JSON "
              "schema file (file:PATH or PATH.json)");
}

std::string redact_url(std::string_view text) {
  std::string out;
  std::size_t copied = 0;
  for (const auto& [begin, end] : secret_ranges(text)) {
    out.append(text.substr(copied, begin - copied));
    out += "****";
    copied = end;
  }
  out.append(text.substr(copied));
  return out;
}

std::vector<std::string> url_secrets(std::string_view url) {
  std::vector<std::string> secrets;
  for (const auto& [begin, end] : secret_ranges(url)) {
    std::string written(url.substr(begin, end - begin));
    std::string decoded = percent_decoded(written);
    if (decoded != written && !decoded.empty()) secrets.push_back(std::move(decoded));
    secrets.push_back(std::move(written));
  }
  return secrets;
}

}  // namespace tempest::tool
