#include "store/support_route_store.hpp"

#include "core/ids.hpp"

namespace eenplan::store {
namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines)
    out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

constexpr const char* kReferralColumns =
    "r.id, r.pupil_id, r.meeting_id, m.date, r.reason, r.question, r.parent_contact_id, r.status, r.outcome, "
    "r.referred_by, u.display_name, r.referred_at, r.version, r.updated_at, p.given_name, p.family_name, "
    "p.school_pupil_number "
    "FROM jes_referrals r JOIN support_meetings m ON m.id = r.meeting_id "
    "JOIN users u ON u.id = r.referred_by JOIN pupils p ON p.id = r.pupil_id ";

struct ReferralRow {
  ReferralRecord r;
  void bind(soci::statement& st) {
    for (auto* f :
         {&r.id, &r.pupil_id, &r.meeting_id, &r.meeting_date, &r.reason, &r.question, &r.parent_contact_id,
          &r.status, &r.outcome, &r.referred_by, &r.referred_by_name, &r.referred_at})
      st.exchange(soci::into(*f));
    st.exchange(soci::into(r.version));
    for (auto* f : {&r.updated_at, &r.pupil_given_name, &r.pupil_family_name, &r.pupil_number})
      st.exchange(soci::into(*f));
  }
};

std::vector<ReferralRecord> referrals_where(soci::session& sql, const std::string& where,
                                            const std::string& key, const std::string& order) {
  std::vector<ReferralRecord> out;
  ReferralRow row;
  std::string k = key;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(soci::use(k, "k"));
  st.alloc();
  st.prepare(std::string("SELECT ") + kReferralColumns + where + order);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch())
    out.push_back(row.r);
  return out;
}

struct MeetingRow {
  MeetingRecord m;
  std::string members;
  void bind(soci::statement& st) {
    for (auto* f :
         {&m.id, &m.school_id, &m.kind, &m.date, &m.location, &members, &m.created_by, &m.created_at})
      st.exchange(soci::into(*f));
    st.exchange(soci::into(m.version));
  }
  MeetingRecord take() {
    MeetingRecord out = m;
    out.members = split_lines(members);
    return out;
  }
};

constexpr const char* kMeetingColumns = "SELECT id, school_id, kind, date, location, members, created_by, "
                                        "created_at, version FROM support_meetings ";

} // namespace

SupportRouteRecord load_support_route(soci::session& sql, const std::string& pupil_id) {
  SupportRouteRecord route;
  {
    RouteStepRecord s;
    soci::statement st =
        (sql.prepare
             << "SELECT s.id, s.pupil_id, s.kind, s.date, s.description, s.performed_by, s.recorded_by, "
                "u.display_name, s.recorded_at FROM support_route_steps s JOIN users u ON u.id = "
                "s.recorded_by WHERE s.pupil_id = :p ORDER BY s.date, s.recorded_at, s.id",
         soci::use(pupil_id), soci::into(s.id), soci::into(s.pupil_id), soci::into(s.kind),
         soci::into(s.date), soci::into(s.description), soci::into(s.performed_by), soci::into(s.recorded_by),
         soci::into(s.recorded_by_name), soci::into(s.recorded_at));
    st.execute();
    while (st.fetch())
      route.steps.push_back(s);
  }
  {
    ConcernRecord c;
    soci::statement st =
        (sql.prepare << "SELECT c.id, c.pupil_id, c.date, c.question, c.tried, c.skip_reason, c.status, "
                        "c.reported_by, u.display_name, c.reported_at, c.version FROM support_concerns c "
                        "JOIN users u ON u.id = c.reported_by WHERE c.pupil_id = :p "
                        "ORDER BY c.date, c.reported_at, c.id",
         soci::use(pupil_id), soci::into(c.id), soci::into(c.pupil_id), soci::into(c.date),
         soci::into(c.question), soci::into(c.tried), soci::into(c.skip_reason), soci::into(c.status),
         soci::into(c.reported_by), soci::into(c.reported_by_name), soci::into(c.reported_at),
         soci::into(c.version));
    st.execute();
    while (st.fetch())
      route.concerns.push_back(c);
  }
  {
    DiscussionRecord d;
    std::string participants;
    soci::statement st =
        (sql.prepare
             << "SELECT d.id, d.pupil_id, d.concern_id, d.date, d.participants, d.outcome, d.decision, "
                "d.recorded_by, u.display_name, d.recorded_at FROM care_team_discussions d "
                "JOIN users u ON u.id = d.recorded_by WHERE d.pupil_id = :p "
                "ORDER BY d.date, d.recorded_at, d.id",
         soci::use(pupil_id), soci::into(d.id), soci::into(d.pupil_id), soci::into(d.concern_id),
         soci::into(d.date), soci::into(participants), soci::into(d.outcome), soci::into(d.decision),
         soci::into(d.recorded_by), soci::into(d.recorded_by_name), soci::into(d.recorded_at));
    st.execute();
    while (st.fetch()) {
      d.participants = split_lines(participants);
      route.discussions.push_back(d);
    }
  }
  for (auto& d : route.discussions) {
    ActionItemRecord a;
    soci::statement st = (sql.prepare << "SELECT id, description, owner, due_on FROM care_team_action_items "
                                         "WHERE discussion_id = :d ORDER BY position",
                          soci::use(d.id), soci::into(a.id), soci::into(a.description), soci::into(a.owner),
                          soci::into(a.due_on));
    st.execute();
    while (st.fetch())
      d.action_items.push_back(a);
  }
  {
    ParentContactRecord c;
    soci::statement st =
        (sql.prepare << "SELECT c.id, c.pupil_id, c.date, c.topic, c.method, c.informed_by, c.summary, "
                        "c.recorded_by, u.display_name, c.recorded_at FROM parent_contacts c "
                        "JOIN users u ON u.id = c.recorded_by WHERE c.pupil_id = :p "
                        "ORDER BY c.date, c.recorded_at, c.id",
         soci::use(pupil_id), soci::into(c.id), soci::into(c.pupil_id), soci::into(c.date),
         soci::into(c.topic), soci::into(c.method), soci::into(c.informed_by), soci::into(c.summary),
         soci::into(c.recorded_by), soci::into(c.recorded_by_name), soci::into(c.recorded_at));
    st.execute();
    while (st.fetch())
      route.parent_contacts.push_back(c);
  }
  route.referrals =
      referrals_where(sql, "WHERE r.pupil_id = :k ", pupil_id, "ORDER BY m.date, r.referred_at, r.id");
  return route;
}

