#include "store/audit_store.hpp"

#include "core/ids.hpp"
#include "store/pupil_store.hpp"
#include "store/sqlite_statement.hpp"
#include "store/statement_cache.hpp"

#include <stdexcept>

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
  // Only when present: the events from before the column hash exactly as they did. The length
  // prefixes keep "no detail" and "a detail" apart.
  if (!e.detail.empty()) add(e.detail);
  return core::sha256_hex(material);
}

namespace {

constexpr const char* kAuditInsertSql = "INSERT INTO audit_events (seq, id, at, actor_id, pupil_id, action, "
                                        "resource, purpose, request_id, detail, "
                                        "prev_hash, hash) VALUES ";

// The group commit runs these for every batch: prepared once per connection.
struct AuditHeadQuery : StatementCache::Entry {
  long long seq = 0;
  std::string hash;
  soci::statement st;
  explicit AuditHeadQuery(soci::session& sql) : st(sql) {
    st.exchange(soci::into(seq));
    st.exchange(soci::into(hash));
    st.alloc();
    // PostgreSQL: lock the head row, so two writers never fork the chain (SQLite
    // already serialises writers).
    st.prepare(sql.get_backend_name() == "postgresql"
                   ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                   : "SELECT seq, hash FROM audit_head WHERE id = 1");
    st.define_and_bind();
  }
};

struct AuditInsert : StatementCache::Entry {
  AuditEventInput row;
  long long seq = 0;
  std::string prev, hash;
  soci::statement st;
  explicit AuditInsert(soci::session& sql) : st(sql) {
    st.exchange(soci::use(seq, "seq"));
    st.exchange(soci::use(row.id, "id"));
    st.exchange(soci::use(row.at, "at"));
    st.exchange(soci::use(row.actor_id, "actor"));
    st.exchange(soci::use(row.pupil_id, "pupil"));
    st.exchange(soci::use(row.action, "action"));
    st.exchange(soci::use(row.resource, "resource"));
    st.exchange(soci::use(row.purpose, "purpose"));
    st.exchange(soci::use(row.request_id, "request"));
    st.exchange(soci::use(row.detail, "detail"));
    st.exchange(soci::use(prev, "prev"));
    st.exchange(soci::use(hash, "hash"));
    st.alloc();
    st.prepare(
        std::string(kAuditInsertSql) +
        "(:seq, :id, :at, :actor, :pupil, :action, :resource, :purpose, :request, :detail, :prev, :hash)");
    st.define_and_bind();
  }
};

struct NativeAuditInsert : StatementCache::Entry {
  SqliteStatement st;
  explicit NativeAuditInsert(soci::session& sql)
      : st(sql, std::string(kAuditInsertSql) + "(?,?,?,?,?,?,?,?,?,?,?,?)") {}
  void run(long long seq, const AuditEventInput& e, const std::string& prev, const std::string& hash) {
    st.bind(1, seq);
    st.bind(2, e.id);
    st.bind(3, e.at);
    st.bind(4, e.actor_id);
    st.bind(5, e.pupil_id);
    st.bind(6, e.action);
    st.bind(7, e.resource);
    st.bind(8, e.purpose);
    st.bind(9, e.request_id);
    st.bind(10, e.detail);
    st.bind(11, prev);
    st.bind(12, hash);
    st.run();
  }
};

struct AuditHeadUpdate : StatementCache::Entry {
  long long seq = 0;
  std::string hash;
  soci::statement st;
  explicit AuditHeadUpdate(soci::session& sql) : st(sql) {
    st.exchange(soci::use(seq, "seq"));
    st.exchange(soci::use(hash, "hash"));
    st.alloc();
    st.prepare("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1");
    st.define_and_bind();
  }
};

} // namespace

void append_audit_events(soci::session& sql, Dialect /*dialect*/,
                         const std::vector<AuditEventInput>& events) {
  if (events.empty()) return;
  auto& cache = statement_cache(sql);
  auto& head = cache.get<AuditHeadQuery>(sql);
  head.st.execute(false);
  bool found = false;
  while (head.st.fetch()) // to the end (statement_cache.hpp)
    found = true;
  if (!found) throw std::runtime_error("audit chain head is missing");
  long long seq = head.seq;
  std::string hash = head.hash;
  if (is_sqlite(sql)) {
    // Bound by position from the events themselves: the group commit writes every read's event,
    // and SOCI's copy of each event into its bound row was a large share of the writer's time.
    auto& insert = cache.get<NativeAuditInsert>(sql);
    std::string prev;
    for (const auto& e : events) {
      prev = std::move(hash);
      hash = audit_event_hash(prev, ++seq, e);
      insert.run(seq, e, prev, hash);
    }
  } else {
    auto& insert = cache.get<AuditInsert>(sql);
    for (const auto& e : events) {
      insert.row = e;
      insert.seq = ++seq;
      insert.prev = hash;
      insert.hash = audit_event_hash(insert.prev, insert.seq, insert.row);
      insert.st.execute(true);
      hash = insert.hash;
    }
  }
  auto& update = cache.get<AuditHeadUpdate>(sql);
  update.seq = seq;
  update.hash = hash;
  update.st.execute(true);
}

AuditPage list_audit_events(soci::session& sql, const std::string& pupil_id, int offset, int limit) {
  AuditPage page;
  sql << "SELECT COUNT(*) FROM audit_events WHERE pupil_id = :p", soci::use(pupil_id), soci::into(page.total);
  AuditEventRecord e;
  soci::statement st =
      (sql.prepare << "SELECT a.seq, a.id, a.at, a.actor_id, a.pupil_id, a.action, a.resource, a.purpose, "
                      "a.request_id, a.detail, COALESCE(u.display_name, ''), COALESCE(u.role, ''), "
                      "COALESCE(o.id, ''), COALESCE(o.name, ''), COALESCE(o.kind, '') "
                      "FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id "
                      "LEFT JOIN organisations o ON o.id = " +
                          primary_organisation_sql("a.actor_id") +
                          " "
                          "WHERE a.pupil_id = :p ORDER BY a.seq DESC LIMIT :lim OFFSET :off",
       soci::use(pupil_id), soci::use(limit), soci::use(offset), soci::into(e.seq), soci::into(e.id),
       soci::into(e.at), soci::into(e.actor_id), soci::into(e.pupil_id), soci::into(e.action),
       soci::into(e.resource), soci::into(e.purpose), soci::into(e.request_id), soci::into(e.detail),
       soci::into(e.actor_name), soci::into(e.actor_role), soci::into(e.actor_organisation_id),
       soci::into(e.actor_organisation_name), soci::into(e.actor_organisation_kind));
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
                      "detail, prev_hash, hash FROM audit_events ORDER BY seq",
       soci::into(seq), soci::into(e.id), soci::into(e.at), soci::into(e.actor_id), soci::into(e.pupil_id),
       soci::into(e.action), soci::into(e.resource), soci::into(e.purpose), soci::into(e.request_id),
       soci::into(e.detail), soci::into(prev), soci::into(hash));
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
