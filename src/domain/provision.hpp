// Route 2 provisions (voorzieningen): a standing group setting for at least 4 pupils with shared
// support needs (seed 001 "Maatwerk of voorziening": "minimaal 4 met gemeenschappelijke kenmerken of
// belemmeringen"), whose target group is written as support needed, "niet in ziektebeelden of
// typeringen" (seed 001 route 2 step 3).
//
// Capacity is never silently exceeded: admitting a pupil to a full provision puts them on the
// waiting list with a position; a direct placement in a full provision is refused (provision-full).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/arrangement.hpp"
#include "domain/dates.hpp"
#include "domain/financing.hpp"
#include "domain/phase_model.hpp"
#include "domain/trajectory_error.hpp"

namespace eenplan::domain {

inline constexpr int kMinProvisionGroupSize = 4;

struct WaitingListEntry {
  std::string pupil_id;
  std::string registration_id;
  Date since;
};

struct Provision {
  std::string id;
  int version = 1;
  std::string name;
  std::string template_code;
  std::vector<std::string> provider_organisation_ids;
  std::string enrolling_school_id;
  std::vector<std::string> target_group; // support-need category codes
  int capacity = 0;
  std::vector<std::string> placed_pupil_ids;
  std::vector<WaitingListEntry> waiting_list; // in order: position 1 first
  std::vector<StaffRole> staffing;
  std::string phase_model_id;
  std::vector<PlaceKind> places;
  Date start;
  std::optional<Date> end;
  std::vector<FinancingLine> financing;
  EvaluationCadence cadence = kEveryTenWeeks;
  /// Roles that decide jointly on a placement, e.g. {"cvb", "municipality"} (seed 000 Instroom).
  std::vector<std::string> decision_roles;

  int free_places() const;
  bool is_full() const { return free_places() <= 0; }
  bool is_placed(std::string_view pupil_id) const;
  /// 1-based position on the waiting list, nullopt when not on it.
  std::optional<int> waiting_position(std::string_view pupil_id) const;
};

/// capacity ≥ 4 (provision-too-small); a target group of known support needs
/// (target-group-required, unknown-support-need); a provider and the enrolling school; a positive
/// cadence; end after start when given; valid financing lines.
Checked<void> validate_provision(const Provision& provision);

enum class PlacementOutcome { Placed, OnWaitingList };

struct Placement {
  PlacementOutcome outcome = PlacementOutcome::Placed;
  int waiting_position = 0; // OnWaitingList only
};

/// Places the pupil when there is room, else appends them to the waiting list. Refused when the
/// pupil is already placed (already-placed) or waiting (already-on-waiting-list).
Checked<Placement> place_or_wait(Provision& provision, int expected_version, std::string_view pupil_id,
                                 std::string_view registration_id, Date date);

/// Places a pupil from the waiting list (not-on-waiting-list); refused when full (provision-full).
/// The pupils behind move up one position.
Checked<void> place_from_waiting_list(Provision& provision, int expected_version, std::string_view pupil_id);

/// The route-2 arrangement of a pupil placed in the provision on `start`: the provision's providers,
/// enrolling school, staffing, phase model, places and cadence; ending a year after the start or at
/// the provision's end, whichever is first. The stamschool is the pupil's own school of origin.
Arrangement arrangement_in_provision(const Provision& provision, std::string pupil_id,
                                     std::string home_school_id, Date start);

/// Takes the pupil off the waiting list (not-on-waiting-list); the pupils behind move up one
/// position.
Checked<void> leave_waiting_list(Provision& provision, int expected_version, std::string_view pupil_id);

/// Frees the pupil's place (not-placed), e.g. when their arrangement ends.
Checked<void> release_place(Provision& provision, int expected_version, std::string_view pupil_id);

} // namespace eenplan::domain
