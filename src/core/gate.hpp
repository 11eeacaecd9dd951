// A gate a response waits behind before it is sent: it opens when every part has
// finished (e.g. audit events made durable), and remembers whether any part failed.
#pragma once

#include <functional>
#include <mutex>

namespace eenplan::core {

class Gate {
public:
  void add_part() {
    std::lock_guard lock(mutex_);
    ++outstanding_;
  }

  void part_done(bool ok) {
    std::function<void(bool)> waiter;
    {
      std::lock_guard lock(mutex_);
      ok_ = ok_ && ok;
      if (--outstanding_ > 0 || !waiter_) return;
      waiter.swap(waiter_);
    }
    waiter(ok_);
  }

  /// Calls `waiter(all_ok)` once, when the last part is done (at once if none is left).
  void on_open(std::function<void(bool)> waiter) {
    {
      std::lock_guard lock(mutex_);
      if (outstanding_ > 0) {
        waiter_ = std::move(waiter);
        return;
      }
    }
    waiter(ok_);
  }

private:
  std::mutex mutex_;
  int outstanding_ = 0;
  bool ok_ = true;
  std::function<void(bool)> waiter_;
};

} // namespace eenplan::core
