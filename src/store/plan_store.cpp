#include "store/plan_store.hpp"
#include "store/multi_row_insert.hpp"

#include <boost/json.hpp>

#include "store/plan_json.hpp"

namespace eenplan::store {

namespace json = boost::json;

namespace {

std::string iso_or_empty(const std::optional<domain::Date>& d) {
  return d ? domain::to_iso(*d) : std::string();
}

json::array parse_array(const std::string& text) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  return !ec && v.is_array() ? v.get_array() : json::array{};
}

constexpr const char* kRevisionSelect =
    "SELECT r.opp_id, o.pupil_id, r.version, r.revision, r.status, r.body, COALESCE(r.set_on, ''), "
    "COALESCE(o.first_set_on, ''), COALESCE(r.set_by, ''), COALESCE(su.display_name, ''), r.updated_by, "
    "uu.display_name, r.updated_at FROM opp_revisions r JOIN opps o ON o.id = r.opp_id "
    "JOIN users uu ON uu.id = r.updated_by LEFT JOIN users su ON su.id = r.set_by ";

struct RevisionRow {
  std::string opp_id, pupil_id, status, body, set_on, first_set_on, set_by, set_by_name, updated_by,
      updated_by_name, updated_at;
  int version = 1, revision = 1;

  void bind(soci::statement& st) {
    st.exchange(soci::into(opp_id));
    st.exchange(soci::into(pupil_id));
    st.exchange(soci::into(version));
    st.exchange(soci::into(revision));
    for (auto* f : {&status, &body, &set_on, &first_set_on, &set_by, &set_by_name, &updated_by,
                    &updated_by_name, &updated_at})
      st.exchange(soci::into(*f));
  }

  OppRevisionRecord take() const {
    OppRevisionRecord r;
    r.opp.id = opp_id;
    r.opp.pupil_id = pupil_id;
    r.opp.version = version;
    r.opp.revision = revision;
    r.opp.status = domain::parse_opp_status(status).value_or(domain::OppStatus::Draft);
    boost::system::error_code ec;
    auto content = json::parse(body, ec);
    if (!ec && content.is_object()) read_opp_content(content.get_object(), r.opp);
    r.opp.set_on = domain::parse_iso_date(set_on);
    r.opp.first_set_on = domain::parse_iso_date(first_set_on);
    r.set_by = set_by;
    r.set_by_name = set_by_name;
    r.updated_by = updated_by;
    r.updated_by_name = updated_by_name;
    r.updated_at = updated_at;
    return r;
  }
};

std::vector<OppRevisionRecord> revisions_where(soci::session& sql, const std::string& where,
                                               const std::string& key) {
  std::vector<OppRevisionRecord> out;
  RevisionRow row;
  std::string k = key;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(soci::use(k, "k"));
  st.alloc();
  st.prepare(std::string(kRevisionSelect) + where);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch())
    out.push_back(row.take());
  return out;
}

} // namespace

std::optional<std::string> find_opp_id_of_pupil(soci::session& sql, const std::string& pupil_id) {
  std::string id;
  sql << "SELECT id FROM opps WHERE pupil_id = :p", soci::use(pupil_id), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return id;
}

std::string set_opp_id_of_pupil(soci::session& sql, const std::string& pupil_id) {
  std::string id;
  sql << "SELECT id FROM opps WHERE pupil_id = :p AND first_set_on IS NOT NULL", soci::use(pupil_id),
      soci::into(id);
  return sql.got_data() ? id : std::string();
}

std::optional<std::string> pupil_of_opp(soci::session& sql, const std::string& opp_id) {
  std::string pupil;
  sql << "SELECT pupil_id FROM opps WHERE id = :o", soci::use(opp_id), soci::into(pupil);
  if (!sql.got_data()) return std::nullopt;
  return pupil;
}

std::vector<OppRevisionRecord> load_opp_revisions(soci::session& sql, const std::string& opp_id) {
  return revisions_where(sql, "WHERE r.opp_id = :k ORDER BY r.revision", opp_id);
}

std::optional<OppRevisionRecord> find_current_opp(soci::session& sql, const std::string& opp_id) {
  auto list = revisions_where(sql, "WHERE r.opp_id = :k ORDER BY r.revision DESC LIMIT 1", opp_id);
  if (list.empty()) return std::nullopt;
  return std::move(list.front());
}

