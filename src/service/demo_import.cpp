#include "service/demo_import.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <thread>

#include "core/ids.hpp"
#include "demo/plans.hpp"
#include "demo/support_routes.hpp"
#include "demo/trajectories.hpp"
#include "domain/dates.hpp"
#include "service/auth_service.hpp"
#include "service/signal_recorder.hpp"
#include "store/absence_store.hpp"
#include "store/account_store.hpp"
#include "store/homebound_store.hpp"
#include "store/organisation_store.hpp"
#include "store/plan_store.hpp"
#include "store/pupil_store.hpp"
#include "store/support_route_store.hpp"
#include "store/trajectory_store.hpp"

namespace eenplan::service {
namespace {

/// Deterministic ids: the same seed gives the same UUIDs, so demo links are stable.
class IdStream {
public:
  explicit IdStream(std::uint64_t seed) : state_(seed ^ 0x9E3779B97F4A7C15ULL) {}
  std::string next() {
    const auto a = step();
    const auto b = step();
    return core::uuid_from_bits(a, b);
  }

private:
  std::uint64_t step() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t state_;
};

std::string levels_text(const std::vector<std::string>& levels) {
  std::string out;
  for (const auto& l : levels)
    out += (out.empty() ? "" : ",") + l;
  return out;
}

/// argon2id is slow by design: hash the demo passwords on every core.
std::vector<std::string> hash_all(const std::vector<demo::Account>& accounts) {
  std::vector<std::string> hashes(accounts.size());
  const unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (std::size_t i = w; i < accounts.size(); i += workers) {
        hashes[i] = AuthService::hash_password(accounts[i].password);
      }
    });
  }
  for (auto& t : threads)
    t.join();
  return hashes;
}

/// The trajectory demo (demo/trajectories.cpp): provisions with placed and waiting pupils, open
/// registrations and maatwerk arrangements. Its own id stream, like the support routes.
void import_trajectories(soci::session& sql, const demo::Region& region,
                         const std::vector<std::string>& pupil_ids,
                         const std::map<std::string, std::string>& org_ids,
                         const std::map<std::string, std::string>& user_ids, std::uint64_t seed,
                         core::Instant now) {
  const auto plan = demo::trajectories(region, core::local_date_iso(now));
  IdStream ids(seed ^ 0x7A1EC7025ULL);
  const std::string at = core::format_instant(now);
  const auto org = [&](const std::string& key) { return key.empty() ? key : org_ids.at(key); };
  const auto orgs = [&](std::vector<std::string> keys) {
    for (auto& k : keys)
      k = org(k);
    return keys;
  };
  const auto add_arrangement = [&](demo::DemoArrangement a, const std::string& provision_id) {
    auto& arr = a.arrangement;
    arr.id = ids.next();
    arr.pupil_id = pupil_ids.at(a.pupil);
    arr.provision_id = provision_id;
    arr.enrolling_school_id = org(arr.enrolling_school_id);
    arr.home_school_id = org(arr.home_school_id);
    arr.provider_organisation_ids = orgs(arr.provider_organisation_ids);
    if (arr.return_plan) arr.return_plan->receiving_school_id = org(arr.return_plan->receiving_school_id);
    const std::string& coordinator = user_ids.at(arr.coordinator_id);
    arr.coordinator_id = coordinator;
    for (auto& p : arr.workflow.participants) {
      if (auto it = user_ids.find(p.person_id); it != user_ids.end()) p.person_id = it->second;
      p.organisation_id = org(p.organisation_id);
    }
    store::insert_arrangement(sql, arr, coordinator, at);
    for (auto step : a.steps) {
      if (!step.evaluation_id.empty()) step.evaluation_id = ids.next();
      store::insert_phase_step(sql, arr.id, arr.pupil_id, step, coordinator, at);
    }
    return arr.pupil_id;
  };
  const auto add_registration = [&](demo::DemoRegistration r, const std::string& provision_id,
                                    const std::string& by) {
    r.registration.id = ids.next();
    r.registration.pupil_id = pupil_ids.at(r.pupil);
    r.registration.provision_id = provision_id;
    for (auto& t : r.registration.tasks) {
      for (auto& owner : t.owner_ids)
        owner = user_ids.at(owner);
    }
    store::insert_registration(sql, r.registration, by, at);
    return r.registration;
  };
  for (auto& d : plan.provisions) {
    auto p = d.provision;
    p.id = ids.next();
    p.enrolling_school_id = org(p.enrolling_school_id);
    p.provider_organisation_ids = orgs(p.provider_organisation_ids);
    const std::string& by = user_ids.at(d.coordinator);
    store::insert_provision(sql, p, by, at);
    for (auto& a : d.placed)
      p.placed_pupil_ids.push_back(add_arrangement(a, p.id));
    for (auto& w : d.waiting) {
      const auto r = add_registration(w, p.id, by);
      p.waiting_list.push_back({r.pupil_id, r.id, r.decision ? r.decision->decided_on : r.registered_on});
    }
    for (auto& o : d.open)
      add_registration(o, p.id, by);
    store::update_provision(sql, p, p.version, at); // places and waiting list, same version
  }
  for (auto& a : plan.tailored)
    add_arrangement(a, "");
}

