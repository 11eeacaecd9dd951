// Doorstroom and uitstroom (M11): the expected destination (exit perspective, part of the OPP)
// and the actual one (exit destination), recorded when a pupil moves on or an arrangement ends.
// Destinations from seed 000 "Doorstroom en uitstroom" (figures 2 and 3) and seed 001 (DOF:
// "terugkeer naar (een vorm van) onderwijs of een ander haalbaar uitstroomperspectief (zoals arbeid
// of een maatschappelijk project)").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/dates.hpp"

namespace eenplan::domain {

enum class DestinationKind {
  ReturnToHomeSchool,  // terug naar de stamschool
  RegularSoClass,      // reguliere SO-klas (Ambelt fase 4)
  RegularVsoClass,     // reguliere VSO-klas / vso-groep (RENN4 fase 3 → instroom)
  OtherPhaseOrSetting, // andere fase of setting (bijv. VSO fase 2/3)
  SpecialPrimary,      // speciaal (basis)onderwijs elders
  RegularPrimary,      // regulier basisonderwijs
  RegularSecondary,    // regulier VO
  Mbo,                 // MBO (entree)
  Work,                // arbeid (met loonkostensubsidie)
  ShelteredWork,       // beschut werk
  DayActivities,       // dagbesteding
  Other,
};
/// "return_to_home_school" | "regular_so_class" | "regular_vso_class" | "other_phase_or_setting" |
/// "special_primary" | "regular_primary" | "regular_secondary" | "mbo" | "work" | "sheltered_work" |
/// "day_activities" | "other"
std::string_view to_string(DestinationKind kind);
std::optional<DestinationKind> parse_destination_kind(std::string_view text);
std::string_view dutch_label(DestinationKind kind);

/// Education destinations: a recognised school (return or referral); the others leave education.
bool is_education_destination(DestinationKind kind);

/// Uitstroomperspectief: expected destination and its reasoning (onderbouwing).
struct ExitPerspective {
  DestinationKind destination = DestinationKind::RegularSoClass;
  std::string reasoning;
};

/// A recorded move: the actual destination (uitstroombestemming).
struct Transition {
  Date date;
  DestinationKind destination = DestinationKind::ReturnToHomeSchool;
  std::string destination_organisation_id; // the receiving school or organisation, when known
  std::string reason;
};

/// Whether the actual destination is the expected one (for the doorstroom indicators).
bool matches_perspective(const ExitPerspective& perspective, const Transition& transition);

/// Two years of aftercare after leaving (seed 002 ch12): the last day of follow-up.
Date aftercare_until(const Transition& transition);

} // namespace eenplan::domain
