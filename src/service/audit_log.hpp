// Durable audit of reads with group commit: a read waits until its event is on disk,
// but many concurrent reads share one transaction and one fsync.
#pragma once

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "core/gate.hpp"
#include "service/context.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace eenplan::service {

/// One audit event of `who` on a pupil's data, stamped with the request's time, purpose and
/// id. The event id is time-ordered: the trail's unique index on it then grows at its end,
/// so a group commit writes a few index pages instead of one random page per event.
store::AuditEventInput audit_event(const Principal& who, const std::string& pupil_id, std::string action,
                                   std::string resource, const RequestContext& ctx);

/// While alive on a thread, reads recorded on that thread open no blocking wait: they
/// add to `gate`, which the server waits on before it sends the answer.
class ReadGateScope {
public:
  ReadGateScope();
  ~ReadGateScope();
  ReadGateScope(const ReadGateScope&) = delete;
  ReadGateScope& operator=(const ReadGateScope&) = delete;
  /// The gate, or null when no read was recorded.
  std::shared_ptr<core::Gate> gate() const { return gate_; }
  static ReadGateScope* current();
  std::shared_ptr<core::Gate> open_gate();

private:
  std::shared_ptr<core::Gate> gate_;
  ReadGateScope* previous_;
};

class AuditLog {
public:
  explicit AuditLog(store::Database& db);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  /// Records reads. Inside a ReadGateScope the events are queued and the scope's gate
  /// holds the answer back until they are committed (the I/O thread waits, no worker);
  /// otherwise this blocks until they are committed. Either way a read whose audit
  /// failed is never answered.
  void record_reads(std::vector<store::AuditEventInput> events);
  /// Always blocks until committed (when the caller itself must see the events).
  void record_reads_now(std::vector<store::AuditEventInput> events);

  /// Events of a write go into the write's own transaction.
  void append_in(soci::session& sql, const std::vector<store::AuditEventInput>& events) {
    store::append_audit_events(sql, db_.dialect(), events);
  }

private:
  struct Pending {
    std::vector<store::AuditEventInput> events;
    std::promise<void> done;          // blocking callers
    std::shared_ptr<core::Gate> gate; // gated callers
  };
  void run();
  /// Queues `pending` (the mutex held); true when the writer must be woken.
  bool enqueue(Pending pending);

  store::Database& db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::thread writer_;
};

} // namespace eenplan::service
