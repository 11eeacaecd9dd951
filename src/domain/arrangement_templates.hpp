// Templates for the known forms of arrangement (M8), each with the cadence, duration, capacity,
// staffing, places and phase model its seed describes. A region starts an arrangement or provision
// from a template and adjusts it; numbers a seed does not give are marked "unsourced" in the table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/arrangement.hpp"
#include "domain/phase_model.hpp"
#include "domain/provision.hpp"

namespace eenplan::domain {

struct ArrangementTemplate {
  std::string code;
  std::string name; // Dutch
  Route route = Route::Tailored;
  std::string source;          // seed and chapter
  std::string phase_model_id;  // empty: no phase model
  std::string start_phase;     // the usual first phase, when there is a model
  std::optional<int> capacity; // pupils at a time; nullopt: set by the region
  std::vector<StaffRole> staffing;
  std::vector<PlaceKind> places;
  EvaluationCadence cadence = kEachQuarter;
  int duration_months = 12;
  std::optional<int> max_hours_per_week;
  std::optional<int> visits_per_week;
  std::vector<std::string> decision_roles; // who decides jointly on a placement
  std::vector<std::string> target_group;   // support-need category codes
};

const std::vector<ArrangementTemplate>& arrangement_templates();
const ArrangementTemplate* find_arrangement_template(std::string_view code);

/// A draft arrangement from the template, starting on `start` and ending after the template's
/// duration (never more than a year: the arrangement rule).
Arrangement arrangement_from_template(const ArrangementTemplate& tpl, Date start);

/// A provision from a route-2 template (capacity 0 when the template leaves it to the region, which
/// validate_provision refuses until it is set).
Provision provision_from_template(const ArrangementTemplate& tpl, Date start);

} // namespace eenplan::domain
