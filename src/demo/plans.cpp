#include "demo/plans.hpp"

#include <algorithm>

#include "domain/date_math.hpp"

namespace eenplan::demo {
namespace {

domain::WeeklySchedule week_for(const domain::Phase* phase, std::size_t index, domain::Date from) {
  domain::WeeklySchedule week{from, {}};
  if (!phase || phase->allowed_places.empty()) return week;
  const bool school = phase->allows(domain::PlaceKind::School) && index > 0;
  const domain::PlaceKind where = school ? domain::PlaceKind::School : phase->allowed_places.front();
  // The build-up: 2 hours a week at the start, then 2 more per phase, up to 20.
  const int hours = std::min(20, 2 + 2 * static_cast<int>(index));
  week.entries.push_back({where, domain::ActivityKind::Education, hours * 60});
  if (index < 2) week.entries.push_back({phase->allowed_places.front(), domain::ActivityKind::Care, 60});
  return week;
}

} // namespace

DemoPlan plan_for(const domain::Arrangement& arrangement, const domain::PhaseHistory& history,
                  const domain::PhaseModel& model, domain::Date today, bool overdue) {
  DemoPlan plan;
  auto& opp = plan.opp;
  const domain::Date set_on = std::min(domain::add_days(arrangement.start, 14), today);
  opp.status = domain::OppStatus::Set;
  opp.exit_perspective = {
      domain::DestinationKind::ReturnToHomeSchool,
      "Met een opbouw in uren en vakken is terugkeer naar de stamschool haalbaar; de leerling "
      "werkt graag en de ouders steunen het plan."};
  opp.support_needs = arrangement.support_needs;
  opp.factors = {{domain::FactorKind::Promoting, "Betrokken ouders en een goede band met de leerkracht."},
                 {domain::FactorKind::Hindering, "Angst in grote groepen na een lange periode thuis."}};
  opp.work_attitude = "Werkt geconcentreerd in een-op-een situaties; heeft structuur nodig.";
  opp.goals = {{"", domain::GoalArea::SocialEmotional,
                "Voelt zich veilig in de groep en vraagt om hulp als dat nodig is",
                "Vraagt minstens één keer per dag zelf om hulp", domain::add_days(set_on, 120), "mentor"},
               {"", domain::GoalArea::Didactic, "Werkt zelfstandig twintig minuten aan rekenen",
                "Drie weken achter elkaar volgens de weektaak", domain::add_days(set_on, 180), "leerkracht"}};
  opp.action_part = {"Les in een kleine setting met een vaste leerkracht en een zorgspecialist.",
                     "Alleen de kernvakken tot de leerling in fase 3 is.",
                     domain::ParentAgreement{"ouder/verzorger", domain::Signatory::Parent, set_on,
                                             domain::AgreementMethod::Signature}};
  opp.pupil_hearing = domain::PupilHearing{set_on, "Wil graag weer naar school, maar eerst rustig beginnen."};
  opp.set_on = set_on;
  opp.first_set_on = set_on;

  const std::vector<domain::EvaluationParticipant> people{{domain::EvaluationRole::Parent, "ouder/verzorger"},
                                                          {domain::EvaluationRole::Pupil, "leerling"},
                                                          {domain::EvaluationRole::School, "leerkracht"},
                                                          {domain::EvaluationRole::Care, "zorgspecialist"}};
  auto evaluation = [&](domain::Date held, domain::EvaluationDecision decision) {
    domain::Evaluation e;
    e.arrangement_id = arrangement.id;
    e.opp_id = arrangement.opp_id;
    e.held_on = held;
    e.participants = people;
    e.decision = decision;
    e.goals = {{"", domain::GoalProgress::Progressing, "Gaat vooruit in kleine stappen."}};
    e.next_date = domain::next_evaluation_date(arrangement.cadence, held);
    return e;
  };
  domain::Date last = arrangement.start;
  for (std::size_t i = 0; i < history.steps.size(); ++i) {
    const auto& step = history.steps[i];
    const auto index = model.index_of(step.to_phase).value_or(i);
    plan.schedules.push_back(week_for(model.find(step.to_phase), index, step.date));
    if (step.evaluation_id.empty()) continue;
    auto e = evaluation(step.date, domain::EvaluationDecision::ChangePhase);
    e.id = step.evaluation_id;
    e.new_phase = step.to_phase;
    e.reason =
        step.reason.empty() ? "Besloten in de evaluatie met ouders, leerling, zorg en school." : step.reason;
    plan.evaluations.push_back(std::move(e));
    last = step.date;
  }
  if (arrangement.status != domain::ArrangementStatus::Active) return plan;
  // Regular evaluations since the last step, each on its due date; an overdue one stops a period
  // early so its next date has passed.
  for (;;) {
    const domain::Date next = domain::next_evaluation_date(arrangement.cadence, last);
    const domain::Date stop = overdue ? domain::add_days(today, -domain::days_between(last, next)) : today;
    if (next > stop) break;
    plan.evaluations.push_back(evaluation(next, domain::EvaluationDecision::Continue));
    last = next;
  }
  return plan;
}

} // namespace eenplan::demo
