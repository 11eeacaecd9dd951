#include "store/absence_store.hpp"

#include "store/multi_row_insert.hpp"
#include "store/sqlite_statement.hpp"
#include "store/statement_cache.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <stdexcept>
#include <type_traits>

namespace eenplan::store {

std::vector<SchoolPupilRecord> list_school_pupils(soci::session& sql, const std::string& school_id) {
  // Keys first, in one statement, for the school's pupils that have none yet.
  sql << "INSERT INTO pupil_keys (pupil_id) SELECT id FROM pupils p "
         "WHERE (p.enrolment_school_id = :s OR p.home_school_id = :s2) "
         "AND NOT EXISTS (SELECT 1 FROM pupil_keys k WHERE k.pupil_id = p.id) ORDER BY id",
      soci::use(school_id), soci::use(school_id);
  std::vector<SchoolPupilRecord> out;
  SchoolPupilRecord r;
  // Pupils enrolled at the school first: when a stamschool pupil carries the same number, the
  // school's own pupil wins.
  soci::statement st =
      (sql.prepare << "SELECT p.id, p.school_pupil_number, k.pupil_key FROM pupils p "
                      "JOIN pupil_keys k ON k.pupil_id = p.id "
                      "WHERE p.enrolment_school_id = :s OR p.home_school_id = :s2 "
                      "ORDER BY CASE WHEN p.enrolment_school_id = :s3 THEN 0 ELSE 1 END, p.id",
       soci::into(r.id), soci::into(r.school_pupil_number), soci::into(r.key), soci::use(school_id),
       soci::use(school_id), soci::use(school_id));
  st.execute();
  while (st.fetch())
    out.push_back(r);
  return out;
}

long long pupil_key(soci::session& sql, const std::string& pupil_id) {
  long long key = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT pupil_key FROM pupil_keys WHERE pupil_id = :p", soci::into(key, ind), soci::use(pupil_id);
  if (sql.got_data() && ind == soci::i_ok) return key;
  sql << "INSERT INTO pupil_keys (pupil_id) VALUES (:p)", soci::use(pupil_id);
  sql << "SELECT pupil_key FROM pupil_keys WHERE pupil_id = :p", soci::into(key), soci::use(pupil_id);
  return key;
}

std::optional<std::string> find_school_id(soci::session& sql, const std::string& id_or_brin) {
  std::string id;
  soci::indicator ind = soci::i_null;
  sql << "SELECT id FROM organisations WHERE kind = 'school' AND (id = :a OR brin = :b) ORDER BY id LIMIT 1",
      soci::into(id, ind), soci::use(id_or_brin), soci::use(id_or_brin);
  if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
  return id;
}

// ---- bulk insert: absence_inserter.cpp ------------------------------------------------------

BulkLoadCache::BulkLoadCache(soci::session& sql, int mebibytes) : sql_(sql), sqlite_(is_sqlite(sql)) {
  if (!sqlite_) return;
  sql_ << "PRAGMA cache_size", soci::into(previous_);
  sql_ << "PRAGMA cache_size = " + std::to_string(-1024LL * mebibytes);
}

BulkLoadCache::~BulkLoadCache() {
  if (!sqlite_) return;
  try {
    sql_ << "PRAGMA cache_size = " + std::to_string(previous_);
  } catch (const std::exception&) {
    // The connection keeps the larger cache; that costs memory, not correctness.
  }
}

long long insert_absence_import(soci::session& sql, const AbsenceImportRecord& r) {
  long long key = 0;
  sql << "INSERT INTO absence_imports (id, school_id, file_name, layout, encoding, rows_read, rows_added, "
         "imported_by, imported_at) VALUES (:id, :s, :f, :l, :e, :rr, :ra, :by, :at) RETURNING import_key",
      soci::use(r.id), soci::use(r.school_id), soci::use(r.file_name), soci::use(r.layout),
      soci::use(r.encoding), soci::use(r.rows_read), soci::use(r.rows_added), soci::use(r.imported_by),
      soci::use(r.imported_at), soci::into(key);
  return key;
}

void finish_absence_import(soci::session& sql, long long import_key, const std::string& layout,
                           const std::string& encoding, long long rows_read, long long rows_added) {
  sql << "UPDATE absence_imports SET layout = :l, encoding = :e, rows_read = :r, rows_added = :a "
         "WHERE import_key = :k",
      soci::use(layout), soci::use(encoding), soci::use(rows_read), soci::use(rows_added),
      soci::use(import_key);
}

std::vector<AbsenceRecord> list_absences(soci::session& sql, const std::string& pupil_id,
                                         const std::string& from, const std::string& to) {
  std::vector<AbsenceRecord> out;
  AbsenceRecord r;
  int luxe = 0;
  std::string import_id;
  soci::indicator import_ind = soci::i_null;
  // An imported row carries the import's key; who recorded it and when is the import's.
  soci::statement st =
      (sql.prepare << "SELECT k.pupil_id, a.date, a.lesson_hour, a.kind, a.marked_luxe, a.remark, i.id, "
                      "COALESCE(a.recorded_by, i.imported_by), COALESCE(a.recorded_at, i.imported_at) "
                      "FROM pupil_keys k JOIN absences a ON a.pupil_key = k.pupil_key "
                      "LEFT JOIN absence_imports i ON i.import_key = a.import_key "
                      "WHERE k.pupil_id = :p AND a.date >= :f AND a.date <= :t "
                      "ORDER BY a.date, a.lesson_hour",
       soci::into(r.pupil_id), soci::into(r.date), soci::into(r.lesson_hour), soci::into(r.kind),
       soci::into(luxe), soci::into(r.remark), soci::into(import_id, import_ind), soci::into(r.recorded_by),
       soci::into(r.recorded_at), soci::use(pupil_id), soci::use(from), soci::use(to));
  st.execute();
  while (st.fetch()) {
    r.marked_luxe = luxe != 0;
    r.import_id = import_ind == soci::i_ok ? import_id : std::string();
    out.push_back(r);
  }
  return out;
}

namespace {

/// Many values as one bound parameter `:ids`, and the condition that unpacks it: a JSON array
/// for SQLite, an array literal for PostgreSQL. One statement whatever the number of values.
struct BoundList {
  std::string value;
  std::string condition; // "<column> IN …" / "<column> = ANY(…)" with :ids
};
template <typename T>
BoundList bound_list(soci::session& sql, std::span<const T> values, const std::string& column) {
  const bool postgres = sql.get_backend_name() == "postgresql";
  constexpr bool text = std::is_same_v<T, std::string>; // UUIDs: quoted, nothing to escape
  BoundList out;
  out.value = postgres ? "{" : "[";
  for (const auto& v : values) {
    if (out.value.size() > 1) out.value += ',';
    if constexpr (text) {
      out.value += '"';
      out.value += v;
      out.value += '"';
    } else {
      out.value += std::to_string(v);
    }
  }
  out.value += postgres ? "}" : "]";
  out.condition = postgres ? column + " = ANY(CAST(:ids AS " + (text ? "text" : "bigint") + "[]))"
                           : column + " IN (SELECT value FROM json_each(:ids))";
  return out;
}

/// SQLite: the native handle, reading the columns in place (an import evaluates millions of rows;
/// SOCI's vector fetch copied every date and kind into strings first).
void sqlite_countable_absences(
    soci::session& sql, const std::string& text, const std::string& keys, const std::string& from,
    const std::string& to,
    const std::function<void(long long, std::span<const CountableAbsence>)>& on_pupil) {
  auto* db = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
  sqlite_api::sqlite3_stmt* raw = nullptr;
  if (sqlite_api::sqlite3_prepare_v2(db, text.c_str(), -1, &raw, nullptr) != SQLITE_OK)
    throw std::runtime_error(std::string("sqlite: countable absences: ") + sqlite_api::sqlite3_errmsg(db));
  const std::unique_ptr<sqlite_api::sqlite3_stmt, int (*)(sqlite_api::sqlite3_stmt*)> st(
      raw, &sqlite_api::sqlite3_finalize);
  const auto bind = [&](int at, const std::string& value) {
    sqlite_api::sqlite3_bind_text(raw, at, value.data(), static_cast<int>(value.size()), nullptr);
  };
  bind(1, keys);
  bind(2, from);
  bind(3, to);
  std::vector<CountableAbsence> pupil;
  long long current = 0;
  int rc = 0;
  while ((rc = sqlite_api::sqlite3_step(raw)) == SQLITE_ROW) {
    const long long key = sqlite_api::sqlite3_column_int64(raw, 0);
    if (key != current) {
      if (!pupil.empty()) on_pupil(current, pupil);
      pupil.clear();
      current = key;
    }
    const auto column = [&](int at) {
      const auto* p = reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(raw, at));
      return p ? std::string_view(p, static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(raw, at)))
               : std::string_view();
    };
    const auto date = domain::parse_iso_date(column(1));
    const auto kind = domain::parse_absence_kind(column(3));
    if (!date || !kind) continue;
    pupil.push_back(
        {*date, sqlite_api::sqlite3_column_int(raw, 2), *kind, sqlite_api::sqlite3_column_int(raw, 4) != 0});
  }
  if (rc != SQLITE_DONE)
    throw std::runtime_error(std::string("sqlite: countable absences: ") + sqlite_api::sqlite3_errmsg(db));
  if (!pupil.empty()) on_pupil(current, pupil);
}

} // namespace

