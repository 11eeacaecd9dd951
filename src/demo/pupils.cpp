// The demo region generator: pupils and their guardians.
#include <algorithm>
#include <string>

#include "demo/builder.hpp"

namespace eenplan::demo::detail {

using domain::Role;
using domain::SchoolType;

namespace {

struct AgeRange {
  int min;
  int max;
};

AgeRange age_range(SchoolType t) {
  switch (t) {
  case SchoolType::Bao: return {4, 12};
  case SchoolType::Sbo: return {4, 13};
  case SchoolType::So: return {4, 13};
  case SchoolType::Vso: return {12, 20};
  case SchoolType::Vo: return {12, 18};
  case SchoolType::Pro: return {12, 18};
  case SchoolType::Mbo: return {16, 20};
  }
  return {4, 12};
}

Date birth_date(Rng& rng, Date today, AgeRange r) {
  const std::int64_t latest = to_days(years_before(today, r.min));
  const std::int64_t earliest = to_days(years_before(today, r.max + 1)) + 1;
  return from_days(earliest +
                   static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(latest - earliest + 1))));
}

int other_municipality(Rng& rng, int own) {
  const auto ms = municipalities();
  std::vector<int> weights;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    weights.push_back(static_cast<int>(i) == own ? 0 : ms[i].weight);
  }
  return static_cast<int>(rng.weighted(weights));
}

/// A stamschool of one of `types`, other than `school`, preferably in the pupil's municipality.
int pick_home_school(Builder& b, Rng& rng, int school, int municipality,
                     std::initializer_list<SchoolType> types) {
  std::vector<int> near, far;
  for (std::size_t i = 0; i < b.schools.size(); ++i) {
    if (static_cast<int>(i) == school) continue;
    if (std::find(types.begin(), types.end(), b.schools[i].type) == types.end()) continue;
    (b.schools[i].municipality == municipality ? near : far).push_back(static_cast<int>(i));
  }
  if (!near.empty() && (far.empty() || rng.percent(80))) return rng.pick(near);
  if (!far.empty()) return rng.pick(far);
  return -1;
}

std::string email_for(Rng& rng, std::string_view given, std::string_view family) {
  std::string local;
  switch (rng.below(3)) {
  case 0: local = ascii_slug(given) + "." + ascii_slug(family); break;
  case 1: local = ascii_slug(given).substr(0, 1) + ascii_slug(family); break;
  default: local = ascii_slug(given) + ascii_slug(family) + std::to_string(rng.between(70, 99)); break;
  }
  return local + "@voorbeeld.nl";
}

Guardian make_guardian(Rng& rng, const std::string& given, const std::string& family,
                       std::string relationship) {
  Guardian g;
  g.email = email_for(rng, given, family);
  g.name = given + " " + family;
  g.relationship = std::move(relationship);
  g.phone = make_phone(rng);
  return g;
}

void add_guardians(Rng& rng, Pupil& p, PupilInfo& info, const NameOrigin& origin,
                   std::string_view child_family_male) {
  const int roll = rng.between(0, 99);
  auto mother = [&]() {
    const std::string family = rng.percent(50) ? family_for(origin, rng.pick(origin.families), true)
                                               : family_for(origin, child_family_male, true);
    return make_guardian(rng, std::string(rng.pick(origin.women)), family, "moeder");
  };
  auto father = [&]() {
    return make_guardian(rng, std::string(rng.pick(origin.men)), std::string(child_family_male), "vader");
  };
  if (roll < 58) {
    p.guardians.push_back(mother());
    p.guardians.push_back(father());
    info.parents = "ouders";
  } else if (roll < 86) {
    p.guardians.push_back(mother());
    info.parents = "moeder";
    info.parents_plural = false;
  } else if (roll < 93) {
    p.guardians.push_back(father());
    info.parents = "vader";
    info.parents_plural = false;
  } else if (roll < 97) {
    const NameOrigin& nl = name_origins()[0];
    const std::string family(rng.pick(nl.families));
    p.guardians.push_back(make_guardian(rng, std::string(rng.pick(nl.women)), family, "pleegouder"));
    p.guardians.push_back(make_guardian(rng, std::string(rng.pick(nl.men)), family, "pleegouder"));
    info.parents = "pleegouders";
  } else {
    const PersonName guardian = staff_person(rng);
    p.guardians.push_back(make_guardian(rng, guardian.given, guardian.family, "voogd"));
    info.parents = "de voogd";
    info.parents_plural = false;
  }
}

} // namespace

