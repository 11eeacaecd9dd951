// The demo region generator: the SWV, boards, municipalities, leerplicht, CJG/wijkteams, care
// providers and schools.
#include <algorithm>
#include <set>
#include <string>

#include "demo/builder.hpp"

namespace eenplan::demo::detail {

using domain::OrganisationKind;
using domain::SchoolType;

namespace {

std::string two_digits(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

Location make_location(Rng& rng, std::string name, const MunicipalityDef& m, bool main_place) {
  Location loc;
  loc.name = std::move(name);
  loc.street = std::string(rng.pick(streets()));
  loc.house_number = std::to_string(rng.between(1, 180));
  if (rng.percent(10)) loc.house_number += static_cast<char>('a' + rng.below(3));
  loc.postcode = make_postcode(rng, m);
  loc.city = std::string(main_place ? m.places[0] : rng.pick(m.places));
  return loc;
}

std::size_t add_org(Builder& b, std::string key, std::string name, OrganisationKind kind) {
  Organisation o;
  o.key = std::move(key);
  o.name = std::move(name);
  o.kind = kind;
  b.region.organisations.push_back(std::move(o));
  return b.region.organisations.size() - 1;
}

/// Distributes `total` over the municipalities in proportion to their weight (largest remainder).
std::vector<int> spread(int total) {
  const auto ms = municipalities();
  int weight_sum = 0;
  for (const auto& m : ms)
    weight_sum += m.weight;
  std::vector<int> out(ms.size());
  std::vector<std::pair<int, std::size_t>> remainders;
  int given = 0;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    out[i] = total * ms[i].weight / weight_sum;
    given += out[i];
    remainders.emplace_back(-(total * ms[i].weight % weight_sum), i);
  }
  std::sort(remainders.begin(), remainders.end()); // ties: lower index first
  for (std::size_t k = 0; given < total; ++k, ++given)
    ++out[remainders[k % remainders.size()].second];
  return out;
}

// --- schools -----------------------------------------------------------------------------------

struct SchoolPlan {
  SchoolType type;
  int municipality;
};

std::vector<SchoolPlan> plan_schools(Rng& rng) {
  std::vector<SchoolPlan> plan;
  const std::vector<int> bao = spread(22 + rng.between(0, 4));
  for (std::size_t m = 0; m < bao.size(); ++m) {
    for (int i = 0; i < bao[m]; ++i)
      plan.push_back({SchoolType::Bao, static_cast<int>(m)});
  }
  for (int m : {0, 1, 2})
    plan.push_back({SchoolType::Sbo, m});
  for (int m : {0, 1})
    plan.push_back({SchoolType::So, m});
  for (int m : {0, 1})
    plan.push_back({SchoolType::Vso, m});
  for (int m : {0, 0, 1, 1, 2, 3})
    plan.push_back({SchoolType::Vo, m});
  for (int m : {0, 2})
    plan.push_back({SchoolType::Pro, m});
  plan.push_back({SchoolType::Mbo, 0});
  if (rng.percent(50)) plan.push_back({SchoolType::Mbo, 1});
  return plan;
}

std::string unique_brin(Rng& rng, std::set<std::string>& used) {
  static constexpr std::string_view kLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (;;) {
    std::string brin = two_digits(static_cast<int>(rng.below(100)));
    brin += kLetters[rng.index(kLetters.size())];
    brin += kLetters[rng.index(kLetters.size())];
    if (used.insert(brin).second) return brin;
  }
}

template <typename T> const T& draw_unused(Rng& rng, std::span<const T> pool, std::set<std::size_t>& used) {
  for (;;) {
    const std::size_t i = rng.index(pool.size());
    if (used.size() >= pool.size() || used.insert(i).second) return pool[i];
  }
}

void add_schools(Builder& b, Rng& rng, const std::vector<std::size_t>& boards,
                 std::vector<std::string>& slugs) {
  std::set<std::string> brins;
  std::set<std::size_t> used_primary, used_open, used_chr, used_rk, used_sbo, used_special, used_vo, used_pro,
      used_mbo;
  std::vector<SchoolName> special_pairs; // SO and VSO of the same municipality share a name
  const auto plan = plan_schools(rng);
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const SchoolPlan& p = plan[i];
    const MunicipalityDef& m = *b.municipalities[static_cast<std::size_t>(p.municipality)].def;
    const std::string place(m.places[0]);
    std::string name, slug;
    std::vector<std::string> levels;
    std::size_t board = boards[0];
    int weight = 10;
    switch (p.type) {
    case SchoolType::Bao: {
      const int denom_roll = rng.between(0, 99);
      const auto denom = denom_roll < 40   ? Denomination::Openbaar
                         : denom_roll < 75 ? Denomination::Christelijk
                                           : Denomination::Katholiek;
      board = boards[denom == Denomination::Openbaar ? 0 : denom == Denomination::Christelijk ? 1 : 2];
      std::set<std::size_t>& used_denom = denom == Denomination::Openbaar      ? used_open
                                          : denom == Denomination::Christelijk ? used_chr
                                                                               : used_rk;
      const auto special = denominational_names(denom);
      if (rng.percent(20) && used_denom.size() < special.size()) {
        const SchoolName& n = draw_unused(rng, special, used_denom);
        name = n.name;
        slug = n.slug;
      } else {
        const SchoolName& n = draw_unused(rng, primary_school_names(), used_primary);
        const char* prefix = rng.percent(15)                      ? "IKC"
                             : denom == Denomination::Openbaar    ? "OBS"
                             : denom == Denomination::Christelijk ? "CBS"
                                                                  : "RKBS";
        name = std::string(prefix) + " " + std::string(n.name);
        slug = n.slug;
      }
      weight = rng.between(12, 30);
      break;
    }
    case SchoolType::Sbo: {
      const SchoolName& n = draw_unused(rng, sbo_names(), used_sbo);
      name = n.name;
      slug = n.slug;
      board = boards[p.municipality == 1 ? 1 : 0];
      weight = 10;
      break;
    }
    case SchoolType::So:
    case SchoolType::Vso: {
      const auto pair = static_cast<std::size_t>(p.municipality);
      if (special_pairs.size() <= pair) {
        special_pairs.push_back(draw_unused(rng, special_names(), used_special));
      }
      const SchoolName& n = special_pairs[pair];
      const bool vso = p.type == SchoolType::Vso;
      name = std::string(vso ? "VSO " : "SO ") + std::string(n.name);
      slug = std::string(vso ? "vso" : "so") + std::string(n.slug);
      if (vso) levels = {"vervolgonderwijs", "arbeidsmarktgericht", "dagbesteding"};
      board = boards[4];
      weight = vso ? 14 : 12;
      break;
    }
    case SchoolType::Vo: {
      const VoSchoolName& n = draw_unused(rng, vo_school_names(), used_vo);
      name = n.name;
      slug = n.slug;
      levels.assign(n.levels.begin(), n.levels.end());
      board = boards[3];
      weight = rng.between(8, 14) * static_cast<int>(levels.size() + 1);
      break;
    }
    case SchoolType::Pro: {
      const SchoolName& n = draw_unused(rng, pro_school_names(), used_pro);
      name = n.name;
      slug = n.slug;
      levels = {"pro"};
      board = boards[3];
      weight = 12;
      break;
    }
    case SchoolType::Mbo: {
      const auto pool = mbo_school_names();
      const VoSchoolName& n = pool[std::min(used_mbo.size(), pool.size() - 1)];
      used_mbo.insert(used_mbo.size());
      name = n.name;
      slug = n.slug;
      levels.assign(n.levels.begin(), n.levels.end());
      board = boards[3];
      weight = 12;
      break;
    }
    }
    name = replace_all(name, "{plaats}", place);
    slug = replace_all(slug, "{plaats}", m.slug);
    if (std::find(slugs.begin(), slugs.end(), slug) != slugs.end()) slug += m.slug;
    slugs.push_back(slug);

    const std::size_t org =
        add_org(b, "school-" + two_digits(static_cast<int>(i + 1)), name, OrganisationKind::School);
    Organisation& o = b.org(org);
    o.brin = unique_brin(rng, brins);
    o.school_type = p.type;
    o.levels = std::move(levels);
    o.board_key = b.org(board).key;
    o.municipality_key = b.municipalities[static_cast<std::size_t>(p.municipality)].key;
    const bool two = rng.percent(p.type == SchoolType::Vo ? 50 : p.type == SchoolType::Bao ? 15 : 10);
    o.locations.push_back(make_location(rng, two ? "Hoofdlocatie" : name, m, rng.percent(70)));
    if (two) {
      Location second = make_location(rng, "", m, false);
      second.name = p.type == SchoolType::Bao ? "Dependance " + second.street : "Locatie " + second.city;
      o.locations.push_back(std::move(second));
    }
    SchoolInfo info;
    info.org = org;
    info.type = p.type;
    info.municipality = p.municipality;
    info.weight = weight;
    b.schools.push_back(std::move(info));
  }
}

} // namespace

