// Sliding-window limits on failed logins, per account and per client address
// (OWASP ASVS 2.2.1: stop credential stuffing without locking accounts for good).
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace eenplan::service {

class LoginThrottle {
public:
  struct Limits {
    int per_account = 5;
    int per_address = 50;
    std::chrono::seconds window{15 * 60};
  };
  LoginThrottle() = default;
  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  /// 0 when a login may be tried now, else the seconds to wait.
  int retry_after(const std::string& account, const std::string& address, core::Instant now);
  void record_failure(const std::string& account, const std::string& address, core::Instant now);
  void record_success(const std::string& account);

private:
  int wait_for(std::deque<core::Instant>& failures, int limit, core::Instant now);
  Limits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<core::Instant>> by_account_;
  std::unordered_map<std::string, std::deque<core::Instant>> by_address_;
};

} // namespace eenplan::service
