#include "domain/opp.hpp"

#include <algorithm>

#include "domain/date_math.hpp"
#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<GoalArea, 4> kAreaCodes{{
    {GoalArea::Didactic, "didactic"},
    {GoalArea::SocialEmotional, "social_emotional"},
    {GoalArea::WorkAttitude, "work_attitude"},
    {GoalArea::SelfReliance, "self_reliance"},
}};

constexpr NameTable<AgreementMethod, 3> kMethodCodes{{
    {AgreementMethod::Signature, "signature"},
    {AgreementMethod::DigitalApproval, "digital_approval"},
    {AgreementMethod::RecordedConversation, "recorded_conversation"},
}};

constexpr NameTable<Signatory, 2> kSignatoryCodes{{
    {Signatory::Parent, "parent"},
    {Signatory::AdultPupil, "adult_pupil"},
}};

constexpr NameTable<OppStatus, 2> kStatusCodes{{
    {OppStatus::Draft, "draft"},
    {OppStatus::Set, "set"},
}};

constexpr int kAgeOfMajority = 18;

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool has_factor(const Opp& opp, FactorKind kind) {
  return std::ranges::any_of(
      opp.factors, [kind](const OppFactor& f) { return f.kind == kind && !is_blank(f.description); });
}

} // namespace

std::string_view to_string(GoalArea area) {
  return name_in(kAreaCodes, area);
}
std::optional<GoalArea> parse_goal_area(std::string_view text) {
  return parse_in(kAreaCodes, text);
}
std::string_view to_string(AgreementMethod method) {
  return name_in(kMethodCodes, method);
}
std::optional<AgreementMethod> parse_agreement_method(std::string_view text) {
  return parse_in(kMethodCodes, text);
}
std::string_view to_string(Signatory signatory) {
  return name_in(kSignatoryCodes, signatory);
}
std::optional<Signatory> parse_signatory(std::string_view text) {
  return parse_in(kSignatoryCodes, text);
}
std::string_view to_string(OppStatus status) {
  return name_in(kStatusCodes, status);
}
std::optional<OppStatus> parse_opp_status(std::string_view text) {
  return parse_in(kStatusCodes, text);
}

const Goal* Opp::find_goal(std::string_view goal_id) const {
  const auto it = std::ranges::find_if(goals, [&](const Goal& goal) { return goal.id == goal_id; });
  return it == goals.end() ? nullptr : &*it;
}

Checked<void> check_smart(const Goal& goal, Date today, const std::string& field) {
  const auto length = count_code_points(goal.text);
  if (is_blank(goal.text) || !length || *length < kMinGoalTextCodePoints) {
    return violation(TrajectoryRule::GoalTextTooVague, field + ".text");
  }
  if (is_blank(goal.measure)) return violation(TrajectoryRule::GoalMeasureRequired, field + ".measure");
  if (!goal.target_date || *goal.target_date <= today || *goal.target_date > add_years(today, 1)) {
    return violation(TrajectoryRule::GoalTargetDateInvalid, field + ".targetDate");
  }
  if (is_blank(goal.owner_id)) return violation(TrajectoryRule::GoalOwnerRequired, field + ".ownerId");
  return {};
}

bool opp_applies(SchoolType type) {
  return type != SchoolType::Mbo;
}

bool requires_action_part_agreement(SchoolType type) {
  return opp_applies(type);
}

Date opp_deadline(Date placement) {
  return add_days(placement, kOppDeadlineDays);
}

Checked<void> set_opp(Opp& opp, int expected_version, SchoolType school_type, Date today,
                      std::optional<Date> pupil_birth_date) {
  if (auto version = check_version(opp.version, expected_version); !version) return version;
  if (opp.status == OppStatus::Set) return violation(TrajectoryRule::OppAlreadySet);
  if (!opp_applies(school_type)) return violation(TrajectoryRule::OppNotApplicable, "schoolType");
  if (is_blank(opp.exit_perspective.reasoning)) {
    return violation(TrajectoryRule::ExitPerspectiveReasoningRequired, "exitPerspective.reasoning");
  }
  if (!has_factor(opp, FactorKind::Promoting) || !has_factor(opp, FactorKind::Hindering)) {
    return violation(TrajectoryRule::FactorsRequired, "factors");
  }
  if (opp.goals.empty()) return violation(TrajectoryRule::GoalsRequired, "goals");
  for (std::size_t i = 0; i < opp.goals.size(); ++i) {
    if (auto smart = check_smart(opp.goals[i], today, "goals[" + std::to_string(i) + "]"); !smart)
      return smart;
  }
  if (is_blank(opp.action_part.support_offered)) {
    return violation(TrajectoryRule::ActionPartRequired, "actionPart.supportOffered");
  }
  if (requires_action_part_agreement(school_type)) {
    const auto& agreement = opp.action_part.agreement;
    if (!agreement || is_blank(agreement->given_by) || agreement->agreed_on > today) {
      return violation(TrajectoryRule::ParentAgreementRequired, "actionPart.agreement");
    }
    if (agreement->signatory == Signatory::AdultPupil &&
        (!pupil_birth_date || age_on(*pupil_birth_date, agreement->agreed_on) < kAgeOfMajority)) {
      return violation(TrajectoryRule::ParentAgreementRequired, "actionPart.agreement.signatory",
                       "(Een leerling onder de 18 stemt niet zelf in; dat doen de ouders.)");
    }
  }
  if (today >= kPupilHearingRequiredFrom && (!opp.pupil_hearing || opp.pupil_hearing->heard_on > today)) {
    return violation(TrajectoryRule::PupilNotHeard, "pupilHearing");
  }
  opp.status = OppStatus::Set;
  opp.set_on = today;
  if (!opp.first_set_on) opp.first_set_on = today;
  ++opp.version;
  return {};
}

Checked<Opp> revise_opp(const Opp& current, int expected_version) {
  if (auto version = check_version(current.version, expected_version); !version) return version.error();
  if (current.status != OppStatus::Set) return violation(TrajectoryRule::OppNotSet);
  Opp next = current;
  ++next.version;
  ++next.revision;
  next.status = OppStatus::Draft;
  next.set_on.reset();
  next.action_part.agreement.reset();
  next.pupil_hearing.reset();
  return next;
}

} // namespace eenplan::domain
