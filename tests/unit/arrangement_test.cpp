#include "domain/arrangement.hpp"
#include "domain/arrangement_templates.hpp"
#include "domain/date_math.hpp"
#include "domain/financing.hpp"
#include "domain/route_one.hpp"
#include "domain/transition.hpp"

#include "trajectory_fixtures.hpp"

#include <gtest/gtest.h>

#include <set>

namespace eenplan::domain {
namespace {

using testing::complete_workflow;
using testing::ready_tailored_arrangement;

constexpr Date kStart{2026, 9, 1};

TrajectoryRule start_refusal(Arrangement a) {
  auto started = start_arrangement(a, a.version);
  EXPECT_FALSE(started);
  return started ? TrajectoryRule::StaleVersion : started.error().rule;
}

// ---- date arithmetic ---------------------------------------------------------------------------

TEST(DateMath, AddMonthsClampsToTheEndOfTheMonth) {
  EXPECT_EQ(add_months(Date{2027, 1, 31}, 1), (Date{2027, 2, 28}));
  EXPECT_EQ(add_months(Date{2028, 1, 31}, 1), (Date{2028, 2, 29}));
  EXPECT_EQ(add_months(Date{2026, 11, 15}, 3), (Date{2027, 2, 15}));
  EXPECT_EQ(add_months(Date{2027, 2, 15}, -3), (Date{2026, 11, 15}));
  EXPECT_EQ(add_years(Date{2028, 2, 29}, 1), (Date{2029, 2, 28}));
}

// ---- period and start --------------------------------------------------------------------------

TEST(Arrangement, EndDateAtMostOneYearAfterStart) {
  EXPECT_TRUE(validate_period(kStart, Date{2027, 9, 1}, {}));
  auto beyond = validate_period(kStart, Date{2027, 9, 2}, {});
  ASSERT_FALSE(beyond);
  EXPECT_EQ(beyond.error().rule, TrajectoryRule::EndDateBeyondOneYear);
  EXPECT_EQ(beyond.error().code(), "end-date-beyond-one-year");
  EXPECT_EQ(beyond.error().field, "end");
  EXPECT_NE(beyond.error().message.find("01-09-2027"), std::string::npos);
}

TEST(Arrangement, EndDateAfterStart) {
  EXPECT_EQ(validate_period(kStart, kStart, {}).error().rule, TrajectoryRule::EndBeforeStart);
  EXPECT_EQ(validate_period(kStart, add_days(kStart, -1), {}).error().rule, TrajectoryRule::EndBeforeStart);
}

TEST(Arrangement, EndBeyondOneYearIsAllowedOnlyUpToARecordedExtension) {
  const Extension extension{Date{2027, 9, 1}, Date{2028, 3, 1}, "Fase 3 loopt nog", "CvB", Date{2027, 7, 1}};
  EXPECT_TRUE(validate_period(kStart, Date{2028, 3, 1}, {extension}));
  EXPECT_EQ(validate_period(kStart, Date{2028, 3, 2}, {extension}).error().rule,
            TrajectoryRule::EndDateBeyondOneYear);
}

TEST(Arrangement, ReadyArrangementStartsAndBumpsItsVersion) {
  Arrangement a = ready_tailored_arrangement(kStart);
  ASSERT_TRUE(start_arrangement(a, 1));
  EXPECT_EQ(a.status, ArrangementStatus::Active);
  EXPECT_EQ(a.version, 2);
  EXPECT_EQ(start_arrangement(a, 2).error().rule, TrajectoryRule::ArrangementNotDraft);
}

TEST(Arrangement, CannotStartWithoutReturnPlan) {
  Arrangement a = ready_tailored_arrangement(kStart);
  a.return_plan.reset();
  EXPECT_EQ(start_refusal(a), TrajectoryRule::ReturnPlanRequired);
  a = ready_tailored_arrangement(kStart);
  a.return_plan->steps = " ";
  EXPECT_EQ(start_refusal(a), TrajectoryRule::ReturnPlanRequired);
  a = ready_tailored_arrangement(kStart);
  a.return_plan->receiving_school_id.clear();
  EXPECT_EQ(start_refusal(a), TrajectoryRule::ReturnPlanRequired);
}

TEST(Arrangement, CannotStartWithEndDateBeyondOneYear) {
  Arrangement a = ready_tailored_arrangement(kStart);
  a.end = add_days(add_years(kStart, 1), 1);
  EXPECT_EQ(start_refusal(a), TrajectoryRule::EndDateBeyondOneYear);
}

TEST(Arrangement, StamschoolKeepsZorgplichtSoItIsRequired) {
  Arrangement a = ready_tailored_arrangement(kStart);
  a.home_school_id.clear();
  EXPECT_EQ(start_refusal(a), TrajectoryRule::HomeSchoolRequired);
  a = ready_tailored_arrangement(kStart);
  a.enrolling_school_id.clear();
  EXPECT_EQ(start_refusal(a), TrajectoryRule::EnrollingSchoolRequired);
  a = ready_tailored_arrangement(kStart);
  a.provider_organisation_ids.clear();
  EXPECT_EQ(start_refusal(a), TrajectoryRule::ProviderRequired);
}

TEST(Arrangement, SupportNeedsAreKnownCategories) {
  Arrangement a = ready_tailored_arrangement(kStart);
  a.support_needs.push_back("adhd"); // a diagnosis, not a support need
  auto valid = validate_arrangement(a);
  ASSERT_FALSE(valid);
  EXPECT_EQ(valid.error().rule, TrajectoryRule::UnknownSupportNeed);
  EXPECT_EQ(valid.error().field, "supportNeeds[2]");
}

TEST(Arrangement, StaleVersionIsRefused) {
  Arrangement a = ready_tailored_arrangement(kStart);
  auto started = start_arrangement(a, 7);
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().rule, TrajectoryRule::StaleVersion);
  EXPECT_EQ(a.status, ArrangementStatus::Draft);
}

// ---- cadence -----------------------------------------------------------------------------------

TEST(Arrangement, MaatwerkIsEvaluatedAtLeastOncePerQuarter) {
  Arrangement a = ready_tailored_arrangement(kStart);
  a.cadence = {CadenceUnit::Weeks, 13};
  EXPECT_TRUE(validate_arrangement(a));
  a.cadence = {CadenceUnit::Weeks, 14};
  EXPECT_EQ(validate_arrangement(a).error().rule, TrajectoryRule::EvaluationCadenceTooLong);
  a.cadence = {CadenceUnit::Months, 4};
  EXPECT_EQ(validate_arrangement(a).error().rule, TrajectoryRule::EvaluationCadenceTooLong);
  a.route = Route::Provision; // route 2 sets its own cadence (Koesterklas: half-yearly)
  EXPECT_TRUE(validate_arrangement(a));
  a.cadence = {CadenceUnit::Weeks, 0};
  EXPECT_EQ(validate_arrangement(a).error().rule, TrajectoryRule::EvaluationCadenceInvalid);
}

TEST(Arrangement, NextEvaluationDateFollowsTheCadence) {
  EXPECT_EQ(next_evaluation_date(kEverySixWeeks, kStart), add_days(kStart, 42));
  EXPECT_EQ(next_evaluation_date(kEveryTenWeeks, kStart), add_days(kStart, 70));
  EXPECT_EQ(next_evaluation_date(kEachQuarter, Date{2026, 11, 30}), (Date{2027, 2, 28}));
}

// ---- extension and ending ----------------------------------------------------------------------

TEST(Arrangement, ExtendingNeedsARecordedReasonAndDecision) {
  Arrangement a = ready_tailored_arrangement(kStart);
  ASSERT_TRUE(start_arrangement(a, 1));
  const Date new_end = add_months(a.end, 6);
  EXPECT_EQ(extend_arrangement(a, 2, new_end, "", "CvB", Date{2027, 6, 1}).error().rule,
            TrajectoryRule::ExtensionReasonRequired);
  EXPECT_EQ(extend_arrangement(a, 2, new_end, "Fase 3 nog niet afgerond", " ", Date{2027, 6, 1}).error().rule,
            TrajectoryRule::ExtensionDecisionRequired);
  const Date old_end = a.end;
  auto extended =
      extend_arrangement(a, 2, new_end, "Fase 3 nog niet afgerond", "CvB en consulent SWV", Date{2027, 6, 1});
  ASSERT_TRUE(extended);
  EXPECT_EQ(extended->previous_end, old_end);
  EXPECT_EQ(a.end, new_end);
  EXPECT_EQ(a.extensions.size(), 1U);
  EXPECT_EQ(a.version, 3);
  EXPECT_TRUE(validate_arrangement(a)); // the end is now beyond a year, covered by the extension
}

TEST(Arrangement, ExtensionIsLaterAndAtMostAYearBeyondTheCurrentEnd) {
  Arrangement a = ready_tailored_arrangement(kStart);
  ASSERT_TRUE(start_arrangement(a, 1));
  EXPECT_EQ(extend_arrangement(a, 2, a.end, "r", "CvB", kStart).error().rule,
            TrajectoryRule::ExtensionNotLater);
  EXPECT_EQ(extend_arrangement(a, 2, add_days(add_years(a.end, 1), 1), "r", "CvB", kStart).error().rule,
            TrajectoryRule::ExtensionBeyondOneYear);
  // Extensions are unlimited in number, "mits onderbouwd".
  ASSERT_TRUE(extend_arrangement(a, 2, add_years(a.end, 1), "r1", "CvB", kStart));
  ASSERT_TRUE(extend_arrangement(a, 3, add_years(a.end, 1), "r2", "CvB", kStart));
  EXPECT_EQ(a.extensions.size(), 2U);
}

TEST(Arrangement, OnlyActiveArrangementsAreExtendedOrEnded) {
  Arrangement a = ready_tailored_arrangement(kStart);
  EXPECT_EQ(extend_arrangement(a, 1, add_days(a.end, 10), "r", "CvB", kStart).error().rule,
            TrajectoryRule::ArrangementNotActive);
  EXPECT_EQ(
      end_arrangement(a, 1, {kStart, DestinationKind::ReturnToHomeSchool, "school-stam", "r"}).error().rule,
      TrajectoryRule::ArrangementNotActive);
}

TEST(Arrangement, EndingRecordsTheReturnOrReferral) {
  Arrangement a = ready_tailored_arrangement(kStart);
  ASSERT_TRUE(start_arrangement(a, 1));
  EXPECT_EQ(
      end_arrangement(a, 2, {add_days(kStart, -1), DestinationKind::ReturnToHomeSchool, "school-stam", "r"})
          .error()
          .rule,
      TrajectoryRule::EndingBeforeStart);
  EXPECT_EQ(end_arrangement(a, 2, {Date{2027, 6, 1}, DestinationKind::ReturnToHomeSchool, "school-stam", ""})
                .error()
                .rule,
            TrajectoryRule::EndingReasonRequired);
  ASSERT_TRUE(end_arrangement(a, 2,
                              {Date{2027, 6, 1}, DestinationKind::ReturnToHomeSchool, "school-stam",
                               "Fase 3 afgerond, terug naar de stamschool"}));
  EXPECT_EQ(a.status, ArrangementStatus::Ended);
  ASSERT_TRUE(a.ending);
  EXPECT_EQ(a.ending->destination, DestinationKind::ReturnToHomeSchool);
  EXPECT_EQ(a.ending->destination_organisation_id, "school-stam");
}

// ---- financing ---------------------------------------------------------------------------------

FinancingLine line(FundingSource source, PayeeKind payee, bool purchase) {
  return FinancingLine{source, 1'250'000, kStart, Date{2027, 7, 31}, payee, "org-zorg", purchase};
}

TEST(Financing, EducationMoneyToAThirdPartyIsRefusedUnlessBoughtAsAService) {
  auto transfer = validate_financing_line(line(FundingSource::SchoolLumpSum, PayeeKind::ThirdParty, false),
                                          "financing[0]");
  ASSERT_FALSE(transfer);
  EXPECT_EQ(transfer.error().rule, TrajectoryRule::EducationMoneyTransfer);
  EXPECT_EQ(transfer.error().field, "financing[0].purchaseOfServices");
  EXPECT_TRUE(validate_financing_line(line(FundingSource::SchoolLumpSum, PayeeKind::ThirdParty, true)));
  EXPECT_TRUE(validate_financing_line(line(FundingSource::SchoolLumpSum, PayeeKind::School, false)));
  EXPECT_FALSE(validate_financing_line(line(FundingSource::TlvBudget, PayeeKind::ThirdParty, false)));
  EXPECT_FALSE(validate_financing_line(line(FundingSource::SwvArrangement, PayeeKind::ThirdParty, false)));
  // Municipal youth-care money may go to a care provider directly.
  EXPECT_TRUE(
      validate_financing_line(line(FundingSource::MunicipalityYouthAct, PayeeKind::ThirdParty, false)));
  EXPECT_TRUE(validate_financing_line(line(FundingSource::Subsidy, PayeeKind::ThirdParty, false)));
}

TEST(Financing, AmountIsPositiveAndPeriodNotReversed) {
  FinancingLine zero = line(FundingSource::Subsidy, PayeeKind::School, false);
  zero.amount_cents = 0;
  EXPECT_EQ(validate_financing_line(zero).error().rule, TrajectoryRule::FinancingAmountInvalid);
  FinancingLine reversed = line(FundingSource::Subsidy, PayeeKind::School, false);
  reversed.period_end = add_days(reversed.period_start, -1);
  EXPECT_EQ(validate_financing_line(reversed).error().rule, TrajectoryRule::FinancingPeriodInvalid);
  FinancingLine one_day = line(FundingSource::Subsidy, PayeeKind::School, false);
  one_day.period_end = one_day.period_start;
  EXPECT_TRUE(validate_financing_line(one_day));
}

TEST(Financing, ArrangementRefusesAnInvalidLine) {
  Arrangement a = ready_tailored_arrangement(kStart);
  a.financing = {line(FundingSource::MunicipalityYouthAct, PayeeKind::ThirdParty, false),
                 line(FundingSource::SchoolLumpSum, PayeeKind::ThirdParty, false)};
  auto valid = validate_arrangement(a);
  ASSERT_FALSE(valid);
  EXPECT_EQ(valid.error().field, "financing[1].purchaseOfServices");
}

TEST(Financing, SourcesRoundTrip) {
  for (const auto source : {FundingSource::SchoolLumpSum, FundingSource::VsvFunds, FundingSource::Sponsoring})
    EXPECT_EQ(parse_funding_source(to_string(source)), source);
  EXPECT_EQ(parse_funding_source("lumpsum"), std::nullopt);
}

TEST(Financing, TeldatumIsFirstOctoberForVoAndFirstFebruaryForPrimaryAndSpecialEducation) {
  EXPECT_EQ(teldatum(SchoolType::Vo, Date{2026, 9, 1}), (Date{2026, 10, 1}));
  EXPECT_EQ(teldatum(SchoolType::Vo, Date{2027, 3, 1}), (Date{2026, 10, 1}));
  EXPECT_EQ(teldatum(SchoolType::Vso, Date{2026, 9, 1}), (Date{2027, 2, 1}));
  EXPECT_EQ(teldatum(SchoolType::Bao, Date{2027, 7, 31}), (Date{2027, 2, 1}));
}

TEST(Financing, ExemptPupilEnteringAfterTeldatumBringsNoSchoolFunding) {
  EXPECT_TRUE(brings_school_funding(SchoolType::Vo, true, Date{2026, 10, 1}));
  EXPECT_FALSE(brings_school_funding(SchoolType::Vo, true, Date{2026, 10, 2}));
  EXPECT_TRUE(brings_school_funding(SchoolType::Vo, false, Date{2026, 10, 2}));
  EXPECT_TRUE(brings_school_funding(SchoolType::Vso, true, Date{2026, 10, 2}));

  const Date entry{2026, 11, 2};
  std::vector<FinancingLine> lines{line(FundingSource::Subsidy, PayeeKind::School, false),
                                   line(FundingSource::SchoolLumpSum, PayeeKind::School, false)};
  auto refused = check_school_funding(lines, SchoolType::Vo, true, entry);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, TrajectoryRule::SchoolFundingNotAvailable);
  EXPECT_EQ(refused.error().field, "financing[1].source");
  lines[1].period_start = Date{2027, 8, 1}; // next school year: counted on its teldatum again
  EXPECT_TRUE(check_school_funding(lines, SchoolType::Vo, true, entry));
  EXPECT_TRUE(check_school_funding(lines, SchoolType::Vo, false, entry));
}

