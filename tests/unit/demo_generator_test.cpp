// Tests for the synthetic demo region (src/demo): determinism, shape, referential integrity and
// the case-team coverage that other tests (access policy, UI) rely on.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "demo/calendar.hpp"
#include "demo/random.hpp"
#include "demo/region.hpp"
#include "domain/case_team.hpp"
#include "domain/roles.hpp"

namespace {

using eenplan::demo::Account;
using eenplan::demo::Organisation;
using eenplan::demo::Pupil;
using eenplan::demo::Region;
using eenplan::domain::OrganisationKind;
using eenplan::domain::Role;
using eenplan::domain::SchoolType;
namespace detail = eenplan::demo::detail;

constexpr std::string_view kToday = "2025-03-14";

// Qualified on purpose: an unqualified call with a std::string_view argument would also find
// std::generate through argument-dependent lookup.
Region make_region(std::uint64_t seed, int pupils, std::string_view today = kToday) {
  return eenplan::demo::generate(seed, pupils, today);
}

// --- helpers -------------------------------------------------------------------------------------

// Small shape checks instead of std::regex (whose GCC 12 implementation trips -Werror under
// sanitizers). In `shape`: '9' any digit, '1' a digit 1-9, 'A' an upper-case ascii letter; other
// characters stand for themselves.
bool has_shape(std::string_view s, std::string_view shape) {
  if (s.size() != shape.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (shape[i]) {
    case '9':
      if (c < '0' || c > '9') return false;
      break;
    case '1':
      if (c < '1' || c > '9') return false;
      break;
    case 'A':
      if (c < 'A' || c > 'Z') return false;
      break;
    default:
      if (c != shape[i]) return false;
    }
  }
  return true;
}

bool only(std::string_view s, std::string_view allowed_extra, bool digits = true) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (digits && c >= '0' && c <= '9') ||
           allowed_extra.find(c) != std::string_view::npos;
  });
}

