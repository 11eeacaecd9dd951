#include "demo/trajectories.hpp"

#include <algorithm>
#include <set>

#include "domain/arrangement_templates.hpp"
#include "domain/dates.hpp"
#include "domain/phase_model.hpp"

namespace eenplan::demo {
namespace {

using domain::Date;

struct Picker {
  const Region& region;
  std::set<std::size_t> used;

  /// The next enrolled pupil of `school_key` not used yet (any school when none is left there).
  std::optional<std::size_t> pupil_of(const std::string& school_key) {
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t i = 0; i < region.pupils.size(); ++i) {
        const auto& p = region.pupils[i];
        if (used.contains(i) || p.status != "enrolled") continue;
        if (pass == 0 && p.enrolment_school_key != school_key) continue;
        used.insert(i);
        return i;
      }
    }
    return std::nullopt;
  }
};

const Organisation* first_of(const Region& region, domain::OrganisationKind kind, std::size_t skip = 0) {
  for (const auto& o : region.organisations) {
    if (o.kind == kind && skip-- == 0) return &o;
  }
  return nullptr;
}

/// The consultant linked to the school, else the first consultant.
std::string consultant_of(const Region& region, const std::string& school_key) {
  std::string first;
  for (const auto& a : region.accounts) {
    if (a.role != domain::Role::SwvConsultant) continue;
    if (first.empty()) first = a.username;
    if (std::ranges::find(a.linked_schools, school_key) != a.linked_schools.end()) return a.username;
  }
  return first;
}

std::string home_school_of(const Pupil& p) {
  return p.home_school_key.empty() ? p.enrolment_school_key : p.home_school_key;
}

/// A history in `model` from `start`: the start phase, then every ~7 weeks a step, sometimes back.
std::vector<domain::PhaseStep> history(const domain::PhaseModel& model, std::size_t start_index, Date start,
                                       Date today, int variant) {
  domain::PhaseHistory h{model.id, {}};
  std::vector<domain::PhaseStep> steps;
  auto first = domain::start_phase(h, model, model.phases[start_index].code, start, "Plaatsing");
  if (!first) return steps;
  steps.push_back(*first);
  std::size_t index = start_index;
  Date date = start;
  for (int n = 0; n < 4; ++n) {
    date = domain::add_days(date, 49 + 7 * ((variant + n) % 3));
    if (today < date) break;
    const bool back = (variant + n) % 4 == 3 && index > 0;
    if (!back && index + 1 >= model.phases.size()) break;
    index = back ? index - 1 : index + 1;
    auto step = domain::change_phase(h, model, model.phases[index].code, date,
                                     back ? "Het bleek nog te spannend; even een stap terug."
                                          : "De doelen van deze fase zijn gehaald.",
                                     "evaluatie-" + std::to_string(variant) + "-" + std::to_string(n));
    if (!step) break;
    steps.push_back(*step);
    if ((variant + n) % 3 == 2) break; // not everyone moves on
  }
  return steps;
}

domain::ReturnPlan return_plan(const std::string& home_school_key) {
  return {domain::ReturnKind::ReturnToHomeSchool, home_school_key,
          "Stapsgewijze terugkeer: eerst een dagdeel per week op de stamschool met de vaste mentor, daarna "
          "opbouw naar een volledige week; de intern begeleider bereidt de klas voor."};
}