// ---- route 1 workflow --------------------------------------------------------------------------

TEST(RouteOne, CompleteWorkflowHasOnlyTheOppOpenUntilItIsSet) {
  const RouteOneWorkflow w = complete_workflow(kStart);
  EXPECT_EQ(open_steps(w, ""), std::vector<RouteOneStep>{RouteOneStep::Opp});
  EXPECT_TRUE(open_steps(w, "opp-1").empty());
  EXPECT_TRUE(check_ready_to_start(w, kStart));
}

TEST(RouteOne, EmptyWorkflowHasAllTenStepsOpen) {
  EXPECT_EQ(open_steps(RouteOneWorkflow{}, "").size(), 10U);
}

TEST(RouteOne, ParentsAreInvolvedFromStepOne) {
  RouteOneWorkflow w = complete_workflow(kStart);
  w.parents_involved_on.reset();
  EXPECT_EQ(check_ready_to_start(w, kStart).error().rule, TrajectoryRule::ParentsNotInvolved);
  w = complete_workflow(kStart);
  w.parents_involved_on = add_days(kStart, 1); // only after the start: too late
  EXPECT_EQ(check_ready_to_start(w, kStart).error().rule, TrajectoryRule::ParentsNotInvolved);
}

TEST(RouteOne, A4PlanNamesEducationSupportAndParentsAndIsAgreed) {
  RouteOneWorkflow w = complete_workflow(kStart);
  w.a4_plan->contributions.pop_back(); // no parents' contribution
  EXPECT_EQ(check_ready_to_start(w, kStart).error().rule, TrajectoryRule::A4PlanIncomplete);
  w = complete_workflow(kStart);
  w.a4_plan->agreed_on.reset();
  EXPECT_EQ(check_ready_to_start(w, kStart).error().rule, TrajectoryRule::A4PlanIncomplete);
  w = complete_workflow(kStart);
  w.a4_plan.reset();
  auto missing = check_ready_to_start(w, kStart);
  EXPECT_EQ(missing.error().rule, TrajectoryRule::RouteOneStepsIncomplete);
  EXPECT_NE(missing.error().message.find("stap 5"), std::string::npos);
}

