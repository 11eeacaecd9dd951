#include "store/trajectory_store.hpp"

#include <boost/json.hpp>
#include <stdexcept>

#include "core/ids.hpp"
#include "domain/dates.hpp"
#include "store/trajectory_json.hpp"

namespace eenplan::store {
namespace {

namespace json = boost::json;
using tjson::Reader;

std::string iso(domain::Date d) {
  return domain::to_iso(d);
}

std::string iso(const std::optional<domain::Date>& d) {
  return d ? domain::to_iso(*d) : std::string{};
}

domain::Date date_of(const std::string& text) {
  auto d = domain::parse_iso_date(text);
  if (!d) throw std::runtime_error("trajectory store: bad date '" + text + "'");
  return *d;
}

std::optional<domain::Date> optional_date_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return date_of(text);
}

json::value parse_body(const std::string& body) {
  return json::parse(body);
}

/// Runs `select` with at most one bound key (`:k0`) and hands each row to `take`. `Row::bind`
/// exchanges the intos.
template <typename Row, typename Take>
void for_each_row(soci::session& sql, const std::string& select, const std::vector<std::string>& keys,
                  Take take) {
  Row row;
  std::string key = keys.empty() ? std::string{} : keys.front();
  soci::statement st(sql);
  row.bind(st);
  if (!keys.empty()) st.exchange(soci::use(key, "k0"));
  st.alloc();
  st.prepare(select);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch())
    take(row);
}

// ---- phase models --------------------------------------------------------------------------------

std::string phase_model_body(const domain::PhaseModel& model) {
  return json::serialize(json::object{{"phases", tjson::encode(model.phases)}});
}

struct PhaseModelRow {
  std::string id, name, source, body;
  void bind(soci::statement& st) {
    for (auto* f : {&id, &name, &source, &body})
      st.exchange(soci::into(*f));
  }
  domain::PhaseModel take() const {
    domain::PhaseModel m{id, name, source, {}};
    const auto v = parse_body(body);
    m.phases = tjson::decode_phases(Reader(v, "").member("phases"), "phases");
    return m;
  }
};

constexpr const char* kPhaseModelSelect = "SELECT id, name, source, body FROM phase_models ";

// ---- provisions ----------------------------------------------------------------------------------

std::string provision_body(const domain::Provision& p) {
  return json::serialize(json::object{{"providerOrganisationIds", tjson::encode(p.provider_organisation_ids)},
                                      {"targetGroup", tjson::encode(p.target_group)},
                                      {"staffing", tjson::encode(p.staffing)},
                                      {"places", tjson::encode(p.places)},
                                      {"financing", tjson::encode(p.financing)},
                                      {"cadence", tjson::encode(p.cadence)},
                                      {"decisionRoles", tjson::encode(p.decision_roles)}});
}

struct ProvisionRow {
  std::string id, name, template_code, school, model, start, end, body;
  int capacity = 0, version = 1;
  void bind(soci::statement& st) {
    for (auto* f : {&id, &name, &template_code, &school, &model, &start, &end, &body})
      st.exchange(soci::into(*f));
    st.exchange(soci::into(capacity));
    st.exchange(soci::into(version));
  }
  domain::Provision take() const {
    domain::Provision p;
    p.id = id;
    p.version = version;
    p.name = name;
    p.template_code = template_code;
    p.enrolling_school_id = school;
    p.phase_model_id = model;
    p.capacity = capacity;
    p.start = date_of(start);
    p.end = optional_date_of(end);
    const auto v = parse_body(body);
    const Reader r(v, "");
    p.provider_organisation_ids = r.strings("providerOrganisationIds", false);
    p.target_group = r.strings("targetGroup", false);
    p.staffing = tjson::decode_staffing(r.member("staffing"), "staffing");
    p.places = tjson::decode_places(r.member("places"), "places");
    p.financing = tjson::decode_financing(r.member("financing"), "financing");
    if (const auto* c = r.member("cadence")) p.cadence = tjson::decode_cadence(*c, "cadence");
    p.decision_roles = r.strings("decisionRoles", false);
    return p;
  }
};

constexpr const char* kProvisionSelect =
    "SELECT id, name, template_code, enrolling_school_id, COALESCE(phase_model_id, ''), start_date, "
    "COALESCE(end_date, ''), body, capacity, version FROM provisions ";

