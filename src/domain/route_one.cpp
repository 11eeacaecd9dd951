#include "domain/route_one.hpp"

#include <algorithm>

#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<RouteOneStep, 10> kStepCodes{{
    {RouteOneStep::Analysis, "analysis"},
    {RouteOneStep::ParentsInvolved, "parents_involved"},
    {RouteOneStep::Participants, "participants"},
    {RouteOneStep::Design, "design"},
    {RouteOneStep::A4Plan, "a4_plan"},
    {RouteOneStep::Opp, "opp"},
    {RouteOneStep::ExemptionConsidered, "exemption_considered"},
    {RouteOneStep::SpecialEducationTlv, "special_education_tlv"},
    {RouteOneStep::FinanceAgreements, "finance_agreements"},
    {RouteOneStep::ExtraFundsConsidered, "extra_funds_considered"},
}};

constexpr NameTable<ParticipantRole, 2> kParticipantRoleCodes{{
    {ParticipantRole::Executor, "executor"},
    {ParticipantRole::DecisionMaker, "decision_maker"},
}};

constexpr NameTable<ContributionArea, 3> kAreaCodes{{
    {ContributionArea::Education, "education"},
    {ContributionArea::Support, "support"},
    {ContributionArea::Parents, "parents"},
}};

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool has_role(const RouteOneWorkflow& workflow, ParticipantRole role) {
  return std::ranges::any_of(workflow.participants, [role](const Participant& p) { return p.role == role; });
}

bool a4_complete(const A4Plan& plan) {
  for (const ContributionArea area :
       {ContributionArea::Education, ContributionArea::Support, ContributionArea::Parents}) {
    const bool present = std::ranges::any_of(plan.contributions, [area](const Contribution& c) {
      return c.area == area && !is_blank(c.who) && !is_blank(c.what);
    });
    if (!present) return false;
  }
  return plan.agreed_on.has_value();
}

bool step_done(const RouteOneWorkflow& w, std::string_view opp_id, RouteOneStep step) {
  switch (step) {
  case RouteOneStep::Analysis: return !is_blank(w.analysis);
  case RouteOneStep::ParentsInvolved:
    return w.parents_involved_on.has_value() && !is_blank(w.parents_involvement);
  // "personen die een actieve rol als uitvoerder of beslisser kunnen spelen": both are needed.
  case RouteOneStep::Participants:
    return has_role(w, ParticipantRole::Executor) && has_role(w, ParticipantRole::DecisionMaker);
  case RouteOneStep::Design: return !is_blank(w.design);
  case RouteOneStep::A4Plan: return w.a4_plan.has_value() && a4_complete(*w.a4_plan);
  case RouteOneStep::Opp: return !is_blank(opp_id) && (!w.care_money_used || !is_blank(w.care_plan_id));
  case RouteOneStep::ExemptionConsidered:
    return w.exemption_needed.has_value() && w.compulsory_education_met.has_value();
  case RouteOneStep::SpecialEducationTlv:
    return w.special_education_enrolment_needed.has_value() &&
           (!*w.special_education_enrolment_needed || w.tlv);
  case RouteOneStep::FinanceAgreements: return !is_blank(w.finance_agreements);
  case RouteOneStep::ExtraFundsConsidered:
    return w.extra_funds_needed.has_value() && (!*w.extra_funds_needed || !w.extra_funds.empty());
  }
  return false;
}

} // namespace

std::string_view to_string(RouteOneStep step) {
  return name_in(kStepCodes, step);
}
std::optional<RouteOneStep> parse_route_one_step(std::string_view text) {
  return parse_in(kStepCodes, text);
}
std::string_view to_string(ParticipantRole role) {
  return name_in(kParticipantRoleCodes, role);
}
std::optional<ParticipantRole> parse_participant_role(std::string_view text) {
  return parse_in(kParticipantRoleCodes, text);
}
std::string_view to_string(ContributionArea area) {
  return name_in(kAreaCodes, area);
}
std::optional<ContributionArea> parse_contribution_area(std::string_view text) {
  return parse_in(kAreaCodes, text);
}

std::vector<RouteOneStep> open_steps(const RouteOneWorkflow& workflow, std::string_view opp_id) {
  std::vector<RouteOneStep> open;
  for (int i = 1; i <= 10; ++i) {
    const auto step = static_cast<RouteOneStep>(i);
    if (!step_done(workflow, opp_id, step)) open.push_back(step);
  }
  return open;
}

Checked<void> check_ready_to_start(const RouteOneWorkflow& workflow, Date start) {
  // Specific refusals first, so the user learns what exactly is missing.
  if (!step_done(workflow, {}, RouteOneStep::ParentsInvolved) || *workflow.parents_involved_on > start) {
    return violation(TrajectoryRule::ParentsNotInvolved, "workflow.parentsInvolvedOn");
  }
  if (workflow.a4_plan && !a4_complete(*workflow.a4_plan)) {
    return violation(TrajectoryRule::A4PlanIncomplete, "workflow.a4Plan");
  }
  if (workflow.special_education_enrolment_needed.value_or(false)) {
    if (!workflow.tlv) return violation(TrajectoryRule::TlvRequired, "workflow.tlv");
    if (start < workflow.tlv->valid_from || start > workflow.tlv->valid_until) {
      return violation(TrajectoryRule::TlvNotValid, "workflow.tlv");
    }
  }
  if (workflow.care_money_used && is_blank(workflow.care_plan_id)) {
    return violation(TrajectoryRule::CarePlanRequired, "workflow.carePlanId");
  }
  std::string open_list;
  for (const RouteOneStep step : open_steps(workflow, {})) {
    if (step == RouteOneStep::Opp) continue; // set within 6 weeks after placement
    if (!open_list.empty()) open_list += ", ";
    open_list += std::to_string(static_cast<int>(step));
  }
  if (!open_list.empty()) {
    return violation(TrajectoryRule::RouteOneStepsIncomplete, "workflow", "(Open: stap " + open_list + ".)");
  }
  return {};
}

} // namespace eenplan::domain
