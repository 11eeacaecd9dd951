// Word lists for the synthetic demo region: person names, places, schools, care providers.
// Everything here is fictional; any resemblance to a real school or person is coincidental.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace eenplan::demo::detail {

/// Given and family names of one background. Weights are relative, for pupils and for staff.
struct NameOrigin {
  std::string_view label;
  int pupil_weight;
  int staff_weight;
  std::span<const std::string_view> boys;
  std::span<const std::string_view> girls;
  std::span<const std::string_view> men;
  std::span<const std::string_view> women;
  std::span<const std::string_view> families;
  bool gendered_family; // Polish: Kowalski / Kowalska
};

std::span<const NameOrigin> name_origins();

/// The family name a woman or girl carries ("Kowalski" → "Kowalska" where the origin does that).
std::string family_for(const NameOrigin& origin, std::string_view family, bool female);

struct MunicipalityDef {
  std::string_view name;
  std::string_view slug;
  int postcode_low; // 4-digit postcode range, inclusive
  int postcode_high;
  int weight;                               // share of the region's pupils and schools
  std::span<const std::string_view> places; // first is the main town
  std::string_view youth_team;              // CJG / wijkteam name
};

std::span<const MunicipalityDef> municipalities();

std::span<const std::string_view> streets();
std::span<const std::string_view> password_words();

struct SchoolName {
  std::string_view name; // may contain "{plaats}" (the municipality's main town)
  std::string_view slug; // short ascii word for usernames
};

enum class Denomination { Openbaar, Christelijk, Katholiek };

std::span<const SchoolName> primary_school_names();             // "De Regenboog", ...
std::span<const SchoolName> denominational_names(Denomination); // "Sint Jozefschool", ...
std::span<const SchoolName> sbo_names();
std::span<const SchoolName> special_names(); // used as "SO ..." and "VSO ..."

struct VoSchoolName {
  std::string_view name;
  std::string_view slug;
  std::span<const std::string_view> levels;
};
std::span<const VoSchoolName> vo_school_names();
std::span<const SchoolName> pro_school_names();
std::span<const VoSchoolName> mbo_school_names();

struct CareProviderDef {
  std::string_view name;
  std::string_view slug;
  std::string_view location; // location name
};
std::span<const CareProviderDef> care_providers();

/// Lower-case ascii letters and digits only: "van der Meer" → "vandermeer", "Öztürk" → "ozturk".
std::string ascii_slug(std::string_view utf8);

} // namespace eenplan::demo::detail
