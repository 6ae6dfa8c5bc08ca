#pragma once

// The few colours of the command's output, and when to use them: on a terminal unless
// NO_COLOR is set (https://no-color.org), or as --color=always|never says.

#include <ostream>
#include <string>
#include <string_view>

namespace tempest::cli {

enum class Color { Red, Yellow, Green, Bold };

enum class ColorMode { Auto, Always, Never };

// "always" or "never"; anything else (the parser admits only "auto") is Auto.
[[nodiscard]] ColorMode parse_color_mode(std::string_view text);

// Whether to colour what goes to `stream`. Auto: only for std::cout or std::cerr on a terminal
// (isatty), when NO_COLOR is unset or empty and TERM is not "dumb".
[[nodiscard]] bool use_color(ColorMode mode, const std::ostream* stream);

// `text` between the ANSI codes of `color` when `on`, else `text` as it is.
[[nodiscard]] std::string paint(std::string_view text, Color color, bool on);

}  // namespace tempest::cli
