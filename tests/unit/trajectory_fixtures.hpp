// Shared builders for the trajectory tests: complete, valid objects that each test then breaks in
// exactly one way, so a test fails only for the rule it is named after.
#pragma once

#include "domain/arrangement.hpp"
#include "domain/dates.hpp"
#include "domain/opp.hpp"
#include "domain/phase_model.hpp"
#include "domain/provision.hpp"
#include "domain/route_one.hpp"

#include <string>

namespace eenplan::domain::testing {

inline RouteOneWorkflow complete_workflow(Date start) {
  RouteOneWorkflow w;
  w.analysis = "Thuiszitter sinds 14 weken; reguliere en collectieve voorzieningen passen niet.";
  w.parents_involved_on = add_days(start, -30);
  w.parents_involvement = "Ouders zitten aan tafel bij elk overleg en schrijven mee aan het plan.";
  w.participants = {{"u-teacher", "org-atlas", ParticipantRole::Executor},
                    {"u-consulent", "org-swv", ParticipantRole::DecisionMaker}};
  w.design = "Leerkracht komt twee uur per week thuis; opbouw naar af en toe op school.";
  w.a4_plan = A4Plan{{{ContributionArea::Education, "leerkracht De Atlas", "2 uur les per week thuis"},
                      {ContributionArea::Support, "jeugdhulp", "wekelijkse begeleiding gezin"},
                      {ContributionArea::Parents, "moeder", "zorgt voor een rustige werkplek"}},
                     add_days(start, -10)};
  w.exemption_needed = false;
  w.compulsory_education_met = true;
  w.special_education_enrolment_needed = false;
  w.finance_agreements = "Inkoop jeugdhulp via de gemeente; onderwijs uit de middelen van de school.";
  w.extra_funds_needed = false;
  return w;
}

/// A route-1 arrangement on the RENN4 model that may start on `start`.
inline Arrangement ready_tailored_arrangement(Date start) {
  Arrangement a;
  a.id = "arr-1";
  a.route = Route::Tailored;
  a.pupil_id = "pupil-1";
  a.provider_organisation_ids = {"org-atlas"};
  a.enrolling_school_id = "school-atlas";
  a.home_school_id = "school-stam";
  a.coordinator_id = "u-coord";
  a.support_needs = {"gradual_build_up", "relation_first"};
  a.phase_model_id = std::string(kRenn4ModelId);
  a.places = {PlaceKind::Home, PlaceKind::School};
  a.start = start;
  a.end = add_days(start, 300);
  a.cadence = kEverySixWeeks;
  a.return_plan = ReturnPlan{ReturnKind::ReturnToHomeSchool, "school-stam",
                             "Na fase 3 proefplaatsing op de stamschool, mentor bereidt de klas voor."};
  a.workflow = complete_workflow(start);
  a.opp_id = "opp-1";
  return a;
}

inline Goal smart_goal(std::string id, GoalArea area, Date today) {
  return Goal{std::move(id),
              area,
              "Leest zelfstandig een korte tekst hardop voor aan de leerkracht.",
              "DLE technisch lezen van 20 naar 30",
              add_days(today, 120),
              "u-teacher"};
}

/// A draft OPP that may be set on `today` for an SO pupil.
inline Opp ready_opp(Date today) {
  Opp opp;
  opp.id = "opp-1";
  opp.pupil_id = "pupil-1";
  opp.exit_perspective = {DestinationKind::RegularVsoClass,
                          "Didactisch niveau en motivatie passen bij een vso-groep zodra de angst afneemt."};
  opp.support_needs = {"gradual_build_up"};
  opp.factors = {{FactorKind::Promoting, "Wil graag leren, tekent graag."},
                 {FactorKind::Hindering, "Angst voor groepen en voor het schoolgebouw."}};
  opp.work_attitude = "Werkt geconcentreerd in een-op-een situaties, haakt af bij drukte.";
  opp.goals = {smart_goal("g-1", GoalArea::Didactic, today),
               smart_goal("g-2", GoalArea::SocialEmotional, today)};
  opp.goals[1].text = "Vraagt zelf om hulp als een opdracht niet lukt, zonder boos te worden.";
  opp.goals[1].measure = "In 4 van 5 observaties per week";
  opp.action_part.support_offered = "Leerkracht twee uur per week thuis, gedragsdeskundige coacht.";
  opp.action_part.agreement =
      ParentAgreement{"guardian-1", Signatory::Parent, today, AgreementMethod::Signature};
  opp.pupil_hearing = PupilHearing{today, "Ik wil eerst tekenen en Engels."};
  return opp;
}

} // namespace eenplan::domain::testing