/// The plans of the trajectory demo's arrangements (demo/plans.cpp): one set OPP per pupil, the
/// evaluations behind the phase steps and since, and the weekly schedules. Read back from the
/// arrangements just imported, so the phase history and the evaluations agree.
void import_plans(soci::session& sql, std::uint64_t seed, core::Instant now) {
  IdStream ids(seed ^ 0x0BB5E7ULL);
  const std::string at = core::format_instant(now);
  const auto today = domain::parse_iso_date(core::local_date_iso(now)).value_or(domain::Date{});
  std::vector<std::string> arrangement_ids;
  {
    std::string id;
    soci::statement st =
        (sql.prepare << "SELECT id FROM arrangements WHERE status <> 'draft' ORDER BY id", soci::into(id));
    st.execute();
    while (st.fetch())
      arrangement_ids.push_back(id);
  }
  std::map<std::string, domain::Opp> opp_of_pupil;
  std::size_t n = 0;
  for (const auto& arrangement_id : arrangement_ids) {
    auto arrangement = store::find_arrangement(sql, arrangement_id);
    auto model = arrangement ? store::find_phase_model(sql, arrangement->phase_model_id) : std::nullopt;
    if (!arrangement || !model) continue;
    const auto history = store::load_phase_history(sql, arrangement_id);
    auto it = opp_of_pupil.find(arrangement->pupil_id);
    auto plan = demo::plan_for(*arrangement, history, *model, today, ++n % 4 == 0);
    if (it == opp_of_pupil.end()) {
      auto& opp = plan.opp;
      opp.id = ids.next();
      opp.pupil_id = arrangement->pupil_id;
      for (auto& g : opp.goals)
        g.id = ids.next();
      store::insert_opp(sql, opp, arrangement->coordinator_id, at);
      sql << "UPDATE opps SET first_set_on = :d WHERE id = :o", soci::use(domain::to_iso(*opp.set_on)),
          soci::use(opp.id);
      store::set_arrangement_opp(sql, opp.pupil_id, opp.id);
      it = opp_of_pupil.emplace(opp.pupil_id, opp).first;
    }
    const domain::Opp& opp = it->second;
    for (auto& e : plan.evaluations) {
      if (e.id.empty()) e.id = ids.next();
      e.opp_id = opp.id;
      e.goals.clear();
      for (const auto& g : opp.goals)
        e.goals.push_back({g.id, domain::GoalProgress::Progressing, "Gaat vooruit in kleine stappen."});
      store::insert_evaluation(sql, {e, arrangement->pupil_id, 1, arrangement->coordinator_id, "", at});
    }
    for (const auto& w : plan.schedules) {
      if (w.entries.empty()) continue;
      store::insert_schedule(sql, {ids.next(), arrangement_id, arrangement->pupil_id, w, "",
                                   arrangement->coordinator_id, "", at});
    }
  }
}