TEST(RouteOne, ParticipantsNeedAnExecutorAndADecisionMaker) {
  RouteOneWorkflow w = complete_workflow(kStart);
  w.participants.pop_back();
  const auto open = open_steps(w, "opp-1");
  EXPECT_EQ(open, std::vector<RouteOneStep>{RouteOneStep::Participants});
  EXPECT_EQ(check_ready_to_start(w, kStart).error().rule, TrajectoryRule::RouteOneStepsIncomplete);
}

TEST(RouteOne, SpecialEducationEnrolmentNeedsAValidTlv) {
  RouteOneWorkflow w = complete_workflow(kStart);
  w.special_education_enrolment_needed = true;
  EXPECT_EQ(check_ready_to_start(w, kStart).error().rule, TrajectoryRule::TlvRequired);
  w.tlv = Tlv{"tlv-1", Date{2026, 10, 1}, Date{2028, 7, 31}};
  EXPECT_EQ(check_ready_to_start(w, kStart).error().rule, TrajectoryRule::TlvNotValid);
  w.tlv->valid_from = Date{2026, 8, 1};
  EXPECT_TRUE(check_ready_to_start(w, kStart));
}

TEST(RouteOne, CareMoneyNeedsACarePlan) {
  RouteOneWorkflow w = complete_workflow(kStart);
  w.care_money_used = true;
  EXPECT_EQ(check_ready_to_start(w, kStart).error().rule, TrajectoryRule::CarePlanRequired);
  w.care_plan_id = "zorgplan-1";
  EXPECT_TRUE(check_ready_to_start(w, kStart));
  EXPECT_TRUE(open_steps(w, "opp-1").empty());
}

