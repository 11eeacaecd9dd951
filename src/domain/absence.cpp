#include "domain/absence.hpp"

#include <array>
#include <utility>

namespace eenplan::domain {
namespace {

struct KindNames {
  AbsenceKind kind;
  std::string_view code;
  std::string_view dutch_word;
  std::string_view label;
};

constexpr std::array<KindNames, 5> kKindNames{{
    {AbsenceKind::Unauthorised, "unauthorised", "ongeoorloofd", "Ongeoorloofd"},
    {AbsenceKind::Sick, "sick", "ziek", "Ziek"},
    {AbsenceKind::Late, "late", "te laat", "Te laat"},
    {AbsenceKind::Removed, "removed", "verwijderd", "Verwijderd"},
    {AbsenceKind::Authorised, "authorised", "geoorloofd", "Geoorloofd"},
}};

} // namespace

std::string_view to_string(AbsenceKind kind) {
  for (const auto& names : kKindNames) {
    if (names.kind == kind) return names.code;
  }
  return "unknown";
}

std::string_view dutch_label(AbsenceKind kind) {
  for (const auto& names : kKindNames) {
    if (names.kind == kind) return names.label;
  }
  return "Onbekend";
}

std::optional<AbsenceKind> parse_absence_kind(std::string_view text) {
  for (const auto& names : kKindNames) {
    if (names.code == text || names.dutch_word == text) return names.kind;
  }
  return std::nullopt;
}

} // namespace eenplan::domain