std::vector<domain::Opp> list_opps_first_set(soci::session& sql) {
  std::vector<domain::Opp> out;
  std::string id, pupil, first;
  soci::statement st = (sql.prepare << "SELECT id, pupil_id, first_set_on FROM opps "
                                       "WHERE first_set_on IS NOT NULL",
                        soci::into(id), soci::into(pupil), soci::into(first));
  st.execute();
  while (st.fetch()) {
    domain::Opp opp;
    opp.id = id;
    opp.pupil_id = pupil;
    opp.first_set_on = domain::parse_iso_date(first);
    out.push_back(std::move(opp));
  }
  return out;
}

void insert_opp(soci::session& sql, const domain::Opp& opp, const std::string& by, const std::string& at) {
  sql << "INSERT INTO opps (id, pupil_id, first_set_on, created_by, created_at) "
         "VALUES (:id, :p, NULL, :by, :at)",
      soci::use(opp.id), soci::use(opp.pupil_id), soci::use(by), soci::use(at);
  insert_opp_revision(sql, opp, by, at);
}

void insert_opp_revision(soci::session& sql, const domain::Opp& opp, const std::string& by,
                         const std::string& at) {
  const std::string body = json::serialize(opp_content_json(opp));
  const std::string status(domain::to_string(opp.status));
  const std::string set_on = iso_or_empty(opp.set_on);
  const std::string set_by = opp.set_on ? by : std::string();
  soci::indicator set_ind = null_if_empty(set_on);
  soci::indicator by_ind = null_if_empty(set_by);
  sql << "INSERT INTO opp_revisions (opp_id, revision, status, version, body, set_on, set_by, created_by, "
         "created_at, updated_by, updated_at) VALUES (:o, :r, :s, :v, :b, :so, :sb, :cb, :ca, :ub, :ua)",
      soci::use(opp.id), soci::use(opp.revision), soci::use(status), soci::use(opp.version), soci::use(body),
      soci::use(set_on, set_ind), soci::use(set_by, by_ind), soci::use(by), soci::use(at), soci::use(by),
      soci::use(at);
}