TEST(RouteOne, ExemptionAndExtraFundsMustBeConsidered) {
  RouteOneWorkflow w = complete_workflow(kStart);
  w.exemption_needed.reset();
  w.extra_funds_needed = true; // needed, but no sources named
  const auto open = open_steps(w, "opp-1");
  EXPECT_EQ(open, (std::vector<RouteOneStep>{RouteOneStep::ExemptionConsidered,
                                             RouteOneStep::ExtraFundsConsidered}));
  w.exemption_needed = false;
  w.extra_funds = {FundingSource::Funds, FundingSource::ParentContribution};
  EXPECT_TRUE(open_steps(w, "opp-1").empty());
}

TEST(RouteOne, MaatwerkCannotStartBeforeTheWorkflowIsReady) {
  Arrangement a = ready_tailored_arrangement(kStart);
  a.workflow.design.clear();
  EXPECT_EQ(start_refusal(a), TrajectoryRule::RouteOneStepsIncomplete);
  a.route = Route::Provision; // route 2 has no route-1 workflow gate
  EXPECT_TRUE(start_arrangement(a, 1));
}

TEST(Arrangement, StamschoolIsInvitedToEveryMdo) {
  Arrangement a = ready_tailored_arrangement(kStart);
  a.provider_organisation_ids = {"org-atlas", "org-jeugdhulp", "school-atlas"};
  EXPECT_EQ(mdo_invitees(a),
            (std::vector<std::string>{"school-stam", "school-atlas", "org-atlas", "org-jeugdhulp"}));
}