void add_pupils(Builder& b, int count, Rng& rng) {
  if (count <= 0) return;
  std::vector<int> weights;
  for (const auto& s : b.schools)
    weights.push_back(s.weight);
  std::vector<int> school_of(static_cast<std::size_t>(count));
  for (auto& s : school_of) {
    s = static_cast<int>(rng.weighted(weights));
    ++b.schools[static_cast<std::size_t>(s)].pupil_count;
  }

  // Pupil numbers: per school a number length (5-7 digits) and a start, then ascending with gaps.
  std::vector<long long> next_number(b.schools.size());
  for (std::size_t i = 0; i < b.schools.size(); ++i) {
    int digits = rng.between(5, 7);
    long long low = 1;
    for (int d = 1; d < digits; ++d)
      low *= 10;
    while (low * 10 - 1 < low * 5 + 10LL * (b.schools[i].pupil_count + 1)) {
      low *= 10; // very large schools need longer numbers
    }
    next_number[i] = low + static_cast<long long>(rng.below(static_cast<std::uint64_t>(low * 4)));
  }

  const auto origins = name_origins();
  std::vector<int> origin_weights;
  for (const auto& o : origins)
    origin_weights.push_back(o.pupil_weight);

  b.region.pupils.reserve(static_cast<std::size_t>(count));
  b.pupil_info.reserve(static_cast<std::size_t>(count));
  for (int k = 0; k < count; ++k) {
    Pupil p;
    PupilInfo info;
    info.school = school_of[static_cast<std::size_t>(k)];
    SchoolInfo& school = b.schools[static_cast<std::size_t>(info.school)];
    const NameOrigin& origin = origins[rng.weighted(origin_weights)];
    const std::string_view label = origin.label;
    info.other_home_language = label != "nl" && label != "sr" && label != "hi" &&
                               rng.percent(label == "sy" || label == "er" ? 80 : 35);
    info.female = rng.percent(50);
    // Boys are over-represented among pupils with extra support; keep a mild tilt.
    if (special_type(school.type) && info.female && rng.percent(30)) info.female = false;
    p.given_name = std::string(rng.pick(info.female ? origin.girls : origin.boys));
    const std::string family_male(rng.pick(origin.families));
    p.family_name = family_for(origin, family_male, info.female);

    const Date dob = birth_date(rng, b.today, age_range(school.type));
    p.date_of_birth = format_iso(dob);
    info.age = age_on(dob, b.today);

    // Thuiszitters and exemptions are more frequent in secondary-school age.
    const int roll = rng.between(0, 999);
    const bool young = primary_type(school.type);
    p.status = roll < (young ? 15 : 45)   ? "not_enrolled"
               : roll < (young ? 30 : 65) ? "exempted"
               : roll < (young ? 55 : 95) ? "left"
                                          : "enrolled";
    if (info.age < 5 && (p.status == "not_enrolled" || p.status == "exempted")) p.status = "enrolled";
    if (p.status == "enrolled") ++school.enrolled_count;

    const bool regional = school.type == SchoolType::So || school.type == SchoolType::Vso ||
                          school.type == SchoolType::Pro || school.type == SchoolType::Mbo;
    info.municipality =
        rng.percent(regional ? 55 : 87) ? school.municipality : other_municipality(rng, school.municipality);
    const MunicipalityInfo& muni = b.municipalities[static_cast<std::size_t>(info.municipality)];
    p.postcode = make_postcode(rng, *muni.def);
    p.municipality_key = muni.key;

    long long& number = next_number[static_cast<std::size_t>(info.school)];
    number += rng.between(1, 9);
    p.school_pupil_number = std::to_string(number);
    p.enrolment_school_key = b.school_org(info.school).key;

    if (p.status == "enrolled" || p.status == "exempted") {
      switch (school.type) {
      case SchoolType::Bao:
        if (rng.percent(12))
          info.home_school = pick_home_school(b, rng, info.school, info.municipality, {SchoolType::Bao});
        break;
      case SchoolType::Sbo:
      case SchoolType::So:
        if (rng.percent(55))
          info.home_school = pick_home_school(b, rng, info.school, info.municipality, {SchoolType::Bao});
        break;
      case SchoolType::Vso:
        if (rng.percent(55))
          info.home_school =
              pick_home_school(b, rng, info.school, info.municipality, {SchoolType::Vo, SchoolType::Pro});
        break;
      case SchoolType::Vo:
      case SchoolType::Pro:
        if (rng.percent(12))
          info.home_school = pick_home_school(b, rng, info.school, info.municipality, {SchoolType::Vo});
        break;
      case SchoolType::Mbo: break;
      }
      if (info.home_school >= 0) p.home_school_key = b.school_org(info.home_school).key;
    }

    add_guardians(rng, p, info, origin, family_male);
    b.region.pupils.push_back(std::move(p));
    b.pupil_info.push_back(std::move(info));
  }
}

} // namespace eenplan::demo::detail