void insert_route_step(soci::session& sql, const RouteStepRecord& s) {
  sql << "INSERT INTO support_route_steps (id, pupil_id, kind, date, description, performed_by, recorded_by, "
         "recorded_at) VALUES (:id, :p, :k, :d, :descr, :by, :rb, :ra)",
      soci::use(s.id), soci::use(s.pupil_id), soci::use(s.kind), soci::use(s.date), soci::use(s.description),
      soci::use(s.performed_by), soci::use(s.recorded_by), soci::use(s.recorded_at);
}

void insert_concern(soci::session& sql, const ConcernRecord& c) {
  sql << "INSERT INTO support_concerns (id, pupil_id, date, question, tried, skip_reason, status, "
         "reported_by, "
         "reported_at, version) VALUES (:id, :p, :d, :q, :t, :s, :st, :rb, :ra, :v)",
      soci::use(c.id), soci::use(c.pupil_id), soci::use(c.date), soci::use(c.question), soci::use(c.tried),
      soci::use(c.skip_reason), soci::use(c.status), soci::use(c.reported_by), soci::use(c.reported_at),
      soci::use(c.version);
}

void insert_discussion(soci::session& sql, const DiscussionRecord& d) {
  const std::string participants = join_lines(d.participants);
  sql << "INSERT INTO care_team_discussions (id, pupil_id, concern_id, date, participants, outcome, "
         "decision, "
         "recorded_by, recorded_at) VALUES (:id, :p, :c, :d, :pa, :o, :de, :rb, :ra)",
      soci::use(d.id), soci::use(d.pupil_id), soci::use(d.concern_id), soci::use(d.date),
      soci::use(participants), soci::use(d.outcome), soci::use(d.decision), soci::use(d.recorded_by),
      soci::use(d.recorded_at);
  int position = 0;
  for (const auto& a : d.action_items) {
    const std::string id = a.id.empty() ? core::new_uuid() : a.id;
    sql << "INSERT INTO care_team_action_items (id, discussion_id, position, description, owner, due_on) "
           "VALUES (:id, :d, :pos, :descr, :o, :due)",
        soci::use(id), soci::use(d.id), soci::use(position), soci::use(a.description), soci::use(a.owner),
        soci::use(a.due_on);
    ++position;
  }
  sql << "UPDATE support_concerns SET status = 'discussed', version = version + 1 WHERE id = :c",
      soci::use(d.concern_id);
}

void insert_parent_contact(soci::session& sql, const ParentContactRecord& c) {
  sql << "INSERT INTO parent_contacts (id, pupil_id, date, topic, method, informed_by, summary, recorded_by, "
         "recorded_at) VALUES (:id, :p, :d, :t, :m, :i, :s, :rb, :ra)",
      soci::use(c.id), soci::use(c.pupil_id), soci::use(c.date), soci::use(c.topic), soci::use(c.method),
      soci::use(c.informed_by), soci::use(c.summary), soci::use(c.recorded_by), soci::use(c.recorded_at);
}