domain::Registration registration(Date registered, domain::RegistrationStatus status,
                                  const std::string& owner, int variant) {
  domain::Registration r;
  r.channel =
      variant % 2 == 0 ? domain::RegistrationChannel::External : domain::RegistrationChannel::Internal;
  r.registered_by = variant % 2 == 0 ? "Wijkteam" : "Eigen SO-locatie";
  r.registered_on = registered;
  r.status = status;
  using S = domain::RegistrationStatus;
  if (status != S::Registered) {
    r.observation =
        domain::ObservationPeriod{registered, domain::add_days(registered, 28), "Observatiegroep fase 3"};
  }
  if (status == S::Decided || status == S::OnWaitingList) {
    r.decision =
        domain::JointDecision{true,
                              domain::add_days(registered, 30),
                              {{"cvb", "", "Commissie van begeleiding"}, {"municipality", "", "Gemeente"}},
                              "Gezamenlijk oordeel: de voorziening past bij de ondersteuningsbehoefte."};
    r.tasks = {{domain::IntakeTaskKind::Intake, {owner}, domain::add_days(registered, 37), std::nullopt},
               {domain::IntakeTaskKind::HomeVisit, {owner}, domain::add_days(registered, 44), std::nullopt}};
  }
  return r;
}

} // namespace

