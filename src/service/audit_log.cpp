#include "service/audit_log.hpp"

#include <spdlog/spdlog.h>

#include "core/ids.hpp"

namespace eenplan::service {

store::AuditEventInput audit_event(const Principal& who, const std::string& pupil_id, std::string action,
                                   std::string resource, const RequestContext& ctx) {
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(ctx.now.time_since_epoch()).count();
  return {core::new_time_ordered_uuid(millis),
          core::format_instant(ctx.now),
          who.user_id,
          pupil_id,
          std::move(action),
          std::move(resource),
          ctx.purpose,
          ctx.request_id};
}

AuditLog::AuditLog(store::Database& db) : db_(db), writer_([this] { run(); }) {}

AuditLog::~AuditLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
}

namespace {
thread_local ReadGateScope* current_scope = nullptr;
}

ReadGateScope::ReadGateScope() : previous_(current_scope) {
  current_scope = this;
}
ReadGateScope::~ReadGateScope() {
  current_scope = previous_;
}
ReadGateScope* ReadGateScope::current() {
  return current_scope;
}
std::shared_ptr<core::Gate> ReadGateScope::open_gate() {
  if (!gate_) gate_ = std::make_shared<core::Gate>();
  return gate_;
}

namespace {
// The writer gathers for at most this long after the first event of a batch, or until this many
// requests wait: each commit costs the same system calls (some fifteen WAL writes, an fsync,
// the wake-ups) however few events it holds, and under load that cost per commit dominated.
constexpr auto kGatherFor = std::chrono::microseconds(1000);
constexpr std::size_t kFullBatch = 32;
} // namespace

bool AuditLog::enqueue(Pending pending) {
  // Wakes the writer only when it can act: on the first event (it waits for one) and when a
  // batch is full (it gathers until then); a wake-up for every event would cost a system call each.
  const bool wake = queue_.empty() || queue_.size() + 1 == kFullBatch;
  queue_.push_back(std::move(pending));
  return wake;
}

void AuditLog::record_reads(std::vector<store::AuditEventInput> events) {
  if (events.empty()) return;
  auto* scope = ReadGateScope::current();
  if (!scope) return record_reads_now(std::move(events));
  auto gate = scope->open_gate();
  gate->add_part();
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      gate->part_done(false);
      return;
    }
    wake = enqueue(Pending{std::move(events), {}, gate});
  }
  if (wake) wake_.notify_one();
}

void AuditLog::record_reads_now(std::vector<store::AuditEventInput> events) {
  if (events.empty()) return;
  std::future<void> done;
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw std::runtime_error("audit log is shutting down");
    Pending pending{std::move(events), {}, nullptr};
    done = pending.done.get_future();
    wake = enqueue(std::move(pending));
  }
  if (wake) wake_.notify_one();
  done.get();
}

void AuditLog::run() {
  // The writer keeps one session of its own for its whole life.
  store::Lease lease(db_);
  for (;;) {
    std::deque<Pending> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) return;
      wake_.wait_for(lock, kGatherFor, [&] { return stopping_ || queue_.size() >= kFullBatch; });
      batch.swap(queue_);
    }
    std::vector<store::AuditEventInput> events;
    for (auto& p : batch)
      events.insert(events.end(), std::make_move_iterator(p.events.begin()),
                    std::make_move_iterator(p.events.end()));
    try {
      store::Transaction tx(lease.sql(), db_.dialect(), store::Transaction::Mode::Write);
      store::append_audit_events(lease.sql(), db_.dialect(), events);
      tx.commit();
      for (auto& p : batch) {
        if (p.gate) {
          p.gate->part_done(true);
        } else {
          p.done.set_value();
        }
      }
    } catch (const std::exception& e) {
      spdlog::error("audit group commit of {} events failed: {}", events.size(), e.what());
      for (auto& p : batch) {
        if (p.gate) {
          p.gate->part_done(false);
        } else {
          p.done.set_exception(std::current_exception());
        }
      }
    }
  }
}

} // namespace eenplan::service