/// The support route demo (demo/support_routes.cpp): JES meetings and pupils at each stage. Its own id
/// stream, so the ids of everything else stay as they were.
void import_support_routes(soci::session& sql, const demo::Region& region,
                           const std::vector<std::string>& pupil_ids,
                           const std::map<std::string, std::string>& org_ids,
                           const std::map<std::string, std::string>& user_ids, std::uint64_t seed,
                           core::Instant now) {
  const auto plan = demo::support_routes(region, core::local_date_iso(now));
  IdStream ids(seed ^ 0x5ACE5EEDULL);
  const std::string at = core::format_instant(now);
  std::vector<std::string> meeting_ids;
  for (const auto& m : plan.meetings) {
    store::MeetingRecord rec{ids.next(),
                             org_ids.at(m.school_key),
                             "jes",
                             m.date,
                             m.location,
                             m.members,
                             user_ids.at(m.coordinator_username),
                             at,
                             1};
    store::insert_meeting(sql, rec);
    meeting_ids.push_back(rec.id);
  }
  for (const auto& r : plan.routes) {
    const std::string& pupil = pupil_ids.at(r.pupil);
    const std::string& recorder = user_ids.at(r.recorder_username);
    const std::string& coordinator = user_ids.at(r.coordinator_username);
    for (const auto& s : r.steps)
      store::insert_route_step(
          sql, {ids.next(), pupil, s.kind, s.date, s.description, s.performed_by, recorder, "", at});
    std::string concern_id;
    if (r.concern) {
      concern_id = ids.next();
      store::insert_concern(sql, {concern_id, pupil, r.concern->date, r.concern->question, r.concern->tried,
                                  "", "open", recorder, "", at, 1});
    }
    if (r.discussion && !concern_id.empty()) {
      store::DiscussionRecord d;
      d.id = ids.next();
      d.pupil_id = pupil;
      d.concern_id = concern_id;
      d.date = r.discussion->date;
      d.participants = r.discussion->participants;
      d.outcome = r.discussion->outcome;
      d.decision = r.discussion->decision;
      d.recorded_by = coordinator;
      d.recorded_at = at;
      for (const auto& a : r.discussion->actions)
        d.action_items.push_back({ids.next(), a.description, a.owner, a.due_on});
      store::insert_discussion(sql, d);
    }
    std::string jes_contact;
    for (const auto& c : r.contacts) {
      const std::string id = ids.next();
      store::insert_parent_contact(
          sql, {id, pupil, c.date, c.topic, c.method, c.informed_by, c.summary, recorder, "", at});
      if (c.topic == "jes") jes_contact = id;
    }
    if (r.referral && !jes_contact.empty()) {
      store::ReferralRecord ref;
      ref.id = ids.next();
      ref.pupil_id = pupil;
      ref.meeting_id = meeting_ids.at(r.referral->meeting);
      ref.reason = r.referral->reason;
      ref.question = r.referral->question;
      ref.parent_contact_id = jes_contact;
      ref.status = r.referral->outcome.empty() ? "planned" : "discussed";
      ref.outcome = r.referral->outcome;
      ref.referred_by = coordinator;
      ref.referred_at = ref.updated_at = at;
      store::insert_referral(sql, ref);
    }
  }
}

} // namespace

