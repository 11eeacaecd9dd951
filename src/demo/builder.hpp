// Internal state shared by the parts of the demo generator (generator.cpp, pupils.cpp).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "demo/calendar.hpp"
#include "demo/names.hpp"
#include "demo/random.hpp"
#include "demo/region.hpp"

namespace eenplan::demo::detail {

inline constexpr std::string_view kSwvKey = "swv";
inline constexpr std::string_view kAttendanceOfficeKey = "attendance-01";

struct MunicipalityInfo {
  std::string key;
  const MunicipalityDef* def = nullptr;
  int attendance_officer = -1;      // account index
  int municipality_consultant = -1; // account index, -1 when the municipality has none
};

struct SchoolInfo {
  std::size_t org = 0; // index in region.organisations
  domain::SchoolType type = domain::SchoolType::Bao;
  int municipality = 0;
  int weight = 1;       // share of pupils
  int coordinator = -1; // account index
  int consultant = -1;  // account index
  std::vector<int> teachers;
  std::vector<int> orthopedagogues; // school-based orthopedagogues
  int pupil_count = 0;
  int enrolled_count = 0;
};

struct CareInfo {
  std::size_t org = 0;
  std::string_view slug; // for the username

  int account = -1;
  bool may_lead = true;
};

/// Extra facts about a pupil that the generator needs but the Region does not carry.
struct PupilInfo {
  int school = 0;
  int home_school = -1;
  int municipality = 0;
  int age = 0;
  bool female = false;
  bool other_home_language = false;
  std::string parents = "ouders";
  bool parents_plural = true;
};

inline bool primary_type(domain::SchoolType t) {
  using domain::SchoolType;
  return t == SchoolType::Bao || t == SchoolType::Sbo || t == SchoolType::So;
}

inline bool special_type(domain::SchoolType t) {
  using domain::SchoolType;
  return t == SchoolType::Sbo || t == SchoolType::So || t == SchoolType::Vso || t == SchoolType::Pro;
}

struct PersonName {
  std::string given;
  std::string family;
  std::string display() const { return given + " " + family; }
};

struct Builder {
  explicit Builder(std::uint64_t seed) : rng(seed), secrets(rng.fork(99)) {}

  Rng rng;
  Rng secrets; // passwords only, so they do not shift other draws
  Date today;
  Region region;
  std::vector<MunicipalityInfo> municipalities;
  std::vector<SchoolInfo> schools;
  std::vector<CareInfo> care;
  std::vector<PupilInfo> pupil_info;

  int admin = -1;
  std::vector<int> consultants;
  std::vector<int> teachers;                            // account indices
  std::vector<int> teacher_school;                      // parallel to teachers: school index
  std::vector<int> orthopedagogues;                     // account indices
  std::vector<std::vector<int>> orthopedagogue_schools; // empty: works for the SWV (all schools)

  std::set<std::string> usernames;
  std::set<std::string> passwords;
  std::set<std::string> staff_families; // consultants, mentors, orthopedagogues

  Organisation& org(std::size_t i) { return region.organisations[i]; }
  const Organisation& school_org(int school) const {
    return region.organisations[schools[static_cast<std::size_t>(school)].org];
  }
  Account& account(int i) { return region.accounts[static_cast<std::size_t>(i)]; }
};

// organisations.cpp; school_slugs receives a short name per school, for usernames
void add_organisations(Builder& b, Rng& rng, std::vector<std::string>& school_slugs);

// generator.cpp
std::string make_postcode(Rng& rng, const MunicipalityDef& m);
std::string make_phone(Rng& rng);
int add_account(Builder& b, std::string username, std::string display_name, domain::Role role,
                std::vector<std::string> member_of);
PersonName staff_person(Rng& rng);
void add_teachers_and_orthopedagogues(Builder& b, Rng& rng);

// pupils.cpp
void add_pupils(Builder& b, int count, Rng& rng);

// case_teams.cpp
void add_case_teams(Builder& b, Rng& rng);

// homebound.cpp: year groups and levels, the thuiszitter register and the absence runs behind it
void add_year_groups(Builder& b, Rng& rng);
void add_homebound(Builder& b, Rng& rng);
// absences.cpp
void add_absences(Builder& b, Rng& rng);

} // namespace eenplan::demo::detail
