#include "store/homebound_store.hpp"
#include "store/multi_row_insert.hpp"

namespace eenplan::store {
namespace {

constexpr const char* kCaseColumns =
    "h.id, h.region_id, h.pupil_id, h.category, COALESCE(h.exemption_kind, ''), h.first_day, h.source, "
    "h.offer, h.offer_note, h.contact_name, COALESCE(h.review_on, ''), h.state, COALESCE(h.closed_on, ''), "
    "COALESCE(h.close_reason, ''), h.close_note, h.registered_by, u.display_name, h.registered_at, "
    "COALESCE(h.closed_by, ''), h.version, h.updated_at, p.given_name, p.family_name, p.status, "
    "p.date_of_birth, p.enrolment_school_id, es.name, es.kind, COALESCE(p.home_school_id, ''), "
    "COALESCE(hs.name, ''), COALESCE(hs.kind, ''), COALESCE(p.municipality_id, ''), COALESCE(mu.name, ''), "
    "COALESCE(mu.kind, ''), COALESCE(es.school_type, '') ";

constexpr const char* kCaseJoins = "FROM homebound_cases h JOIN pupils p ON p.id = h.pupil_id "
                                   "JOIN users u ON u.id = h.registered_by "
                                   "JOIN organisations es ON es.id = p.enrolment_school_id "
                                   "LEFT JOIN organisations hs ON hs.id = p.home_school_id "
                                   "LEFT JOIN organisations mu ON mu.id = p.municipality_id ";

struct CaseRow {
  HomeboundCaseRecord r;
  void bind(soci::statement& st) {
    for (auto* f :
         {&r.id, &r.region_id, &r.pupil_id, &r.category, &r.exemption_kind, &r.first_day, &r.source, &r.offer,
          &r.offer_note, &r.contact_name, &r.review_on, &r.state, &r.closed_on, &r.close_reason,
          &r.close_note, &r.registered_by, &r.registered_by_name, &r.registered_at, &r.closed_by}) {
      st.exchange(soci::into(*f));
    }
    st.exchange(soci::into(r.version));
    for (auto* f : {&r.updated_at, &r.pupil_given_name, &r.pupil_family_name, &r.pupil_status,
                    &r.pupil_date_of_birth, &r.enrolment_school.id, &r.enrolment_school.name,
                    &r.enrolment_school.kind, &r.home_school.id, &r.home_school.name, &r.home_school.kind,
                    &r.municipality.id, &r.municipality.name, &r.municipality.kind, &r.school_type}) {
      st.exchange(soci::into(*f));
    }
  }
};

/// Bound values of a dynamically built WHERE clause, kept alive until the statement ran.
struct Where {
  std::string sql;
  std::vector<std::pair<std::string, std::string>> values;
  std::string bind(std::string value) {
    std::string name = "w" + std::to_string(values.size());
    values.emplace_back(name, std::move(value));
    return ":" + name;
  }
  std::string in_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
      out += (out.empty() ? "" : ", ") + bind(id);
    return out;
  }
  void use_all(soci::statement& st) {
    for (auto& [name, value] : values)
      st.exchange(soci::use(value, name));
  }
};

/// The access relations as SQL; no relation at all selects nothing, never everything.
std::string access_clause(Where& w, const std::vector<std::string>& school_ids,
                          const std::vector<std::string>& municipality_ids) {
  std::string access;
  auto any = [&](const std::string& c) { access += access.empty() ? c : " OR " + c; };
  if (!school_ids.empty()) {
    any("p.enrolment_school_id IN (" + w.in_list(school_ids) + ")");
    any("p.home_school_id IN (" + w.in_list(school_ids) + ")");
  }
  if (!municipality_ids.empty()) any("p.municipality_id IN (" + w.in_list(municipality_ids) + ")");
  return "(" + (access.empty() ? std::string("1 = 0") : access) + ")";
}

std::vector<HomeboundCaseRecord> run_case_query(soci::session& sql, Where& w, const std::string& order) {
  std::vector<HomeboundCaseRecord> out;
  CaseRow row;
  soci::statement st(sql);
  row.bind(st);
  w.use_all(st);
  st.alloc();
  st.prepare(std::string("SELECT ") + kCaseColumns + kCaseJoins + w.sql + " " + order);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch())
    out.push_back(row.r);
  return out;
}

} // namespace