void for_each_pupils_absences(
    soci::session& sql, std::span<const long long> pupil_keys, const std::string& from, const std::string& to,
    AbsenceKinds kinds,
    const std::function<void(long long pupil_key, std::span<const CountableAbsence>)>& on_pupil) {
  if (pupil_keys.empty()) return;
  const bool postgres = sql.get_backend_name() == "postgresql";
  const auto keys = bound_list(sql, pupil_keys, "a.pupil_key");
  const std::string where =
      std::string(" AND a.date >= :f AND a.date <= :t") +
      (kinds == AbsenceKinds::Countable ? " AND a.kind IN ('unauthorised', 'late', 'sick')" : "") +
      " ORDER BY a.pupil_key, a.date, a.lesson_hour";
  const std::string select =
      "SELECT a.pupil_key, a.date, a.lesson_hour, a.kind, a.marked_luxe FROM absences a ";
  if (!postgres) {
    sqlite_countable_absences(sql, select + "WHERE " + keys.condition + where, keys.value, from, to,
                              on_pupil);
    return;
  }
  constexpr std::size_t kChunk = 10'000;
  std::vector<long long> key(kChunk);
  std::vector<std::string> date(kChunk);
  std::vector<int> hour(kChunk);
  std::vector<std::string> kind(kChunk);
  std::vector<int> luxe(kChunk);
  soci::statement st = (sql.prepare << select + "WHERE " + keys.condition + where, soci::into(key),
                        soci::into(date), soci::into(hour), soci::into(kind), soci::into(luxe),
                        soci::use(keys.value), soci::use(from), soci::use(to));
  std::vector<CountableAbsence> pupil;
  long long current = 0;
  st.execute();
  while (st.fetch()) {
    for (std::size_t i = 0; i < key.size(); ++i) {
      if (key[i] != current) {
        if (!pupil.empty()) on_pupil(current, pupil);
        pupil.clear();
        current = key[i];
      }
      const auto d = domain::parse_iso_date(date[i]);
      const auto k = domain::parse_absence_kind(kind[i]);
      if (!d || !k) continue;
      pupil.push_back({*d, hour[i], *k, luxe[i] != 0});
    }
    key.resize(kChunk);
    date.resize(kChunk);
    hour.resize(kChunk);
    kind.resize(kChunk);
    luxe.resize(kChunk);
  }
  if (!pupil.empty()) on_pupil(current, pupil);
}

