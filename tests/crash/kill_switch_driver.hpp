#pragma once

// A Driver that forwards every call to another one and SIGKILLs its own process right before
// or right after a chosen call: a crash at an exact statement boundary of a migration run.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/driver.hpp"

namespace tempest::testing {

enum class CallKind { Any, Execute, Query, Begin, Commit, Rollback };

[[nodiscard]] std::string_view call_kind_name(CallKind kind);

// Where to die: at the `ordinal`-th (1-based) call of `kind`, counting only the execute() and
// query() calls whose SQL starts with `statement_prefix` when one is given. Ordinal 0: never.
struct KillPoint {
  CallKind kind = CallKind::Any;
  std::size_t ordinal = 0;
  bool after = false;  // once the call returned, instead of before it is made
  std::string statement_prefix;
};

// "after the 12th commit()", "before the 3rd execute() of 'ALTER TYPE...'".
[[nodiscard]] std::string describe(const KillPoint& point);

// One call the driver forwarded.
struct DriverCall {
  CallKind kind = CallKind::Execute;
  std::string sql;  // execute() and query() only
  std::chrono::microseconds elapsed{0};
};

class KillSwitchDriver final : public Driver {
 public:
  // `inner` must outlive this driver. `last_words` is called with the call at hand just
  // before the process kills itself (to tell the parent where it died); it must not throw.
  KillSwitchDriver(Driver& inner, KillPoint point,
                   std::function<void(const DriverCall&, bool after)> last_words = {});

  [[nodiscard]] DialectKind dialect() const override { return inner_.dialect(); }
  void execute(std::string_view sql) override;
  [[nodiscard]] QueryResult query(std::string_view sql,
                                  const std::vector<SqlValue>& params = {}) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  [[nodiscard]] bool in_transaction() const override { return inner_.in_transaction(); }

  // Every call forwarded so far, in order (with a never-firing point: a whole run's calls).
  [[nodiscard]] const std::vector<DriverCall>& calls() const { return calls_; }

 private:
  // Records the call; true when it is the one to die at.
  bool arm(CallKind kind, std::string_view sql);
  // Runs the call to the inner driver, timing it, and dies around it as told.
  template <class Call>
  auto forward(CallKind kind, std::string_view sql, Call call);
  void die(bool after);

  Driver& inner_;
  KillPoint point_;
  std::function<void(const DriverCall&, bool)> last_words_;
  std::vector<DriverCall> calls_;
  std::size_t matched_ = 0;
};

// How many of `calls` a KillPoint of `kind` and `statement_prefix` counts.
[[nodiscard]] std::size_t count_calls(const std::vector<DriverCall>& calls, CallKind kind,
                                      std::string_view statement_prefix);

}  // namespace tempest::testing