// ---- templates ---------------------------------------------------------------------------------

TEST(ArrangementTemplates, ShipTheKnownFormsWithUniqueCodes) {
  std::set<std::string> codes;
  for (const auto& tpl : arrangement_templates()) {
    EXPECT_TRUE(codes.insert(tpl.code).second) << tpl.code;
    EXPECT_FALSE(tpl.source.empty()) << tpl.code;
    EXPECT_FALSE(tpl.staffing.empty()) << tpl.code;
    EXPECT_FALSE(tpl.places.empty()) << tpl.code;
    EXPECT_LE(tpl.duration_months, 12) << tpl.code;
    if (!tpl.phase_model_id.empty()) {
      const PhaseModel* model = find_default_phase_model(tpl.phase_model_id);
      ASSERT_NE(model, nullptr) << tpl.code;
      EXPECT_NE(model->find(tpl.start_phase), nullptr) << tpl.code;
    }
    if (tpl.route == Route::Tailored) {
      EXPECT_TRUE(is_at_least_quarterly(tpl.cadence)) << tpl.code;
    }
  }
  for (const char* code : {"praktijkklas", "docent-op-de-fiets", "renn4-maatwerktraject", "thuisdocent",
                           "onderwijs-in-behandelsetting", "team-ambulant", "koesterklas", "structuurgroep",
                           "onderwijszorggroep"}) {
    EXPECT_NE(find_arrangement_template(code), nullptr) << code;
  }
}

