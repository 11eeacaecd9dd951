#include "domain/phase_model.hpp"

#include <algorithm>
#include <set>

#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<PlaceKind, 6> kPlaceCodes{{
    {PlaceKind::Home, "home"},
    {PlaceKind::DayCare, "day_care"},
    {PlaceKind::CareFarm, "care_farm"},
    {PlaceKind::CareInstitution, "care_institution"},
    {PlaceKind::School, "school"},
    {PlaceKind::SwvOffice, "swv_office"},
}};
constexpr NameTable<PlaceKind, 6> kPlaceLabels{{
    {PlaceKind::Home, "Thuis"},
    {PlaceKind::DayCare, "Dagbesteding"},
    {PlaceKind::CareFarm, "Zorgboerderij"},
    {PlaceKind::CareInstitution, "Zorginstelling"},
    {PlaceKind::School, "School"},
    {PlaceKind::SwvOffice, "Kantoor samenwerkingsverband"},
}};

constexpr int kMaxHoursPerWeek = 40;

// Where the pupil is during the day before school is possible (seed 001 RENN4 fase 0: "thuis, op
// de dagbesteding, de zorgboerderij of de zorginstelling").
const std::vector<PlaceKind> kOutsideSchool{PlaceKind::Home, PlaceKind::DayCare, PlaceKind::CareFarm,
                                            PlaceKind::CareInstitution};

std::vector<PlaceKind> outside_school_and(PlaceKind extra) {
  std::vector<PlaceKind> places = kOutsideSchool;
  places.push_back(extra);
  return places;
}

PhaseModel make_ambelt() {
  // Seed 000 "Fasenmodel" and "Doorstroom en uitstroom". The figure itself is not in the text; the
  // phases below are what the text says about them. Fase 1 is dagbesteding (figure 2 "Fase 1
  // dagbesteding"); fase 2 cannot do without care, "geschat op 50% van de geboden ondersteuning",
  // in the Praktijkklas; fase 3 is the Circelklas (special programme mornings, regular class
  // afternoons); fase 4 the regular SO class; "fase 3 t/m 5 reeds bediend binnen de Ambelt" in
  // regular SO classes with extra support where possible, so fase 5 is kept as the lightest step.
  PhaseModel model;
  model.id = kAmbeltModelId;
  model.name = "Fasenmodel De Ambelt";
  model.source = "De Ambelt, Fasenmodel en Praktijkklas (seed 000)";
  model.phases = {
      {"ambelt-1", "Fase 1 — dagbesteding",
       "Zorg staat voorop; de leerling zit op een dagbesteding of zorgboerderij en onderwijs is (nog) niet "
       "mogelijk.",
       0, 0, std::nullopt, std::nullopt, kOutsideSchool},
      {"ambelt-2",
       "Fase 2 — Praktijkklas",
       "Prikkelarme klas met een leerkracht speciaal onderwijs en een zorgspecialist (vier ogen); zorg is "
       "voorwaarde voor onderwijs, ongeveer de helft van de ondersteuning.",
       0,
       0,
       50,
       std::nullopt,
       {PlaceKind::School}},
      {"ambelt-3",
       "Fase 3 — Circelklas",
       "'s Ochtends een speciaal programma dat lijkt op fase 2, 's middags het programma van een reguliere "
       "SO-klas.",
       0,
       0,
       std::nullopt,
       std::nullopt,
       {PlaceKind::School}},
      {"ambelt-4",
       "Fase 4 — reguliere SO-klas",
       "Reguliere klas in het speciaal onderwijs, met extra "
       "ondersteuning waar nodig (trainingen, time-out, niveaugroepen).",
       0,
       0,
       std::nullopt,
       std::nullopt,
       {PlaceKind::School}},
      {"ambelt-5",
       "Fase 5 — reguliere SO-klas zonder extra ondersteuning",
       "Lichtste stap van het model; de leerling heeft geen tijdelijke extra voorzieningen meer nodig.",
       0,
       0,
       std::nullopt,
       std::nullopt,
       {PlaceKind::School}},
  };
  return model;
}

PhaseModel make_renn4() {
  // Seed 001, praktijkvoorbeeld 2 (RENN4, VSO De Atlas, Emmen), "Fasering" and "Overgang".
  PhaseModel model;
  model.id = kRenn4ModelId;
  model.name = "Maatwerktraject RENN4 (fase 0–3)";
  model.source = "RENN4 maatwerktraject voor thuiszitters (seed 001)";
  model.phases = {
      // "De leerkracht bezoekt hen gemiddeld 2 uur per week op de plek waar ze zich overdag bevinden."
      {"renn4-0", "Fase 0 — geen schoolgang",
       "Welzijn en veiligheid voorop. De leerkracht komt gemiddeld 2 uur per week op de plek waar de "
       "leerling overdag is; de leerling bepaalt waar hij of zij mee begint.",
       2, 2, std::nullopt, std::nullopt, kOutsideSchool},
      // "In fase 1 zijn de leerlingen af en toe op school" — so school and the places of fase 0.
      {"renn4-1", "Fase 1 — ik-fase",
       "Plezier, welzijn en veiligheid voorop; af en toe op school in een lokaal met leerkracht en "
       "leerkrachtondersteuner.",
       0, 0, std::nullopt, std::nullopt, outside_school_and(PlaceKind::School)},
      {"renn4-2",
       "Fase 2 — jij-fase",
       "Een relatie opbouwen met een ander; opbouw in uren en aantal vakken, de didactiek wordt "
       "belangrijker.",
       0,
       0,
       std::nullopt,
       std::nullopt,
       {PlaceKind::School}},
      {"renn4-3",
       "Fase 3 — wij-fase",
       "Relaties met meerdere personen; in elk geval Nederlands, Engels en wiskunde/rekenen, opgebouwd naar "
       "een gewone schoolweek; bereidt voor op instroom in een reguliere vso-groep.",
       0,
       0,
       std::nullopt,
       std::nullopt,
       {PlaceKind::School}},
  };
  return model;
}