void load_members(soci::session& sql, domain::Provision& p) {
  std::string pupil;
  {
    soci::statement st = (sql.prepare << "SELECT pupil_id FROM provision_placements WHERE provision_id = :p "
                                         "ORDER BY position",
                          soci::use(p.id), soci::into(pupil));
    st.execute();
    while (st.fetch())
      p.placed_pupil_ids.push_back(pupil);
  }
  std::string registration, since;
  soci::statement st =
      (sql.prepare
           << "SELECT pupil_id, registration_id, since FROM provision_waiting_list WHERE provision_id = :p "
              "ORDER BY position",
       soci::use(p.id), soci::into(pupil), soci::into(registration), soci::into(since));
  st.execute();
  while (st.fetch())
    p.waiting_list.push_back({pupil, registration, date_of(since)});
}

void write_members(soci::session& sql, const domain::Provision& p) {
  sql << "DELETE FROM provision_placements WHERE provision_id = :p", soci::use(p.id);
  sql << "DELETE FROM provision_waiting_list WHERE provision_id = :p", soci::use(p.id);
  int position = 1;
  for (const auto& pupil : p.placed_pupil_ids) {
    sql << "INSERT INTO provision_placements (provision_id, pupil_id, position) VALUES (:p, :u, :n)",
        soci::use(p.id), soci::use(pupil), soci::use(position);
    ++position;
  }
  position = 1;
  for (const auto& w : p.waiting_list) {
    const std::string since = iso(w.since);
    sql << "INSERT INTO provision_waiting_list (provision_id, pupil_id, registration_id, position, since) "
           "VALUES (:p, :u, :r, :n, :s)",
        soci::use(p.id), soci::use(w.pupil_id), soci::use(w.registration_id), soci::use(position),
        soci::use(since);
    ++position;
  }
}

// ---- registrations -------------------------------------------------------------------------------

std::string registration_body(const domain::Registration& r) {
  return json::serialize(
      json::object{{"observation", r.observation ? tjson::encode(*r.observation) : json::value(nullptr)},
                   {"decision", r.decision ? tjson::encode(*r.decision) : json::value(nullptr)},
                   {"tasks", tjson::encode(r.tasks)},
                   {"withdrawal", r.withdrawal ? tjson::encode(*r.withdrawal) : json::value(nullptr)}});
}

struct RegistrationRow {
  std::string id, pupil, provision, channel, status, registered_by, registered_on, placed_on, body;
  int version = 1;
  void bind(soci::statement& st) {
    for (auto* f :
         {&id, &pupil, &provision, &channel, &status, &registered_by, &registered_on, &placed_on, &body})
      st.exchange(soci::into(*f));
    st.exchange(soci::into(version));
  }
  domain::Registration take() const {
    domain::Registration r;
    r.id = id;
    r.version = version;
    r.pupil_id = pupil;
    r.provision_id = provision;
    r.channel = domain::parse_registration_channel(channel).value_or(domain::RegistrationChannel::Internal);
    r.status = domain::parse_registration_status(status).value_or(domain::RegistrationStatus::Registered);
    r.registered_by = registered_by;
    r.registered_on = date_of(registered_on);
    r.placed_on = optional_date_of(placed_on);
    const auto v = parse_body(body);
    const Reader b(v, "");
    if (const auto* o = b.member("observation")) r.observation = tjson::decode_observation(*o, "observation");
    if (const auto* d = b.member("decision")) r.decision = tjson::decode_decision(*d, "decision");
    r.tasks = tjson::decode_tasks(b.member("tasks"), "tasks");
    if (const auto* w = b.member("withdrawal")) r.withdrawal = tjson::decode_withdrawal(*w, "withdrawal");
    return r;
  }
};

constexpr const char* kRegistrationSelect = "SELECT id, pupil_id, provision_id, channel, status, "
                                            "registered_by, registered_on, COALESCE(placed_on, ''), "
                                            "body, version FROM registrations ";

std::vector<domain::Registration> registrations_where(soci::session& sql, const std::string& where,
                                                      const std::vector<std::string>& keys) {
  std::vector<domain::Registration> out;
  for_each_row<RegistrationRow>(sql, kRegistrationSelect + where, keys,
                                [&](const RegistrationRow& row) { out.push_back(row.take()); });
  return out;
}

// ---- arrangements --------------------------------------------------------------------------------