std::vector<HomeboundCaseRecord> list_homebound_cases(soci::session& sql, const HomeboundCaseQuery& q) {
  Where w;
  w.sql =
      "WHERE " + (q.whole_region ? std::string("1 = 1") : access_clause(w, q.school_ids, q.municipality_ids));
  if (!q.category.empty()) w.sql += " AND h.category = " + w.bind(q.category);
  if (!q.state.empty()) w.sql += " AND h.state = " + w.bind(q.state);
  if (!q.school_id.empty()) {
    const auto a = w.bind(q.school_id);
    const auto b = w.bind(q.school_id);
    w.sql += " AND (p.enrolment_school_id = " + a + " OR p.home_school_id = " + b + ")";
  }
  return run_case_query(sql, w, "ORDER BY h.first_day, p.family_name, p.given_name, h.id");
}

std::optional<HomeboundCaseRecord> find_homebound_case(soci::session& sql, const std::string& id) {
  Where w;
  w.sql = "WHERE h.id = " + w.bind(id);
  auto rows = run_case_query(sql, w, "");
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<HomeboundCaseRecord> homebound_cases_of_pupil(soci::session& sql, const std::string& pupil_id) {
  Where w;
  w.sql = "WHERE h.pupil_id = " + w.bind(pupil_id);
  return run_case_query(sql, w, "ORDER BY h.first_day, h.registered_at, h.id");
}

void insert_homebound_case(soci::session& sql, const HomeboundCaseRecord& r) {
  soci::indicator kind_ind = null_if_empty(r.exemption_kind);
  soci::indicator review_ind = null_if_empty(r.review_on);
  soci::indicator closed_ind = null_if_empty(r.closed_on);
  soci::indicator reason_ind = null_if_empty(r.close_reason);
  soci::indicator by_ind = null_if_empty(r.closed_by);
  sql << "INSERT INTO homebound_cases (id, region_id, pupil_id, category, exemption_kind, first_day, source, "
         "offer, offer_note, contact_name, review_on, state, closed_on, close_reason, close_note, "
         "registered_by, registered_at, closed_by, version, updated_at) VALUES (:id, :region, :pupil, :cat, "
         ":kind, :first, :source, :offer, :offer_note, :contact, :review, :state, :closed, :reason, :note, "
         ":by, :at, :closed_by, :version, :updated)",
      soci::use(r.id), soci::use(r.region_id), soci::use(r.pupil_id), soci::use(r.category),
      soci::use(r.exemption_kind, kind_ind), soci::use(r.first_day), soci::use(r.source), soci::use(r.offer),
      soci::use(r.offer_note), soci::use(r.contact_name), soci::use(r.review_on, review_ind),
      soci::use(r.state), soci::use(r.closed_on, closed_ind), soci::use(r.close_reason, reason_ind),
      soci::use(r.close_note), soci::use(r.registered_by), soci::use(r.registered_at),
      soci::use(r.closed_by, by_ind), soci::use(r.version), soci::use(r.updated_at);
}

bool update_homebound_case(soci::session& sql, const HomeboundCaseRecord& r, int expected_version) {
  const int next = expected_version + 1;
  soci::indicator kind_ind = null_if_empty(r.exemption_kind);
  soci::indicator review_ind = null_if_empty(r.review_on);
  soci::indicator closed_ind = null_if_empty(r.closed_on);
  soci::indicator reason_ind = null_if_empty(r.close_reason);
  soci::indicator by_ind = null_if_empty(r.closed_by);
  soci::statement st =
      (sql.prepare
           << "UPDATE homebound_cases SET category = :cat, exemption_kind = :kind, offer = :offer, "
              "offer_note = :offer_note, contact_name = :contact, review_on = :review, state = :state, "
              "closed_on = :closed, close_reason = :reason, close_note = :note, closed_by = :by, "
              "version = :next, updated_at = :updated WHERE id = :id AND version = :expected",
       soci::use(r.category), soci::use(r.exemption_kind, kind_ind), soci::use(r.offer),
       soci::use(r.offer_note), soci::use(r.contact_name), soci::use(r.review_on, review_ind),
       soci::use(r.state), soci::use(r.closed_on, closed_ind), soci::use(r.close_reason, reason_ind),
       soci::use(r.close_note), soci::use(r.closed_by, by_ind), soci::use(next), soci::use(r.updated_at),
       soci::use(r.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void insert_homebound_escalation(soci::session& sql, const HomeboundEscalationRecord& e) {
  sql << "INSERT INTO homebound_escalations (id, case_id, forum, escalated_on, escalated_by, outcome, "
         "binding_decision, recorded_at) VALUES (:id, :c, :forum, :on, :by, :outcome, :binding, :at)",
      soci::use(e.id), soci::use(e.case_id), soci::use(e.forum), soci::use(e.escalated_on),
      soci::use(e.escalated_by), soci::use(e.outcome), soci::use(e.binding_decision),
      soci::use(e.recorded_at);
}

std::vector<HomeboundEscalationRecord> list_homebound_escalations(soci::session& sql,
                                                                  const std::string& case_id) {
  std::vector<HomeboundEscalationRecord> out;
  HomeboundEscalationRecord e;
  soci::statement st =
      (sql.prepare
           << "SELECT e.id, e.case_id, e.forum, e.escalated_on, e.escalated_by, u.display_name, e.outcome, "
              "e.binding_decision, e.recorded_at FROM homebound_escalations e "
              "JOIN users u ON u.id = e.escalated_by WHERE e.case_id = :c "
              "ORDER BY e.escalated_on, e.recorded_at, e.id",
       soci::use(case_id), soci::into(e.id), soci::into(e.case_id), soci::into(e.forum),
       soci::into(e.escalated_on), soci::into(e.escalated_by), soci::into(e.escalated_by_name),
       soci::into(e.outcome), soci::into(e.binding_decision), soci::into(e.recorded_at));
  st.execute();
  while (st.fetch())
    out.push_back(e);
  return out;
}

std::vector<PupilAbsenceDay> unauthorised_absence_days(soci::session& sql, const std::string& from,
                                                       const std::vector<std::string>& school_ids,
                                                       const std::vector<std::string>& municipality_ids) {
  std::vector<PupilAbsenceDay> out;
  Where w;
  w.sql = "WHERE a.kind = 'unauthorised' AND a.date >= " + w.bind(from) + " AND p.status = 'enrolled' AND " +
          access_clause(w, school_ids, municipality_ids);
  PupilAbsenceDay d;
  soci::statement st(sql);
  st.exchange(soci::into(d.pupil_id));
  st.exchange(soci::into(d.date));
  st.exchange(soci::into(d.unauthorised_hours));
  w.use_all(st);
  st.alloc();
  st.prepare("SELECT p.id, a.date, CAST(COUNT(*) AS INTEGER) FROM pupils p "
             "JOIN pupil_keys k ON k.pupil_id = p.id JOIN absences a ON a.pupil_key = k.pupil_key " +
             w.sql + " GROUP BY p.id, a.date ORDER BY p.id, a.date");
  st.define_and_bind();
  st.execute(false);
  while (st.fetch())
    out.push_back(d);
  return out;
}

std::vector<AbsenceTrendCell> absence_trend_cells(soci::session& sql, const std::string& school_id,
                                                  const std::string& from) {
  std::vector<AbsenceTrendCell> out;
  AbsenceTrendCell c;
  soci::statement st =
      (sql.prepare << "SELECT substr(a.date, 1, 7), p.level, COALESCE(p.year_group, 0), "
                      "CAST(SUM(CASE WHEN a.kind = 'unauthorised' THEN 1 ELSE 0 END) AS INTEGER), "
                      "CAST(SUM(CASE WHEN a.kind = 'sick' THEN 1 ELSE 0 END) AS INTEGER), "
                      "CAST(SUM(CASE WHEN a.kind = 'late' THEN 1 ELSE 0 END) AS INTEGER), "
                      "CAST(SUM(CASE WHEN a.kind IN ('removed', 'authorised') THEN 1 ELSE 0 END) AS INTEGER) "
                      "FROM pupils p JOIN pupil_keys k ON k.pupil_id = p.id "
                      "JOIN absences a ON a.pupil_key = k.pupil_key "
                      "WHERE p.enrolment_school_id = :s AND a.date >= :from "
                      "GROUP BY substr(a.date, 1, 7), p.level, COALESCE(p.year_group, 0) "
                      "ORDER BY 1, 2, 3",
       soci::use(school_id), soci::use(from), soci::into(c.month), soci::into(c.level),
       soci::into(c.year_group), soci::into(c.unauthorised_hours), soci::into(c.sick_hours),
       soci::into(c.late), soci::into(c.other_hours));
  st.execute();
  while (st.fetch())
    out.push_back(c);
  return out;
}

std::vector<PupilCountCell> enrolled_pupil_counts(soci::session& sql, const std::string& school_id) {
  std::vector<PupilCountCell> out;
  PupilCountCell c;
  soci::statement st =
      (sql.prepare << "SELECT level, COALESCE(year_group, 0), CAST(COUNT(*) AS INTEGER) FROM pupils "
                      "WHERE enrolment_school_id = :s AND status = 'enrolled' "
                      "GROUP BY level, COALESCE(year_group, 0) ORDER BY 1, 2",
       soci::use(school_id), soci::into(c.level), soci::into(c.year_group), soci::into(c.pupils));
  st.execute();
  while (st.fetch())
    out.push_back(c);
  return out;
}

} // namespace eenplan::store
