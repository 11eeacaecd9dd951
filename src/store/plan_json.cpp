#include "store/plan_json.hpp"

namespace eenplan::store {

namespace json = boost::json;

namespace {

std::string str(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::optional<domain::Date> date_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return domain::parse_iso_date(std::string_view(v->get_string()));
}

const json::object* object_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_object() ? &v->get_object() : nullptr;
}

const json::array* array_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_array() ? &v->get_array() : nullptr;
}

} // namespace

json::value date_or_null(const std::optional<domain::Date>& date) {
  if (!date) return nullptr;
  return json::value(domain::to_iso(*date));
}

json::object goal_json(const domain::Goal& goal) {
  return json::object{
      {"id", goal.id},           {"area", domain::to_string(goal.area)},         {"text", goal.text},
      {"measure", goal.measure}, {"targetDate", date_or_null(goal.target_date)}, {"ownerId", goal.owner_id}};
}

json::object opp_content_json(const domain::Opp& opp) {
  json::array needs;
  for (const auto& n : opp.support_needs)
    needs.push_back(json::string(n));
  json::array factors;
  for (const auto& f : opp.factors)
    factors.push_back(json::object{{"kind", domain::to_string(f.kind)}, {"description", f.description}});
  json::array goals;
  for (const auto& g : opp.goals)
    goals.push_back(goal_json(g));
  json::value agreement = nullptr;
  if (const auto& a = opp.action_part.agreement) {
    agreement = json::object{{"givenBy", a->given_by},
                             {"signatory", domain::to_string(a->signatory)},
                             {"agreedOn", domain::to_iso(a->agreed_on)},
                             {"how", domain::to_string(a->how)}};
  }
  json::value hearing = nullptr;
  if (const auto& h = opp.pupil_hearing) {
    hearing = json::object{{"heardOn", domain::to_iso(h->heard_on)}, {"views", h->views}};
  }
  return json::object{
      {"exitPerspective", json::object{{"destination", domain::to_string(opp.exit_perspective.destination)},
                                       {"reasoning", opp.exit_perspective.reasoning}}},
      {"supportNeeds", std::move(needs)},
      {"factors", std::move(factors)},
      {"workAttitude", opp.work_attitude},
      {"goals", std::move(goals)},
      {"actionPart", json::object{{"supportOffered", opp.action_part.support_offered},
                                  {"programmeDeviations", opp.action_part.programme_deviations},
                                  {"agreement", std::move(agreement)}}},
      {"pupilHearing", std::move(hearing)}};
}

void read_opp_content(const json::object& o, domain::Opp& opp) {
  if (const auto* e = object_of(o, "exitPerspective")) {
    opp.exit_perspective.destination =
        domain::parse_destination_kind(str(*e, "destination")).value_or(domain::DestinationKind::Other);
    opp.exit_perspective.reasoning = str(*e, "reasoning");
  }
  opp.support_needs.clear();
  if (const auto* a = array_of(o, "supportNeeds")) {
    for (const auto& v : *a)
      if (v.is_string()) opp.support_needs.emplace_back(v.get_string());
  }
  opp.factors.clear();
  if (const auto* a = array_of(o, "factors")) {
    for (const auto& v : *a) {
      if (!v.is_object()) continue;
      const auto& f = v.get_object();
      opp.factors.push_back(
          {domain::parse_factor_kind(str(f, "kind")).value_or(domain::FactorKind::Promoting),
           str(f, "description")});
    }
  }
  opp.work_attitude = str(o, "workAttitude");
  opp.goals.clear();
  if (const auto* a = array_of(o, "goals")) {
    for (const auto& v : *a) {
      if (!v.is_object()) continue;
      const auto& g = v.get_object();
      opp.goals.push_back({str(g, "id"),
                           domain::parse_goal_area(str(g, "area")).value_or(domain::GoalArea::Didactic),
                           str(g, "text"), str(g, "measure"), date_of(g, "targetDate"), str(g, "ownerId")});
    }
  }
  opp.action_part = {};
  if (const auto* p = object_of(o, "actionPart")) {
    opp.action_part.support_offered = str(*p, "supportOffered");
    opp.action_part.programme_deviations = str(*p, "programmeDeviations");
    if (const auto* a = object_of(*p, "agreement")) {
      domain::ParentAgreement agreement;
      agreement.given_by = str(*a, "givenBy");
      agreement.signatory = domain::parse_signatory(str(*a, "signatory")).value_or(domain::Signatory::Parent);
      agreement.agreed_on = date_of(*a, "agreedOn").value_or(domain::Date{});
      agreement.how =
          domain::parse_agreement_method(str(*a, "how")).value_or(domain::AgreementMethod::Signature);
      opp.action_part.agreement = agreement;
    }
  }
  opp.pupil_hearing.reset();
  if (const auto* h = object_of(o, "pupilHearing")) {
    opp.pupil_hearing =
        domain::PupilHearing{date_of(*h, "heardOn").value_or(domain::Date{}), str(*h, "views")};
  }
}

json::array participants_json(const std::vector<domain::EvaluationParticipant>& participants) {
  json::array out;
  for (const auto& p : participants)
    out.push_back(json::object{{"role", domain::to_string(p.role)}, {"person", p.person}});
  return out;
}

std::vector<domain::EvaluationParticipant> read_participants(const json::array& a) {
  std::vector<domain::EvaluationParticipant> out;
  for (const auto& v : a) {
    if (!v.is_object()) continue;
    const auto& p = v.get_object();
    out.push_back({domain::parse_evaluation_role(str(p, "role")).value_or(domain::EvaluationRole::Other),
                   str(p, "person")});
  }
  return out;
}

json::array goal_evaluations_json(const std::vector<domain::GoalEvaluation>& goals) {
  json::array out;
  for (const auto& g : goals) {
    out.push_back(
        json::object{{"goalId", g.goal_id}, {"progress", domain::to_string(g.progress)}, {"note", g.note}});
  }
  return out;
}

std::vector<domain::GoalEvaluation> read_goal_evaluations(const json::array& a) {
  std::vector<domain::GoalEvaluation> out;
  for (const auto& v : a) {
    if (!v.is_object()) continue;
    const auto& g = v.get_object();
    out.push_back(
        {str(g, "goalId"),
         domain::parse_goal_progress(str(g, "progress")).value_or(domain::GoalProgress::Progressing),
         str(g, "note")});
  }
  return out;
}

json::array schedule_entries_json(const std::vector<domain::ScheduleEntry>& entries) {
  json::array out;
  for (const auto& e : entries) {
    out.push_back(json::object{{"place", domain::to_string(e.place)},
                               {"kind", domain::to_string(e.kind)},
                               {"minutesPerWeek", e.minutes_per_week}});
  }
  return out;
}

std::vector<domain::ScheduleEntry> read_schedule_entries(const json::array& a) {
  std::vector<domain::ScheduleEntry> out;
  for (const auto& v : a) {
    if (!v.is_object()) continue;
    const auto& e = v.get_object();
    int minutes = 0;
    if (const auto* m = e.if_contains("minutesPerWeek"); m && m->is_int64())
      minutes = static_cast<int>(m->get_int64());
    out.push_back({domain::parse_place_kind(str(e, "place")).value_or(domain::PlaceKind::Home),
                   domain::parse_activity_kind(str(e, "kind")).value_or(domain::ActivityKind::Education),
                   minutes});
  }
  return out;
}

} // namespace eenplan::store
