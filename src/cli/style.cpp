#include "cli/style.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace tempest::cli {

namespace {

bool set_and_not_empty(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

std::string_view code_of(Color color) {
  switch (color) {
    case Color::Red:
      return "\033[31m";
    case Color::Yellow:
      return "\033[33m";
    case Color::Green:
      return "\033[32m";
    case Color::Bold:
      return "\033[1m";
  }
  return "";
}

}  // namespace

ColorMode parse_color_mode(std::string_view text) {
  if (text == "always") return ColorMode::Always;
  if (text == "never") return ColorMode::Never;
  return ColorMode::Auto;
}

bool use_color(ColorMode mode, const std::ostream* stream) {
  if (mode != ColorMode::Auto) return mode == ColorMode::Always;
  if (set_and_not_empty("NO_COLOR")) return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  if (stream == &std::cout) return ::isatty(STDOUT_FILENO) != 0;
  if (stream == &std::cerr) return ::isatty(STDERR_FILENO) != 0;
  return false;
}

std::string paint(std::string_view text, Color color, bool on) {
  if (!on) return std::string(text);
  return std::string(code_of(color)) + std::string(text) + "\033[0m";
}

}  // namespace tempest::cli
