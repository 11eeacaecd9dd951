#include "domain/provision.hpp"

#include <algorithm>
#include <utility>

#include "domain/date_math.hpp"

#include "domain/pupil.hpp"

namespace eenplan::domain {
namespace {

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

int Provision::free_places() const {
  return capacity - static_cast<int>(placed_pupil_ids.size());
}

bool Provision::is_placed(std::string_view pupil_id) const {
  return std::ranges::find(placed_pupil_ids, pupil_id) != placed_pupil_ids.end();
}

std::optional<int> Provision::waiting_position(std::string_view pupil_id) const {
  for (std::size_t i = 0; i < waiting_list.size(); ++i) {
    if (waiting_list[i].pupil_id == pupil_id) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

Checked<void> validate_provision(const Provision& provision) {
  if (provision.capacity < kMinProvisionGroupSize) {
    return violation(TrajectoryRule::ProvisionTooSmall, "capacity");
  }
  if (provision.target_group.empty()) return violation(TrajectoryRule::TargetGroupRequired, "targetGroup");
  for (std::size_t i = 0; i < provision.target_group.size(); ++i) {
    if (!is_support_need_category(provision.target_group[i])) {
      return violation(TrajectoryRule::UnknownSupportNeed, "targetGroup[" + std::to_string(i) + "]");
    }
  }
  if (provision.provider_organisation_ids.empty()) {
    return violation(TrajectoryRule::ProviderRequired, "providerOrganisationIds");
  }
  if (is_blank(provision.enrolling_school_id)) {
    return violation(TrajectoryRule::EnrollingSchoolRequired, "enrollingSchoolId");
  }
  if (provision.cadence.every <= 0) return violation(TrajectoryRule::EvaluationCadenceInvalid, "cadence");
  if (provision.end && *provision.end <= provision.start)
    return violation(TrajectoryRule::EndBeforeStart, "end");
  for (std::size_t i = 0; i < provision.financing.size(); ++i) {
    if (auto line = validate_financing_line(provision.financing[i], "financing[" + std::to_string(i) + "]");
        !line) {
      return line;
    }
  }
  return {};
}

Arrangement arrangement_in_provision(const Provision& provision, std::string pupil_id,
                                     std::string home_school_id, Date start) {
  Arrangement arrangement;
  arrangement.route = Route::Provision;
  arrangement.template_code = provision.template_code;
  arrangement.pupil_id = std::move(pupil_id);
  arrangement.provision_id = provision.id;
  arrangement.provider_organisation_ids = provision.provider_organisation_ids;
  arrangement.enrolling_school_id = provision.enrolling_school_id;
  arrangement.home_school_id = std::move(home_school_id);
  arrangement.support_needs = provision.target_group;
  arrangement.staffing = provision.staffing;
  arrangement.phase_model_id = provision.phase_model_id;
  arrangement.places = provision.places;
  arrangement.cadence = provision.cadence;
  arrangement.start = start;
  arrangement.end = add_years(start, 1);
  if (provision.end && *provision.end < arrangement.end) arrangement.end = *provision.end;
  return arrangement;
}

Checked<Placement> place_or_wait(Provision& provision, int expected_version, std::string_view pupil_id,
                                 std::string_view registration_id, Date date) {
  if (auto version = check_version(provision.version, expected_version); !version) return version.error();
  if (provision.is_placed(pupil_id)) return violation(TrajectoryRule::AlreadyPlaced, "pupilId");
  if (provision.waiting_position(pupil_id)) return violation(TrajectoryRule::AlreadyOnWaitingList, "pupilId");
  ++provision.version;
  if (provision.is_full()) {
    provision.waiting_list.push_back({std::string(pupil_id), std::string(registration_id), date});
    return Placement{PlacementOutcome::OnWaitingList, static_cast<int>(provision.waiting_list.size())};
  }
  provision.placed_pupil_ids.emplace_back(pupil_id);
  return Placement{PlacementOutcome::Placed, 0};
}

Checked<void> place_from_waiting_list(Provision& provision, int expected_version, std::string_view pupil_id) {
  if (auto version = check_version(provision.version, expected_version); !version) return version;
  const auto it = std::ranges::find_if(
      provision.waiting_list, [&](const WaitingListEntry& entry) { return entry.pupil_id == pupil_id; });
  if (it == provision.waiting_list.end()) return violation(TrajectoryRule::NotOnWaitingList, "pupilId");
  if (provision.is_full()) return violation(TrajectoryRule::ProvisionFull, "pupilId");
  provision.waiting_list.erase(it);
  provision.placed_pupil_ids.emplace_back(pupil_id);
  ++provision.version;
  return {};
}

Checked<void> leave_waiting_list(Provision& provision, int expected_version, std::string_view pupil_id) {
  if (auto version = check_version(provision.version, expected_version); !version) return version;
  const auto removed = std::erase_if(
      provision.waiting_list, [&](const WaitingListEntry& entry) { return entry.pupil_id == pupil_id; });
  if (removed == 0) return violation(TrajectoryRule::NotOnWaitingList, "pupilId");
  ++provision.version;
  return {};
}

Checked<void> release_place(Provision& provision, int expected_version, std::string_view pupil_id) {
  if (auto version = check_version(provision.version, expected_version); !version) return version;
  const auto it = std::ranges::find(provision.placed_pupil_ids, pupil_id);
  if (it == provision.placed_pupil_ids.end()) return violation(TrajectoryRule::NotPlaced, "pupilId");
  provision.placed_pupil_ids.erase(it);
  ++provision.version;
  return {};
}

} // namespace eenplan::domain
