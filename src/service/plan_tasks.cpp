#include "service/plan_tasks.hpp"

#include <algorithm>

#include "core/ids.hpp"
#include "service/pupil_access.hpp"
#include "store/plan_store.hpp"
#include "store/trajectory_store.hpp"

namespace eenplan::service {
namespace {

std::string_view kind_code(domain::DueKind kind) {
  switch (kind) {
  case domain::DueKind::Evaluation: return "evaluation_due";
  case domain::DueKind::OppToSet: return "opp_to_set";
  case domain::DueKind::ArrangementEnd: return "arrangement_end";
  case domain::DueKind::Intake: return "intake";
  case domain::DueKind::HomeVisit: return "home_visit";
  }
  return "evaluation_due";
}

std::string title_of(domain::DueKind kind) {
  switch (kind) {
  case domain::DueKind::Evaluation: return "Evaluatie van het arrangement";
  case domain::DueKind::OppToSet: return "OPP vaststellen (binnen 6 weken na de start)";
  case domain::DueKind::ArrangementEnd: return "Einde arrangement: terugkeer of vervolgplek regelen";
  case domain::DueKind::Intake: return "Intakegesprek";
  case domain::DueKind::HomeVisit: return "Huisbezoek";
  }
  return "Taak";
}

} // namespace

TrajectoryTasks TrajectoryTasks::load(soci::session& sql, const Principal& who, domain::Date today) {
  TrajectoryTasks out;
  out.owner_id_ = who.user_id;
  auto due_arrangements = store::list_due_arrangements(sql, who.user_id);
  std::vector<domain::Arrangement> arrangements;
  std::vector<domain::Evaluation> evaluations;
  std::vector<domain::Opp> opps;
  arrangements.reserve(due_arrangements.size());
  for (auto& r : due_arrangements) {
    out.pupils_[r.arrangement.pupil_id] = {
        std::move(r.pupil_display_name),
        {r.enrolment_school_id, r.home_school_id, r.municipality_id, r.on_case_team, r.case_lead}};
    if (r.latest) evaluations.push_back(*r.latest);
    if (r.opp_first_set_on) {
      domain::Opp opp;
      opp.id = r.arrangement.opp_id;
      opp.first_set_on = r.opp_first_set_on;
      opps.push_back(std::move(opp));
    }
    arrangements.push_back(std::move(r.arrangement));
  }
  std::vector<domain::Registration> registrations;
  for (auto& registration : store::list_open_registrations(sql)) {
    const bool mine = std::ranges::any_of(registration.tasks, [&](const domain::IntakeTask& t) {
      return !t.done_on && std::ranges::find(t.owner_ids, who.user_id) != t.owner_ids.end();
    });
    if (!mine) continue;
    if (!out.pupils_.contains(registration.pupil_id)) {
      auto at = visible_pupil(sql, who, registration.pupil_id, domain::Action::ViewPlan);
      if (!at) continue;
      out.pupils_[at->pupil.id] = {at->pupil.given_name + " " + at->pupil.family_name, at->relations};
    }
    registrations.push_back(std::move(registration));
  }

  const auto actor = who.actor();
  for (auto& item : domain::due_items(arrangements, evaluations, registrations, opps, today)) {
    if (item.owner_id != who.user_id) continue;
    const auto it = out.pupils_.find(item.pupil_id);
    if (it == out.pupils_.end()) continue;
    if (!domain::decide(actor, it->second.relations, domain::Action::ViewPlan).allowed) continue;
    std::string due_on = domain::to_iso(item.due);
    std::string created_at = due_on + "T00:00:00.000Z";
    out.items_.push_back({std::move(item), std::move(due_on), std::move(created_at), &it->second});
  }
  return out;
}

store::TaskRecord TrajectoryTasks::record(std::size_t i) const {
  const Item& item = items_[i];
  store::TaskRecord t;
  t.pupil_id = item.due.pupil_id;
  t.kind = std::string(kind_code(item.due.kind));
  t.title = title_of(item.due.kind);
  t.assignee_user_id = owner_id_;
  t.due_on = item.due_on;
  t.source_id = item.due.subject_id;
  t.created_at = item.created_at;
  t.pupil_display_name = item.pupil->display_name;
  t.enrolment_school_id = item.pupil->relations.enrolment_school_id;
  t.home_school_id = item.pupil->relations.home_school_id;
  t.municipality_id = item.pupil->relations.municipality_id;
  t.on_case_team = item.pupil->relations.actor_on_case_team;
  t.case_lead = item.pupil->relations.actor_is_case_lead;
  t.id = trajectory_task_id(t);
  return t;
}

std::string trajectory_task_id(const store::TaskRecord& t) {
  // UUID-shaped, derived from what the item is about (kind, subject, owner, date).
  const std::string h =
      core::sha256_hex(t.kind + "/" + t.source_id + "/" + t.assignee_user_id + "/" + t.due_on);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-5" + h.substr(13, 3) + "-a" + h.substr(17, 3) + "-" +
         h.substr(20, 12);
}

} // namespace eenplan::service