// ---- protocol ------------------------------------------------------------------------------

SchoolProtocolRecord load_school_protocol(soci::session& sql, const std::string& school_id) {
  SchoolProtocolRecord out;
  int version = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT version FROM school_protocols WHERE school_id = :s", soci::into(version, ind),
      soci::use(school_id);
  if (sql.got_data() && ind == soci::i_ok) out.version = version;
  ProtocolRuleRecord r;
  int enabled = 1;
  soci::statement st =
      (sql.prepare << "SELECT rule_code, enabled, threshold FROM school_protocol_rules "
                      "WHERE school_id = :s ORDER BY rule_code",
       soci::into(r.rule_code), soci::into(enabled), soci::into(r.threshold), soci::use(school_id));
  st.execute();
  while (st.fetch()) {
    r.enabled = enabled != 0;
    out.rules.push_back(r);
  }
  return out;
}

bool save_school_protocol(soci::session& sql, const std::string& school_id, int expected_version,
                          const std::vector<ProtocolRuleRecord>& rules, const std::string& updated_by,
                          const std::string& updated_at) {
  const int next = expected_version + 1;
  if (expected_version == 1) {
    // Version 1 is the untouched default: the row appears with the first change.
    long long existing = 0;
    sql << "SELECT COUNT(*) FROM school_protocols WHERE school_id = :s", soci::into(existing),
        soci::use(school_id);
    if (existing != 0) return false;
    sql << "INSERT INTO school_protocols (school_id, version, updated_by, updated_at) VALUES (:s, :v, :b, "
           ":a)",
        soci::use(school_id), soci::use(next), soci::use(updated_by), soci::use(updated_at);
  } else {
    soci::statement st = (sql.prepare << "UPDATE school_protocols SET version = :n, updated_by = :b, "
                                         "updated_at = :a WHERE school_id = :s AND version = :v",
                          soci::use(next), soci::use(updated_by), soci::use(updated_at), soci::use(school_id),
                          soci::use(expected_version));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
  }
  sql << "DELETE FROM school_protocol_rules WHERE school_id = :s", soci::use(school_id);
  for (const auto& r : rules) {
    const int enabled = r.enabled ? 1 : 0;
    sql << "INSERT INTO school_protocol_rules (school_id, rule_code, enabled, threshold, version, "
           "updated_at) "
           "VALUES (:s, :c, :e, :t, :v, :a)",
        soci::use(school_id), soci::use(r.rule_code), soci::use(enabled), soci::use(r.threshold),
        soci::use(next), soci::use(updated_at);
  }
  return true;
}

