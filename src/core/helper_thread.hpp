// One long-lived thread that runs jobs one after another, for work that overlaps with the
// caller's (an import evaluates and reads back on it while it writes). One thread for the whole
// job instead of one per piece: every new thread would get a malloc arena of its own, and an
// import that started a thread per key range held 80 MB more at its peak.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace eenplan::core {

class HelperThread {
public:
  HelperThread() : thread_([this] { run(); }) {}
  ~HelperThread() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join(); // the jobs still queued run first
  }
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;

  /// Queues `job`; its result (or exception) arrives through the future.
  template <typename Job> auto submit(Job job) -> std::future<decltype(job())> {
    using Result = decltype(job());
    auto task = std::make_shared<std::packaged_task<Result()>>(std::move(job));
    auto result = task->get_future();
    {
      std::lock_guard lock(mutex_);
      jobs_.emplace_back([task] { (*task)(); });
    }
    wake_.notify_one();
    return result;
  }

private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_; // last: starts once the rest is ready
};

/// Runs `f` when it goes out of scope, also when an exception passes.
template <typename F> class ScopeExit {
public:
  explicit ScopeExit(F f) : f_(std::move(f)) {}
  ~ScopeExit() { f_(); }
  ScopeExit(const ScopeExit&) = delete;
  ScopeExit& operator=(const ScopeExit&) = delete;

private:
  F f_;
};

} // namespace eenplan::core
