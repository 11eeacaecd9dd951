// Roles and organisation kinds: the vocabulary the access policy decides on.
#pragma once

#include <optional>
#include <string_view>

namespace eenplan::domain {

/// What a person does; a user has exactly one role (memberships say where).
enum class Role {
  SwvAdmin,               // SWV-beheerder: organisations and accounts, no dossiers
  SwvConsultant,          // SWV-consulent, linked to a set of schools
  SchoolCoordinator,      // coördinator passend onderwijs of a school
  Teacher,                // mentor / leerkracht
  Orthopedagogue,         // orthopedagoog / gedragswetenschapper
  AttendanceOfficer,      // leerplichtambtenaar / RBL-consulent
  MunicipalityConsultant, // gemeenteconsulent (jeugdhulp, wijkteam)
  CareProvider,           // zorgaanbieder (jeugdhulp)
};

inline constexpr Role kAllRoles[] = {
    Role::SwvAdmin,       Role::SwvConsultant,     Role::SchoolCoordinator,      Role::Teacher,
    Role::Orthopedagogue, Role::AttendanceOfficer, Role::MunicipalityConsultant, Role::CareProvider,
};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

enum class OrganisationKind {
  Swv,
  School,
  Board,
  Municipality,
  CareProvider,
  AttendanceOffice, // leerplicht / RBL
  YouthTeam,        // CJG / wijkteam
};

std::string_view to_string(OrganisationKind kind);
std::optional<OrganisationKind> parse_organisation_kind(std::string_view text);

enum class SchoolType { Bao, Sbo, So, Vso, Vo, Pro, Mbo };

std::string_view to_string(SchoolType type);
std::optional<SchoolType> parse_school_type(std::string_view text);

} // namespace eenplan::domain
