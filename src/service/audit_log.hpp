// Durable audit of reads with group commit: a read waits until its event is on disk,
// but many concurrent reads share one transaction and one fsync.
#pragma once

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace eenplan::service {

class AuditLog {
public:
  explicit AuditLog(store::Database& db);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  /// Blocks until the events are committed; throws if they could not be written,
  /// so a read whose audit failed is never answered.
  void record_reads(std::vector<store::AuditEventInput> events);

  /// Events of a write go into the write's own transaction.
  void append_in(soci::session& sql, const std::vector<store::AuditEventInput>& events) {
    store::append_audit_events(sql, db_.dialect(), events);
  }

private:
  struct Pending {
    std::vector<store::AuditEventInput> events;
    std::promise<void> done;
  };
  void run();

  store::Database& db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::thread writer_;
};

} // namespace eenplan::service