core::Result<DemoImportResult> import_demo_region(store::Database& db, const demo::Region& region,
                                                  std::uint64_t seed, core::Instant now) {
  store::Lease lease(db);
  auto& sql = lease.sql();
  if (store::first_region(sql)) {
    return core::fail(core::ErrorCode::BadRequest,
                      "De database bevat al een regio; de demo wordt alleen in een lege database gemaakt.");
  }
  const auto hashes = hash_all(region.accounts);
  IdStream ids(seed);
  const std::string at = core::format_instant(now);
  DemoImportResult result;
  store::Transaction tx(sql, db.dialect(), store::Transaction::Mode::Write);
  const store::RegionRecord reg{ids.next(), region.name, region.code};
  store::insert_region(sql, reg);

  std::map<std::string, std::string> org_ids;
  for (const auto& o : region.organisations)
    org_ids[o.key] = ids.next();
  // Boards and municipalities first: schools refer to them.
  auto rank = [](const demo::Organisation& o) { return o.kind == domain::OrganisationKind::School ? 1 : 0; };
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& o : region.organisations) {
      if (rank(o) != pass) continue;
      store::OrganisationRecord rec;
      rec.id = org_ids.at(o.key);
      rec.region_id = reg.id;
      rec.kind = std::string(domain::to_string(o.kind));
      rec.name = o.name;
      rec.brin = o.brin;
      rec.school_type = o.school_type ? std::string(domain::to_string(*o.school_type)) : "";
      rec.levels = levels_text(o.levels);
      rec.board_id = o.board_key.empty() ? "" : org_ids.at(o.board_key);
      rec.municipality_id = o.municipality_key.empty() ? "" : org_ids.at(o.municipality_key);
      store::insert_organisation(sql, rec, at);
      for (const auto& l : o.locations) {
        store::insert_location(sql,
                               {ids.next(), rec.id, l.name, l.street, l.house_number, l.postcode, l.city});
      }
      ++result.organisations;
    }
  }

  std::map<std::string, std::string> user_ids;
  for (std::size_t i = 0; i < region.accounts.size(); ++i) {
    const auto& a = region.accounts[i];
    store::UserRecord u{ids.next(),     reg.id,    a.username,
                        a.display_name, hashes[i], std::string(domain::to_string(a.role)),
                        false,          at};
    store::insert_user(sql, u);
    user_ids[a.username] = u.id;
    for (const auto& key : a.member_of)
      store::insert_membership(sql, u.id, org_ids.at(key), "member");
    for (const auto& key : a.linked_schools) {
      store::insert_membership(sql, u.id, org_ids.at(key), "linked");
    }
    ++result.accounts;
  }

  std::vector<std::string> pupil_ids; // by index in region.pupils
  pupil_ids.reserve(region.pupils.size());
  // Who registered the demo's absences: the coordinator of the pupil's school.
  std::map<std::string, std::string> coordinator_of;
  for (const auto& a : region.accounts) {
    if (a.role != domain::Role::SchoolCoordinator) continue;
    for (const auto& key : a.member_of)
      coordinator_of.emplace(key, user_ids.at(a.username));
  }
  std::vector<std::string> absent_pupils;

  for (const auto& p : region.pupils) {
    store::PupilRecord rec;
    rec.id = ids.next();
    pupil_ids.push_back(rec.id);
    rec.region_id = reg.id;
    rec.given_name = p.given_name;
    rec.family_name = p.family_name;
    rec.date_of_birth = p.date_of_birth;
    rec.postcode = p.postcode;
    rec.school_pupil_number = p.school_pupil_number;
    rec.status = p.status;
    rec.enrolment_school.id = org_ids.at(p.enrolment_school_key);
    rec.home_school.id = p.home_school_key.empty() ? "" : org_ids.at(p.home_school_key);
    rec.municipality.id = p.municipality_key.empty() ? "" : org_ids.at(p.municipality_key);
    rec.load_capacity = p.load_capacity;
    rec.care_history = p.care_history;
    rec.year_group = p.year_group;
    rec.level = p.level;
    rec.created_at = rec.updated_at = at;
    store::insert_pupil(sql, rec);
    std::vector<store::GuardianRecord> guardians;
    for (const auto& g : p.guardians)
      guardians.push_back({ids.next(), g.name, g.relationship, g.phone, g.email});
    store::replace_guardians(sql, rec.id, guardians);
    for (const auto& m : p.case_team) {
      store::CaseTeamRecord member;
      member.user_id = user_ids.at(m.username);
      member.case_role = m.case_role;
      member.is_case_lead = m.is_case_lead;
      store::insert_case_team_member(sql, rec.id, member, at);
    }
    std::vector<store::SupportNeedRecord> needs;
    for (const auto& n : p.support_needs)
      needs.push_back({ids.next(), n.category, n.description});
    store::replace_support_needs(sql, rec.id, needs);
    std::vector<store::FactorRecord> factors;
    for (const auto& f : p.factors)
      factors.push_back({ids.next(), f.kind, f.area, f.description});
    store::replace_factors(sql, rec.id, factors);
    for (const auto& n : p.notes) {
      const auto when = now - std::chrono::days(n.days_ago) - std::chrono::minutes(37 * (n.days_ago % 11));
      store::insert_note(sql, {ids.next(), rec.id, user_ids.at(n.author_username), "", n.kind, n.body,
                               core::format_instant(when)});
    }
    if (!p.absences.empty()) {
      const auto by = coordinator_of.find(p.enrolment_school_key);
      if (by != coordinator_of.end()) {
        // recorded_by is a constant of the inserter's statement: one inserter per pupil.
        store::AbsenceInserter inserter(sql, {0, by->second, at});
        const long long key = store::pupil_key(sql, rec.id);
        for (const auto& a : p.absences) {
          const auto kind = domain::parse_absence_kind(a.kind);
          if (!kind) throw std::logic_error("demo absence with unknown kind " + a.kind);
          inserter.add(key, a.date, a.lesson_hour, *kind, a.marked_luxe, "");
        }
        inserter.flush();
        absent_pupils.push_back(rec.id);
      }
    }
    ++result.pupils;
  }
  import_support_routes(sql, region, pupil_ids, org_ids, user_ids, seed, now);
  import_trajectories(sql, region, pupil_ids, org_ids, user_ids, seed, now);
  import_plans(sql, seed, now);

  // The thuiszitter register, and the absence runs its candidates are detected in.
  for (const auto& c : region.homebound_cases) {
    store::HomeboundCaseRecord rec;
    rec.id = ids.next();
    rec.region_id = reg.id;
    rec.pupil_id = pupil_ids.at(c.pupil);
    rec.category = c.category;
    rec.exemption_kind = c.exemption_kind;
    rec.first_day = c.first_day;
    rec.source = c.source;
    rec.offer = c.offer;
    rec.offer_note = c.offer_note;
    rec.contact_name = c.contact_name;
    rec.review_on = c.review_on;
    rec.state = c.state;
    rec.closed_on = c.closed_on;
    rec.close_reason = c.close_reason;
    rec.close_note = c.close_note;
    rec.registered_by = user_ids.at(c.registered_by);
    rec.closed_by = c.state == "open" ? "" : rec.registered_by;
    rec.registered_at = rec.updated_at = at;
    store::insert_homebound_case(sql, rec);
    for (const auto& e : c.escalations) {
      store::insert_homebound_escalation(sql, {ids.next(), rec.id, e.forum, e.escalated_on,
                                               user_ids.at(e.escalated_by), "", e.outcome, e.binding_decision,
                                               at});
    }
  }
  for (const auto& a : region.homebound_absences) {
    const std::string& pupil = pupil_ids.at(a.pupil);
    const std::string& by = user_ids.at(a.recorded_by);
    // Another part of the demo may have recorded the same hour: the first registration stands.
    store::AbsenceInserter inserter(sql, {0, by, at});
    inserter.add(store::pupil_key(sql, pupil), a.date, a.lesson_hour, domain::AbsenceKind::Unauthorised,
                 false, "");
    inserter.flush();
    absent_pupils.push_back(pupil);
  }
  // The protocol runs over the demo's absences as it would have on the day they were registered:
  // the signals and tasks are there when the region opens.
  std::sort(absent_pupils.begin(), absent_pupils.end());
  absent_pupils.erase(std::unique(absent_pupils.begin(), absent_pupils.end()), absent_pupils.end());
  if (const auto today = domain::parse_iso_date(region.today); today && !absent_pupils.empty()) {
    SignalRecorder recorder(sql, *today, now);
    for (const auto& id : absent_pupils)
      recorder.evaluate(id);
  }
  tx.commit();
  return result;
}

} // namespace eenplan::service