TEST(ArrangementTemplates, NumbersComeFromTheSeeds) {
  const auto* praktijkklas = find_arrangement_template("praktijkklas");
  EXPECT_EQ(praktijkklas->capacity, 6);
  EXPECT_EQ(praktijkklas->staffing.size(), 2U); // teacher + care specialist: "4 ogen"
  EXPECT_EQ(praktijkklas->cadence, kEveryTenWeeks);
  EXPECT_EQ(praktijkklas->start_phase, "ambelt-2");
  const auto* dof = find_arrangement_template("docent-op-de-fiets");
  EXPECT_EQ(dof->duration_months, 12);
  EXPECT_EQ(dof->visits_per_week, 1);
  EXPECT_EQ(dof->capacity, 20);
  const auto* thuisdocent = find_arrangement_template("thuisdocent");
  EXPECT_EQ(thuisdocent->max_hours_per_week, 3);
  EXPECT_EQ(thuisdocent->duration_months, 6);
  EXPECT_EQ(thuisdocent->cadence, kEverySixWeeks);
  EXPECT_EQ(find_arrangement_template("renn4-maatwerktraject")->capacity, 60);
  EXPECT_EQ(find_arrangement_template("renn4-maatwerktraject")->cadence, kEveryTenWeeks);
  EXPECT_EQ(find_arrangement_template("team-ambulant")->duration_months, 6);
  EXPECT_EQ(find_arrangement_template("onderwijs-in-behandelsetting")->cadence, kEverySixWeeks);
  EXPECT_EQ(find_arrangement_template("structuurgroep")->duration_months, 3);
  EXPECT_EQ(find_arrangement_template("onderwijszorggroep")->capacity, 9);
}