std::string arrangement_body(const domain::Arrangement& a) {
  return json::serialize(
      json::object{{"providerOrganisationIds", tjson::encode(a.provider_organisation_ids)},
                   {"supportNeeds", tjson::encode(a.support_needs)},
                   {"staffing", tjson::encode(a.staffing)},
                   {"places", tjson::encode(a.places)},
                   {"financing", tjson::encode(a.financing)},
                   {"returnPlan", a.return_plan ? tjson::encode(*a.return_plan) : json::value(nullptr)},
                   {"workflow", tjson::encode(a.workflow)},
                   {"ending", a.ending ? tjson::encode(*a.ending) : json::value(nullptr)}});
}

struct ArrangementRow {
  std::string id, route, template_code, pupil, provision, enrolling, home, coordinator, model, start, end,
      status, opp, cadence_unit, body;
  int cadence_every = 0, version = 1;
  void bind(soci::statement& st) {
    for (auto* f : {&id, &route, &template_code, &pupil, &provision, &enrolling, &home, &coordinator, &model,
                    &start, &end, &status, &opp, &cadence_unit, &body})
      st.exchange(soci::into(*f));
    st.exchange(soci::into(cadence_every));
    st.exchange(soci::into(version));
  }
  domain::Arrangement take() const {
    domain::Arrangement a;
    a.id = id;
    a.version = version;
    a.route = domain::parse_route(route).value_or(domain::Route::Tailored);
    a.template_code = template_code;
    a.pupil_id = pupil;
    a.provision_id = provision;
    a.enrolling_school_id = enrolling;
    a.home_school_id = home;
    a.coordinator_id = coordinator;
    a.phase_model_id = model;
    a.start = date_of(start);
    a.end = date_of(end);
    a.status = domain::parse_arrangement_status(status).value_or(domain::ArrangementStatus::Draft);
    a.opp_id = opp;
    a.cadence = {domain::parse_cadence_unit(cadence_unit).value_or(domain::CadenceUnit::Weeks),
                 cadence_every};
    const auto v = parse_body(body);
    const Reader b(v, "");
    a.provider_organisation_ids = b.strings("providerOrganisationIds", false);
    a.support_needs = b.strings("supportNeeds", false);
    a.staffing = tjson::decode_staffing(b.member("staffing"), "staffing");
    a.places = tjson::decode_places(b.member("places"), "places");
    a.financing = tjson::decode_financing(b.member("financing"), "financing");
    if (const auto* p = b.member("returnPlan")) a.return_plan = tjson::decode_return_plan(*p, "returnPlan");
    if (const auto* w = b.member("workflow")) a.workflow = tjson::decode_workflow(*w, "workflow");
    if (const auto* e = b.member("ending")) a.ending = tjson::decode_transition(*e, "ending");
    return a;
  }
};

constexpr const char* kArrangementSelect =
    "SELECT id, route, template_code, pupil_id, COALESCE(provision_id, ''), enrolling_school_id, "
    "home_school_id, "
    "COALESCE(coordinator_id, ''), COALESCE(phase_model_id, ''), start_date, end_date, status, opp_id, "
    "cadence_unit, body, cadence_every, version FROM arrangements ";

void load_extensions(soci::session& sql, domain::Arrangement& a) {
  std::string previous, next, reason, decided_by, decided_on;
  soci::statement st =
      (sql.prepare
           << "SELECT previous_end, new_end, reason, decided_by, decided_on FROM arrangement_extensions "
              "WHERE arrangement_id = :a ORDER BY position",
       soci::use(a.id), soci::into(previous), soci::into(next), soci::into(reason), soci::into(decided_by),
       soci::into(decided_on));
  st.execute();
  while (st.fetch())
    a.extensions.push_back({date_of(previous), date_of(next), reason, decided_by, date_of(decided_on)});
}

std::vector<domain::Arrangement> arrangements_where(soci::session& sql, const std::string& where,
                                                    const std::vector<std::string>& keys) {
  std::vector<domain::Arrangement> out;
  for_each_row<ArrangementRow>(sql, kArrangementSelect + where, keys,
                               [&](const ArrangementRow& row) { out.push_back(row.take()); });
  for (auto& a : out)
    load_extensions(sql, a);
  return out;
}

bool affected_one(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows() == 1;
}

} // namespace

// ---- phase models --------------------------------------------------------------------------------

