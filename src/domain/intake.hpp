// Aanmelding and instroom (M7), after seed 000 "Instroom": a pupil is registered internally (from
// the school's own SO location) or externally (other SO/SBO schools, consultants, wijkteam, CJG);
// often follows an observation period of some weeks in a phase-3 setting; placement is always a
// joint decision ("gezamenlijk oordeel tot plaatsing ... tussen gemeente en de commissie van
// begeleiding"); then an intake by the orthopedagoog and IB and a home visit by the teacher and
// the care specialist; the pupil starts "wanneer er geen wachtlijst is". For Docent op de Fiets the
// deciders are the SWV loket and the CvB (seed 001 "Toeleiding").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/provision.hpp"
#include "domain/trajectory_error.hpp"

namespace eenplan::domain {

enum class RegistrationChannel { Internal, External };
/// "internal" | "external"
std::string_view to_string(RegistrationChannel channel);
std::optional<RegistrationChannel> parse_registration_channel(std::string_view text);

enum class RegistrationStatus {
  Registered,
  InObservation,
  Decided,
  OnWaitingList,
  Placed,
  Refused,
  Withdrawn
};
/// "registered" | "in_observation" | "decided" | "on_waiting_list" | "placed" | "refused" | "withdrawn"
std::string_view to_string(RegistrationStatus status);
std::optional<RegistrationStatus> parse_registration_status(std::string_view text);

struct ObservationPeriod {
  Date start;
  Date end;
  std::string setting; // where the pupil is observed, e.g. the phase-3 class
};

/// One party to the joint decision, e.g. {"cvb", …} and {"municipality", …}. The CvB member or the
/// municipal official often has no account, so who decided is a user id or a name as written.
struct Decider {
  std::string role;
  std::string person_id;
  std::string name;
};

struct JointDecision {
  bool admit = false;
  Date decided_on;
  std::vector<Decider> deciders;
  std::string reasoning;
};

enum class IntakeTaskKind { Intake, HomeVisit };
/// "intake" | "home_visit"
std::string_view to_string(IntakeTaskKind kind);
std::optional<IntakeTaskKind> parse_intake_task_kind(std::string_view text);

struct IntakeTask {
  IntakeTaskKind kind = IntakeTaskKind::Intake;
  std::vector<std::string> owner_ids; // intake: orthopedagoog + IB; home visit: teacher + care specialist
  Date due;
  std::optional<Date> done_on;
};

/// Why and when a registration was withdrawn (intrekken): the parents withdraw, the pupil moves,
/// another place is found.
struct Withdrawal {
  Date withdrawn_on;
  std::string reason;
};

struct Registration {
  std::string id;
  int version = 1;
  std::string pupil_id;
  std::string provision_id;
  RegistrationChannel channel = RegistrationChannel::Internal;
  std::string registered_by; // organisation or person that registered the pupil
  Date registered_on;
  std::optional<ObservationPeriod> observation;
  std::optional<JointDecision> decision;
  std::vector<IntakeTask> tasks;
  RegistrationStatus status = RegistrationStatus::Registered;
  std::optional<Date> placed_on;
  std::optional<Withdrawal> withdrawal;
};

/// Placed, refused or withdrawn: no step applies any more.
bool is_closed(const Registration& registration);

/// Starts an observation period: end after start, not before the registration
/// (observation-period-invalid); only while the registration is open (registration-closed).
Checked<void> start_observation(Registration& registration, int expected_version, ObservationPeriod period);

/// Records the joint decision. Every role in `required_roles` (the provision's decision_roles)
/// must be among the deciders, each with a person id or a name (joint-decision-incomplete), with
/// the reasoning (decision-reasoning-required). A refusal closes the
/// registration (status Refused).
Checked<void> record_joint_decision(Registration& registration, int expected_version, JointDecision decision,
                                    const std::vector<std::string>& required_roles);

/// Plans the intake and the home visit as tasks with owners (task-owner-required); the home visit
/// follows the intake (home-visit-before-intake).
Checked<void> plan_intake_tasks(Registration& registration, int expected_version, IntakeTask intake,
                                IntakeTask home_visit);

/// After a positive joint decision (admission-decision-required, admission-refused), places the
/// pupil in the provision or puts them on its waiting list (never beyond capacity).
Checked<Placement> admit(Registration& registration, int registration_version, Provision& provision,
                         int provision_version, Date today);

/// A pupil on the waiting list gets the free place: status Placed (provision-full when there is
/// none; not-on-waiting-list when they are not waiting).
Checked<void> place_waiting_pupil(Registration& registration, int registration_version, Provision& provision,
                                  int provision_version, Date today);

/// Withdraws an open registration (registration-closed once placed, refused or withdrawn) with a
/// reason (withdrawal-reason-required) on a date not before the registration
/// (withdrawal-before-registration). A waiting pupil leaves the waiting list and the pupils behind
/// move up; `provision` changes only then.
Checked<void> withdraw_registration(Registration& registration, int registration_version,
                                    Provision& provision, int provision_version, Withdrawal withdrawal);

} // namespace eenplan::domain