PhaseModel make_team_ambulant() {
  // Seed 004: "twee fases van drie maanden, korter indien mogelijk". Fase 1: "een leerkracht gaat
  // naar de dagbesteding ... in het begin slechts een uurtje per dag" (so from 5 hours a week).
  PhaseModel model;
  model.id = kTeamAmbulantModelId;
  model.name = "Team Ambulant (twee fases)";
  model.source = "Team Ambulant, Gentiaan College Apeldoorn (seed 004)";
  model.phases = {
      {"team-ambulant-1",
       "Fase 1 — onderwijs op de dagbesteding",
       "Een ambulante leerkracht geeft onderwijs op de dagbesteding, in het begin een uur per dag.",
       5,
       5,
       std::nullopt,
       3,
       {PlaceKind::DayCare, PlaceKind::Home}},
      {"team-ambulant-2",
       "Fase 2 — naar school",
       "De leerling komt naar school, bijvoorbeeld in een prikkelarme klas; lukt het niet, dan de volgende "
       "dag opnieuw.",
       0,
       0,
       std::nullopt,
       3,
       {PlaceKind::School}},
  };
  return model;
}

Checked<void> phase_problem(std::size_t index, std::string_view field, std::string_view specifics) {
  return violation(TrajectoryRule::PhaseModelInvalid,
                   "phases[" + std::to_string(index) + "]." + std::string(field), specifics);
}

} // namespace

std::string_view to_string(PlaceKind place) {
  return name_in(kPlaceCodes, place);
}
std::optional<PlaceKind> parse_place_kind(std::string_view text) {
  return parse_in(kPlaceCodes, text);
}
std::string_view dutch_label(PlaceKind place) {
  return name_in(kPlaceLabels, place);
}

bool Phase::allows(PlaceKind place) const {
  return std::ranges::find(allowed_places, place) != allowed_places.end();
}

const Phase* PhaseModel::find(std::string_view phase_code) const {
  const auto it = std::ranges::find_if(phases, [&](const Phase& phase) { return phase.code == phase_code; });
  return it == phases.end() ? nullptr : &*it;
}

std::optional<std::size_t> PhaseModel::index_of(std::string_view phase_code) const {
  for (std::size_t i = 0; i < phases.size(); ++i) {
    if (phases[i].code == phase_code) return i;
  }
  return std::nullopt;
}

Checked<void> validate_phase_model(const PhaseModel& model) {
  if (model.id.empty()) return violation(TrajectoryRule::PhaseModelInvalid, "id");
  if (model.phases.empty()) return violation(TrajectoryRule::PhaseModelInvalid, "phases", "(Geen fases.)");
  std::set<std::string_view> codes;
  for (std::size_t i = 0; i < model.phases.size(); ++i) {
    const Phase& phase = model.phases[i];
    if (phase.code.empty() || !codes.insert(phase.code).second)
      return phase_problem(i, "code", "(Code ontbreekt of dubbel.)");
    if (phase.name.empty()) return phase_problem(i, "name", {});
    if (phase.allowed_places.empty()) return phase_problem(i, "allowedPlaces", {});
    if (phase.typical_hours_min < 0 || phase.typical_hours_min > phase.typical_hours_max ||
        phase.typical_hours_max > kMaxHoursPerWeek) {
      return phase_problem(i, "typicalHours", {});
    }
    if (phase.care_share_percent && (*phase.care_share_percent < 0 || *phase.care_share_percent > 100)) {
      return phase_problem(i, "careSharePercent", {});
    }
    if (phase.typical_duration_months && *phase.typical_duration_months <= 0) {
      return phase_problem(i, "typicalDurationMonths", {});
    }
  }
  return {};
}

Checked<void> check_phases_in_use(const PhaseModel& current, const PhaseModel& changed,
                                  const std::vector<std::string>& codes_in_use) {
  for (std::size_t i = 0; i < current.phases.size(); ++i) {
    const Phase& phase = current.phases[i];
    if (changed.find(phase.code) != nullptr) continue;
    if (std::ranges::find(codes_in_use, phase.code) == codes_in_use.end()) continue;
    return violation(TrajectoryRule::PhaseInUse, "phases", "(" + phase.name + ")");
  }
  return {};
}

const PhaseModel& ambelt_phase_model() {
  static const PhaseModel kModel = make_ambelt();
  return kModel;
}

const PhaseModel& renn4_phase_model() {
  static const PhaseModel kModel = make_renn4();
  return kModel;
}

const PhaseModel& team_ambulant_phase_model() {
  static const PhaseModel kModel = make_team_ambulant();
  return kModel;
}

const std::vector<PhaseModel>& default_phase_models() {
  static const std::vector<PhaseModel> kModels{ambelt_phase_model(), renn4_phase_model(),
                                               team_ambulant_phase_model()};
  return kModels;
}

const PhaseModel* find_default_phase_model(std::string_view id) {
  for (const PhaseModel& model : default_phase_models()) {
    if (model.id == id) return &model;
  }
  return nullptr;
}

} // namespace eenplan::domain