void seed_default_phase_models(soci::session& sql, const std::string& now) {
  for (const auto& model : domain::default_phase_models()) {
    int count = 0;
    sql << "SELECT COUNT(*) FROM phase_models WHERE id = :id", soci::use(model.id), soci::into(count);
    if (count > 0) continue;
    const std::string body = phase_model_body(model);
    sql << "INSERT INTO phase_models (id, name, source, body, version, updated_at) "
           "VALUES (:id, :n, :s, :b, 1, :now)",
        soci::use(model.id), soci::use(model.name), soci::use(model.source), soci::use(body), soci::use(now);
  }
}

std::vector<domain::PhaseModel> list_phase_models(soci::session& sql) {
  std::vector<domain::PhaseModel> out;
  for_each_row<PhaseModelRow>(sql, std::string(kPhaseModelSelect) + "ORDER BY name, id", {},
                              [&](const PhaseModelRow& row) { out.push_back(row.take()); });
  return out;
}

std::optional<domain::PhaseModel> find_phase_model(soci::session& sql, const std::string& id) {
  std::optional<domain::PhaseModel> found;
  for_each_row<PhaseModelRow>(sql, std::string(kPhaseModelSelect) + "WHERE id = :k0", {id},
                              [&](const PhaseModelRow& row) { found = row.take(); });
  return found;
}

std::optional<int> phase_model_version(soci::session& sql, const std::string& id) {
  int version = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT version FROM phase_models WHERE id = :id", soci::use(id), soci::into(version, ind);
  if (!sql.got_data() || ind == soci::i_null) return std::nullopt;
  return version;
}

std::vector<std::string> phase_codes_in_use(soci::session& sql, const std::string& phase_model_id) {
  std::vector<std::string> out;
  std::string code;
  soci::statement st = (sql.prepare << "SELECT s.phase_code FROM phase_steps s JOIN arrangements a "
                                       "ON a.id = s.arrangement_id WHERE a.phase_model_id = :m "
                                       "UNION SELECT s.from_phase FROM phase_steps s JOIN arrangements a "
                                       "ON a.id = s.arrangement_id WHERE a.phase_model_id = :m2 "
                                       "AND s.from_phase <> ''",
                        soci::use(phase_model_id), soci::use(phase_model_id), soci::into(code));
  st.execute();
  while (st.fetch())
    out.push_back(code);
  return out;
}

bool update_phase_model(soci::session& sql, const domain::PhaseModel& model, int expected_version,
                        const std::string& updated_by, const std::string& now) {
  const std::string body = phase_model_body(model);
  soci::statement st =
      (sql.prepare << "UPDATE phase_models SET name = :n, source = :s, body = :b, "
                      "version = version + 1, updated_by = :u, updated_at = :now "
                      "WHERE id = :id AND version = :v",
       soci::use(model.name), soci::use(model.source), soci::use(body), soci::use(updated_by), soci::use(now),
       soci::use(model.id), soci::use(expected_version));
  return affected_one(st);
}

// ---- provisions ----------------------------------------------------------------------------------

void insert_provision(soci::session& sql, const domain::Provision& p, const std::string& created_by,
                      const std::string& now) {
  const std::string body = provision_body(p);
  const std::string start = iso(p.start);
  const std::string end = iso(p.end);
  sql << "INSERT INTO provisions (id, name, template_code, enrolling_school_id, phase_model_id, capacity, "
         "start_date, end_date, body, version, created_by, created_at, updated_at) VALUES (:id, :n, :t, :s, "
         "NULLIF(:m, ''), :c, :st, NULLIF(:e, ''), :b, :v, :cb, :now, :now2)",
      soci::use(p.id), soci::use(p.name), soci::use(p.template_code), soci::use(p.enrolling_school_id),
      soci::use(p.phase_model_id), soci::use(p.capacity), soci::use(start), soci::use(end), soci::use(body),
      soci::use(p.version), soci::use(created_by), soci::use(now), soci::use(now);
  write_members(sql, p);
}

std::optional<domain::Provision> find_provision(soci::session& sql, const std::string& id) {
  std::optional<domain::Provision> found;
  for_each_row<ProvisionRow>(sql, std::string(kProvisionSelect) + "WHERE id = :k0", {id},
                             [&](const ProvisionRow& row) { found = row.take(); });
  if (found) load_members(sql, *found);
  return found;
}

