#include "domain/arrangement_templates.hpp"

#include <algorithm>

#include "domain/date_math.hpp"

namespace eenplan::domain {
namespace {

using enum PlaceKind;

std::vector<ArrangementTemplate> make_templates() {
  std::vector<ArrangementTemplate> templates;

  // Seed 000 "De Praktijkklas": a teacher from special education and a care specialist in one
  // class ("4-ogen principe ... met z'n tweeën op de groep van (maar) zes leerlingen"); fase 2 of the
  // Fasenmodel; "Eens in de 10 weken vindt er een oudergesprek plaats"; placement is "een gezamenlijk
  // oordeel ... tussen gemeente en de commissie van begeleiding". Duration: unsourced, one school
  // year (the arrangement rule).
  templates.push_back({"praktijkklas",
                       "Praktijkklas (fase 2)",
                       Route::Provision,
                       "De Ambelt, De Praktijkklas (seed 000)",
                       std::string(kAmbeltModelId),
                       "ambelt-2",
                       6,
                       {{"leerkracht speciaal onderwijs", 1}, {"zorgspecialist", 1}},
                       {School},
                       kEveryTenWeeks,
                       12,
                       std::nullopt,
                       std::nullopt,
                       {"cvb", "municipality"},
                       {"low_stimulus_environment", "structure_predictability", "emotion_regulation",
                        "care_in_school", "small_group"}});

  // Seed 001 praktijkvoorbeeld 1: "Een docent ... bezoekt leerlingen die langdurig thuiszitten één
  // keer per week"; "Een traject duurt in principe 12 maanden"; "plek voor maximaal 20 leerlingen";
  // a gedragswetenschapper and an RBL consultant are always involved; admission after "positief
  // advies van het Loket Passend Onderwijs en de commissie van begeleiding". Cadence: the seed gives
  // none, so route 1's minimum (each quarter).
  templates.push_back({"docent-op-de-fiets",
                       "Docent op de Fiets",
                       Route::Tailored,
                       "Docent op de Fiets, Duin- en Bollenstreek (seed 001)",
                       {},
                       {},
                       20,
                       {{"docent", 1}, {"gedragswetenschapper", 1}, {"consulent leerrecht (RBL)", 1}},
                       {Home, DayCare, CareFarm, CareInstitution, School},
                       kEachQuarter,
                       12,
                       std::nullopt,
                       1,
                       {"swv_loket", "cvb"},
                       {"relation_first", "gradual_build_up"}});

  // Seed 001 praktijkvoorbeeld 2: phases 0–3, "In totaal maken 60 leerlingen gebruik van de
  // maatwerkvoorziening", "Elke tien weken zitten we met ouders, leerling, zorg en onderwijs om
  // tafel". Duration: "De duur per fase ligt niet vast"; the route-1 year applies.
  templates.push_back({"renn4-maatwerktraject",
                       "Maatwerktraject voor thuiszitters (RENN4)",
                       Route::Tailored,
                       "RENN4 maatwerktraject, VSO De Atlas Emmen (seed 001)",
                       std::string(kRenn4ModelId),
                       "renn4-0",
                       60,
                       {{"leerkracht", 1}, {"leerkrachtondersteuner", 1}, {"gedragsdeskundige", 1}},
                       {Home, DayCare, CareFarm, CareInstitution, School},
                       kEveryTenWeeks,
                       12,
                       std::nullopt,
                       std::nullopt,
                       {},
                       {"gradual_build_up", "relation_first", "low_stimulus_environment"}});

  // Seed 001 "Thuisdocent": "maximaal drie uur per week les op de plek waar zij zich overdag
  // bevinden" (home, day care, "bij ons op kantoor"); "In principe is de thuisdocent voor een half
  // jaar"; "Doordat we elke zes weken evalueren"; a pool of six retired teachers.
  templates.push_back({"thuisdocent",
                       "Thuisdocent",
                       Route::Tailored,
                       "Thuisdocent, Drechtsteden (seed 001)",
                       {},
                       {},
                       std::nullopt,
                       {{"thuisdocent", 1}},
                       {Home, DayCare, SwvOffice},
                       kEverySixWeeks,
                       6,
                       3,
                       std::nullopt,
                       {},
                       {"individual_instruction", "gradual_build_up"}});

  // Seed 001 "Onderwijs toevoegen aan een behandelsetting" (Doetinchem): three children in day
  // treatment at Kindercentrum Anneriet and two of groep Vlinder in an SO school; "voor dit meisje
  // is ... een begeleidingsplan gemaakt. Dat evalueren we elke zes weken." Duration: unsourced.
  templates.push_back({"onderwijs-in-behandelsetting",
                       "Onderwijs in een behandelsetting",
                       Route::Provision,
                       "WEL in ontwikkeling, SWV PPO Doetinchem en Zozijn (seed 001)",
                       {},
                       {},
                       5,
                       {{"orthopedagoog / gedragswetenschapper", 1}, {"pedagogisch ondersteuner", 2}},
                       {CareInstitution, School},
                       kEverySixWeeks,
                       12,
                       std::nullopt,
                       std::nullopt,
                       {},
                       {"care_in_school", "language_support", "physical_care"}});

  // Seed 004 "Team Ambulant": "twee fases van drie maanden, korter indien mogelijk"; a
  // gedragswetenschapper, zorgcoördinator, ambulante leerkracht and gedragscoach. Cadence: unsourced,
  // each quarter, which falls at the end of each phase.
  templates.push_back({"team-ambulant",
                       "Team Ambulant",
                       Route::Tailored,
                       "Team Ambulant, Gentiaan College Apeldoorn (seed 004)",
                       std::string(kTeamAmbulantModelId),
                       "team-ambulant-1",
                       std::nullopt,
                       {{"gedragswetenschapper", 1},
                        {"zorgcoördinator", 1},
                        {"ambulante leerkracht", 1},
                        {"gedragscoach", 1}},
                       {DayCare, Home, School},
                       kEachQuarter,
                       6,
                       std::nullopt,
                       std::nullopt,
                       {},
                       {"gradual_build_up", "low_stimulus_environment", "relation_first"}});

  // Seed 004 "Koesterklas" (SO Verschoorschool, Nunspeet): pupils with trauma or attachment problems
  // re-integrating into a regular SO class, financed with the municipalities; "halfjaarlijkse
  // evaluatiemomenten". Capacity and duration: unsourced (set by the region; one school year).
  templates.push_back({"koesterklas",
                       "Koesterklas",
                       Route::Provision,
                       "Koesterklas, SO Verschoorschool (seed 004)",
                       {},
                       {},
                       std::nullopt,
                       {{"leerkracht speciaal onderwijs", 1}, {"jeugdhulpverlener", 1}},
                       {School},
                       kEachHalfYear,
                       12,
                       std::nullopt,
                       std::nullopt,
                       {"cvb", "municipality"},
                       {"relation_first", "emotion_regulation", "structure_predictability"}});

  // Seed 002 ch11 (Meentschool, Winschoten): "Er zitten gemiddeld 9 leerlingen in de
  // structuurgroep en 9 in de onderwijszorggroep"; the maatwerktraject there takes "maximaal drie
  // maanden". Cadence: unsourced, every 6 weeks so a three-month trajectory is evaluated halfway.
  templates.push_back({"structuurgroep",
                       "Structuurgroep",
                       Route::Provision,
                       "Structuurgroep, VSO de Meentschool (seed 002 ch11)",
                       {},
                       {},
                       9,
                       {{"leerkracht speciaal onderwijs", 1}, {"onderwijsassistent", 1}},
                       {School},
                       kEverySixWeeks,
                       3,
                       std::nullopt,
                       std::nullopt,
                       {},
                       {"structure_predictability", "small_group"}});
  templates.push_back({"onderwijszorggroep",
                       "Onderwijszorggroep",
                       Route::Provision,
                       "Onderwijszorggroep, VSO de Meentschool (seed 002 ch11)",
                       {},
                       {},
                       9,
                       {{"leerkracht speciaal onderwijs", 1}, {"zorgmedewerker", 1}},
                       {School},
                       kEverySixWeeks,
                       3,
                       std::nullopt,
                       std::nullopt,
                       {},
                       {"physical_care", "care_in_school", "social_skills"}});
  return templates;
}

} // namespace

const std::vector<ArrangementTemplate>& arrangement_templates() {
  static const std::vector<ArrangementTemplate> kTemplates = make_templates();
  return kTemplates;
}

const ArrangementTemplate* find_arrangement_template(std::string_view code) {
  const auto& templates = arrangement_templates();
  const auto it =
      std::ranges::find_if(templates, [&](const ArrangementTemplate& t) { return t.code == code; });
  return it == templates.end() ? nullptr : &*it;
}

Arrangement arrangement_from_template(const ArrangementTemplate& tpl, Date start) {
  Arrangement arrangement;
  arrangement.route = tpl.route;
  arrangement.template_code = tpl.code;
  arrangement.support_needs = tpl.target_group;
  arrangement.staffing = tpl.staffing;
  arrangement.phase_model_id = tpl.phase_model_id;
  arrangement.places = tpl.places;
  arrangement.cadence = tpl.cadence;
  arrangement.start = start;
  arrangement.end = std::min(add_months(start, tpl.duration_months), add_years(start, 1));
  return arrangement;
}

Provision provision_from_template(const ArrangementTemplate& tpl, Date start) {
  Provision provision;
  provision.name = tpl.name;
  provision.template_code = tpl.code;
  provision.target_group = tpl.target_group;
  provision.capacity = tpl.capacity.value_or(0);
  provision.staffing = tpl.staffing;
  provision.phase_model_id = tpl.phase_model_id;
  provision.places = tpl.places;
  provision.cadence = tpl.cadence;
  provision.decision_roles = tpl.decision_roles;
  provision.start = start;
  return provision;
}

} // namespace eenplan::domain
