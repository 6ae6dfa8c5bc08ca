#include "kill_switch_driver.hpp"

#include <signal.h>  // NOLINT(modernize-deprecated-headers): kill() and raise() are POSIX
#include <unistd.h>

#include <type_traits>
#include <utility>

namespace tempest::testing {

namespace {

bool counts(CallKind wanted, CallKind kind, std::string_view prefix, std::string_view sql) {
  if (wanted != CallKind::Any && wanted != kind) return false;
  if (prefix.empty()) return true;
  return (kind == CallKind::Execute || kind == CallKind::Query) && sql.starts_with(prefix);
}

std::string ordinal_text(std::size_t n) {
  const std::size_t tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : n % 10 == 1              ? "st"
                       : n % 10 == 2              ? "nd"
                       : n % 10 == 3              ? "rd"
                                                  : "th";
  return std::to_string(n) + suffix;
}

}  // namespace

std::string_view call_kind_name(CallKind kind) {
  switch (kind) {
    case CallKind::Any:
      return "call";
    case CallKind::Execute:
      return "execute()";
    case CallKind::Query:
      return "query()";
    case CallKind::Begin:
      return "begin()";
    case CallKind::Commit:
      return "commit()";
    case CallKind::Rollback:
      return "rollback()";
  }
  return "?";
}

std::string describe(const KillPoint& point) {
  if (point.ordinal == 0) return "never";
  std::string text = std::string(point.after ? "after" : "before") + " the " +
                     ordinal_text(point.ordinal) + " " + std::string(call_kind_name(point.kind));
  if (!point.statement_prefix.empty()) text += " of '" + point.statement_prefix + "...'";
  return text;
}

KillSwitchDriver::KillSwitchDriver(Driver& inner, KillPoint point,
                                   std::function<void(const DriverCall&, bool)> last_words)
    : inner_(inner), point_(std::move(point)), last_words_(std::move(last_words)) {}

bool KillSwitchDriver::arm(CallKind kind, std::string_view sql) {
  calls_.push_back({kind, std::string(sql)});
  if (point_.ordinal == 0 || !counts(point_.kind, kind, point_.statement_prefix, sql)) {
    return false;
  }
  return ++matched_ == point_.ordinal;
}

void KillSwitchDriver::die(bool after) {
  if (last_words_) last_words_(calls_.back(), after);
  ::kill(::getpid(), SIGKILL);  // delivered before kill() returns: a signal to oneself
  ::_exit(127);                 // unreachable; the parent reports an exit as "not killed"
}

template <class Call>
auto KillSwitchDriver::forward(CallKind kind, std::string_view sql, Call call) {
  const bool fire = arm(kind, sql);
  if (fire && !point_.after) die(false);
  const std::size_t at = calls_.size() - 1;
  const auto start = std::chrono::steady_clock::now();
  const auto finish = [&] {
    calls_[at].elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - start);
    if (fire) die(true);
  };
  if constexpr (std::is_void_v<decltype(call())>) {
    call();
    finish();
  } else {
    auto result = call();
    finish();
    return result;
  }
}

void KillSwitchDriver::execute(std::string_view sql) {
  forward(CallKind::Execute, sql, [&] { inner_.execute(sql); });
}

QueryResult KillSwitchDriver::query(std::string_view sql, const std::vector<SqlValue>& params) {
  return forward(CallKind::Query, sql, [&] { return inner_.query(sql, params); });
}

void KillSwitchDriver::begin() {
  forward(CallKind::Begin, {}, [&] { inner_.begin(); });
}

void KillSwitchDriver::commit() {
  forward(CallKind::Commit, {}, [&] { inner_.commit(); });
}

void KillSwitchDriver::rollback() {
  forward(CallKind::Rollback, {}, [&] { inner_.rollback(); });
}

std::size_t count_calls(const std::vector<DriverCall>& calls, CallKind kind,
                        std::string_view statement_prefix) {
  std::size_t n = 0;
  for (const DriverCall& call : calls) {
    if (counts(kind, call.kind, statement_prefix, call.sql)) ++n;
  }
  return n;
}

}  // namespace tempest::testing
