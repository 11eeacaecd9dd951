// The demo region generator: accounts and the entry point. Organisations: organisations.cpp;
// pupils: pupils.cpp; case teams and dossiers: case_teams.cpp.
#include <algorithm>
#include <stdexcept>
#include <string>

#include "demo/builder.hpp"

namespace eenplan::demo {
namespace detail {

using domain::Role;
using domain::SchoolType;

namespace {

std::string make_password(Builder& b) {
  const auto words = password_words();
  for (;;) {
    const auto& w1 = b.secrets.pick(words);
    const auto& w2 = b.secrets.pick(words);
    if (w1 == w2) continue;
    std::string pw =
        std::string(w1) + "-" + std::string(w2) + "-" + std::to_string(1000 + b.secrets.below(9000));
    if (pw.size() < 12 || b.passwords.contains(pw)) continue;
    b.passwords.insert(pw);
    return pw;
  }
}

// --- accounts ----------------------------------------------------------------------------------

int add_named_staff(Builder& b, Rng& rng, std::string_view prefix, Role role,
                    std::vector<std::string> member_of) {
  // Named after their family name; no two of them share one, so "Kamphuis" is one person.
  PersonName person = staff_person(rng);
  std::string username = std::string(prefix) + "." + ascii_slug(person.family);
  for (int attempt = 0;
       (b.usernames.contains(username) || b.staff_families.contains(ascii_slug(person.family))) &&
       attempt < 50;
       ++attempt) {
    person = staff_person(rng);
    username = std::string(prefix) + "." + ascii_slug(person.family);
  }
  if (b.usernames.contains(username)) username += ascii_slug(person.given);
  b.staff_families.insert(ascii_slug(person.family));
  return add_account(b, username, person.display(), role, std::move(member_of));
}

void add_base_accounts(Builder& b, Rng& rng, const std::vector<std::string>& school_slugs) {
  b.admin = add_account(b, "beheer", staff_person(rng).display(), Role::SwvAdmin, {std::string(kSwvKey)});

  // SWV consultants, each the fixed contact of a contiguous block of schools (by municipality).
  const int consultant_count = rng.between(3, 4);
  std::vector<int> order(b.schools.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return b.schools[static_cast<std::size_t>(x)].municipality <
           b.schools[static_cast<std::size_t>(y)].municipality;
  });
  for (int c = 0; c < consultant_count; ++c) {
    const int acc = add_named_staff(b, rng, "consulent", Role::SwvConsultant, {std::string(kSwvKey)});
    b.consultants.push_back(acc);
    const std::size_t from = order.size() * static_cast<std::size_t>(c) / consultant_count;
    const std::size_t to = order.size() * static_cast<std::size_t>(c + 1) / consultant_count;
    for (std::size_t k = from; k < to; ++k) {
      SchoolInfo& s = b.schools[static_cast<std::size_t>(order[k])];
      s.consultant = acc;
      b.account(acc).linked_schools.push_back(b.region.organisations[s.org].key);
    }
  }

  for (std::size_t i = 0; i < b.schools.size(); ++i) {
    SchoolInfo& s = b.schools[i];
    s.coordinator = add_account(b, "coordinator." + school_slugs[i], staff_person(rng).display(),
                                Role::SchoolCoordinator, {b.region.organisations[s.org].key});
  }

  for (auto& m : b.municipalities) {
    m.attendance_officer =
        add_account(b, "leerplicht." + std::string(m.def->slug), staff_person(rng).display(),
                    Role::AttendanceOfficer, {m.key, std::string(kAttendanceOfficeKey)});
  }
  const int municipality_consultants = rng.between(1, 2);
  for (int i = 0; i < municipality_consultants; ++i) {
    auto& m = b.municipalities[static_cast<std::size_t>(i)];
    m.municipality_consultant =
        add_account(b, "gemeente." + std::string(m.def->slug), staff_person(rng).display(),
                    Role::MunicipalityConsultant, {m.key});
  }

