// Absence registration (verzuim): one absence is one pupil missing one lesson hour on one date.
//
// Pure: no I/O, no clock.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "domain/dates.hpp"

namespace eenplan::domain {

enum class AbsenceKind {
  Unauthorised, // ongeoorloofd
  Sick,         // ziek
  Late,         // te laat (one late arrival, counted as an event, not as a missed hour)
  Removed,      // verwijderd uit de les
  Authorised,   // geoorloofd (overig)
};
inline constexpr AbsenceKind kAllAbsenceKinds[] = {AbsenceKind::Unauthorised, AbsenceKind::Sick,
                                                   AbsenceKind::Late, AbsenceKind::Removed,
                                                   AbsenceKind::Authorised};

/// "unauthorised" | "sick" | "late" | "removed" | "authorised"
std::string_view to_string(AbsenceKind kind);
/// Ongeoorloofd | Ziek | Te laat | Verwijderd | Geoorloofd
std::string_view dutch_label(AbsenceKind kind);
/// Accepts the English codes (see to_string) and the Dutch CSV words `ongeoorloofd`, `ziek`,
/// `te laat`, `verwijderd`, `geoorloofd`. Exact, lower case, no surrounding whitespace.
std::optional<AbsenceKind> parse_absence_kind(std::string_view text);

/// Identifies one lesson hour of one pupil's school year: the date and the lesson hour (1-based).
struct AbsenceKey {
  Date date;
  int lesson_hour = 1;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the defaulted <=>
  friend constexpr auto operator<=>(const AbsenceKey&, const AbsenceKey&) = default;
  friend constexpr bool operator==(const AbsenceKey&, const AbsenceKey&) = default;
};

struct Absence {
  std::string pupil_id;
  Date date;
  int lesson_hour = 1; // 1..lesson hours per day of the school calendar
  AbsenceKind kind = AbsenceKind::Unauthorised;
  /// Explicitly marked as luxeverzuim (vakantie zonder verlof) by staff. Only meaningful for
  /// Unauthorised absences.
  bool marked_luxe = false;
};

inline AbsenceKey key_of(const Absence& absence) {
  return {absence.date, absence.lesson_hour};
}

} // namespace eenplan::domain