bool update_opp_draft(soci::session& sql, const domain::Opp& opp, int expected_version, const std::string& by,
                      const std::string& at) {
  const std::string body = json::serialize(opp_content_json(opp));
  const std::string status(domain::to_string(opp.status));
  const std::string set_on = iso_or_empty(opp.set_on);
  const std::string set_by = opp.set_on ? by : std::string();
  soci::indicator set_ind = null_if_empty(set_on);
  soci::indicator by_ind = null_if_empty(set_by);
  soci::statement st =
      (sql.prepare << "UPDATE opp_revisions SET status = :s, version = :v, body = :b, set_on = :so, "
                      "set_by = :sb, updated_by = :ub, updated_at = :ua "
                      "WHERE opp_id = :o AND revision = :r AND status = 'draft' AND version = :ev",
       soci::use(status), soci::use(opp.version), soci::use(body), soci::use(set_on, set_ind),
       soci::use(set_by, by_ind), soci::use(by), soci::use(at), soci::use(opp.id), soci::use(opp.revision),
       soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  if (opp.status == domain::OppStatus::Set && opp.set_on) {
    sql << "UPDATE opps SET first_set_on = :d WHERE id = :o AND first_set_on IS NULL", soci::use(set_on),
        soci::use(opp.id);
  }
  return true;
}

void insert_evaluation(soci::session& sql, const EvaluationRecord& r) {
  const auto& e = r.evaluation;
  const std::string held = domain::to_iso(e.held_on);
  const std::string decision(domain::to_string(e.decision));
  const std::string next = iso_or_empty(e.next_date);
  soci::indicator next_ind = null_if_empty(next);
  const std::string participants = json::serialize(participants_json(e.participants));
  const std::string goals = json::serialize(goal_evaluations_json(e.goals));
  sql << "INSERT INTO evaluations (id, arrangement_id, pupil_id, opp_id, opp_revision, held_on, decision, "
         "new_phase, reason, next_date, participants, goals, recorded_by, recorded_at) VALUES (:id, :a, :p, "
         ":o, :rev, :h, :d, :np, :re, :n, :pa, :g, :by, :at)",
      soci::use(e.id), soci::use(e.arrangement_id), soci::use(r.pupil_id), soci::use(e.opp_id),
      soci::use(r.opp_revision), soci::use(held), soci::use(decision), soci::use(e.new_phase),
      soci::use(e.reason), soci::use(next, next_ind), soci::use(participants), soci::use(goals),
      soci::use(r.recorded_by), soci::use(r.recorded_at);
}

std::vector<EvaluationRecord> list_evaluations(soci::session& sql, const std::string& arrangement_id) {
  std::vector<EvaluationRecord> out;
  std::string id, arrangement, pupil, opp, held, decision, new_phase, reason, next, participants, goals, by,
      by_name, at;
  int revision = 1;
  soci::statement st =
      (sql.prepare
           << "SELECT e.id, e.arrangement_id, e.pupil_id, e.opp_id, e.opp_revision, e.held_on, "
              "e.decision, e.new_phase, e.reason, COALESCE(e.next_date, ''), e.participants, e.goals, "
              "e.recorded_by, u.display_name, e.recorded_at FROM evaluations e "
              "JOIN users u ON u.id = e.recorded_by WHERE e.arrangement_id = :a "
              "ORDER BY e.held_on, e.recorded_at, e.id",
       soci::use(arrangement_id), soci::into(id), soci::into(arrangement), soci::into(pupil), soci::into(opp),
       soci::into(revision), soci::into(held), soci::into(decision), soci::into(new_phase),
       soci::into(reason), soci::into(next), soci::into(participants), soci::into(goals), soci::into(by),
       soci::into(by_name), soci::into(at));
  st.execute();
  while (st.fetch()) {
    EvaluationRecord r;
    auto& e = r.evaluation;
    e.id = id;
    e.arrangement_id = arrangement;
    e.opp_id = opp;
    e.held_on = domain::parse_iso_date(held).value_or(domain::Date{});
    e.decision = domain::parse_evaluation_decision(decision).value_or(domain::EvaluationDecision::Continue);
    e.new_phase = new_phase;
    e.reason = reason;
    e.next_date = domain::parse_iso_date(next);
    e.participants = read_participants(parse_array(participants));
    e.goals = read_goal_evaluations(parse_array(goals));
    r.pupil_id = pupil;
    r.opp_revision = revision;
    r.recorded_by = by;
    r.recorded_by_name = by_name;
    r.recorded_at = at;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<domain::Evaluation> latest_evaluations(soci::session& sql) {
  std::vector<domain::Evaluation> out;
  std::string arrangement, held, next;
  // The latest per arrangement; when two share the date, either serves (both set a next date
  // within the cadence of the same day). The index on (arrangement_id, held_on) carries it.
  soci::statement st =
      (sql.prepare << "SELECT e.arrangement_id, e.held_on, COALESCE(MAX(e.next_date), '') FROM evaluations e "
                      "WHERE e.held_on = (SELECT MAX(x.held_on) FROM evaluations x "
                      "WHERE x.arrangement_id = e.arrangement_id) GROUP BY e.arrangement_id, e.held_on",
       soci::into(arrangement), soci::into(held), soci::into(next));
  st.execute();
  while (st.fetch()) {
    domain::Evaluation e;
    e.arrangement_id = arrangement;
    e.held_on = domain::parse_iso_date(held).value_or(domain::Date{});
    e.next_date = domain::parse_iso_date(next);
    out.push_back(std::move(e));
  }
  return out;
}

void insert_schedule(soci::session& sql, const ScheduleRecord& r) {
  const std::string from = domain::to_iso(r.schedule.valid_from);
  const std::string entries = json::serialize(schedule_entries_json(r.schedule.entries));
  soci::indicator eval_ind = null_if_empty(r.evaluation_id);
  sql << "INSERT INTO weekly_schedules (id, arrangement_id, pupil_id, valid_from, entries, evaluation_id, "
         "recorded_by, recorded_at) VALUES (:id, :a, :p, :f, :e, :ev, :by, :at)",
      soci::use(r.id), soci::use(r.arrangement_id), soci::use(r.pupil_id), soci::use(from),
      soci::use(entries), soci::use(r.evaluation_id, eval_ind), soci::use(r.recorded_by),
      soci::use(r.recorded_at);
}

std::vector<ScheduleRecord> list_schedules(soci::session& sql, const std::string& arrangement_id) {
  std::vector<ScheduleRecord> out;
  std::string id, arrangement, pupil, from, entries, evaluation, by, by_name, at;
  soci::statement st =
      (sql.prepare << "SELECT s.id, s.arrangement_id, s.pupil_id, s.valid_from, s.entries, "
                      "COALESCE(s.evaluation_id, ''), s.recorded_by, u.display_name, s.recorded_at "
                      "FROM weekly_schedules s JOIN users u ON u.id = s.recorded_by "
                      "WHERE s.arrangement_id = :a ORDER BY s.valid_from, s.recorded_at, s.id",
       soci::use(arrangement_id), soci::into(id), soci::into(arrangement), soci::into(pupil),
       soci::into(from), soci::into(entries), soci::into(evaluation), soci::into(by), soci::into(by_name),
       soci::into(at));
  st.execute();
  while (st.fetch()) {
    ScheduleRecord r{id, arrangement, pupil, {}, evaluation, by, by_name, at};
    r.schedule.valid_from = domain::parse_iso_date(from).value_or(domain::Date{});
    r.schedule.entries = read_schedule_entries(parse_array(entries));
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<DueArrangementRecord> list_due_arrangements(soci::session& sql,
                                                        const std::string& coordinator_id) {
  std::vector<DueArrangementRecord> out;
  std::string id, pupil, start, end, unit, opp, held, next, first_set, name, enrolment, home, municipality;
  int every = 0, member = 0, lead = 0;
  soci::statement st =
      (sql.prepare
           << "SELECT a.id, a.pupil_id, a.start_date, a.end_date, a.cadence_unit, a.cadence_every, a.opp_id, "
              "COALESCE(le.held_on, ''), COALESCE(le.next_date, ''), COALESCE(o.first_set_on, ''), "
              "p.given_name || ' ' || p.family_name, p.enrolment_school_id, COALESCE(p.home_school_id, ''), "
              "COALESCE(p.municipality_id, ''), "
              "CASE WHEN ct.user_id IS NULL THEN 0 ELSE 1 END, COALESCE(ct.is_case_lead, 0) "
              "FROM arrangements a JOIN pupils p ON p.id = a.pupil_id "
              "LEFT JOIN opps o ON o.id = a.opp_id AND a.opp_id <> '' "
              // The latest evaluation of each of this coordinator's arrangements, found through the
              // (arrangement_id, held_on) index: never a pass over the region's evaluations.
              "LEFT JOIN evaluations le ON le.id = (SELECT x.id FROM evaluations x WHERE x.arrangement_id = "
              "a.id "
              "ORDER BY x.held_on DESC, COALESCE(x.next_date, '') DESC LIMIT 1) "
              "LEFT JOIN case_team_members ct ON ct.pupil_id = a.pupil_id AND ct.user_id = a.coordinator_id "
              "WHERE a.coordinator_id = :u AND a.status = 'active' ORDER BY a.end_date, a.id",
       soci::use(coordinator_id), soci::into(id), soci::into(pupil), soci::into(start), soci::into(end),
       soci::into(unit), soci::into(every), soci::into(opp), soci::into(held), soci::into(next),
       soci::into(first_set), soci::into(name), soci::into(enrolment), soci::into(home),
       soci::into(municipality), soci::into(member), soci::into(lead));
  st.execute();
  while (st.fetch()) {
    DueArrangementRecord r;
    auto& a = r.arrangement;
    a.id = id;
    a.pupil_id = pupil;
    a.coordinator_id = coordinator_id;
    a.status = domain::ArrangementStatus::Active;
    a.start = domain::parse_iso_date(start).value_or(domain::Date{});
    a.end = domain::parse_iso_date(end).value_or(domain::Date{});
    a.cadence = {unit == "months" ? domain::CadenceUnit::Months : domain::CadenceUnit::Weeks, every};
    a.opp_id = opp;
    if (auto h = domain::parse_iso_date(held)) {
      domain::Evaluation e;
      e.arrangement_id = id;
      e.held_on = *h;
      e.next_date = domain::parse_iso_date(next);
      r.latest = e;
    }
    r.opp_first_set_on = domain::parse_iso_date(first_set);
    r.pupil_display_name = name;
    r.enrolment_school_id = enrolment;
    r.home_school_id = home;
    r.municipality_id = municipality;
    r.on_case_team = member != 0;
    r.case_lead = lead != 0;
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace eenplan::store
