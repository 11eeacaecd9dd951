#include "store/absence_store.hpp"

#include <algorithm>
#include <stdexcept>
#include <type_traits>

namespace eenplan::store {
namespace {

/// Our own ids and instants only ([0-9a-zA-Z:.-]): safe to put into the statement text.
std::string literal(const std::string& value) {
  const bool safe = std::ranges::all_of(value, [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == ':' || c == '.';
  });
  if (!safe) throw std::invalid_argument("absence inserter: unexpected characters in a constant");
  return "'" + value + "'";
}

constexpr std::size_t kBatch = 10'000;

} // namespace

std::vector<SchoolPupilRecord> list_school_pupils(soci::session& sql, const std::string& school_id) {
  std::vector<SchoolPupilRecord> out;
  SchoolPupilRecord r;
  // Pupils enrolled at the school first: when a stamschool pupil carries the same number, the
  // school's own pupil wins.
  soci::statement st = (sql.prepare << "SELECT id, school_pupil_number FROM pupils "
                                       "WHERE enrolment_school_id = :s OR home_school_id = :s2 "
                                       "ORDER BY CASE WHEN enrolment_school_id = :s3 THEN 0 ELSE 1 END, id",
                        soci::into(r.id), soci::into(r.school_pupil_number), soci::use(school_id),
                        soci::use(school_id), soci::use(school_id));
  st.execute();
  while (st.fetch())
    out.push_back(r);
  return out;
}

std::optional<std::string> find_school_id(soci::session& sql, const std::string& id_or_brin) {
  std::string id;
  soci::indicator ind = soci::i_null;
  sql << "SELECT id FROM organisations WHERE kind = 'school' AND (id = :a OR brin = :b) ORDER BY id LIMIT 1",
      soci::into(id, ind), soci::use(id_or_brin), soci::use(id_or_brin);
  if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
  return id;
}

// ---- bulk insert ---------------------------------------------------------------------------

namespace {

/// PostgreSQL array literal element: "…" with " and \ escaped.
void append_array_element(std::string& out, const std::string& value) {
  out += out.size() > 1 ? ",\"" : "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

} // namespace

struct AbsenceInserter::Impl {
  bool postgres = false;
  std::vector<std::string> pupil, date, kind, remark;
  std::vector<int> hour, luxe;
  // PostgreSQL: one statement per batch, the columns as arrays (one round trip for the batch,
  // where a bulk bind would send every row on its own).
  std::string pupil_array, date_array, hour_array, kind_array, luxe_array, remark_array;
  soci::statement st;

  Impl(soci::session& sql, const std::string& import_id, const std::string& by, const std::string& at)
      : postgres(sql.get_backend_name() == "postgresql"), st(sql) {
    for (auto* v : {&pupil, &date, &kind, &remark})
      v->reserve(kBatch);
    hour.reserve(kBatch);
    luxe.reserve(kBatch);
    const std::string constants = (import_id.empty() ? std::string("NULL") : literal(import_id)) + ", " +
                                  literal(by) + ", " + literal(at);
    const std::string columns = "INSERT INTO absences (pupil_id, date, lesson_hour, kind, marked_luxe, "
                                "remark, import_id, recorded_by, "
                                "recorded_at) ";
    if (postgres) {
      st.exchange(soci::use(pupil_array, "p"));
      st.exchange(soci::use(date_array, "d"));
      st.exchange(soci::use(hour_array, "h"));
      st.exchange(soci::use(kind_array, "k"));
      st.exchange(soci::use(luxe_array, "l"));
      st.exchange(soci::use(remark_array, "r"));
      st.alloc();
      st.prepare(columns + "SELECT p, d, h, k, l, r, " + constants +
                 " FROM unnest(CAST(:p AS text[]), CAST(:d AS text[]), CAST(:h AS integer[]), "
                 "CAST(:k AS text[]), CAST(:l AS integer[]), CAST(:r AS text[])) AS t(p, d, h, k, l, r) "
                 "ON CONFLICT (pupil_id, date, lesson_hour) DO NOTHING");
      st.define_and_bind();
      return;
    }
    // SQLite: one prepared statement, bound to the column vectors, stepped once per row.
    // The bindings must not be empty when prepared; real rows replace this one.
    pupil.emplace_back();
    date.emplace_back();
    kind.emplace_back();
    remark.emplace_back();
    hour.push_back(1);
    luxe.push_back(0);
    st.exchange(soci::use(pupil, "p"));
    st.exchange(soci::use(date, "d"));
    st.exchange(soci::use(hour, "h"));
    st.exchange(soci::use(kind, "k"));
    st.exchange(soci::use(luxe, "l"));
    st.exchange(soci::use(remark, "r"));
    st.alloc();
    st.prepare(columns + "VALUES (:p, :d, :h, :k, :l, :r, " + constants +
               ") ON CONFLICT (pupil_id, date, lesson_hour) DO NOTHING");
    st.define_and_bind();
    clear();
  }

