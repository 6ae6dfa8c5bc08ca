#pragma once

// Indirect<T>: a T kept on the heap with the semantics of a T member: copying copies the
// value, == compares values, const-ness carries through. Used where a rare, large alternative
// would otherwise set the size of every value of a variant (AlterColumn holds two Columns;
// boxed, an Operation is 320 bytes instead of 552). The shape of C++26's std::indirect.

#include <memory>
#include <utility>

namespace tempest {

template <class T>
class Indirect {
 public:
  Indirect() : value_(std::make_unique<T>()) {}
  Indirect(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit
  Indirect(const Indirect& other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  // Leaves `other` valueless, as a moved-from std::indirect: it may only be assigned to or
  // destroyed.
  Indirect(Indirect&& other) noexcept = default;
  Indirect& operator=(const Indirect& other) {
    if (this != &other) *this = Indirect(other);
    return *this;
  }
  Indirect& operator=(Indirect&& other) noexcept = default;
  Indirect& operator=(T value) {
    value_ = std::make_unique<T>(std::move(value));
    return *this;
  }
  ~Indirect() = default;

  [[nodiscard]] T& operator*() & { return *value_; }
  [[nodiscard]] const T& operator*() const& { return *value_; }
  [[nodiscard]] T* operator->() { return value_.get(); }
  [[nodiscard]] const T* operator->() const { return value_.get(); }

  friend bool operator==(const Indirect& a, const Indirect& b) {
    if (!a.value_ || !b.value_) return !a.value_ && !b.value_;
    return *a.value_ == *b.value_;
  }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace tempest
