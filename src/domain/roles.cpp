#include "domain/roles.hpp"

#include <array>
#include <utility>

namespace eenplan::domain {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "unknown";
}

constexpr std::array<std::pair<Role, std::string_view>, 8> kRoleNames{{
    {Role::SwvAdmin, "swv_admin"},
    {Role::SwvConsultant, "swv_consultant"},
    {Role::SchoolCoordinator, "school_coordinator"},
    {Role::Teacher, "teacher"},
    {Role::Orthopedagogue, "orthopedagogue"},
    {Role::AttendanceOfficer, "attendance_officer"},
    {Role::MunicipalityConsultant, "municipality_consultant"},
    {Role::CareProvider, "care_provider"},
}};

constexpr std::array<std::pair<OrganisationKind, std::string_view>, 7> kKindNames{{
    {OrganisationKind::Swv, "swv"},
    {OrganisationKind::School, "school"},
    {OrganisationKind::Board, "board"},
    {OrganisationKind::Municipality, "municipality"},
    {OrganisationKind::CareProvider, "care_provider"},
    {OrganisationKind::AttendanceOffice, "attendance_office"},
    {OrganisationKind::YouthTeam, "youth_team"},
}};

constexpr std::array<std::pair<SchoolType, std::string_view>, 7> kSchoolTypeNames{{
    {SchoolType::Bao, "bao"},
    {SchoolType::Sbo, "sbo"},
    {SchoolType::So, "so"},
    {SchoolType::Vso, "vso"},
    {SchoolType::Vo, "vo"},
    {SchoolType::Pro, "pro"},
    {SchoolType::Mbo, "mbo"},
}};

} // namespace

std::string_view to_string(Role role) {
  return name_of(kRoleNames, role);
}
std::optional<Role> parse_role(std::string_view text) {
  return lookup(kRoleNames, text);
}

std::string_view to_string(OrganisationKind kind) {
  return name_of(kKindNames, kind);
}
std::optional<OrganisationKind> parse_organisation_kind(std::string_view text) {
  return lookup(kKindNames, text);
}

std::string_view to_string(SchoolType type) {
  return name_of(kSchoolTypeNames, type);
}
std::optional<SchoolType> parse_school_type(std::string_view text) {
  return lookup(kSchoolTypeNames, text);
}

} // namespace eenplan::domain