bool is_postcode(std::string_view s) {
  return has_shape(s, "1999 AA");
}
bool is_username(std::string_view s) {
  return only(s, ".");
}
bool is_pupil_number(std::string_view s) {
  return s.size() >= 5 && s.size() <= 7 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool is_email(std::string_view s) {
  constexpr std::string_view kDomain = "@voorbeeld.nl";
  return s.size() > kDomain.size() && s.ends_with(kDomain) &&
         only(s.substr(0, s.size() - kDomain.size()), "._");
}
bool is_capitalised_word(std::string_view w) {
  return w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' && only(w.substr(1), "", false);
}
/// "Appel-Wolk-4821"
bool is_password(std::string_view s) {
  const auto a = s.find('-');
  const auto b = s.find('-', a == std::string_view::npos ? a : a + 1);
  if (a == std::string_view::npos || b == std::string_view::npos) return false;
  return is_capitalised_word(s.substr(0, a)) && is_capitalised_word(s.substr(a + 1, b - a - 1)) &&
         has_shape(s.substr(b + 1), "9999");
}

void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

/// Every field of the region, length-prefixed, in order: equal strings mean equal regions.
std::string serialise(const Region& r) {
  std::string s;
  put(s, r.name);
  put(s, r.code);
  for (const auto& o : r.organisations) {
    put(s, o.key);
    put(s, o.name);
    put(s, eenplan::domain::to_string(o.kind));
    put(s, o.brin);
    put(s, o.school_type ? eenplan::domain::to_string(*o.school_type) : "-");
    for (const auto& l : o.levels)
      put(s, l);
    put(s, o.board_key);
    put(s, o.municipality_key);
    for (const auto& l : o.locations) {
      put(s, l.name);
      put(s, l.street);
      put(s, l.house_number);
      put(s, l.postcode);
      put(s, l.city);
    }
  }
  for (const auto& a : r.accounts) {
    put(s, a.username);
    put(s, a.password);
    put(s, a.display_name);
    put(s, eenplan::domain::to_string(a.role));
    for (const auto& m : a.member_of)
      put(s, m);
    for (const auto& m : a.linked_schools)
      put(s, m);
  }
  for (const auto& p : r.pupils) {
    for (const auto* f : {&p.given_name, &p.family_name, &p.date_of_birth, &p.postcode,
                          &p.school_pupil_number, &p.status, &p.enrolment_school_key, &p.home_school_key,
                          &p.municipality_key, &p.load_capacity, &p.care_history}) {
      put(s, *f);
    }
    for (const auto& g : p.guardians) {
      put(s, g.name);
      put(s, g.relationship);
      put(s, g.phone);
      put(s, g.email);
    }
    for (const auto& m : p.case_team) {
      put(s, m.username);
      put(s, m.case_role);
      put(s, m.is_case_lead ? "lead" : "-");
    }
    for (const auto& n : p.support_needs) {
      put(s, n.category);
      put(s, n.description);
    }
    for (const auto& f : p.factors) {
      put(s, f.kind);
      put(s, f.area);
      put(s, f.description);
    }
    for (const auto& n : p.notes) {
      put(s, n.author_username);
      put(s, n.kind);
      put(s, n.body);
      put(s, std::to_string(n.days_ago));
    }
  }
  return s;
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

struct Index {
  std::map<std::string, const Organisation*> orgs;
  std::map<std::string, const Account*> accounts;
  explicit Index(const Region& r) {
    for (const auto& o : r.organisations)
      orgs[o.key] = &o;
    for (const auto& a : r.accounts)
      accounts[a.username] = &a;
  }
};

std::vector<const Organisation*> of_kind(const Region& r, OrganisationKind kind) {
  std::vector<const Organisation*> out;
  for (const auto& o : r.organisations) {
    if (o.kind == kind) out.push_back(&o);
  }
  return out;
}

std::vector<const Account*> with_role(const Region& r, Role role) {
  std::vector<const Account*> out;
  for (const auto& a : r.accounts) {
    if (a.role == role) out.push_back(&a);
  }
  return out;
}

bool member(const Account& a, const std::string& org) {
  return std::find(a.member_of.begin(), a.member_of.end(), org) != a.member_of.end();
}

std::pair<int, int> age_range(SchoolType t) {
  switch (t) {
  case SchoolType::Bao: return {4, 12};
  case SchoolType::Sbo: return {4, 13};
  case SchoolType::So: return {4, 13};
  case SchoolType::Vso: return {12, 20};
  case SchoolType::Vo: return {12, 18};
  case SchoolType::Pro: return {12, 18};
  case SchoolType::Mbo: return {16, 20};
  }
  return {0, 0};
}

int case_teams_of(const Region& r, const std::string& username, bool* leads = nullptr) {
  int n = 0;
  if (leads) *leads = false;
  for (const auto& p : r.pupils) {
    for (const auto& m : p.case_team) {
      if (m.username != username) continue;
      ++n;
      if (leads && m.is_case_lead) *leads = true;
    }
  }
  return n;
}

/// The invariants that hold for every pupil count.
void expect_valid_region(const Region& r, int pupil_count, std::string_view today_iso = kToday) {
  const Index ix(r);

  EXPECT_EQ(static_cast<int>(r.pupils.size()), pupil_count);
  EXPECT_FALSE(r.name.empty());
  EXPECT_FALSE(r.code.empty());

  // organisations
  std::set<std::string> keys, brins;
  for (const auto& o : r.organisations) {
    EXPECT_TRUE(keys.insert(o.key).second) << "duplicate organisation key " << o.key;
    EXPECT_FALSE(o.name.empty());
    EXPECT_FALSE(o.locations.empty()) << o.key;
    for (const auto& l : o.locations) {
      EXPECT_TRUE(is_postcode(l.postcode)) << o.key << ": " << l.postcode;
      EXPECT_FALSE(l.street.empty());
      EXPECT_FALSE(l.house_number.empty());
      EXPECT_FALSE(l.city.empty());
    }
    if (o.kind == OrganisationKind::School) {
      EXPECT_TRUE(has_shape(o.brin, "99AA")) << o.brin;
      EXPECT_TRUE(brins.insert(o.brin).second) << "duplicate BRIN " << o.brin;
      ASSERT_TRUE(o.school_type.has_value());
      ASSERT_TRUE(ix.orgs.contains(o.board_key)) << o.key;
      EXPECT_EQ(ix.orgs.at(o.board_key)->kind, OrganisationKind::Board);
      ASSERT_TRUE(ix.orgs.contains(o.municipality_key)) << o.key;
      EXPECT_EQ(ix.orgs.at(o.municipality_key)->kind, OrganisationKind::Municipality);
      EXPECT_LE(o.locations.size(), 2u);
    } else {
      EXPECT_TRUE(o.brin.empty());
      EXPECT_FALSE(o.school_type.has_value());
    }
  }

  // accounts
  std::set<std::string> usernames, passwords;
  for (const auto& a : r.accounts) {
    EXPECT_TRUE(is_username(a.username)) << a.username;
    EXPECT_LE(a.username.size(), 32u) << a.username;
    EXPECT_TRUE(usernames.insert(a.username).second) << "duplicate username " << a.username;
    EXPECT_GE(a.password.size(), 12u) << a.username;
    EXPECT_TRUE(passwords.insert(a.password).second) << "duplicate password for " << a.username;
    EXPECT_NE(a.display_name.find(' '), std::string::npos) << a.display_name;
    EXPECT_FALSE(a.member_of.empty()) << a.username;
    for (const auto& m : a.member_of) {
      EXPECT_TRUE(ix.orgs.contains(m)) << a.username << " " << m;
    }
    if (a.role != Role::SwvConsultant) {
      EXPECT_TRUE(a.linked_schools.empty()) << a.username;
    }
  }

  // pupils
  std::map<std::string, std::set<std::string>> numbers_per_school;
  const auto today = *detail::parse_iso(today_iso);
  for (const auto& p : r.pupils) {
    EXPECT_FALSE(p.given_name.empty());
    EXPECT_FALSE(p.family_name.empty());
    EXPECT_TRUE(is_postcode(p.postcode)) << p.postcode;
    EXPECT_TRUE(is_pupil_number(p.school_pupil_number)) << p.school_pupil_number;
    EXPECT_TRUE(numbers_per_school[p.enrolment_school_key].insert(p.school_pupil_number).second)
        << "duplicate pupil number " << p.school_pupil_number << " at " << p.enrolment_school_key;
    EXPECT_TRUE(p.status == "enrolled" || p.status == "not_enrolled" || p.status == "exempted" ||
                p.status == "left")
        << p.status;
    ASSERT_TRUE(ix.orgs.contains(p.enrolment_school_key));
    const Organisation& school = *ix.orgs.at(p.enrolment_school_key);
    EXPECT_EQ(school.kind, OrganisationKind::School);
    if (!p.home_school_key.empty()) {
      ASSERT_TRUE(ix.orgs.contains(p.home_school_key));
      EXPECT_EQ(ix.orgs.at(p.home_school_key)->kind, OrganisationKind::School);
      EXPECT_NE(p.home_school_key, p.enrolment_school_key);
    }
    ASSERT_TRUE(ix.orgs.contains(p.municipality_key));
    EXPECT_EQ(ix.orgs.at(p.municipality_key)->kind, OrganisationKind::Municipality);

    const auto dob = detail::parse_iso(p.date_of_birth);
    ASSERT_TRUE(dob.has_value()) << p.date_of_birth;
    const int age = detail::age_on(*dob, today);
    const auto [lo, hi] = age_range(*school.school_type);
    EXPECT_GE(age, lo) << p.date_of_birth << " at " << eenplan::domain::to_string(*school.school_type);
    EXPECT_LE(age, hi) << p.date_of_birth << " at " << eenplan::domain::to_string(*school.school_type);

    EXPECT_GE(p.guardians.size(), 1u);
    EXPECT_LE(p.guardians.size(), 2u);
    for (const auto& g : p.guardians) {
      EXPECT_FALSE(g.name.empty());
      EXPECT_FALSE(g.relationship.empty());
      EXPECT_TRUE(has_shape(g.phone, "06-19999999")) << g.phone;
      EXPECT_TRUE(is_email(g.email)) << g.email;
    }

    // case team: empty, or 2-5 distinct existing accounts with exactly one lead
    if (p.case_team.empty()) {
      EXPECT_TRUE(p.notes.empty());
      EXPECT_TRUE(p.support_needs.empty());
      continue;
    }
    EXPECT_GE(p.case_team.size(), 2u);
    EXPECT_LE(p.case_team.size(), 5u);
    std::set<std::string> members;
    int leads = 0;
    for (const auto& m : p.case_team) {
      ASSERT_TRUE(ix.accounts.contains(m.username)) << m.username;
      EXPECT_TRUE(members.insert(m.username).second) << "twice on one team: " << m.username;
      EXPECT_FALSE(m.case_role.empty());
      if (m.is_case_lead) {
        ++leads;
        const Role role = ix.accounts.at(m.username)->role;
        EXPECT_TRUE(role == Role::SchoolCoordinator || role == Role::MunicipalityConsultant ||
                    role == Role::CareProvider)
            << "unexpected lead " << m.username;
      }
    }
    EXPECT_EQ(leads, 1) << p.given_name << " " << p.family_name;

    // members are relevant to the pupil
    for (const auto& m : p.case_team) {
      const Account& a = *ix.accounts.at(m.username);
      switch (a.role) {
      case Role::SchoolCoordinator:
      case Role::Teacher: EXPECT_TRUE(member(a, p.enrolment_school_key)) << a.username; break;
      case Role::SwvConsultant:
        EXPECT_NE(std::find(a.linked_schools.begin(), a.linked_schools.end(), p.enrolment_school_key),
                  a.linked_schools.end())
            << a.username;
        break;
      case Role::AttendanceOfficer:
      case Role::MunicipalityConsultant: EXPECT_TRUE(member(a, p.municipality_key)) << a.username; break;
      case Role::Orthopedagogue:
        EXPECT_TRUE(member(a, "swv") || member(a, p.enrolment_school_key)) << a.username;
        break;
      case Role::CareProvider: break;
      case Role::SwvAdmin: ADD_FAILURE() << "the SWV admin has no dossiers"; break;
      }
    }

    // dossier content
    EXPECT_GE(p.support_needs.size(), 2u);
    EXPECT_LE(p.support_needs.size(), 4u);
    static const std::set<std::string> kCodes = {"structure_predictability",
                                                 "small_group",
                                                 "individual_instruction",
                                                 "emotion_regulation",
                                                 "social_skills",
                                                 "gradual_build_up",
                                                 "low_stimulus_environment",
                                                 "care_in_school",
                                                 "executive_functions",
                                                 "language_support",
                                                 "physical_care",
                                                 "relation_first",
                                                 "other"};
    std::set<std::string> codes;
    for (const auto& n : p.support_needs) {
      EXPECT_TRUE(kCodes.contains(n.category)) << n.category;
      EXPECT_TRUE(codes.insert(n.category).second) << "repeated need " << n.category;
      EXPECT_FALSE(n.description.empty());
    }
    EXPECT_GE(p.factors.size(), 2u);
    EXPECT_LE(p.factors.size(), 4u);
    bool promoting = false, hindering = false;
    for (const auto& f : p.factors) {
      EXPECT_TRUE(f.kind == "promoting" || f.kind == "hindering") << f.kind;
      EXPECT_TRUE(f.area == "pupil" || f.area == "family" || f.area == "school" || f.area == "environment")
          << f.area;
      EXPECT_FALSE(f.description.empty());
      promoting |= f.kind == "promoting";
      hindering |= f.kind == "hindering";
    }
    EXPECT_TRUE(promoting && hindering);
    EXPECT_FALSE(p.load_capacity.empty());
    EXPECT_FALSE(p.care_history.empty());
    EXPECT_GE(p.notes.size(), 2u);
    EXPECT_LE(p.notes.size(), 8u);
    for (const auto& n : p.notes) {
      EXPECT_TRUE(members.contains(n.author_username)) << "note by non-member " << n.author_username;
      EXPECT_TRUE(n.kind == "note" || n.kind == "conversation" || n.kind == "meeting" || n.kind == "decision")
          << n.kind;
      EXPECT_GE(n.days_ago, 0);
      EXPECT_LE(n.days_ago, 300);
      EXPECT_FALSE(n.body.empty());
    }
  }
}

/// The coverage other tests depend on: mentors, orthopedagogues, care providers and municipality
/// consultants each on at least three case teams; lead / non-lead variety.
void expect_case_team_coverage(const Region& r) {
  for (Role role : {Role::Teacher, Role::Orthopedagogue, Role::CareProvider, Role::MunicipalityConsultant}) {
    for (const Account* a : with_role(r, role)) {
      EXPECT_GE(case_teams_of(r, a->username), 3) << a->username;
    }
  }
  bool teacher_never_leads = false;
  for (const Account* a : with_role(r, Role::Teacher)) {
    bool leads = false;
    case_teams_of(r, a->username, &leads);
    teacher_never_leads |= !leads;
  }
  EXPECT_TRUE(teacher_never_leads);
  bool some_care_leads = false, some_care_never_leads = false;
  for (const Account* a : with_role(r, Role::CareProvider)) {
    bool leads = false;
    case_teams_of(r, a->username, &leads);
    (leads ? some_care_leads : some_care_never_leads) = true;
  }
  EXPECT_TRUE(some_care_leads);
  EXPECT_TRUE(some_care_never_leads);
}

// --- determinism ---------------------------------------------------------------------------------

TEST(DemoRandom, XoshiroMatchesTheReferenceAlgorithm) {
  // Values from an independent implementation of splitmix64-seeded xoshiro256**.
  detail::Rng zero(0);
  EXPECT_EQ(zero.next(), 0x99ec5f36cb75f2b4ULL);
  EXPECT_EQ(zero.next(), 0xbf6e1f784956452aULL);
  EXPECT_EQ(zero.next(), 0x1a5f849d4933e6e0ULL);
  detail::Rng r42(42);
  EXPECT_EQ(r42.next(), 0x15780b2e0c2ec716ULL);
}

TEST(DemoRandom, RangeMappingIsOurOwn) {
  detail::Rng a(42);
  std::vector<std::uint64_t> got;
  for (int i = 0; i < 8; ++i)
    got.push_back(a.below(10));
  EXPECT_EQ(got, (std::vector<std::uint64_t>{2, 2, 9, 3, 6, 4, 4, 7}));
  detail::Rng b(42);
  EXPECT_EQ(b.below(1000003), 188482u);
  detail::Rng c(1);
  for (int i = 0; i < 1000; ++i) {
    const int v = c.between(-3, 3);
    EXPECT_GE(v, -3);
    EXPECT_LE(v, 3);
  }
}

TEST(DemoRegion, SameSeedGivesIdenticalRegion) {
  const Region a = make_region(20250314, 500, kToday);
  const Region b = make_region(20250314, 500, kToday);
  EXPECT_EQ(fnv1a(serialise(a)), fnv1a(serialise(b)));
  EXPECT_EQ(serialise(a), serialise(b));
}

TEST(DemoRegion, DifferentSeedsGiveDifferentRegions) {
  const Region a = make_region(1, 200, kToday);
  const Region b = make_region(2, 200, kToday);
  EXPECT_NE(serialise(a), serialise(b));
  int same_names = 0;
  for (std::size_t i = 0; i < a.pupils.size(); ++i) {
    same_names +=
        a.pupils[i].given_name + a.pupils[i].family_name == b.pupils[i].given_name + b.pupils[i].family_name;
  }
  EXPECT_LT(same_names, 20);
}

TEST(DemoRegion, TodayAnchorsTheBirthDates) {
  const Region a = make_region(5, 100, "2025-03-14");
  const Region b = make_region(5, 100, "2030-03-14");
  ASSERT_EQ(a.pupils.size(), b.pupils.size());
  EXPECT_NE(a.pupils[0].date_of_birth, b.pupils[0].date_of_birth);
}

TEST(DemoRegion, OrganisationsDoNotDependOnThePupilCount) {
  const Region small = make_region(17, 0);
  const Region large = make_region(17, 2000);
  ASSERT_EQ(small.organisations.size(), large.organisations.size());
  for (std::size_t i = 0; i < small.organisations.size(); ++i) {
    EXPECT_EQ(small.organisations[i].key, large.organisations[i].key);
    EXPECT_EQ(small.organisations[i].name, large.organisations[i].name);
    EXPECT_EQ(small.organisations[i].brin, large.organisations[i].brin);
  }
  // the first accounts (admin, consultants, coordinators) are the same people with the same passwords
  for (std::size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(small.accounts[i].username, large.accounts[i].username);
    EXPECT_EQ(small.accounts[i].password, large.accounts[i].password);
  }
}

TEST(DemoRegion, RejectsAnInvalidToday) {
  EXPECT_THROW(make_region(1, 10, "14-03-2025"), std::invalid_argument);
  EXPECT_THROW(make_region(1, 10, "2025-02-30"), std::invalid_argument);
  EXPECT_THROW(make_region(1, -1, kToday), std::invalid_argument);
}

// --- shape ---------------------------------------------------------------------------------------

TEST(DemoRegion, HasTheShapeOfOneSamenwerkingsverband) {
  for (std::uint64_t seed : {1ULL, 2ULL, 3ULL, 77ULL}) {
    const Region r = make_region(seed, 300, kToday);
    EXPECT_EQ(of_kind(r, OrganisationKind::Swv).size(), 1u);
    EXPECT_EQ(of_kind(r, OrganisationKind::Municipality).size(), 4u);
    const auto schools = of_kind(r, OrganisationKind::School);
    EXPECT_GE(schools.size(), 35u);
    EXPECT_LE(schools.size(), 45u);
    const auto boards = of_kind(r, OrganisationKind::Board);
    EXPECT_GE(boards.size(), 3u);
    EXPECT_LE(boards.size(), 5u);
    const auto care = of_kind(r, OrganisationKind::CareProvider);
    EXPECT_GE(care.size(), 3u);
    EXPECT_LE(care.size(), 5u);
    EXPECT_EQ(of_kind(r, OrganisationKind::AttendanceOffice).size(), 1u);
    const auto youth = of_kind(r, OrganisationKind::YouthTeam);
    EXPECT_EQ(youth.size(), 4u);
    std::set<std::string> youth_municipalities;
    for (const auto* y : youth)
      youth_municipalities.insert(y->municipality_key);
    EXPECT_EQ(youth_municipalities.size(), 4u) << "one CJG/wijkteam per municipality";

    std::map<SchoolType, int> types;
    for (const auto* s : schools)
      ++types[*s->school_type];
    for (SchoolType t : {SchoolType::Bao, SchoolType::Sbo, SchoolType::So, SchoolType::Vso, SchoolType::Vo,
                         SchoolType::Pro, SchoolType::Mbo}) {
      EXPECT_GE(types[t], 1) << eenplan::domain::to_string(t);
    }
    EXPECT_GT(types[SchoolType::Bao], static_cast<int>(schools.size()) / 2) << "bao is the majority";
    EXPECT_LE(types[SchoolType::Mbo], 2);
    std::set<std::string> vo_levels;
    for (const auto* s : schools) {
      if (s->school_type == SchoolType::Vo) vo_levels.insert(s->levels.begin(), s->levels.end());
    }
    for (const char* level : {"vmbo-b", "vmbo-k", "vmbo-gt", "havo", "vwo"}) {
      EXPECT_TRUE(vo_levels.contains(level)) << level;
    }
  }
}

TEST(DemoRegion, PupilCountIsExactAndSpreadByType) {
  const Region r = make_region(11, 3000, kToday);
  ASSERT_EQ(r.pupils.size(), 3000u);
  const Index ix(r);
  std::map<SchoolType, int> per_type;
  std::map<std::string, int> status;
  int home_school = 0;
  for (const auto& p : r.pupils) {
    ++per_type[*ix.orgs.at(p.enrolment_school_key)->school_type];
    ++status[p.status];
    home_school += !p.home_school_key.empty();
  }
  for (const auto& [type, n] : per_type) {
    if (type != SchoolType::Bao) {
      EXPECT_GT(per_type[SchoolType::Bao], n);
    }
  }
  EXPECT_GT(status["enrolled"], 2600);
  EXPECT_GT(status["not_enrolled"], 0);
  EXPECT_GT(status["exempted"], 0);
  EXPECT_GT(status["left"], 0);
  EXPECT_GE(home_school, 3000 * 8 / 100);
  EXPECT_LE(home_school, 3000 * 25 / 100);
}

TEST(DemoRegion, PostcodesBelongToTheirMunicipality) {
  const Region r = make_region(3, 3000, kToday);
  const Index ix(r);
  // Each municipality's postcodes form a range that overlaps no other municipality's.
  std::map<std::string, std::pair<int, int>> range;
  auto note = [&](const std::string& municipality, const std::string& postcode) {
    const int pc = std::stoi(postcode.substr(0, 4));
    auto [it, fresh] = range.try_emplace(municipality, pc, pc);
    it->second.first = std::min(it->second.first, pc);
    it->second.second = std::max(it->second.second, pc);
  };
  for (const auto& p : r.pupils)
    note(p.municipality_key, p.postcode);
  ASSERT_EQ(range.size(), 4u);
  for (const auto& [m1, r1] : range) {
    for (const auto& [m2, r2] : range) {
      if (m1 < m2) {
        EXPECT_TRUE(r1.second < r2.first || r2.second < r1.first) << m1 << " vs " << m2;
      }
    }
  }
  for (const auto* s : of_kind(r, OrganisationKind::School)) {
    for (const auto& l : s->locations) {
      const int pc = std::stoi(l.postcode.substr(0, 4));
      EXPECT_GE(pc, range[s->municipality_key].first) << s->name;
      EXPECT_LE(pc, range[s->municipality_key].second) << s->name;
    }
  }
  // Most pupils live in the municipality of their school.
  int local = 0;
  for (const auto& p : r.pupils)
    local += p.municipality_key == ix.orgs.at(p.enrolment_school_key)->municipality_key;
  EXPECT_GT(local, 3000 * 70 / 100);
  EXPECT_LT(local, 3000);
}

// --- accounts ------------------------------------------------------------------------------------

TEST(DemoAccounts, EveryRoleIsPresent) {
  const Region r = make_region(9, 300, kToday);
  for (Role role : eenplan::domain::kAllRoles) {
    EXPECT_FALSE(with_role(r, role).empty()) << eenplan::domain::to_string(role);
  }
  EXPECT_EQ(with_role(r, Role::SwvAdmin).size(), 1u);
  EXPECT_GE(with_role(r, Role::SwvConsultant).size(), 3u);
  EXPECT_LE(with_role(r, Role::SwvConsultant).size(), 4u);
  EXPECT_GE(with_role(r, Role::Orthopedagogue).size(), 3u);
  EXPECT_LE(with_role(r, Role::Orthopedagogue).size(), 4u);
  EXPECT_GE(with_role(r, Role::MunicipalityConsultant).size(), 1u);
  EXPECT_LE(with_role(r, Role::MunicipalityConsultant).size(), 2u);
  EXPECT_GE(with_role(r, Role::Teacher).size(), 5u);
  EXPECT_EQ(with_role(r, Role::CareProvider).size(), of_kind(r, OrganisationKind::CareProvider).size());
  const Index ix(r);
  EXPECT_TRUE(member(*ix.accounts.at("beheer"), "swv"));
  EXPECT_EQ(ix.accounts.at("beheer")->role, Role::SwvAdmin);
}

TEST(DemoAccounts, EverySchoolHasExactlyOneCoordinatorAndOneLinkedConsultant) {
  const Region r = make_region(4, 0, kToday);
  for (const auto* s : of_kind(r, OrganisationKind::School)) {
    int coordinators = 0, consultants = 0;
    for (const auto* a : with_role(r, Role::SchoolCoordinator))
      coordinators += member(*a, s->key);
    for (const auto* a : with_role(r, Role::SwvConsultant)) {
      EXPECT_TRUE(member(*a, "swv"));
      consultants += std::count(a->linked_schools.begin(), a->linked_schools.end(), s->key);
    }
    EXPECT_EQ(coordinators, 1) << s->key;
    EXPECT_EQ(consultants, 1) << s->key;
  }
  for (const auto* a : with_role(r, Role::SchoolCoordinator)) {
    EXPECT_EQ(a->member_of.size(), 1u);
    EXPECT_TRUE(a->username.starts_with("coordinator.")) << a->username;
  }
}

TEST(DemoAccounts, LeerplichtPerMunicipalityViaTheMunicipalityKey) {
  const Region r = make_region(4, 0, kToday);
  const auto office = of_kind(r, OrganisationKind::AttendanceOffice);
  ASSERT_EQ(office.size(), 1u);
  for (const auto* m : of_kind(r, OrganisationKind::Municipality)) {
    int officers = 0;
    for (const auto* a : with_role(r, Role::AttendanceOfficer)) {
      if (member(*a, m->key)) {
        ++officers;
        EXPECT_TRUE(member(*a, office[0]->key)) << a->username;
        EXPECT_TRUE(a->username.starts_with("leerplicht.")) << a->username;
      }
    }
    EXPECT_EQ(officers, 1) << m->key;
  }
  for (const auto* a : with_role(r, Role::MunicipalityConsultant)) {
    ASSERT_FALSE(a->member_of.empty());
    EXPECT_EQ(Index(r).orgs.at(a->member_of[0])->kind, OrganisationKind::Municipality);
  }
  for (const auto* a : with_role(r, Role::CareProvider)) {
    ASSERT_EQ(a->member_of.size(), 1u);
    EXPECT_EQ(Index(r).orgs.at(a->member_of[0])->kind, OrganisationKind::CareProvider);
  }
  for (const auto* a : with_role(r, Role::Teacher)) {
    ASSERT_EQ(a->member_of.size(), 1u);
    EXPECT_EQ(Index(r).orgs.at(a->member_of[0])->kind, OrganisationKind::School);
  }
}

TEST(DemoAccounts, UsernamesAndPasswordsAreReadable) {
  const Region r = make_region(8, 300, kToday);
  for (const auto& a : r.accounts) {
    EXPECT_TRUE(is_password(a.password)) << a.password;
  }
  const Index ix(r);
  EXPECT_TRUE(ix.accounts.contains("beheer"));
  for (const auto* a : with_role(r, Role::SwvConsultant)) {
    EXPECT_TRUE(a->username.starts_with("consulent."));
  }
  for (const auto* a : with_role(r, Role::Teacher)) {
    EXPECT_TRUE(a->username.starts_with("mentor."));
  }
  for (const auto* a : with_role(r, Role::Orthopedagogue)) {
    EXPECT_TRUE(a->username.starts_with("orthopedagoog."));
  }
  for (const auto* a : with_role(r, Role::CareProvider)) {
    EXPECT_TRUE(a->username.starts_with("zorg."));
  }
  for (const auto* a : with_role(r, Role::MunicipalityConsultant)) {
    EXPECT_TRUE(a->username.starts_with("gemeente."));
  }
}

TEST(DemoAccounts, PasswordsDifferPerSeed) {
  const Region a = make_region(1, 0, kToday);
  const Region b = make_region(2, 0, kToday);
  EXPECT_NE(a.accounts[0].password, b.accounts[0].password);
}

// --- pupils and case teams -----------------------------------------------------------------------

TEST(DemoRegion, ValidForZeroPupils) {
  const Region r = make_region(1, 0, kToday);
  expect_valid_region(r, 0);
  EXPECT_FALSE(r.accounts.empty());
}

TEST(DemoRegion, ValidForTenPupils) {
  const Region r = make_region(1, 10, kToday);
  expect_valid_region(r, 10);
  int teams = 0;
  for (const auto& p : r.pupils)
    teams += !p.case_team.empty();
  EXPECT_GT(teams, 0);
}

TEST(DemoRegion, ValidOnALeapDay) {
  expect_valid_region(make_region(6, 400, "2024-02-29"), 400, "2024-02-29");
}

TEST(DemoRegion, ValidForThreeThousandPupils) {
  for (std::uint64_t seed : {1ULL, 42ULL}) {
    const Region r = make_region(seed, 3000, kToday);
    expect_valid_region(r, 3000);
  }
}

TEST(DemoCaseTeams, AboutTenPercentOfPupilsHaveACaseTeam) {
  const Region r = make_region(12, 3000, kToday);
  int teams = 0;
  for (const auto& p : r.pupils)
    teams += !p.case_team.empty();
  EXPECT_GE(teams, 3000 * 8 / 100);
  EXPECT_LE(teams, 3000 * 15 / 100);
  for (const auto& p : r.pupils) {
    if (p.status == "not_enrolled") {
      EXPECT_FALSE(p.case_team.empty()) << "every thuiszitter in view";
    }
  }
}

TEST(DemoCaseTeams, EveryMentorOrthopedagogueCareProviderAndMunicipalityIsOnThreeTeams) {
  for (std::uint64_t seed : {1ULL, 2ULL, 3ULL, 4ULL, 5ULL, 1234ULL, 20250314ULL}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    expect_case_team_coverage(make_region(seed, 3000, kToday));
  }
}

TEST(DemoCaseTeams, CoverageHoldsFromTwoHundredPupils) {
  for (std::uint64_t seed = 100; seed < 120; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Region r = make_region(seed, 200, kToday);
    expect_valid_region(r, 200);
    expect_case_team_coverage(r);
  }
}

TEST(DemoCaseTeams, RegieIsSchoolLedUnlessMultiProblem) {
  const Region r = make_region(21, 3000, kToday);
  const Index ix(r);
  int school_led = 0, care_led = 0;
  for (const auto& p : r.pupils) {
    for (const auto& m : p.case_team) {
      if (!m.is_case_lead) continue;
      const Role role = ix.accounts.at(m.username)->role;
      (role == Role::SchoolCoordinator ? school_led : care_led)++;
      // Regie is the lead flag; the role in the case stays what the person does.
      if (role == Role::MunicipalityConsultant) {
        EXPECT_EQ(m.case_role, "consulent gemeente");
      }
    }
  }
  EXPECT_GT(school_led, care_led);
  EXPECT_GT(care_led, 0);
}

TEST(DemoCaseTeams, EveryRoleInACaseIsFromTheControlledList) {
  // The case-team editor only offers the listed roles; the demo must not need any other.
  const Region r = make_region(21, 3000, kToday);
  for (const auto& p : r.pupils) {
    for (const auto& m : p.case_team)
      EXPECT_TRUE(eenplan::domain::is_case_role(m.case_role)) << m.case_role;
  }
}

TEST(DemoCaseTeams, ThuiszittersHaveLeerplichtOnTheirTeam) {
  const Region r = make_region(31, 3000, kToday);
  const Index ix(r);
  for (const auto& p : r.pupils) {
    if (p.status != "not_enrolled" && p.status != "exempted") continue;
    if (p.case_team.empty()) continue;
    const bool leerplicht = std::any_of(p.case_team.begin(), p.case_team.end(), [&](const auto& m) {
      return ix.accounts.at(m.username)->role == Role::AttendanceOfficer;
    });
    EXPECT_TRUE(leerplicht) << p.given_name << " " << p.family_name;
  }
}

// --- texts ---------------------------------------------------------------------------------------

TEST(DemoTexts, NoPlaceholdersLeftAndNoDiagnosesAsNeeds) {
  const Region r = make_region(13, 3000, kToday);
  auto clean = [](const std::string& s) {
    return s.find('{') == std::string::npos && s.find('}') == std::string::npos;
  };
  const std::vector<std::string> diagnoses = {"ADHD",     "ADD",      "autis",    "stoornis",
                                              "diagnose", "syndroom", "dyslexie", "PDD"};
  std::set<std::string> bodies;
  std::size_t notes = 0;
  for (const auto& p : r.pupils) {
    EXPECT_TRUE(clean(p.load_capacity)) << p.load_capacity;
    EXPECT_TRUE(clean(p.care_history)) << p.care_history;
    for (const auto& n : p.support_needs) {
      EXPECT_TRUE(clean(n.description)) << n.description;
      for (const auto& d : diagnoses) {
        EXPECT_EQ(n.description.find(d), std::string::npos) << n.description;
      }
    }
    for (const auto& f : p.factors) {
      EXPECT_TRUE(clean(f.description)) << f.description;
    }
    for (const auto& n : p.notes) {
      EXPECT_TRUE(clean(n.body)) << n.body;
      bodies.insert(n.body);
      ++notes;
    }
  }
  ASSERT_GT(notes, 0u);
  EXPECT_GT(bodies.size() * 10, notes * 8) << "notes should rarely repeat word for word";
}

TEST(DemoTexts, PupilTextsUseThePupilsName) {
  const Region r = make_region(14, 1000, kToday);
  int with_name = 0, total = 0;
  for (const auto& p : r.pupils) {
    for (const auto& n : p.notes) {
      ++total;
      with_name += n.body.find(p.given_name) != std::string::npos;
    }
  }
  ASSERT_GT(total, 0);
  EXPECT_GT(with_name * 2, total);
}

// --- speed ---------------------------------------------------------------------------------------

TEST(DemoRegion, ThreeThousandPupilsWellUnderASecond) {
  const auto start = std::chrono::steady_clock::now();
  const Region r = make_region(99, 3000, kToday);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.pupils.size(), 3000u);
  // ~0.3 s unoptimised, a few tens of milliseconds with -O2
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 1000);
}

} // namespace
