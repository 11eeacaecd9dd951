// Time is explicit: services take a Clock so tests can inject "now".
#pragma once

#include <atomic>
#include <chrono>
#include <string>

namespace eenplan::core {

using Instant = std::chrono::system_clock::time_point;

class Clock {
public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
public:
  Instant now() const override { return std::chrono::system_clock::now(); }
};

/// Another clock shifted by a settable number of days: the browser journeys' "six weeks later".
/// Only `eenplan serve --test-clock` creates one; it never runs in production.
class OffsetClock final : public Clock {
public:
  explicit OffsetClock(const Clock& base) : base_(base) {}
  Instant now() const override { return base_.now() + std::chrono::hours(24) * offset_days_.load(); }
  void set_offset_days(int days) { offset_days_.store(days); }
  int offset_days() const { return offset_days_.load(); }

private:
  const Clock& base_;
  std::atomic<int> offset_days_{0};
};

/// RFC 3339 UTC with milliseconds: 2026-11-23T18:41:25.123Z (sorts as text).
std::string format_instant(Instant t);

/// The calendar date (Europe/Amsterdam) of an instant, as YYYY-MM-DD.
std::string local_date_iso(Instant t);

} // namespace eenplan::core
