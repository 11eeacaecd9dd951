#include "domain/trajectory_error.hpp"

#include <array>

namespace eenplan::domain {
namespace {

struct RuleText {
  TrajectoryRule rule;
  std::string_view code;
  ProblemKind kind;
  std::string_view message;
};

using enum TrajectoryRule;
constexpr ProblemKind kInput = ProblemKind::InvalidInput;
constexpr ProblemKind kConflict = ProblemKind::Conflict;

constexpr std::array kRules{
    RuleText{StaleVersion, "stale-version", ProblemKind::StaleVersion,
             "Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwste versie en probeer het opnieuw."},
    RuleText{EndBeforeStart, "end-before-start", kInput, "De einddatum ligt niet na de startdatum."},
    RuleText{EndDateBeyondOneYear, "end-date-beyond-one-year", kInput,
             "De einddatum ligt meer dan een jaar na de startdatum. Een arrangement is tijdelijk: "
             "verlengen kan alleen met een vastgelegde reden en een besluit."},
    RuleText{ReturnPlanRequired, "return-plan-required", kConflict,
             "Een arrangement kan pas starten met een terugkeer- of doorverwijzingsdraaiboek naar een "
             "erkende school."},
    RuleText{HomeSchoolRequired, "home-school-required", kInput,
             "Geef de stamschool op: die houdt de zorgplicht en neemt de leerling terug of zoekt een "
             "vervolgplek."},
    RuleText{EnrollingSchoolRequired, "enrolling-school-required", kInput,
             "Geef de school op waar de leerling tijdens het arrangement ingeschreven staat."},
    RuleText{ProviderRequired, "provider-required", kInput,
             "Geef ten minste één uitvoerende organisatie op."},
    RuleText{ArrangementNotDraft, "arrangement-not-draft", kConflict,
             "Dit arrangement is al gestart of beëindigd."},
    RuleText{ArrangementNotActive, "arrangement-not-active", kConflict, "Dit arrangement loopt niet (meer)."},
    RuleText{ExtensionReasonRequired, "extension-reason-required", kInput,
             "Verlengen kan alleen met een onderbouwing: leg de reden vast."},
    RuleText{ExtensionDecisionRequired, "extension-decision-required", kInput,
             "Verlengen kan alleen met een besluit: leg vast wie het besloot en wanneer."},
    RuleText{ExtensionNotLater, "extension-not-later", kInput,
             "De nieuwe einddatum ligt niet na de huidige einddatum."},
    RuleText{ExtensionBeyondOneYear, "extension-beyond-one-year", kInput,
             "Eén verlenging duurt ten hoogste een jaar na de huidige einddatum."},
    RuleText{EndingBeforeStart, "ending-before-start", kInput,
             "De datum van beëindiging ligt voor de startdatum."},
    RuleText{EndingReasonRequired, "ending-reason-required", kInput,
             "Leg vast waarom het arrangement eindigt en waar de leerling naartoe gaat."},
    RuleText{EvaluationCadenceInvalid, "evaluation-cadence-invalid", kInput,
             "De evaluatiefrequentie moet een positief aantal weken of maanden zijn."},
    RuleText{EvaluationCadenceTooLong, "evaluation-cadence-too-long", kInput,
             "Een maatwerktraject wordt minstens één keer per kwartaal geëvalueerd."},
    RuleText{RouteOneStepsIncomplete, "route-one-steps-incomplete", kConflict,
             "Nog niet alle stappen van route 1 (maatwerk) zijn afgerond."},
    RuleText{ParentsNotInvolved, "parents-not-involved", kInput,
             "Ouders zijn vanaf stap 1 volwaardig betrokken: leg vast wanneer en hoe."},
    RuleText{A4PlanIncomplete, "a4-plan-incomplete", kInput,
             "Het plan op één A4 noemt wie wat bijdraagt aan onderwijs, ondersteuning en vanuit de ouders, "
             "en is afgestemd met ouders, jongere en professionals."},
    RuleText{CarePlanRequired, "care-plan-required", kInput,
             "Er worden zorgmiddelen ingezet: naast het OPP is een zorgplan nodig."},
    RuleText{TlvRequired, "tlv-required", kInput,
             "Inschrijving in het speciaal onderwijs vraagt een toelaatbaarheidsverklaring (TLV) van het "
             "samenwerkingsverband."},
    RuleText{TlvNotValid, "tlv-not-valid", kInput,
             "De toelaatbaarheidsverklaring is niet geldig op de startdatum van het arrangement."},
    RuleText{
        EducationMoneyTransfer, "education-money-transfer", kInput,
        "Onderwijsmiddelen mogen niet worden overgedragen aan derden. Leg het vast als inkoop van diensten "
        "onder verantwoordelijkheid van de school."},
    RuleText{FinancingAmountInvalid, "financing-amount-invalid", kInput,
             "Het bedrag moet groter zijn dan nul (in centen)."},
    RuleText{FinancingPeriodInvalid, "financing-period-invalid", kInput,
             "De periode van de financiering eindigt voor ze begint."},
    RuleText{SchoolFundingNotAvailable, "school-funding-not-available", kInput,
             "Een leerling met een vrijstelling die na de teldatum instroomt, brengt dit schooljaar geen "
             "bekostiging van de school mee. Kies een andere bron, zoals een subsidie of het potje voor "
             "onvoorziene gevallen."},
    RuleText{ProvisionTooSmall, "provision-too-small", kInput,
             "Een voorziening (route 2) is voor een groep van ten minste 4 leerlingen; kies anders maatwerk "
             "(route 1)."},
    RuleText{TargetGroupRequired, "target-group-required", kInput,
             "Beschrijf de doelgroep in ondersteuningsbehoeften (niet in diagnoses)."},
    RuleText{UnknownSupportNeed, "unknown-support-need", kInput, "Onbekende ondersteuningsbehoefte."},
    RuleText{ProvisionFull, "provision-full", kConflict,
             "De voorziening is vol: er is geen vrije plek. Een nieuwe leerling komt op de wachtlijst."},
    RuleText{AlreadyPlaced, "already-placed", kConflict, "De leerling is al geplaatst in deze voorziening."},
    RuleText{AlreadyOnWaitingList, "already-on-waiting-list", kConflict,
             "De leerling staat al op de wachtlijst van deze voorziening."},
    RuleText{NotOnWaitingList, "not-on-waiting-list", kConflict,
             "De leerling staat niet op de wachtlijst van deze voorziening."},
    RuleText{NotPlaced, "not-placed", kConflict, "De leerling is niet geplaatst in deze voorziening."},
    RuleText{WaitingListEmpty, "waiting-list-empty", kConflict, "De wachtlijst is leeg."},
    RuleText{RegistrationClosed, "registration-closed", kConflict,
             "Deze aanmelding is al afgerond (geplaatst, afgewezen of ingetrokken)."},
    RuleText{ObservationPeriodInvalid, "observation-period-invalid", kInput,
             "De observatieperiode eindigt niet na de start, of begint voor de aanmelding."},
    RuleText{JointDecisionIncomplete, "joint-decision-incomplete", kInput,
             "Plaatsing is een gezamenlijk besluit: niet alle vereiste partijen hebben meebeslist."},
    RuleText{DecisionReasoningRequired, "decision-reasoning-required", kInput,
             "Geef de motivering van het gezamenlijk besluit."},
    RuleText{AdmissionDecisionRequired, "admission-decision-required", kConflict,
             "Plaatsen kan pas na een gezamenlijk besluit tot plaatsing."},
    RuleText{AdmissionRefused, "admission-refused", kConflict, "Het gezamenlijk besluit was: niet plaatsen."},
    RuleText{TaskOwnerRequired, "task-owner-required", kInput,
             "Een intake of huisbezoek heeft een eigenaar: wie voert het uit?"},
    RuleText{HomeVisitBeforeIntake, "home-visit-before-intake", kInput,
             "Het huisbezoek volgt op de intake en kan niet eerder gepland worden."},
    RuleText{WithdrawalReasonRequired, "withdrawal-reason-required", kInput,
             "Geef de reden van het intrekken van de aanmelding."},
    RuleText{WithdrawalBeforeRegistration, "withdrawal-before-registration", kInput,
             "De aanmelding kan niet ingetrokken worden vóór de datum van aanmelding."},
    RuleText{PhaseModelInvalid, "phase-model-invalid", kInput,
             "Het fasenmodel is onvolledig: elke fase heeft een unieke code, een naam, ten minste één plek, "
             "een zorgaandeel tussen 0 en 100% en een geldig urenbereik."},
    RuleText{PhaseInUse, "phase-in-use", kInput,
             "Deze fase staat in de fasegeschiedenis van leerlingen en kan daarom niet uit het model: "
             "wijzig haar naam of beschrijving, of laat haar staan."},
    RuleText{PhaseOfOtherModel, "phase-of-other-model", kInput,
             "Deze fase hoort niet bij het fasenmodel van dit arrangement."},
    RuleText{PhaseUnchanged, "phase-unchanged", kInput, "De leerling zit al in deze fase."},
    RuleText{PhaseChangeReasonRequired, "phase-change-reason-required", kInput,
             "Leg de reden van de faseovergang vast."},
    RuleText{PhaseChangeNeedsEvaluation, "phase-change-needs-evaluation", kInput,
             "Een faseovergang wordt besloten in een evaluatie: koppel de evaluatie."},
    RuleText{PhaseChangeBeforePrevious, "phase-change-before-previous", kInput,
             "De faseovergang ligt voor de vorige stap in de fasegeschiedenis."},
    RuleText{PhaseHistoryNotStarted, "phase-history-not-started", kConflict,
             "De leerling heeft nog geen startfase."},
    RuleText{PlaceNotAllowedInPhase, "place-not-allowed-in-phase", kInput,
             "Deze plek hoort niet bij de fase van de leerling."},
    RuleText{ScheduleHoursInvalid, "schedule-hours-invalid", kInput,
             "De uren per week moeten tussen 0 en 40 liggen, per plek en in totaal."},
    RuleText{OppNotApplicable, "opp-not-applicable", kInput,
             "Voor dit schooltype kent de wet geen ontwikkelingsperspectief (OPP)."},
    RuleText{OppAlreadySet, "opp-already-set", kConflict,
             "Dit OPP is al vastgesteld. Stel het bij in een nieuwe versie."},
    RuleText{OppNotSet, "opp-not-set", kConflict, "Dit OPP is nog niet vastgesteld."},
    RuleText{ExitPerspectiveReasoningRequired, "exit-perspective-reasoning-required", kInput,
             "Onderbouw het uitstroomperspectief."},
    RuleText{FactorsRequired, "factors-required", kInput,
             "De onderbouwing noemt ten minste één bevorderende en één belemmerende factor."},
    RuleText{GoalsRequired, "goals-required", kInput, "Het OPP bevat ten minste één doel."},
    RuleText{GoalTextTooVague, "goal-text-too-vague", kInput,
             "Beschrijf het doel specifiek: wat kan of doet de leerling dan (ten minste 15 tekens)?"},
    RuleText{GoalMeasureRequired, "goal-measure-required", kInput,
             "Maak het doel meetbaar: waaraan zie je dat het bereikt is?"},
    RuleText{GoalTargetDateInvalid, "goal-target-date-invalid", kInput,
             "Maak het doel tijdgebonden: een streefdatum na vandaag en binnen een jaar."},
    RuleText{GoalOwnerRequired, "goal-owner-required", kInput, "Wie is eigenaar van dit doel?"},
    RuleText{ActionPartRequired, "action-part-required", kInput,
             "Het handelingsdeel beschrijft de begeleiding en ondersteuning die de school biedt."},
    RuleText{ParentAgreementRequired, "parent-agreement-required", kConflict,
             "Ouders hebben instemmingsrecht op het handelingsdeel: leg vast wie instemde, wanneer en hoe."},
    RuleText{
        PupilNotHeard, "pupil-not-heard", kConflict,
        "De leerling heeft sinds 1 augustus 2025 hoorrecht: leg vast dat de leerling zijn of haar mening "
        "over het OPP kon geven."},
    RuleText{EvaluationOfOtherArrangement, "evaluation-of-other-arrangement", kInput,
             "Deze evaluatie hoort bij een ander arrangement of een ander OPP."},
    RuleText{GoalOfOtherOpp, "goal-of-other-opp", kInput,
             "Dit doel hoort niet bij het OPP van deze evaluatie."},
    RuleText{GoalEvaluatedTwice, "goal-evaluated-twice", kInput,
             "Een doel staat twee keer in deze evaluatie."},
    RuleText{EvaluationBeforeStart, "evaluation-before-start", kInput,
             "De evaluatie ligt voor de start van het arrangement."},
    RuleText{NextEvaluationDateRequired, "next-evaluation-date-required", kInput,
             "Plan de volgende evaluatie (na deze evaluatie)."},
    RuleText{
        NextEvaluationBeyondCadence, "next-evaluation-beyond-cadence", kInput,
        "De volgende evaluatie ligt verder weg dan de evaluatiefrequentie van het arrangement toestaat."},
    RuleText{ParentsNotInEvaluation, "parents-not-in-evaluation", kInput,
             "Over een faseovergang wordt besloten met ouders, leerling, zorg en school: ouders ontbreken."},
    RuleText{PhaseChangeDecisionRequired, "phase-change-decision-required", kInput,
             "Een nieuwe fase hoort bij het besluit 'fase wijzigen' en omgekeerd."},
};

// One row per rule: PhaseChangeDecisionRequired is the last enumerator (see the header).
static_assert(kRules.size() == static_cast<std::size_t>(PhaseChangeDecisionRequired) + 1);

const RuleText& text_of(TrajectoryRule rule) {
  for (const RuleText& text : kRules) {
    if (text.rule == rule) return text;
  }
  return kRules.front(); // unreachable: the completeness test checks every rule has a row
}

} // namespace

std::string_view code(TrajectoryRule rule) {
  return text_of(rule).code;
}

std::string_view dutch_message(TrajectoryRule rule) {
  return text_of(rule).message;
}

ProblemKind kind_of(TrajectoryRule rule) {
  return text_of(rule).kind;
}

const std::vector<TrajectoryRule>& all_trajectory_rules() {
  static const std::vector<TrajectoryRule> kAll = [] {
    std::vector<TrajectoryRule> rules;
    for (int i = 0; i <= static_cast<int>(PhaseChangeDecisionRequired); ++i)
      rules.push_back(static_cast<TrajectoryRule>(i));
    return rules;
  }();
  return kAll;
}

RuleViolation violation(TrajectoryRule rule, std::string field, std::string_view specifics) {
  std::string message(dutch_message(rule));
  if (!specifics.empty()) {
    message += ' ';
    message += specifics;
  }
  return RuleViolation{rule, std::move(field), std::move(message)};
}

Checked<void> check_version(int current_version, int expected_version) {
  if (current_version != expected_version) {
    return violation(StaleVersion, {},
                     "(Huidige versie " + std::to_string(current_version) +
                         ", uw wijziging is gebaseerd op versie " + std::to_string(expected_version) + ".)");
  }
  return {};
}

} // namespace eenplan::domain
