// Refusals of the education-care trajectory rules (arrangements, phases, OPP, evaluations).
//
// Every refusal is a RuleViolation with a stable kebab-case code (the contract the API and UI
// rely on), a Dutch message that is safe to show, the field it is about (JSON-style path, e.g.
// "goals[1].measure", empty when it is about the whole resource) and a ProblemKind that tells the
// API layer which problem+json status to answer: InvalidInput → 400 with the field in `errors`,
// Conflict → 409 (the request is fine but the state of the resource forbids it, e.g. a full
// provision), StaleVersion → 412. The domain does not know HTTP; the kind is the mapping key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace eenplan::domain {

enum class TrajectoryRule {
  // versions
  StaleVersion,
  // arrangement period and life cycle
  EndBeforeStart,
  EndDateBeyondOneYear,
  ReturnPlanRequired,
  HomeSchoolRequired,
  EnrollingSchoolRequired,
  ProviderRequired,
  ArrangementNotDraft,
  ArrangementNotActive,
  ExtensionReasonRequired,
  ExtensionDecisionRequired,
  ExtensionNotLater,
  ExtensionBeyondOneYear,
  EndingBeforeStart,
  EndingReasonRequired,
  EvaluationCadenceInvalid,
  EvaluationCadenceTooLong,
  // route 1
  RouteOneStepsIncomplete,
  ParentsNotInvolved,
  A4PlanIncomplete,
  CarePlanRequired,
  TlvRequired,
  TlvNotValid,
  // financing
  EducationMoneyTransfer,
  FinancingAmountInvalid,
  FinancingPeriodInvalid,
  SchoolFundingNotAvailable,
  // provisions, registration, placement
  ProvisionTooSmall,
  TargetGroupRequired,
  UnknownSupportNeed,
  ProvisionFull,
  AlreadyPlaced,
  AlreadyOnWaitingList,
  NotOnWaitingList,
  NotPlaced,
  WaitingListEmpty,
  RegistrationClosed,
  ObservationPeriodInvalid,
  JointDecisionIncomplete,
  DecisionReasoningRequired,
  AdmissionDecisionRequired,
  AdmissionRefused,
  TaskOwnerRequired,
  HomeVisitBeforeIntake,
  WithdrawalReasonRequired,
  WithdrawalBeforeRegistration,
  // phases and schedules
  PhaseModelInvalid,
  PhaseInUse,
  PhaseOfOtherModel,
  PhaseUnchanged,
  PhaseChangeReasonRequired,
  PhaseChangeNeedsEvaluation,
  PhaseChangeBeforePrevious,
  PhaseHistoryNotStarted,
  PlaceNotAllowedInPhase,
  ScheduleHoursInvalid,
  // OPP
  OppNotApplicable,
  OppAlreadySet,
  OppNotSet,
  ExitPerspectiveReasoningRequired,
  FactorsRequired,
  GoalsRequired,
  GoalTextTooVague,
  GoalMeasureRequired,
  GoalTargetDateInvalid,
  GoalOwnerRequired,
  ActionPartRequired,
  ParentAgreementRequired,
  PupilNotHeard,
  // evaluations
  EvaluationOfOtherArrangement,
  GoalOfOtherOpp,
  GoalEvaluatedTwice,
  EvaluationBeforeStart,
  NextEvaluationDateRequired,
  NextEvaluationBeyondCadence,
  ParentsNotInEvaluation,
  PhaseChangeDecisionRequired, // keep last: the table and all_trajectory_rules() count up to it
};

enum class ProblemKind { InvalidInput, Conflict, StaleVersion };

/// The stable kebab-case code, e.g. "end-date-beyond-one-year".
std::string_view code(TrajectoryRule rule);
/// The Dutch message for people, e.g. "De einddatum ligt meer dan een jaar na de startdatum …".
std::string_view dutch_message(TrajectoryRule rule);
ProblemKind kind_of(TrajectoryRule rule);
/// Every rule, in declaration order (to check the tables are complete and codes unique).
const std::vector<TrajectoryRule>& all_trajectory_rules();

struct RuleViolation {
  TrajectoryRule rule = TrajectoryRule::StaleVersion;
  std::string field;   // JSON-style path of the input it is about; empty: the whole resource
  std::string message; // Dutch; the rule's message, optionally with specifics appended

  std::string_view code() const { return domain::code(rule); }
  ProblemKind kind() const { return kind_of(rule); }
};

/// A violation with the rule's Dutch message, plus `specifics` (Dutch) when given.
RuleViolation violation(TrajectoryRule rule, std::string field = {}, std::string_view specifics = {});

/// A value or the rule it violates (the same shape as core::Result, with a domain error).
template <typename T> class [[nodiscard]] Checked {
public:
  Checked(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Checked(RuleViolation failure) : state_(std::in_place_index<1>, std::move(failure)) {}

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return std::get<0>(state_); }
  const T& operator*() const { return std::get<0>(state_); }
  T* operator->() { return &std::get<0>(state_); }
  const T* operator->() const { return &std::get<0>(state_); }
  const RuleViolation& error() const { return std::get<1>(state_); }

private:
  std::variant<T, RuleViolation> state_;
};

template <> class [[nodiscard]] Checked<void> {
public:
  Checked() = default;
  Checked(RuleViolation failure) : error_(std::move(failure)) {}
  bool has_value() const { return !error_.has_value(); }
  explicit operator bool() const { return has_value(); }
  const RuleViolation& error() const { return *error_; }

private:
  std::optional<RuleViolation> error_;
};

/// Optimistic concurrency: a change based on another version than the current one is refused
/// (stale-version) instead of silently overwriting someone else's work.
Checked<void> check_version(int current_version, int expected_version);

} // namespace eenplan::domain