  void clear() {
    pupil.clear();
    date.clear();
    kind.clear();
    remark.clear();
    hour.clear();
    luxe.clear();
  }

  long long execute() {
    if (!postgres) {
      st.execute(true);
      return st.get_affected_rows();
    }
    const auto array = [](std::string& out, const auto& values) {
      out = "{";
      for (const auto& v : values) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
          append_array_element(out, v);
        } else {
          if (out.size() > 1) out += ',';
          out += std::to_string(v);
        }
      }
      out += '}';
    };
    array(pupil_array, pupil);
    array(date_array, date);
    array(hour_array, hour);
    array(kind_array, kind);
    array(luxe_array, luxe);
    array(remark_array, remark);
    st.execute(true);
    return st.get_affected_rows();
  }
};

AbsenceInserter::AbsenceInserter(soci::session& sql, const std::string& import_id,
                                 const std::string& recorded_by, const std::string& recorded_at)
    : impl_(std::make_unique<Impl>(sql, import_id, recorded_by, recorded_at)) {}

AbsenceInserter::~AbsenceInserter() = default;

void AbsenceInserter::add(const std::string& pupil_id, const std::string& date, int lesson_hour,
                          const std::string& kind, bool marked_luxe, const std::string& remark) {
  auto& i = *impl_;
  i.pupil.push_back(pupil_id);
  i.date.push_back(date);
  i.hour.push_back(lesson_hour);
  i.kind.push_back(kind);
  i.luxe.push_back(marked_luxe ? 1 : 0);
  i.remark.push_back(remark);
  if (i.pupil.size() >= kBatch) flush();
}

long long AbsenceInserter::flush() {
  auto& i = *impl_;
  if (i.pupil.empty()) return 0;
  const long long n = i.execute();
  added_ += n;
  i.clear();
  return n;
}