// ---- exemptions ----------------------------------------------------------------------------

namespace {

struct ActiveExemptionQuery : StatementCache::Entry {
  std::string pupil;
  ExemptionRecord r;
  soci::statement st;
  explicit ActiveExemptionQuery(soci::session& sql) : st(sql) {
    for (auto* field : {&r.id, &r.pupil_id, &r.reason, &r.decided_by, &r.decided_by_name, &r.decided_at})
      st.exchange(soci::into(*field));
    st.exchange(soci::use(pupil, "p"));
    st.alloc();
    st.prepare("SELECT e.id, e.pupil_id, e.reason, e.decided_by, u.display_name, e.decided_at "
               "FROM protocol_exemptions e JOIN users u ON u.id = e.decided_by "
               "WHERE e.pupil_id = :p AND e.ended_at IS NULL ORDER BY e.decided_at DESC LIMIT 1");
    st.define_and_bind();
  }
};

struct CaseLeadQuery : StatementCache::Entry {
  std::string pupil, user;
  soci::statement st;
  explicit CaseLeadQuery(soci::session& sql) : st(sql) {
    st.exchange(soci::into(user));
    st.exchange(soci::use(pupil, "p"));
    st.alloc();
    st.prepare("SELECT user_id FROM case_team_members WHERE pupil_id = :p AND is_case_lead = 1 "
               "ORDER BY user_id LIMIT 1");
    st.define_and_bind();
  }
};

} // namespace

std::optional<ExemptionRecord> active_exemption(soci::session& sql, const std::string& pupil_id) {
  auto& q = statement_cache(sql).get<ActiveExemptionQuery>(sql);
  q.pupil = pupil_id;
  q.st.execute(false);
  std::optional<ExemptionRecord> found;
  while (q.st.fetch()) // to the end (statement_cache.hpp)
    found = q.r;
  return found;
}

void insert_exemption(soci::session& sql, const ExemptionRecord& r) {
  sql << "INSERT INTO protocol_exemptions (id, pupil_id, reason, decided_by, decided_at) "
         "VALUES (:id, :p, :r, :b, :a)",
      soci::use(r.id), soci::use(r.pupil_id), soci::use(r.reason), soci::use(r.decided_by),
      soci::use(r.decided_at);
}

