// The synthetic demo region as plain data: generated deterministically from a seed,
// then written to the store by the `demo` command. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/roles.hpp"

namespace eenplan::demo {

struct Location {
  std::string name;
  std::string street;
  std::string house_number;
  std::string postcode; // "1234 AB"
  std::string city;
};

struct Organisation {
  std::string key; // stable within one generated region, e.g. "school-07"
  std::string name;
  domain::OrganisationKind kind;
  std::string brin;                              // schools only: 4 chars, e.g. "12AB"
  std::optional<domain::SchoolType> school_type; // schools only
  std::vector<std::string> levels;               // e.g. {"vmbo-b", "vmbo-k"}; schools only
  std::string board_key;                         // schools: key of their board
  std::string municipality_key;                  // schools, attendance offices, youth teams
  std::vector<Location> locations;
};

struct Account {
  std::string username; // lower case, no spaces
  std::string password; // >= 12 characters
  std::string display_name;
  domain::Role role;
  std::vector<std::string> member_of;      // organisation keys
  std::vector<std::string> linked_schools; // swv_consultant only: school keys
};

struct Guardian {
  std::string name;
  std::string relationship; // "moeder", "vader", "voogd", "pleegouder", ...
  std::string phone;
  std::string email;
};

struct CaseTeamMember {
  std::string username;
  std::string case_role; // Dutch, e.g. "mentor", "jeugdhulpverlener"
  bool is_case_lead = false;
};

struct SupportNeed {
  std::string category; // a code of the controlled vocabulary
  std::string description;
};

struct Factor {
  std::string kind; // "promoting" | "hindering"
  std::string area; // "pupil" | "family" | "school" | "environment"
  std::string description;
};

struct Note {
  std::string author_username;
  std::string kind; // "note" | "conversation" | "meeting" | "decision"
  std::string body;
  int days_ago = 0;
};

/// One registered absence: one lesson hour on one date (verzuim).
struct Absence {
  std::string date; // YYYY-MM-DD
  int lesson_hour = 1;
  std::string kind; // domain::to_string(AbsenceKind)
  bool marked_luxe = false;
};

struct Pupil {
  std::string given_name;
  std::string family_name;   // including prefix, e.g. "van den Berg"
  std::string date_of_birth; // YYYY-MM-DD
  std::string postcode;      // "1234 AB"
  std::string school_pupil_number;
  std::string status; // "enrolled" | "not_enrolled" | "exempted" | "left"
  std::string enrolment_school_key;
  std::string home_school_key; // empty when the stamschool is the enrolment school
  std::string municipality_key;
  std::string load_capacity;
  std::string care_history;
  std::vector<Guardian> guardians;
  std::vector<CaseTeamMember> case_team; // empty, or with exactly one case lead
  std::vector<SupportNeed> support_needs;
  std::vector<Factor> factors;
  std::vector<Note> notes;
  int year_group = 0;            // groep 1-8 (primary) or leerjaar 1-6 (secondary)
  std::string level;             // the school's level ("havo", "vmbo-k", ...) or the school type in primary
  std::vector<Absence> absences; // this school year up to today, for a share of the pupils
};

// ---- thuiszitter register (homebound.cpp) -------------------------------------------------------

struct HomeboundEscalation {
  std::string forum;        // "placement_meeting" | "taskforce"
  std::string escalated_on; // YYYY-MM-DD
  std::string escalated_by; // username
  std::string outcome;
  std::string binding_decision; // taskforce only
};

struct HomeboundCase {
  std::size_t pupil = 0; // index in Region::pupils
  std::string category;  // domain codes, see domain/homebound.hpp
  std::string exemption_kind;
  std::string first_day;
  std::string source = "manual";
  std::string offer = "none";
  std::string offer_note;
  std::string contact_name;
  std::string review_on;
  std::string state = "open";
  std::string closed_on, close_reason, close_note;
  std::string registered_by; // username
  std::vector<HomeboundEscalation> escalations;
};

/// One unauthorised lesson hour: the absence runs the register detects candidates in.
struct HomeboundAbsence {
  std::size_t pupil = 0;
  std::string date;
  int lesson_hour = 1;
  std::string recorded_by; // username
};

struct Region {
  std::string name; // e.g. "Samenwerkingsverband Passend Onderwijs IJsseldelta"
  std::string code; // e.g. "SWV 23-05"
  std::vector<Organisation> organisations;
  std::vector<Account> accounts;
  std::vector<Pupil> pupils;
  std::vector<HomeboundCase> homebound_cases;
  std::vector<HomeboundAbsence> homebound_absences;
  /// The date (YYYY-MM-DD) the region was generated for: its absences run up to it.
  std::string today;
};

/// Same seed, count and today → byte-identical region.
Region generate(std::uint64_t seed, int pupil_count, std::string_view today_iso);

} // namespace eenplan::demo