TEST(ArrangementTemplates, ArrangementFromTemplateEndsAfterItsDuration) {
  const Arrangement thuisdocent =
      arrangement_from_template(*find_arrangement_template("thuisdocent"), kStart);
  EXPECT_EQ(thuisdocent.end, (Date{2027, 3, 1}));
  EXPECT_EQ(thuisdocent.cadence, kEverySixWeeks);
  EXPECT_EQ(thuisdocent.route, Route::Tailored);
  EXPECT_EQ(thuisdocent.status, ArrangementStatus::Draft);
  const Arrangement dof = arrangement_from_template(*find_arrangement_template("docent-op-de-fiets"), kStart);
  EXPECT_TRUE(validate_period(dof.start, dof.end, {}));
  EXPECT_EQ(dof.end, add_years(kStart, 1));
}

// ---- transitions -------------------------------------------------------------------------------

TEST(Transition, PerspectiveIsComparedWithTheActualDestination) {
  const ExitPerspective perspective{DestinationKind::RegularVsoClass, "reden"};
  EXPECT_TRUE(matches_perspective(perspective, {kStart, DestinationKind::RegularVsoClass, "", "r"}));
  EXPECT_FALSE(matches_perspective(perspective, {kStart, DestinationKind::ShelteredWork, "", "r"}));
  EXPECT_TRUE(is_education_destination(DestinationKind::Mbo));
  EXPECT_FALSE(is_education_destination(DestinationKind::DayActivities));
  EXPECT_EQ(parse_destination_kind(to_string(DestinationKind::ShelteredWork)),
            DestinationKind::ShelteredWork);
}

TEST(Transition, AftercareLastsTwoYearsAfterLeaving) {
  EXPECT_EQ(aftercare_until({Date{2027, 7, 15}, DestinationKind::Work, "", "r"}), (Date{2029, 7, 15}));
}

} // namespace
} // namespace eenplan::domain
