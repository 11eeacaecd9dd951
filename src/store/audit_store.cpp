#include "store/audit_store.hpp"

#include "core/ids.hpp"
#include "store/pupil_store.hpp"

namespace eenplan::store {

std::string audit_event_hash(const std::string& prev_hash, long long seq, const AuditEventInput& e) {
  // Length-prefixed fields: no value can be shifted into its neighbour unnoticed.
  std::string material;
  auto add = [&](const std::string& field) {
    material += std::to_string(field.size());
    material += ':';
    material += field;
  };
  add(prev_hash);
  add(std::to_string(seq));
  add(e.id);
  add(e.at);
  add(e.actor_id);
  add(e.pupil_id);
  add(e.action);
  add(e.resource);
  add(e.purpose);
  add(e.request_id);
  return core::sha256_hex(material);
}

void append_audit_events(soci::session& sql, Dialect dialect, const std::vector<AuditEventInput>& events) {
  if (events.empty()) return;
  long long seq = 0;
  std::string hash;
  sql << (dialect == Dialect::Postgres ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                                       : "SELECT seq, hash FROM audit_head WHERE id = 1"),
      soci::into(seq), soci::into(hash);
  AuditEventInput row;
  long long row_seq = 0;
  std::string prev;
  std::string row_hash;
  soci::statement insert =
      (sql.prepare << "INSERT INTO audit_events (seq, id, at, actor_id, pupil_id, action, resource, "
                      "purpose, request_id, prev_hash, hash) VALUES (:seq, :id, :at, :actor, :pupil, "
                      ":action, :resource, :purpose, :request, :prev, :hash)",
       soci::use(row_seq), soci::use(row.id), soci::use(row.at), soci::use(row.actor_id),
       soci::use(row.pupil_id), soci::use(row.action), soci::use(row.resource), soci::use(row.purpose),
       soci::use(row.request_id), soci::use(prev), soci::use(row_hash));
  for (const auto& e : events) {
    row = e;
    row_seq = ++seq;
    prev = hash;
    row_hash = audit_event_hash(prev, row_seq, row);
    insert.execute(true);
    hash = row_hash;
  }
  sql << "UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1", soci::use(seq), soci::use(hash);
}

AuditPage list_audit_events(soci::session& sql, const std::string& pupil_id, int offset, int limit) {
  AuditPage page;
  sql << "SELECT COUNT(*) FROM audit_events WHERE pupil_id = :p", soci::use(pupil_id), soci::into(page.total);
  AuditEventRecord e;
  soci::statement st =
      (sql.prepare << "SELECT a.seq, a.id, a.at, a.actor_id, a.pupil_id, a.action, a.resource, a.purpose, "
                      "a.request_id, COALESCE(u.display_name, ''), COALESCE(u.role, ''), "
                      "COALESCE(o.id, ''), COALESCE(o.name, ''), COALESCE(o.kind, '') "
                      "FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id "
                      "LEFT JOIN organisations o ON o.id = " +
                          primary_organisation_sql("a.actor_id") +
                          " "
                          "WHERE a.pupil_id = :p ORDER BY a.seq DESC LIMIT :lim OFFSET :off",
       soci::use(pupil_id), soci::use(limit), soci::use(offset), soci::into(e.seq), soci::into(e.id),
       soci::into(e.at), soci::into(e.actor_id), soci::into(e.pupil_id), soci::into(e.action),
       soci::into(e.resource), soci::into(e.purpose), soci::into(e.request_id), soci::into(e.actor_name),
       soci::into(e.actor_role), soci::into(e.actor_organisation_id), soci::into(e.actor_organisation_name),
       soci::into(e.actor_organisation_kind));
  st.execute();
  while (st.fetch())
    page.items.push_back(e);
  return page;
}

long long count_audit_events(soci::session& sql) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM audit_events", soci::into(n);
  return n;
}

ChainCheck verify_audit_chain(soci::session& sql) {
  ChainCheck check;
  std::string expected_prev(64, '0');
  long long expected_seq = 0;
  AuditEventInput e;
  long long seq = 0;
  std::string prev, hash;
  soci::statement st =
      (sql.prepare << "SELECT seq, id, at, actor_id, pupil_id, action, resource, purpose, request_id, "
                      "prev_hash, hash FROM audit_events ORDER BY seq",
       soci::into(seq), soci::into(e.id), soci::into(e.at), soci::into(e.actor_id), soci::into(e.pupil_id),
       soci::into(e.action), soci::into(e.resource), soci::into(e.purpose), soci::into(e.request_id),
       soci::into(prev), soci::into(hash));
  st.execute();
  while (st.fetch()) {
    ++expected_seq;
    ++check.events;
    auto broken = [&](std::string problem) {
      check.ok = false;
      check.first_bad_seq = seq;
      check.problem = std::move(problem);
    };
    if (seq != expected_seq) {
      broken("gap in sequence numbers");
    } else if (prev != expected_prev) {
      broken("prev_hash does not match the previous event");
    } else if (audit_event_hash(prev, seq, e) != hash) {
      broken("hash does not match the event's contents");
    }
    if (!check.ok) return check;
    expected_prev = hash;
  }
  long long head_seq = 0;
  std::string head_hash;
  sql << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(head_seq), soci::into(head_hash);
  if (head_seq != expected_seq || head_hash != expected_prev) {
    check.ok = false;
    check.first_bad_seq = expected_seq;
    check.problem = "chain head does not match the last event (events removed at the end?)";
  }
  return check;
}

} // namespace eenplan::store
