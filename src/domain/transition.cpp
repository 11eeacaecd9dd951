#include "domain/transition.hpp"

#include "domain/date_math.hpp"
#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<DestinationKind, 12> kDestinationCodes{{
    {DestinationKind::ReturnToHomeSchool, "return_to_home_school"},
    {DestinationKind::RegularSoClass, "regular_so_class"},
    {DestinationKind::RegularVsoClass, "regular_vso_class"},
    {DestinationKind::OtherPhaseOrSetting, "other_phase_or_setting"},
    {DestinationKind::SpecialPrimary, "special_primary"},
    {DestinationKind::RegularPrimary, "regular_primary"},
    {DestinationKind::RegularSecondary, "regular_secondary"},
    {DestinationKind::Mbo, "mbo"},
    {DestinationKind::Work, "work"},
    {DestinationKind::ShelteredWork, "sheltered_work"},
    {DestinationKind::DayActivities, "day_activities"},
    {DestinationKind::Other, "other"},
}};
constexpr NameTable<DestinationKind, 12> kDestinationLabels{{
    {DestinationKind::ReturnToHomeSchool, "Terug naar de stamschool"},
    {DestinationKind::RegularSoClass, "Reguliere SO-klas"},
    {DestinationKind::RegularVsoClass, "Reguliere VSO-klas"},
    {DestinationKind::OtherPhaseOrSetting, "Andere fase of setting"},
    {DestinationKind::SpecialPrimary, "Speciaal (basis)onderwijs"},
    {DestinationKind::RegularPrimary, "Regulier basisonderwijs"},
    {DestinationKind::RegularSecondary, "Regulier voortgezet onderwijs"},
    {DestinationKind::Mbo, "MBO (entree)"},
    {DestinationKind::Work, "Arbeid (eventueel met loonkostensubsidie)"},
    {DestinationKind::ShelteredWork, "Beschut werk"},
    {DestinationKind::DayActivities, "Dagbesteding"},
    {DestinationKind::Other, "Anders"},
}};

} // namespace

std::string_view to_string(DestinationKind kind) {
  return name_in(kDestinationCodes, kind);
}
std::optional<DestinationKind> parse_destination_kind(std::string_view text) {
  return parse_in(kDestinationCodes, text);
}
std::string_view dutch_label(DestinationKind kind) {
  return name_in(kDestinationLabels, kind);
}

bool is_education_destination(DestinationKind kind) {
  switch (kind) {
  case DestinationKind::Work:
  case DestinationKind::ShelteredWork:
  case DestinationKind::DayActivities:
  case DestinationKind::Other: return false;
  default: return true;
  }
}

bool matches_perspective(const ExitPerspective& perspective, const Transition& transition) {
  return perspective.destination == transition.destination;
}

Date aftercare_until(const Transition& transition) {
  return add_years(transition.date, 2);
}

} // namespace eenplan::domain