bool end_exemption(soci::session& sql, const std::string& pupil_id, const std::string& ended_at) {
  soci::statement st = (sql.prepare << "UPDATE protocol_exemptions SET ended_at = :a "
                                       "WHERE pupil_id = :p AND ended_at IS NULL",
                        soci::use(ended_at), soci::use(pupil_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

// ---- signals -------------------------------------------------------------------------------

namespace {

/// The statements the evaluation runs for every pupil of an import, prepared once per connection.
struct SelectSignalsQuery : StatementCache::Entry {
  std::string pupil, year;
  int all = 0;
  SignalRecord r;
  soci::statement st;
  explicit SelectSignalsQuery(soci::session& sql) : st(sql) {
    for (auto* field : {&r.id, &r.pupil_id, &r.school_year, &r.rule_code})
      st.exchange(soci::into(*field));
    st.exchange(soci::into(r.occurrence));
    for (auto* field : {&r.fired_on, &r.recipient, &r.evidence, &r.created_at})
      st.exchange(soci::into(*field));
    st.exchange(soci::use(pupil, "p"));
    st.exchange(soci::use(year, "y"));
    st.exchange(soci::use(all, "a"));
    st.alloc();
    st.prepare("SELECT id, pupil_id, school_year, rule_code, occurrence, fired_on, recipient, evidence, "
               "created_at FROM escalation_signals WHERE pupil_id = :p AND (school_year = :y OR :a = 1) "
               "ORDER BY school_year DESC, fired_on DESC, rule_code, occurrence DESC");
    st.define_and_bind();
  }
};

std::vector<SignalRecord> select_signals(soci::session& sql, const std::string& pupil_id,
                                         const std::string* school_year) {
  auto& q = statement_cache(sql).get<SelectSignalsQuery>(sql);
  q.pupil = pupil_id;
  q.year = school_year ? *school_year : std::string();
  q.all = school_year ? 0 : 1;
  std::vector<SignalRecord> out;
  q.st.execute(false);
  while (q.st.fetch()) // to the end (statement_cache.hpp)
    out.push_back(q.r);
  return out;
}

} // namespace

std::vector<SignalRecord> list_signals(soci::session& sql, const std::string& pupil_id,
                                       const std::string& school_year) {
  return select_signals(sql, pupil_id, &school_year);
}

std::vector<SignalRecord> list_all_signals(soci::session& sql, const std::string& pupil_id) {
  return select_signals(sql, pupil_id, nullptr);
}

std::string evidence_json(const std::vector<domain::AbsenceKey>& evidence) {
  std::string out = "[";
  for (const auto& key : evidence) {
    if (out.size() > 1) out += ",";
    out += R"({"date":")" + domain::to_iso(key.date) + R"(","lessonHour":)" +
           std::to_string(key.lesson_hour) + "}";
  }
  return out + "]";
}

std::vector<domain::AbsenceKey> parse_evidence_json(std::string_view text) {
  std::vector<domain::AbsenceKey> out;
  constexpr std::string_view kDate = R"("date":")";
  constexpr std::string_view kHour = R"("lessonHour":)";
  std::size_t at = 0;
  while ((at = text.find(kDate, at)) != std::string_view::npos) {
    at += kDate.size();
    const auto date = domain::parse_iso_date(text.substr(at, 10));
    const auto hour_at = text.find(kHour, at);
    if (!date || hour_at == std::string_view::npos) continue;
    int hour = 0;
    for (std::size_t i = hour_at + kHour.size(); i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
      hour = hour * 10 + (text[i] - '0');
    out.push_back({*date, hour});
  }
  return out;
}

std::string case_lead_of(soci::session& sql, const std::string& pupil_id) {
  auto& q = statement_cache(sql).get<CaseLeadQuery>(sql);
  q.pupil = pupil_id;
  q.st.execute(false);
  std::string user;
  while (q.st.fetch()) // to the end (statement_cache.hpp)
    user = q.user;
  return user;
}

bool insert_signal(soci::session& sql, const SignalRecord& s) {
  return !insert_signals(sql, std::span<const SignalRecord>(&s, 1)).empty();
}

std::vector<std::string> insert_signals(soci::session& sql, std::span<const SignalRecord> signals) {
  std::vector<std::string> inserted;
  if (!round_trips_cost(sql)) {
    // One prepared statement, values bound by position from the records (an import writes
    // thousands of signals; SOCI's per-row binding was most of their cost).
    SqliteStatement st(sql,
                       "INSERT INTO escalation_signals (id, pupil_id, school_year, rule_code, occurrence, "
                       "fired_on, recipient, evidence, created_at) VALUES (?,?,?,?,?,?,?,?,?) "
                       "ON CONFLICT (pupil_id, school_year, rule_code, occurrence) DO NOTHING");
    for (const auto& s : signals) {
      st.bind(1, s.id);
      st.bind(2, s.pupil_id);
      st.bind(3, s.school_year);
      st.bind(4, s.rule_code);
      st.bind(5, static_cast<long long>(s.occurrence));
      st.bind(6, s.fired_on);
      st.bind(7, s.recipient);
      st.bind(8, s.evidence);
      st.bind(9, s.created_at);
      if (st.run() == 1) inserted.push_back(s.id);
    }
    return inserted;
  }
  for (std::size_t begin = 0; begin < signals.size(); begin += kMultiRowInsertRows) {
    const auto part = signals.subspan(begin, std::min(kMultiRowInsertRows, signals.size() - begin));
    soci::statement st(sql);
    for (const auto& s : part) {
      for (const auto* field : {&s.id, &s.pupil_id, &s.school_year, &s.rule_code})
        st.exchange(soci::use(*field));
      st.exchange(soci::use(s.occurrence));
      for (const auto* field : {&s.fired_on, &s.recipient, &s.evidence, &s.created_at})
        st.exchange(soci::use(*field));
    }
    std::vector<std::string> ids(part.size());
    st.exchange(soci::into(ids));
    st.alloc();
    st.prepare("INSERT INTO escalation_signals (id, pupil_id, school_year, rule_code, occurrence, fired_on, "
               "recipient, evidence, created_at) VALUES " +
               values_placeholders(part.size(), 9) +
               " ON CONFLICT (pupil_id, school_year, rule_code, occurrence) DO NOTHING RETURNING id");
    st.define_and_bind();
    if (st.execute(true)) inserted.insert(inserted.end(), ids.begin(), ids.end());
    while (st.fetch())
      inserted.insert(inserted.end(), ids.begin(), ids.end());
  }
  return inserted;
}

std::map<std::string, SignalContext>
signal_contexts(soci::session& sql, std::span<const std::string> pupil_ids, const std::string& school_year) {
  std::map<std::string, SignalContext> out;
  if (pupil_ids.empty()) return out;
  const auto pupils = bound_list(sql, pupil_ids, "id");
  {
    std::string id, region, school, municipality;
    soci::statement st =
        (sql.prepare << "SELECT id, region_id, enrolment_school_id, COALESCE(municipality_id, '') "
                        "FROM pupils WHERE " +
                            pupils.condition,
         soci::into(id), soci::into(region), soci::into(school), soci::into(municipality),
         soci::use(pupils.value, "ids"));
    st.execute();
    while (st.fetch())
      out[id] = SignalContext{region, school, municipality, "", false, {}};
  }
  const auto in_pupils = bound_list(sql, pupil_ids, "pupil_id");
  {
    std::string pupil, user;
    soci::statement st =
        (sql.prepare << "SELECT pupil_id, MIN(user_id) FROM case_team_members WHERE is_case_lead = 1 AND " +
                            in_pupils.condition + " GROUP BY pupil_id",
         soci::into(pupil), soci::into(user), soci::use(in_pupils.value, "ids"));
    st.execute();
    while (st.fetch())
      if (auto it = out.find(pupil); it != out.end()) it->second.case_lead = user;
  }
  {
    std::string pupil;
    soci::statement st =
        (sql.prepare << "SELECT DISTINCT pupil_id FROM protocol_exemptions WHERE ended_at IS NULL "
                        "AND " +
                            in_pupils.condition,
         soci::into(pupil), soci::use(in_pupils.value, "ids"));
    st.execute();
    while (st.fetch())
      if (auto it = out.find(pupil); it != out.end()) it->second.exempt = true;
  }
  {
    SignalRecord r;
    std::string year = school_year;
    soci::statement st =
        (sql.prepare << "SELECT id, pupil_id, school_year, rule_code, occurrence, fired_on, "
                        "recipient, evidence, created_at FROM escalation_signals "
                        "WHERE school_year = :y AND " +
                            in_pupils.condition,
         soci::into(r.id), soci::into(r.pupil_id), soci::into(r.school_year), soci::into(r.rule_code),
         soci::into(r.occurrence), soci::into(r.fired_on), soci::into(r.recipient), soci::into(r.evidence),
         soci::into(r.created_at), soci::use(year, "y"), soci::use(in_pupils.value, "ids"));
    st.execute();
    while (st.fetch())
      if (auto it = out.find(r.pupil_id); it != out.end()) it->second.signals.push_back(r);
  }
  return out;
}

} // namespace eenplan::store
