#include "service/login_throttle.hpp"

#include <algorithm>

namespace eenplan::service {

int LoginThrottle::wait_for(std::deque<core::Instant>& failures, int limit, core::Instant now) {
  while (!failures.empty() && failures.front() + limits_.window <= now)
    failures.pop_front();
  if (static_cast<int>(failures.size()) < limit) return 0;
  const auto free_at = failures[failures.size() - static_cast<std::size_t>(limit)] + limits_.window;
  const auto wait = std::chrono::ceil<std::chrono::seconds>(free_at - now).count();
  return static_cast<int>(std::max<long long>(1, wait));
}

int LoginThrottle::retry_after(const std::string& account, const std::string& address, core::Instant now) {
  std::lock_guard lock(mutex_);
  return std::max(wait_for(by_account_[account], limits_.per_account, now),
                  wait_for(by_address_[address], limits_.per_address, now));
}

void LoginThrottle::record_failure(const std::string& account, const std::string& address,
                                   core::Instant now) {
  std::lock_guard lock(mutex_);
  by_account_[account].push_back(now);
  by_address_[address].push_back(now);
}

void LoginThrottle::record_success(const std::string& account) {
  std::lock_guard lock(mutex_);
  by_account_.erase(account);
}

} // namespace eenplan::service