std::vector<domain::Provision> list_provisions(soci::session& sql) {
  std::vector<domain::Provision> out;
  for_each_row<ProvisionRow>(sql, std::string(kProvisionSelect) + "ORDER BY name, id", {},
                             [&](const ProvisionRow& row) { out.push_back(row.take()); });
  for (auto& p : out)
    load_members(sql, p);
  return out;
}

bool update_provision(soci::session& sql, const domain::Provision& p, int expected_version,
                      const std::string& now) {
  const std::string body = provision_body(p);
  const std::string start = iso(p.start);
  const std::string end = iso(p.end);
  soci::statement st =
      (sql.prepare
           << "UPDATE provisions SET name = :n, template_code = :t, enrolling_school_id = :s, "
              "phase_model_id = NULLIF(:m, ''), capacity = :c, start_date = :st, end_date = NULLIF(:e, ''), "
              "body = :b, version = :nv, updated_at = :now WHERE id = :id AND version = :v",
       soci::use(p.name), soci::use(p.template_code), soci::use(p.enrolling_school_id),
       soci::use(p.phase_model_id), soci::use(p.capacity), soci::use(start), soci::use(end), soci::use(body),
       soci::use(p.version), soci::use(now), soci::use(p.id), soci::use(expected_version));
  if (!affected_one(st)) return false;
  write_members(sql, p);
  return true;
}

// ---- registrations -------------------------------------------------------------------------------

void insert_registration(soci::session& sql, const domain::Registration& r, const std::string& created_by,
                         const std::string& now) {
  const std::string body = registration_body(r);
  const std::string channel(domain::to_string(r.channel));
  const std::string status(domain::to_string(r.status));
  const std::string registered_on = iso(r.registered_on);
  const std::string placed_on = iso(r.placed_on);
  sql << "INSERT INTO registrations (id, pupil_id, provision_id, channel, status, registered_by, "
         "registered_on, "
         "placed_on, body, version, created_by, created_at, updated_at) VALUES (:id, :p, :pr, :c, :s, :rb, "
         ":ro, "
         "NULLIF(:po, ''), :b, :v, :cb, :now, :now2)",
      soci::use(r.id), soci::use(r.pupil_id), soci::use(r.provision_id), soci::use(channel),
      soci::use(status), soci::use(r.registered_by), soci::use(registered_on), soci::use(placed_on),
      soci::use(body), soci::use(r.version), soci::use(created_by), soci::use(now), soci::use(now);
}