void insert_referral(soci::session& sql, const ReferralRecord& r) {
  sql << "INSERT INTO jes_referrals (id, pupil_id, meeting_id, reason, question, parent_contact_id, status, "
         "outcome, referred_by, referred_at, version, updated_at) VALUES (:id, :p, :m, :r, :q, :pc, :s, :o, "
         ":rb, "
         ":ra, :v, :u)",
      soci::use(r.id), soci::use(r.pupil_id), soci::use(r.meeting_id), soci::use(r.reason),
      soci::use(r.question), soci::use(r.parent_contact_id), soci::use(r.status), soci::use(r.outcome),
      soci::use(r.referred_by), soci::use(r.referred_at), soci::use(r.version), soci::use(r.updated_at);
}

std::optional<ReferralRecord> find_referral(soci::session& sql, const std::string& id) {
  auto found = referrals_where(sql, "WHERE r.id = :k ", id, "");
  if (found.empty()) return std::nullopt;
  return found.front();
}

bool update_referral_outcome(soci::session& sql, const std::string& id, int expected_version,
                             const std::string& outcome, const std::string& updated_at) {
  const int next = expected_version + 1;
  soci::statement st =
      (sql.prepare << "UPDATE jes_referrals SET outcome = :o, status = 'discussed', version = :n, "
                      "updated_at = :u WHERE id = :id AND version = :v",
       soci::use(outcome), soci::use(next), soci::use(updated_at), soci::use(id),
       soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void insert_meeting(soci::session& sql, const MeetingRecord& m) {
  const std::string members = join_lines(m.members);
  sql << "INSERT INTO support_meetings (id, school_id, kind, date, location, members, created_by, "
         "created_at, "
         "version) VALUES (:id, :s, :k, :d, :l, :m, :cb, :ca, :v)",
      soci::use(m.id), soci::use(m.school_id), soci::use(m.kind), soci::use(m.date), soci::use(m.location),
      soci::use(members), soci::use(m.created_by), soci::use(m.created_at), soci::use(m.version);
}

std::optional<MeetingRecord> find_meeting(soci::session& sql, const std::string& id) {
  MeetingRow row;
  std::string key = id;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(soci::use(key, "id"));
  st.alloc();
  st.prepare(std::string(kMeetingColumns) + "WHERE id = :id");
  st.define_and_bind();
  st.execute(false);
  std::optional<MeetingRecord> found;
  while (st.fetch())
    found = row.take();
  return found;
}

std::vector<MeetingRecord> list_meetings(soci::session& sql, const std::string& school_id,
                                         const std::string& from_date) {
  MeetingRow row;
  std::string school = school_id;
  std::string from = from_date;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(soci::use(school, "s"));
  st.exchange(soci::use(from, "f"));
  st.alloc();
  st.prepare(std::string(kMeetingColumns) + "WHERE school_id = :s AND date >= :f ORDER BY date, id");
  st.define_and_bind();
  st.execute(false);
  std::vector<MeetingRecord> out;
  while (st.fetch())
    out.push_back(row.take());
  return out;
}

std::vector<std::string> meeting_dates(soci::session& sql, const std::string& school_id) {
  std::vector<std::string> out;
  std::string d;
  soci::statement st = (sql.prepare << "SELECT date FROM support_meetings WHERE school_id = :s ORDER BY date",
                        soci::use(school_id), soci::into(d));
  st.execute();
  while (st.fetch())
    out.push_back(d);
  return out;
}

std::vector<ReferralRecord> agenda_of(soci::session& sql, const std::string& meeting_id) {
  return referrals_where(sql, "WHERE r.meeting_id = :k ", meeting_id, "ORDER BY r.referred_at, r.id");
}

std::vector<std::string> pupils_in_route(soci::session& sql, const std::string& school_id) {
  std::vector<std::string> out;
  std::string id;
  soci::statement st =
      (sql.prepare
           << "SELECT p.id FROM pupils p WHERE (p.enrolment_school_id = :s OR p.home_school_id = :s2) AND ("
              "EXISTS (SELECT 1 FROM support_route_steps x WHERE x.pupil_id = p.id) OR "
              "EXISTS (SELECT 1 FROM support_concerns x WHERE x.pupil_id = p.id) OR "
              "EXISTS (SELECT 1 FROM jes_referrals x WHERE x.pupil_id = p.id)) "
              "ORDER BY p.family_name, p.given_name, p.id",
       soci::use(school_id), soci::use(school_id), soci::into(id));
  st.execute();
  while (st.fetch())
    out.push_back(id);
  return out;
}

} // namespace eenplan::store