BulkLoadCache::BulkLoadCache(soci::session& sql, int mebibytes)
    : sql_(sql), sqlite_(sql.get_backend_name() == "sqlite3") {
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

void insert_absence_import(soci::session& sql, const AbsenceImportRecord& r) {
  sql << "INSERT INTO absence_imports (id, school_id, file_name, layout, encoding, rows_read, rows_added, "
         "imported_by, imported_at) VALUES (:id, :s, :f, :l, :e, :rr, :ra, :by, :at)",
      soci::use(r.id), soci::use(r.school_id), soci::use(r.file_name), soci::use(r.layout),
      soci::use(r.encoding), soci::use(r.rows_read), soci::use(r.rows_added), soci::use(r.imported_by),
      soci::use(r.imported_at);
}

namespace {

std::vector<AbsenceRecord> select_absences(soci::session& sql, const std::string& pupil_id,
                                           const std::string& from, const std::string& to, bool countable) {
  std::vector<AbsenceRecord> out;
  AbsenceRecord r;
  int luxe = 0;
  std::string import_id;
  soci::indicator import_ind = soci::i_null;
  const std::string kinds = countable ? " AND kind IN ('unauthorised', 'late', 'sick')" : "";
  soci::statement st =
      (sql.prepare
           << "SELECT pupil_id, date, lesson_hour, kind, marked_luxe, remark, import_id, recorded_by, "
              "recorded_at FROM absences WHERE pupil_id = :p AND date >= :f AND date <= :t" +
                  kinds + " ORDER BY date, lesson_hour",
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

} // namespace

std::vector<AbsenceRecord> list_absences(soci::session& sql, const std::string& pupil_id,
                                         const std::string& from, const std::string& to) {
  return select_absences(sql, pupil_id, from, to, false);
}

std::vector<AbsenceRecord> list_countable_absences(soci::session& sql, const std::string& pupil_id,
                                                   const std::string& from, const std::string& to) {
  return select_absences(sql, pupil_id, from, to, true);
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

std::optional<ExemptionRecord> active_exemption(soci::session& sql, const std::string& pupil_id) {
  ExemptionRecord r;
  soci::indicator ind = soci::i_null;
  sql << "SELECT e.id, e.pupil_id, e.reason, e.decided_by, u.display_name, e.decided_at "
         "FROM protocol_exemptions e JOIN users u ON u.id = e.decided_by "
         "WHERE e.pupil_id = :p AND e.ended_at IS NULL ORDER BY e.decided_at DESC LIMIT 1",
      soci::into(r.id, ind), soci::into(r.pupil_id), soci::into(r.reason), soci::into(r.decided_by),
      soci::into(r.decided_by_name), soci::into(r.decided_at), soci::use(pupil_id);
  if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
  return r;
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

std::vector<SignalRecord> select_signals(soci::session& sql, const std::string& pupil_id,
                                         const std::string* school_year) {
  std::vector<SignalRecord> out;
  SignalRecord r;
  std::string year = school_year ? *school_year : std::string();
  const int all = school_year ? 0 : 1;
  soci::statement st =
      (sql.prepare
           << "SELECT id, pupil_id, school_year, rule_code, occurrence, fired_on, recipient, evidence, "
              "created_at FROM escalation_signals WHERE pupil_id = :p AND (school_year = :y OR :a = 1) "
              "ORDER BY school_year DESC, fired_on DESC, rule_code, occurrence DESC",
       soci::into(r.id), soci::into(r.pupil_id), soci::into(r.school_year), soci::into(r.rule_code),
       soci::into(r.occurrence), soci::into(r.fired_on), soci::into(r.recipient), soci::into(r.evidence),
       soci::into(r.created_at), soci::use(pupil_id), soci::use(year), soci::use(all));
  st.execute();
  while (st.fetch())
    out.push_back(r);
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
  std::string user;
  soci::indicator ind = soci::i_null;
  sql << "SELECT user_id FROM case_team_members WHERE pupil_id = :p AND is_case_lead = 1 ORDER BY user_id "
         "LIMIT 1",
      soci::into(user, ind), soci::use(pupil_id);
  if (!sql.got_data() || ind != soci::i_ok) return {};
  return user;
}

bool insert_signal(soci::session& sql, const SignalRecord& s) {
  soci::statement st =
      (sql.prepare
           << "INSERT INTO escalation_signals (id, pupil_id, school_year, rule_code, occurrence, "
              "fired_on, recipient, evidence, created_at) VALUES (:id, :p, :y, :r, :o, :f, :rc, :e, :c) "
              "ON CONFLICT (pupil_id, school_year, rule_code, occurrence) DO NOTHING",
       soci::use(s.id), soci::use(s.pupil_id), soci::use(s.school_year), soci::use(s.rule_code),
       soci::use(s.occurrence), soci::use(s.fired_on), soci::use(s.recipient), soci::use(s.evidence),
       soci::use(s.created_at));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

} // namespace eenplan::store