  for (auto& c : b.care) {
    c.account = add_account(b, "zorg." + std::string(c.slug), staff_person(rng).display(), Role::CareProvider,
                            {b.region.organisations[c.org].key});
  }
}

} // namespace

std::string make_postcode(Rng& rng, const MunicipalityDef& m) {
  // Letters as used in Dutch postcodes (no F, I, O, Q, U, Y; SA, SD and SS are not issued).
  static constexpr std::string_view kLetters = "ABCDEGHJKLMNPRSTVWXZ";
  std::string letters;
  do {
    letters = {kLetters[rng.index(kLetters.size())], kLetters[rng.index(kLetters.size())]};
  } while (letters == "SA" || letters == "SD" || letters == "SS");
  return std::to_string(rng.between(m.postcode_low, m.postcode_high)) + " " + letters;
}

std::string make_phone(Rng& rng) {
  std::string phone = "06-";
  phone += static_cast<char>('1' + rng.below(9));
  for (int i = 0; i < 7; ++i)
    phone += static_cast<char>('0' + rng.below(10));
  return phone;
}

PersonName staff_person(Rng& rng) {
  const auto origins = name_origins();
  std::vector<int> weights;
  for (const auto& o : origins)
    weights.push_back(o.staff_weight);
  const NameOrigin& origin = origins[rng.weighted(weights)];
  const bool female = rng.percent(70); // education and youth care: mostly women
  PersonName p;
  p.given = std::string(rng.pick(female ? origin.women : origin.men));
  p.family = family_for(origin, rng.pick(origin.families), female);
  return p;
}

int add_account(Builder& b, std::string username, std::string display_name, Role role,
                std::vector<std::string> member_of) {
  for (int n = 2; b.usernames.contains(username); ++n) {
    // only reached on an unlucky collision; keep it readable
    const std::string base = username.substr(0, username.find_last_not_of("0123456789") + 1);
    username = base + std::to_string(n);
  }
  b.usernames.insert(username);
  Account a;
  a.username = std::move(username);
  a.password = make_password(b);
  a.display_name = std::move(display_name);
  a.role = role;
  a.member_of = std::move(member_of);
  b.region.accounts.push_back(std::move(a));
  return static_cast<int>(b.region.accounts.size()) - 1;
}

void add_teachers_and_orthopedagogues(Builder& b, Rng& rng) {
  // Mentors at the schools with most enrolled pupils of a mix of types, so that every mentor can
  // sit on several case teams of their own school.
  static constexpr SchoolType kSlots[] = {SchoolType::Vo, SchoolType::Bao, SchoolType::So,  SchoolType::Vso,
                                          SchoolType::Vo, SchoolType::Sbo, SchoolType::Pro, SchoolType::Bao,
                                          SchoolType::Vo, SchoolType::Bao};
  const int teacher_count = rng.between(8, 10);
  std::vector<bool> chosen(b.schools.size(), false);
  auto best = [&](bool any_type, SchoolType type) {
    int found = -1;
    for (std::size_t i = 0; i < b.schools.size(); ++i) {
      if (chosen[i] || (!any_type && b.schools[i].type != type)) continue;
      if (found < 0 ||
          b.schools[i].enrolled_count > b.schools[static_cast<std::size_t>(found)].enrolled_count) {
        found = static_cast<int>(i);
      }
    }
    return found;
  };
  for (int t = 0; t < teacher_count; ++t) {
    int school = best(false, kSlots[t]);
    if (school < 0 || b.schools[static_cast<std::size_t>(school)].enrolled_count < 4) {
      school = best(true, kSlots[t]);
    }
    if (school < 0)
      school = static_cast<int>(rng.index(b.schools.size()));
    else
      chosen[static_cast<std::size_t>(school)] = true;
    const int acc = add_named_staff(b, rng, "mentor", Role::Teacher, {b.school_org(school).key});
    b.teachers.push_back(acc);
    b.teacher_school.push_back(school);
    b.schools[static_cast<std::size_t>(school)].teachers.push_back(acc);
  }

  // Orthopedagogues: most work for the SWV; one works for the SO and VSO schools (the
  // gedragswetenschapper of the special-education board).
  const int ortho_count = rng.between(3, 4);
  std::vector<int> special;
  int special_pupils = 0;
  for (std::size_t i = 0; i < b.schools.size(); ++i) {
    if (b.schools[i].type == SchoolType::So || b.schools[i].type == SchoolType::Vso) {
      special.push_back(static_cast<int>(i));
      special_pupils += b.schools[i].enrolled_count;
    }
  }
  // In a tiny region the special schools may have too few pupils for a case load of their own.
  if (special_pupils < 5) special.clear();
  for (int k = 0; k < ortho_count; ++k) {
    std::vector<std::string> member_of{std::string(kSwvKey)};
    std::vector<int> schools;
    if (k == 2 && !special.empty()) {
      member_of.clear();
      for (int s : special)
        member_of.push_back(b.school_org(s).key);
      schools = special;
    }
    const int acc = add_named_staff(b, rng, "orthopedagoog", Role::Orthopedagogue, member_of);
    for (int s : schools)
      b.schools[static_cast<std::size_t>(s)].orthopedagogues.push_back(acc);
    b.orthopedagogues.push_back(acc);
    b.orthopedagogue_schools.push_back(std::move(schools));
  }
}

} // namespace detail

Region generate(std::uint64_t seed, int pupil_count, std::string_view today_iso) {
  using namespace detail;
  const auto today = parse_iso(today_iso);
  if (!today) throw std::invalid_argument("demo::generate: today must be YYYY-MM-DD");
  if (pupil_count < 0) throw std::invalid_argument("demo::generate: pupil_count must be >= 0");

  Builder b(seed);
  b.today = *today;
  b.region.name = "Samenwerkingsverband Passend Onderwijs Vecht en Reest";
  b.region.code = "SWV 99-07";
  b.region.today = std::string(today_iso);

  // Independent streams: organisations and the base accounts do not depend on the pupil count
  // (mentors do: they are placed at the schools with most pupils).
  Rng org_rng = b.rng.fork(1);
  Rng account_rng = b.rng.fork(2);
  Rng pupil_rng = b.rng.fork(3);
  Rng staff_rng = b.rng.fork(4);
  Rng team_rng = b.rng.fork(5);

  std::vector<std::string> school_slugs;
  add_organisations(b, org_rng, school_slugs);
  add_base_accounts(b, account_rng, school_slugs);
  add_pupils(b, pupil_count, pupil_rng);
  add_teachers_and_orthopedagogues(b, staff_rng);
  add_case_teams(b, team_rng);
  Rng homebound_rng = b.rng.fork(6);
  add_year_groups(b, homebound_rng);
  add_homebound(b, homebound_rng);
  Rng absence_rng = b.rng.fork(7);
  add_absences(b, absence_rng);
  return std::move(b.region);
}

} // namespace eenplan::demo
