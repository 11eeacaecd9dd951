// Phase models (fasenmodel): ordered phases of a setting, from "no school yet" towards a full
// school week. Configurable per setting (design.md: "configurable where regions differ"); the
// three models of the seeds ship as defaults.
//
// Why phases at all: pupils who sit at home or only get care cannot go back to a full week at once.
// The seeds build up in small steps, with care first and education growing (000 Fasenmodel, 001
// RENN4, 004 Team Ambulant), and steps back are normal ("soms blijkt fase 1 toch nog te spannend
// en gaat een leerling even terug naar fase 0", 001 RENN4).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/trajectory_error.hpp"

namespace eenplan::domain {

/// Where education or care happens (seed 001: "thuis, op de dagbesteding, de zorgboerderij of de
/// zorginstelling", Thuisdocent: "bij ons op kantoor").
enum class PlaceKind { Home, DayCare, CareFarm, CareInstitution, School, SwvOffice };
inline constexpr PlaceKind kAllPlaceKinds[] = {PlaceKind::Home,     PlaceKind::DayCare,
                                               PlaceKind::CareFarm, PlaceKind::CareInstitution,
                                               PlaceKind::School,   PlaceKind::SwvOffice};
/// "home" | "day_care" | "care_farm" | "care_institution" | "school" | "swv_office"
std::string_view to_string(PlaceKind place);
std::optional<PlaceKind> parse_place_kind(std::string_view text);
/// Thuis | Dagbesteding | Zorgboerderij | Zorginstelling | School | Kantoor samenwerkingsverband
std::string_view dutch_label(PlaceKind place);

struct Phase {
  std::string code; // unique within the model, e.g. "renn4-0"
  std::string name; // Dutch, e.g. "Fase 0 — ik-fase thuis"
  std::string description;
  /// Typical hours of education a week, as a range; 0..0 when the seed does not fix it.
  int typical_hours_min = 0;
  int typical_hours_max = 0;
  /// Share of care in the support offered, in percent, when the seed names it (Ambelt fase 2: 50%).
  std::optional<int> care_share_percent;
  /// Typical (maximum) duration in months when the model fixes one (Team Ambulant: 3).
  std::optional<int> typical_duration_months;
  std::vector<PlaceKind> allowed_places;

  bool allows(PlaceKind place) const;
};

struct PhaseModel {
  std::string id; // e.g. "ambelt"
  std::string name;
  std::string source;        // where the numbers come from (seed chapter)
  std::vector<Phase> phases; // ordered: index order is "forward"

  const Phase* find(std::string_view phase_code) const;
  /// Position in the order, nullopt when the phase is not in this model.
  std::optional<std::size_t> index_of(std::string_view phase_code) const;
};

/// At least one phase; per phase a unique non-empty code, a name, at least one allowed place,
/// 0 ≤ min ≤ max ≤ 40 hours, care share 0..100, duration > 0 when given (phase-model-invalid, with
/// the field of the first problem).
Checked<void> validate_phase_model(const PhaseModel& model);

/// A changed model keeps every phase that pupils' phase histories name (`codes_in_use`): the
/// history is append-only and must stay readable (phase-in-use, at the removed phase of `current`).
Checked<void> check_phases_in_use(const PhaseModel& current, const PhaseModel& changed,
                                  const std::vector<std::string>& codes_in_use);

inline constexpr std::string_view kAmbeltModelId = "ambelt";
inline constexpr std::string_view kRenn4ModelId = "renn4";
inline constexpr std::string_view kTeamAmbulantModelId = "team-ambulant";

/// De Ambelt's Fasenmodel (seed 000), fase 1 dagbesteding … fase 5.
const PhaseModel& ambelt_phase_model();
/// RENN4 maatwerktraject, phases 0–3 (seed 001, praktijkvoorbeeld 2).
const PhaseModel& renn4_phase_model();
/// Team Ambulant of the Gentiaan College: two phases of three months (seed 004).
const PhaseModel& team_ambulant_phase_model();
/// The shipped models, and lookup by id (nullptr when unknown).
const std::vector<PhaseModel>& default_phase_models();
const PhaseModel* find_default_phase_model(std::string_view id);

} // namespace eenplan::domain