DemoTrajectories trajectories(const Region& region, std::string_view today_iso) {
  DemoTrajectories out;
  const auto today = domain::parse_iso_date(today_iso);
  if (!today) return out;
  Picker picker{region, {}};
  for (const auto& c : region.homebound_cases)
    picker.used.insert(c.pupil); // thuiszitters get maatwerk below, not a provision place
  const auto* care = first_of(region, domain::OrganisationKind::CareProvider);
  std::vector<const Organisation*> schools;
  for (const auto& o : region.organisations) {
    if (o.kind == domain::OrganisationKind::School) schools.push_back(&o);
  }
  if (care == nullptr || schools.empty()) return out;
  // Special schools host the provisions when the region has them.
  std::stable_partition(schools.begin(), schools.end(), [](const Organisation* o) {
    return o->school_type == domain::SchoolType::So || o->school_type == domain::SchoolType::Vso;
  });

  struct Plan {
    const char* code;
    const char* name;
    int capacity, placed, waiting, open;
  };
  // The Koesterklas is full with a waiting list; the others have room.
  const Plan plans[] = {{"praktijkklas", "Praktijkklas De Ambelt", 6, 5, 0, 3},
                        {"koesterklas", "Koesterklas", 4, 4, 2, 1},
                        {"structuurgroep", "Structuurgroep", 9, 6, 0, 2},
                        {"onderwijs-in-behandelsetting", "Onderwijs in de behandelsetting", 5, 3, 0, 1}};
  const auto& ambelt = domain::ambelt_phase_model();
  int variant = 0;
  for (std::size_t k = 0; k < std::size(plans); ++k) {
    const auto& plan = plans[k];
    const auto* tpl = domain::find_arrangement_template(plan.code);
    if (tpl == nullptr) continue;
    const Organisation& school = *schools[k % schools.size()];
    DemoProvision d;
    d.provision = domain::provision_from_template(*tpl, domain::add_days(*today, -240));
    d.provision.name = std::string(plan.name) + " " + school.name;
    d.provision.enrolling_school_id = school.key;
    d.provision.provider_organisation_ids = {care->key};
    d.provision.capacity = plan.capacity;
    // A region may give a setting a phase model the template leaves open; the SO settings use De Ambelt's.
    if (d.provision.phase_model_id.empty()) d.provision.phase_model_id = ambelt.id;
    d.coordinator = consultant_of(region, school.key);
    const auto* model = domain::find_default_phase_model(d.provision.phase_model_id);
    std::size_t start_index = 0;
    if (model != nullptr && !tpl->start_phase.empty())
      start_index = model->index_of(tpl->start_phase).value_or(0);
    for (int i = 0; i < plan.placed; ++i, ++variant) {
      auto pupil = picker.pupil_of(school.key);
      if (!pupil) break;
      const Date start = domain::add_days(*today, -220 + 25 * i);
      DemoArrangement a{
          *pupil,
          domain::arrangement_in_provision(d.provision, "", home_school_of(region.pupils[*pupil]), start),
          {}};
      a.arrangement.status = domain::ArrangementStatus::Active;
      a.arrangement.coordinator_id = d.coordinator;
      a.arrangement.return_plan = return_plan(home_school_of(region.pupils[*pupil]));
      if (model != nullptr) a.steps = history(*model, start_index, start, *today, variant);
      d.placed.push_back(std::move(a));
    }
    for (int i = 0; i < plan.waiting; ++i, ++variant) {
      auto pupil = picker.pupil_of(school.key);
      if (!pupil) break;
      d.waiting.push_back(
          {*pupil, registration(domain::add_days(*today, -90 + 20 * i),
                                domain::RegistrationStatus::OnWaitingList, d.coordinator, variant)});
    }
    using S = domain::RegistrationStatus;
    const S stages[] = {S::Registered, S::InObservation, S::Decided};
    for (int i = 0; i < plan.open; ++i, ++variant) {
      auto pupil = picker.pupil_of(school.key);
      if (!pupil) break;
      d.open.push_back({*pupil, registration(domain::add_days(*today, -50 + 10 * i), stages[i % 3],
                                             d.coordinator, variant)});
    }
    out.provisions.push_back(std::move(d));
  }

  // Maatwerk for every other thuiszitter, at most six; the rest keep waiting for an offer.
  const char* tailored[] = {"renn4-maatwerktraject", "thuisdocent", "docent-op-de-fiets", "team-ambulant"};
  int made = 0;
  for (std::size_t i = 0; i < region.homebound_cases.size() && made < 6; i += 2) {
    const auto& c = region.homebound_cases[i];
    if (c.state != "open") continue;
    const auto& pupil = region.pupils[c.pupil];
    const auto* tpl = domain::find_arrangement_template(tailored[made % 4]);
    if (tpl == nullptr) continue;
    const Date start = domain::add_days(*today, -120 + 15 * made);
    DemoArrangement a{c.pupil, domain::arrangement_from_template(*tpl, start), {}};
    auto& arr = a.arrangement;
    arr.enrolling_school_id = pupil.enrolment_school_key;
    arr.home_school_id = home_school_of(pupil);
    arr.provider_organisation_ids = {care->key};
    arr.coordinator_id = consultant_of(region, pupil.enrolment_school_key);
    arr.return_plan = return_plan(arr.home_school_id);
    arr.workflow.analysis = "Thuiszitter; de basis- en extra ondersteuning van de school passen niet.";
    arr.workflow.parents_involved_on = domain::add_days(start, -30);
    arr.workflow.parents_involvement =
        "Ouders zitten bij elk overleg aan tafel en schrijven mee aan het plan.";
    arr.workflow.design = "Les thuis, opbouwend naar een dagdeel op school.";
    if (made % 2 == 0) {
      // Half of them are running; the others are still being prepared (route 1 in progress).
      arr.workflow.participants = {
          {arr.coordinator_id, care->key, domain::ParticipantRole::DecisionMaker},
          {"leerkracht", arr.enrolling_school_id, domain::ParticipantRole::Executor}};
      arr.workflow.a4_plan =
          domain::A4Plan{{{domain::ContributionArea::Education, "leerkracht", "2 uur les per week"},
                          {domain::ContributionArea::Support, "jeugdhulp", "begeleiding gezin"},
                          {domain::ContributionArea::Parents, "ouders", "rustige werkplek thuis"}},
                         domain::add_days(start, -7)};
      arr.workflow.exemption_needed = false;
      arr.workflow.compulsory_education_met = true;
      arr.workflow.special_education_enrolment_needed = false;
      arr.workflow.finance_agreements = "Onderwijs uit de middelen van de school; jeugdhulp via de gemeente.";
      arr.workflow.extra_funds_needed = false;
      arr.status = domain::ArrangementStatus::Active;
      if (const auto* model = domain::find_default_phase_model(arr.phase_model_id)) {
        const std::size_t index = model->index_of(tpl->start_phase).value_or(0);
        a.steps = history(*model, index, start, *today, made + 1);
      }
    }
    out.tailored.push_back(std::move(a));
    ++made;
  }
  return out;
}

} // namespace eenplan::demo
