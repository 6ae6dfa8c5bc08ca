#pragma once

// Indirect<T>: a T kept on the heap with the semantics of a T member: copying copies the
// value, == compares values, const-ness carries through. Used where a rare, large alternative
// would otherwise set the size of every value of a variant (AlterColumn holds two Columns;
// boxed, an Operation is 296 bytes instead of 552). The shape of C++26's std::indirect.

#include <cassert>
#include <memory>
#include <utility>

namespace tempest {

template <class T>
class Indirect {
 public:
  Indirect() : value_(std::make_unique<T>()) {}
  // Implicit, as a T member is initialised from a T.
  Indirect(const T& value) : value_(std::make_unique<T>(value)) {}        // NOLINT(*-explicit-*)
  Indirect(T&& value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT(*-explicit-*)
  Indirect(const Indirect& other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  // Leaves `other` valueless, as a moved-from std::indirect: it may only be assigned to,
  // copied, compared or destroyed.
  Indirect(Indirect&& other) noexcept = default;
  Indirect& operator=(const Indirect& other) {
    if (this != &other) *this = Indirect(other);
    return *this;
  }
  Indirect& operator=(Indirect&& other) noexcept = default;
  Indirect& operator=(T value) {
    if (value_) {
      *value_ = std::move(value);
    } else {
      value_ = std::make_unique<T>(std::move(value));
    }
    return *this;
  }
  ~Indirect() = default;

  [[nodiscard]] bool valueless_after_move() const noexcept { return !value_; }

  [[nodiscard]] T& operator*() & noexcept {
    assert(value_);
    return *value_;
  }
  [[nodiscard]] const T& operator*() const& noexcept {
    assert(value_);
    return *value_;
  }
  [[nodiscard]] T* operator->() noexcept {
    assert(value_);
    return value_.get();
  }
  [[nodiscard]] const T* operator->() const noexcept {
    assert(value_);
    return value_.get();
  }

  // Valueless compares equal to valueless only.
  friend bool operator==(const Indirect& a, const Indirect& b) {
    if (!a.value_ || !b.value_) return !a.value_ && !b.value_;
    return *a.value_ == *b.value_;
  }
  friend bool operator==(const Indirect& a, const T& b) { return a.value_ && *a.value_ == b; }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace tempest
