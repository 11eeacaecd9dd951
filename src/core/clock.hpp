// Time is explicit: services take a Clock so tests can inject "now".
#pragma once

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

/// RFC 3339 UTC with milliseconds: 2026-11-23T18:41:25.123Z (sorts as text).
std::string format_instant(Instant t);

/// The calendar date (Europe/Amsterdam) of an instant, as YYYY-MM-DD.
std::string local_date_iso(Instant t);

} // namespace eenplan::core