void add_organisations(Builder& b, Rng& rng, std::vector<std::string>& school_slugs) {
  const auto ms = municipalities();
  const MunicipalityDef& main = ms[0];

  const std::size_t swv = add_org(b, std::string(kSwvKey), b.region.name, OrganisationKind::Swv);
  b.org(swv).locations.push_back(make_location(rng, "Kantoor samenwerkingsverband", main, true));

  static constexpr std::string_view kBoards[] = {
      "Stichting Openbaar Primair Onderwijs Vecht en Reest",
      "Stichting Christelijk Primair Onderwijs De Linde",
      "RK Scholengroep Sint Maarten",
      "Onderwijsgroep Vecht en Reest",
      "Stichting Speciaal Onderwijs Het Baken",
  };
  std::vector<std::size_t> boards;
  for (std::size_t i = 0; i < std::size(kBoards); ++i) {
    const std::size_t o = add_org(b, "board-" + two_digits(static_cast<int>(i + 1)), std::string(kBoards[i]),
                                  OrganisationKind::Board);
    b.org(o).locations.push_back(make_location(rng, "Bestuursbureau", main, rng.percent(60)));
    boards.push_back(o);
  }

  for (std::size_t i = 0; i < ms.size(); ++i) {
    MunicipalityInfo info;
    info.key = "municipality-" + two_digits(static_cast<int>(i + 1));
    info.def = &ms[i];
    const std::size_t o =
        add_org(b, info.key, "Gemeente " + std::string(ms[i].name), OrganisationKind::Municipality);
    b.org(o).municipality_key = info.key;
    b.org(o).locations.push_back(make_location(rng, "Gemeentehuis", ms[i], true));
    b.municipalities.push_back(std::move(info));
  }

  const std::size_t rbl =
      add_org(b, std::string(kAttendanceOfficeKey), "Regionaal Bureau Leerplicht Vecht en Reest",
              OrganisationKind::AttendanceOffice);
  b.org(rbl).municipality_key = b.municipalities[0].key;
  b.org(rbl).locations.push_back(make_location(rng, "RBL Vecht en Reest", main, true));

  for (std::size_t i = 0; i < ms.size(); ++i) {
    const std::size_t o = add_org(b, "youthteam-" + two_digits(static_cast<int>(i + 1)),
                                  std::string(ms[i].youth_team), OrganisationKind::YouthTeam);
    b.org(o).municipality_key = b.municipalities[i].key;
    b.org(o).locations.push_back(make_location(rng, std::string(ms[i].youth_team), ms[i], true));
  }

  const auto pool = care_providers();
  const int care_count = rng.between(3, 5);
  std::set<std::size_t> used;
  for (int i = 0; i < care_count; ++i) {
    const CareProviderDef& def = draw_unused(rng, pool, used);
    const std::size_t o =
        add_org(b, "care-" + two_digits(i + 1), std::string(def.name), OrganisationKind::CareProvider);
    const MunicipalityDef& m = ms[rng.weighted(std::vector<int>{60, 15, 15, 10})];
    b.org(o).locations.push_back(make_location(rng, std::string(def.location), m, false));
    b.care.push_back({o, def.slug, -1, true});
  }
  b.care.back().may_lead = false; // one provider never holds the regie

  add_schools(b, rng, boards, school_slugs);
}

} // namespace eenplan::demo::detail
