// The append-only, hash-chained audit trail.
#pragma once

#include <soci/soci.h>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/records.hpp"

namespace eenplan::store {

struct AuditEventInput {
  std::string id, at, actor_id, pupil_id, action, resource, purpose, request_id;
  /// What changed, as a JSON object with ids only (migration 0012); '' when action and resource
  /// say it all. Hashed only when not empty, so older events keep their hashes.
  std::string detail = {};
};

/// Appends events inside the caller's write transaction: locks the chain head,
/// links each event to the previous hash, and moves the head. Two writers can never
/// fork the chain: SQLite serialises writers, PostgreSQL locks the head row.
void append_audit_events(soci::session& sql, Dialect dialect, const std::vector<AuditEventInput>& events);

struct AuditPage {
  std::vector<AuditEventRecord> items;
  long long total = 0;
};
AuditPage list_audit_events(soci::session& sql, const std::string& pupil_id, int offset, int limit);
long long count_audit_events(soci::session& sql);

struct ChainCheck {
  bool ok = true;
  long long events = 0;
  long long first_bad_seq = 0;
  std::string problem;
};
/// Recomputes every hash from the start; reports the first break.
ChainCheck verify_audit_chain(soci::session& sql);

/// The hash that links an event to its predecessor (exposed for tests).
std::string audit_event_hash(const std::string& prev_hash, long long seq, const AuditEventInput& e);

} // namespace eenplan::store
