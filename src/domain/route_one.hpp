// Route 1 (maatwerk) as a guided workflow: the ten steps of seed 001 "Route 1: maatwerk", each with
// the state that shows it was done. `open_steps` tells the UI what is left; `check_ready_to_start`
// is the gate before a maatwerk arrangement may start.
//
// The OPP (step 6) is not a start condition: by law it is set within 6 weeks after placement
// (rules.md §3), so the due list tracks it instead (due_items.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/financing.hpp"
#include "domain/trajectory_error.hpp"

namespace eenplan::domain {

enum class RouteOneStep {
  Analysis = 1,         // 1 analyse: waarom maatwerk
  ParentsInvolved,      // 2 ouders vanaf stap 1 volwaardig betrokken
  Participants,         // 3 uitvoerders en beslissers
  Design,               // 4 het ideale maatwerktraject
  A4Plan,               // 5 op een A4: wie levert welke bijdrage
  Opp,                  // 6 OPP (+ zorgplan bij zorgmiddelen), evaluatie ≥ 1x per kwartaal
  ExemptionConsidered,  // 7 vrijstelling en Leerplichtwet overwogen
  SpecialEducationTlv,  // 8 inschrijving SO overwogen; zo ja een TLV
  FinanceAgreements,    // 9 afspraken over financiën
  ExtraFundsConsidered, // 10 extra middelen overwogen
};
/// "analysis" | "parents_involved" | "participants" | "design" | "a4_plan" | "opp" |
/// "exemption_considered" | "special_education_tlv" | "finance_agreements" | "extra_funds_considered"
std::string_view to_string(RouteOneStep step);
std::optional<RouteOneStep> parse_route_one_step(std::string_view text);

enum class ParticipantRole { Executor, DecisionMaker };
/// "executor" | "decision_maker"
std::string_view to_string(ParticipantRole role);
std::optional<ParticipantRole> parse_participant_role(std::string_view text);

struct Participant {
  std::string person_id;
  std::string organisation_id;
  ParticipantRole role = ParticipantRole::Executor;
};

/// Step 5: "wie welke bijdrage (onderwijs, ondersteuning, ouders) levert".
enum class ContributionArea { Education, Support, Parents };
/// "education" | "support" | "parents"
std::string_view to_string(ContributionArea area);
std::optional<ContributionArea> parse_contribution_area(std::string_view text);

struct Contribution {
  ContributionArea area = ContributionArea::Education;
  std::string who;
  std::string what;
};

struct A4Plan {
  std::vector<Contribution> contributions;
  /// "Stem dit plan af met ouders, jongere en betrokken professionals."
  std::optional<Date> agreed_on;
};

/// A toelaatbaarheidsverklaring of the SWV.
struct Tlv {
  std::string id;
  Date valid_from;
  Date valid_until; // inclusive
};

struct RouteOneWorkflow {
  std::string analysis;                                   // step 1
  std::optional<Date> parents_involved_on;                // step 2
  std::string parents_involvement;                        // step 2: how they are involved
  std::vector<Participant> participants;                  // step 3
  std::string design;                                     // step 4
  std::optional<A4Plan> a4_plan;                          // step 5
  bool care_money_used = false;                           // step 6: zorgmiddelen → zorgplan
  std::string care_plan_id;                               // step 6
  std::optional<bool> exemption_needed;                   // step 7 (considered when set)
  std::optional<bool> compulsory_education_met;           // step 7
  std::optional<bool> special_education_enrolment_needed; // step 8 (considered when set)
  std::optional<Tlv> tlv;                                 // step 8
  std::string finance_agreements;                         // step 9
  std::optional<bool> extra_funds_needed;                 // step 10 (considered when set)
  std::vector<FundingSource> extra_funds;                 // step 10
};

/// The steps not yet done, in step order. `opp_id`: the arrangement's set OPP (step 6), empty if none.
std::vector<RouteOneStep> open_steps(const RouteOneWorkflow& workflow, std::string_view opp_id);

/// The gate before a maatwerk arrangement starts on `start`: every step but 6 done
/// (route-one-steps-incomplete, naming the open steps); parents involved no later than the start
/// (parents-not-involved); the A4 plan has a contribution for education, support and parents and
/// is agreed (a4-plan-incomplete); SO enrolment needed → a TLV (tlv-required) valid on `start`
/// (tlv-not-valid); care money → a zorgplan (care-plan-required).
Checked<void> check_ready_to_start(const RouteOneWorkflow& workflow, Date start);

} // namespace eenplan::domain
