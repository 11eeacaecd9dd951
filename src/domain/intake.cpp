#include "domain/intake.hpp"

#include <algorithm>
#include <utility>

#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<RegistrationChannel, 2> kChannelCodes{{
    {RegistrationChannel::Internal, "internal"},
    {RegistrationChannel::External, "external"},
}};

constexpr NameTable<RegistrationStatus, 7> kStatusCodes{{
    {RegistrationStatus::Registered, "registered"},
    {RegistrationStatus::InObservation, "in_observation"},
    {RegistrationStatus::Decided, "decided"},
    {RegistrationStatus::OnWaitingList, "on_waiting_list"},
    {RegistrationStatus::Placed, "placed"},
    {RegistrationStatus::Refused, "refused"},
    {RegistrationStatus::Withdrawn, "withdrawn"},
}};

constexpr NameTable<IntakeTaskKind, 2> kTaskCodes{{
    {IntakeTaskKind::Intake, "intake"},
    {IntakeTaskKind::HomeVisit, "home_visit"},
}};

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool has_owner(const IntakeTask& task) {
  return std::ranges::any_of(task.owner_ids, [](const std::string& id) { return !is_blank(id); });
}

} // namespace

bool is_closed(const Registration& registration) {
  return registration.status == RegistrationStatus::Placed ||
         registration.status == RegistrationStatus::Refused ||
         registration.status == RegistrationStatus::Withdrawn;
}

std::string_view to_string(RegistrationChannel channel) {
  return name_in(kChannelCodes, channel);
}
std::string_view to_string(RegistrationStatus status) {
  return name_in(kStatusCodes, status);
}
std::string_view to_string(IntakeTaskKind kind) {
  return name_in(kTaskCodes, kind);
}
std::optional<RegistrationChannel> parse_registration_channel(std::string_view text) {
  return parse_in(kChannelCodes, text);
}
std::optional<RegistrationStatus> parse_registration_status(std::string_view text) {
  return parse_in(kStatusCodes, text);
}
std::optional<IntakeTaskKind> parse_intake_task_kind(std::string_view text) {
  return parse_in(kTaskCodes, text);
}

Checked<void> start_observation(Registration& registration, int expected_version, ObservationPeriod period) {
  if (auto version = check_version(registration.version, expected_version); !version) return version;
  if (is_closed(registration)) return violation(TrajectoryRule::RegistrationClosed);
  if (period.end <= period.start || period.start < registration.registered_on) {
    return violation(TrajectoryRule::ObservationPeriodInvalid, "end");
  }
  registration.observation = std::move(period);
  if (registration.status == RegistrationStatus::Registered)
    registration.status = RegistrationStatus::InObservation;
  ++registration.version;
  return {};
}

Checked<void> record_joint_decision(Registration& registration, int expected_version, JointDecision decision,
                                    const std::vector<std::string>& required_roles) {
  if (auto version = check_version(registration.version, expected_version); !version) return version;
  if (is_closed(registration)) return violation(TrajectoryRule::RegistrationClosed);
  std::string missing;
  for (const std::string& role : required_roles) {
    const bool present = std::ranges::any_of(decision.deciders, [&](const Decider& decider) {
      return decider.role == role && (!is_blank(decider.person_id) || !is_blank(decider.name));
    });
    if (!present) missing += (missing.empty() ? "" : ", ") + role;
  }
  if (!missing.empty() || decision.deciders.empty()) {
    const std::string specifics = missing.empty() ? std::string() : "(Ontbreekt: " + missing + ".)";
    return violation(TrajectoryRule::JointDecisionIncomplete, "deciders", specifics);
  }
  // A refusal closes the registration: the parents and the school are owed the reasons either way.
  if (is_blank(decision.reasoning)) return violation(TrajectoryRule::DecisionReasoningRequired, "reasoning");
  registration.status = decision.admit ? RegistrationStatus::Decided : RegistrationStatus::Refused;
  registration.decision = std::move(decision);
  ++registration.version;
  return {};
}

Checked<void> plan_intake_tasks(Registration& registration, int expected_version, IntakeTask intake,
                                IntakeTask home_visit) {
  if (auto version = check_version(registration.version, expected_version); !version) return version;
  if (!has_owner(intake)) return violation(TrajectoryRule::TaskOwnerRequired, "intake.ownerIds");
  if (!has_owner(home_visit)) return violation(TrajectoryRule::TaskOwnerRequired, "homeVisit.ownerIds");
  if (home_visit.due < intake.due) return violation(TrajectoryRule::HomeVisitBeforeIntake, "homeVisit.due");
  intake.kind = IntakeTaskKind::Intake;
  home_visit.kind = IntakeTaskKind::HomeVisit;
  std::erase_if(registration.tasks, [](const IntakeTask& task) { return !task.done_on; });
  registration.tasks.push_back(std::move(intake));
  registration.tasks.push_back(std::move(home_visit));
  ++registration.version;
  return {};
}

Checked<Placement> admit(Registration& registration, int registration_version, Provision& provision,
                         int provision_version, Date today) {
  if (auto version = check_version(registration.version, registration_version); !version)
    return version.error();
  if (registration.status == RegistrationStatus::Refused) return violation(TrajectoryRule::AdmissionRefused);
  if (is_closed(registration)) return violation(TrajectoryRule::RegistrationClosed);
  if (!registration.decision) return violation(TrajectoryRule::AdmissionDecisionRequired);
  auto placement = place_or_wait(provision, provision_version, registration.pupil_id, registration.id, today);
  if (!placement) return placement;
  if (placement->outcome == PlacementOutcome::Placed) {
    registration.status = RegistrationStatus::Placed;
    registration.placed_on = today;
  } else {
    registration.status = RegistrationStatus::OnWaitingList;
  }
  ++registration.version;
  return placement;
}

Checked<void> place_waiting_pupil(Registration& registration, int registration_version, Provision& provision,
                                  int provision_version, Date today) {
  if (auto version = check_version(registration.version, registration_version); !version) return version;
  if (registration.status != RegistrationStatus::OnWaitingList) {
    return violation(TrajectoryRule::NotOnWaitingList, "pupilId");
  }
  if (auto placed = place_from_waiting_list(provision, provision_version, registration.pupil_id); !placed) {
    return placed;
  }
  registration.status = RegistrationStatus::Placed;
  registration.placed_on = today;
  ++registration.version;
  return {};
}

Checked<void> withdraw_registration(Registration& registration, int registration_version,
                                    Provision& provision, int provision_version, Withdrawal withdrawal) {
  if (auto version = check_version(registration.version, registration_version); !version) return version;
  if (is_closed(registration)) return violation(TrajectoryRule::RegistrationClosed);
  if (is_blank(withdrawal.reason)) return violation(TrajectoryRule::WithdrawalReasonRequired, "reason");
  if (withdrawal.withdrawn_on < registration.registered_on)
    return violation(TrajectoryRule::WithdrawalBeforeRegistration, "withdrawnOn");
  if (registration.status == RegistrationStatus::OnWaitingList) {
    if (auto left = leave_waiting_list(provision, provision_version, registration.pupil_id); !left)
      return left;
  }
  registration.status = RegistrationStatus::Withdrawn;
  registration.withdrawal = std::move(withdrawal);
  ++registration.version;
  return {};
}

} // namespace eenplan::domain