std::optional<domain::Registration> find_registration(soci::session& sql, const std::string& id) {
  auto found = registrations_where(sql, "WHERE id = :k0", {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<domain::Registration> list_registrations_of_provision(soci::session& sql,
                                                                  const std::string& provision_id) {
  return registrations_where(sql, "WHERE provision_id = :k0 ORDER BY registered_on, created_at, id",
                             {provision_id});
}

std::vector<domain::Registration> list_open_registrations(soci::session& sql) {
  return registrations_where(sql,
                             "WHERE status IN ('registered','in_observation','decided','on_waiting_list') "
                             "ORDER BY registered_on, id",
                             {});
}

bool update_registration(soci::session& sql, const domain::Registration& r, int expected_version,
                         const std::string& now) {
  const std::string body = registration_body(r);
  const std::string status(domain::to_string(r.status));
  const std::string placed_on = iso(r.placed_on);
  soci::statement st =
      (sql.prepare << "UPDATE registrations SET status = :s, placed_on = NULLIF(:po, ''), body = :b, "
                      "version = :nv, updated_at = :now WHERE id = :id AND version = :v",
       soci::use(status), soci::use(placed_on), soci::use(body), soci::use(r.version), soci::use(now),
       soci::use(r.id), soci::use(expected_version));
  return affected_one(st);
}

// ---- arrangements --------------------------------------------------------------------------------

void insert_arrangement(soci::session& sql, const domain::Arrangement& a, const std::string& created_by,
                        const std::string& now) {
  const std::string body = arrangement_body(a);
  const std::string route(domain::to_string(a.route));
  const std::string status(domain::to_string(a.status));
  const std::string unit(domain::to_string(a.cadence.unit));
  const std::string start = iso(a.start);
  const std::string end = iso(a.end);
  sql << "INSERT INTO arrangements (id, route, template_code, pupil_id, provision_id, enrolling_school_id, "
         "home_school_id, coordinator_id, phase_model_id, start_date, end_date, status, opp_id, "
         "cadence_unit, "
         "cadence_every, body, version, created_by, created_at, updated_at) VALUES (:id, :r, :t, :p, "
         "NULLIF(:pr, ''), :es, :hs, NULLIF(:co, ''), NULLIF(:m, ''), :st, :en, :s, :o, :cu, :ce, :b, :v, "
         ":cb, "
         ":now, :now2)",
      soci::use(a.id), soci::use(route), soci::use(a.template_code), soci::use(a.pupil_id),
      soci::use(a.provision_id), soci::use(a.enrolling_school_id), soci::use(a.home_school_id),
      soci::use(a.coordinator_id), soci::use(a.phase_model_id), soci::use(start), soci::use(end),
      soci::use(status), soci::use(a.opp_id), soci::use(unit), soci::use(a.cadence.every), soci::use(body),
      soci::use(a.version), soci::use(created_by), soci::use(now), soci::use(now);
  for (const auto& e : a.extensions)
    insert_extension(sql, a.id, e, created_by, now);
}

std::optional<domain::Arrangement> find_arrangement(soci::session& sql, const std::string& id) {
  auto found = arrangements_where(sql, "WHERE id = :k0", {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<domain::Arrangement> list_arrangements_of_pupil(soci::session& sql, const std::string& pupil_id) {
  return arrangements_where(sql, "WHERE pupil_id = :k0 ORDER BY start_date DESC, created_at DESC, id",
                            {pupil_id});
}

std::vector<domain::Arrangement> list_active_arrangements(soci::session& sql) {
  return arrangements_where(sql, "WHERE status = 'active' ORDER BY end_date, id", {});
}

std::vector<ProvisionPupilRow> list_provision_pupils(soci::session& sql, const std::string& provision_id) {
  std::vector<ProvisionPupilRow> out;
  ProvisionPupilRow r;
  // The pupil's current arrangement in this provision: the earliest that has not ended (as the
  // arrangement list orders them); its phase: the last step of its history.
  soci::statement st =
      (sql.prepare << "SELECT p.id, p.given_name, p.family_name, p.school_pupil_number, COALESCE(a.id, ''), "
                      "COALESCE(a.status, ''), COALESCE((SELECT s.phase_code FROM phase_steps s "
                      "WHERE s.arrangement_id = a.id ORDER BY s.position DESC LIMIT 1), '') "
                      "FROM pupils p LEFT JOIN arrangements a ON a.id = (SELECT a2.id FROM arrangements a2 "
                      "WHERE a2.pupil_id = p.id AND a2.provision_id = :p1 AND a2.status <> 'ended' "
                      "ORDER BY a2.start_date, a2.id LIMIT 1) "
                      "WHERE p.id IN (SELECT pupil_id FROM provision_placements WHERE provision_id = :p2 "
                      "UNION SELECT pupil_id FROM provision_waiting_list WHERE provision_id = :p3 "
                      "UNION SELECT pupil_id FROM registrations WHERE provision_id = :p4)",
       soci::into(r.pupil_id), soci::into(r.given_name), soci::into(r.family_name),
       soci::into(r.school_pupil_number), soci::into(r.arrangement_id), soci::into(r.arrangement_status),
       soci::into(r.current_phase), soci::use(provision_id), soci::use(provision_id), soci::use(provision_id),
       soci::use(provision_id));
  st.execute();
  while (st.fetch())
    out.push_back(r);
  return out;
}

std::vector<domain::Arrangement> list_current_arrangements_of_provision(soci::session& sql,
                                                                        const std::string& provision_id) {
  return arrangements_where(sql, "WHERE provision_id = :k0 AND status <> 'ended' ORDER BY start_date, id",
                            {provision_id});
}

bool update_arrangement(soci::session& sql, const domain::Arrangement& a, int expected_version,
                        const std::string& now) {
  const std::string body = arrangement_body(a);
  const std::string status(domain::to_string(a.status));
  const std::string unit(domain::to_string(a.cadence.unit));
  const std::string start = iso(a.start);
  const std::string end = iso(a.end);
  soci::statement st =
      (sql.prepare
           << "UPDATE arrangements SET enrolling_school_id = :es, home_school_id = :hs, "
              "coordinator_id = NULLIF(:co, ''), phase_model_id = NULLIF(:m, ''), start_date = :st, "
              "end_date = :en, status = :s, opp_id = :o, cadence_unit = :cu, cadence_every = :ce, body = :b, "
              "version = :nv, updated_at = :now WHERE id = :id AND version = :v",
       soci::use(a.enrolling_school_id), soci::use(a.home_school_id), soci::use(a.coordinator_id),
       soci::use(a.phase_model_id), soci::use(start), soci::use(end), soci::use(status), soci::use(a.opp_id),
       soci::use(unit), soci::use(a.cadence.every), soci::use(body), soci::use(a.version), soci::use(now),
       soci::use(a.id), soci::use(expected_version));
  return affected_one(st);
}

void insert_extension(soci::session& sql, const std::string& arrangement_id, const domain::Extension& e,
                      const std::string& recorded_by, const std::string& recorded_at) {
  int position = 0;
  sql << "SELECT COUNT(*) FROM arrangement_extensions WHERE arrangement_id = :a", soci::use(arrangement_id),
      soci::into(position);
  const std::string id = core::new_uuid();
  const std::string previous = iso(e.previous_end);
  const std::string next = iso(e.new_end);
  const std::string decided_on = iso(e.decided_on);
  sql << "INSERT INTO arrangement_extensions (id, arrangement_id, position, previous_end, new_end, reason, "
         "decided_by, decided_on, recorded_by, recorded_at) VALUES (:id, :a, :n, :pe, :ne, :r, :db, :do, "
         ":rb, :ra)",
      soci::use(id), soci::use(arrangement_id), soci::use(position), soci::use(previous), soci::use(next),
      soci::use(e.reason), soci::use(e.decided_by), soci::use(decided_on), soci::use(recorded_by),
      soci::use(recorded_at);
}

int set_arrangement_opp(soci::session& sql, const std::string& pupil_id, const std::string& opp_id) {
  soci::statement st = (sql.prepare << "UPDATE arrangements SET opp_id = :o, version = version + 1 "
                                       "WHERE pupil_id = :p AND status <> 'ended' AND opp_id <> :o2",
                        soci::use(opp_id), soci::use(pupil_id), soci::use(opp_id));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

// ---- phase history -------------------------------------------------------------------------------

domain::PhaseHistory load_phase_history(soci::session& sql, const std::string& arrangement_id) {
  domain::PhaseHistory history;
  {
    std::string model;
    soci::indicator ind = soci::i_null;
    sql << "SELECT COALESCE(phase_model_id, '') FROM arrangements WHERE id = :a", soci::use(arrangement_id),
        soci::into(model, ind);
    if (sql.got_data() && ind == soci::i_ok) history.model_id = model;
  }
  std::string date, from, to, direction, reason, evaluation;
  soci::statement st =
      (sql.prepare << "SELECT date, from_phase, phase_code, direction, reason, "
                      "COALESCE(evaluation_id, '') FROM phase_steps WHERE arrangement_id = :a "
                      "ORDER BY position",
       soci::use(arrangement_id), soci::into(date), soci::into(from), soci::into(to), soci::into(direction),
       soci::into(reason), soci::into(evaluation));
  st.execute();
  while (st.fetch()) {
    history.steps.push_back({date_of(date), from, to,
                             domain::parse_step_direction(direction).value_or(domain::StepDirection::Forward),
                             reason, evaluation});
  }
  return history;
}

void insert_phase_step(soci::session& sql, const std::string& arrangement_id, const std::string& pupil_id,
                       const domain::PhaseStep& step, const std::string& recorded_by,
                       const std::string& recorded_at) {
  int position = 0;
  sql << "SELECT COUNT(*) FROM phase_steps WHERE arrangement_id = :a", soci::use(arrangement_id),
      soci::into(position);
  const std::string id = core::new_uuid();
  const std::string date = iso(step.date);
  const std::string direction(domain::to_string(step.direction));
  sql << "INSERT INTO phase_steps (id, arrangement_id, pupil_id, position, date, from_phase, phase_code, "
         "direction, reason, evaluation_id, recorded_by, recorded_at) VALUES (:id, :a, :p, :n, :d, :f, :t, "
         ":dir, "
         ":r, NULLIF(:e, ''), :rb, :ra)",
      soci::use(id), soci::use(arrangement_id), soci::use(pupil_id), soci::use(position), soci::use(date),
      soci::use(step.from_phase), soci::use(step.to_phase), soci::use(direction), soci::use(step.reason),
      soci::use(step.evaluation_id), soci::use(recorded_by), soci::use(recorded_at);
}

} // namespace eenplan::store
