// Thuiszitter register rules: the clock, categories, duration bands, registration and candidates.
#include "domain/homebound.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/access.hpp"

namespace eenplan::domain {
namespace {

const HomeboundConfig kDefaults{};
constexpr Date kFirst{2026, 9, 7}; // a Monday in the school year

TEST(HomeboundClock, DeadlineIsTwelveWeeksAfterFirstDay) {
  EXPECT_EQ(legal_deadline(kFirst), (Date{2026, 11, 30}));
  EXPECT_EQ(days_between(kFirst, legal_deadline(kFirst)), 84);
}

TEST(HomeboundClock, RegionTargetDefaultsToTenWeeks) {
  EXPECT_EQ(target_date(kFirst, kDefaults), (Date{2026, 11, 16}));
  HomeboundConfig eight = kDefaults;
  eight.target_weeks = 8;
  EXPECT_EQ(target_date(kFirst, eight), (Date{2026, 11, 2}));
}

TEST(HomeboundClock, OnTrackWhileMoreThanAtRiskWeeksRemainToTarget) {
  const auto c =
      clock_for(HomeboundCategory::RelativeLong, kFirst, std::nullopt, Date{2026, 10, 1}, kDefaults);
  EXPECT_EQ(c.status, ClockStatus::OnTrack);
  EXPECT_EQ(c.days_elapsed, 24);
  EXPECT_EQ(c.days_to_target, 46);
  EXPECT_EQ(c.days_to_deadline, 60);
}

TEST(HomeboundClock, AtRiskWithinTwoWeeksOfTarget) {
  // Target 16 Nov; at risk when fewer than 14 days remain: 2 Nov (14 left) is on track,
  // 3 Nov (13 left) is at risk, and so is the target day itself.
  EXPECT_EQ(clock_for(HomeboundCategory::Absolute, kFirst, std::nullopt, Date{2026, 11, 2}, kDefaults).status,
            ClockStatus::OnTrack);
  EXPECT_EQ(clock_for(HomeboundCategory::Absolute, kFirst, std::nullopt, Date{2026, 11, 3}, kDefaults).status,
            ClockStatus::AtRisk);
  EXPECT_EQ(
      clock_for(HomeboundCategory::Absolute, kFirst, std::nullopt, Date{2026, 11, 16}, kDefaults).status,
      ClockStatus::AtRisk);
}

TEST(HomeboundClock, AtRiskWindowIsConfigurable) {
  HomeboundConfig wide = kDefaults;
  wide.at_risk_weeks = 4;
  EXPECT_EQ(clock_for(HomeboundCategory::Absolute, kFirst, std::nullopt, Date{2026, 10, 20}, wide).status,
            ClockStatus::AtRisk);
  EXPECT_EQ(
      clock_for(HomeboundCategory::Absolute, kFirst, std::nullopt, Date{2026, 10, 20}, kDefaults).status,
      ClockStatus::OnTrack);
}

TEST(HomeboundClock, OverdueTheDayAfterTarget) {
  const auto c =
      clock_for(HomeboundCategory::RelativeLong, kFirst, std::nullopt, Date{2026, 11, 17}, kDefaults);
  EXPECT_EQ(c.status, ClockStatus::Overdue);
  EXPECT_FALSE(c.legal_deadline_passed);
}

TEST(HomeboundClock, LegalDeadlinePassedTheDayAfterTwelveWeeks) {
  EXPECT_FALSE(clock_for(HomeboundCategory::Absolute, kFirst, std::nullopt, Date{2026, 11, 30}, kDefaults)
                   .legal_deadline_passed);
  const auto c = clock_for(HomeboundCategory::Absolute, kFirst, std::nullopt, Date{2026, 12, 1}, kDefaults);
  EXPECT_TRUE(c.legal_deadline_passed);
  EXPECT_EQ(c.days_to_deadline, -1);
}

TEST(HomeboundClock, PlacementClosesTheClock) {
  const auto c =
      clock_for(HomeboundCategory::RelativeLong, kFirst, Date{2026, 10, 12}, Date{2027, 3, 1}, kDefaults);
  EXPECT_EQ(c.status, ClockStatus::Closed);
  EXPECT_EQ(c.days_elapsed, 35); // stands still on the closing day, not today
  EXPECT_TRUE(c.resolved_within_deadline);
}

TEST(HomeboundClock, ClosedAfterDeadlineIsNotResolvedWithinDeadline) {
  const auto c =
      clock_for(HomeboundCategory::RelativeLong, kFirst, Date{2026, 12, 1}, Date{2027, 3, 1}, kDefaults);
  EXPECT_FALSE(c.resolved_within_deadline);
  EXPECT_TRUE(c.legal_deadline_passed);
}

TEST(HomeboundClock, ExemptionAndAtRiskHaveNoClock) {
  EXPECT_EQ(clock_for(HomeboundCategory::Exemption, kFirst, std::nullopt, Date{2027, 3, 1}, kDefaults).status,
            ClockStatus::NotApplicable);
  EXPECT_EQ(clock_for(HomeboundCategory::AtRisk, kFirst, std::nullopt, Date{2027, 3, 1}, kDefaults).status,
            ClockStatus::NotApplicable);
}

TEST(HomeboundConfig, TargetMayNotExceedTheLegalTwelveWeeks) {
  HomeboundConfig c = kDefaults;
  EXPECT_TRUE(is_valid(c));
  c.target_weeks = 13;
  EXPECT_FALSE(is_valid(c));
  c.target_weeks = 12;
  EXPECT_TRUE(is_valid(c));
  c.at_risk_weeks = 12;
  EXPECT_FALSE(is_valid(c));
}

TEST(HomeboundConfig, EveryNonsenseSettingIsNamedByItsField) {
  EXPECT_TRUE(check_config(kDefaults).empty());
  HomeboundConfig c = kDefaults;
  c.target_weeks = 0;
  c.at_risk_weeks = 0;
  c.threatening_weeks = 5; // above the relative threshold of 4
  c.min_unauthorised_hours = 11;
  c.data_lag_school_days = -1;
  EXPECT_EQ(check_config(c), (std::vector<ConfigProblem>{
                                 ConfigProblem::TargetOutOfRange, ConfigProblem::AtRiskNotBelowTarget,
                                 ConfigProblem::ThreateningAboveThreshold, ConfigProblem::MinHoursOutOfRange,
                                 ConfigProblem::DataLagOutOfRange}));
  c = kDefaults;
  c.relative_threshold_weeks = 53;
  EXPECT_EQ(check_config(c), std::vector<ConfigProblem>{ConfigProblem::RelativeThresholdInvalid});
}

TEST(HomeboundConfig, ALongerTargetMovesTheClockButNeverTheLegalDeadline) {
  HomeboundConfig twelve = kDefaults;
  twelve.target_weeks = 12;
  const auto ten = clock_for(HomeboundCategory::Absolute, kFirst, std::nullopt, kFirst, kDefaults);
  const auto longer = clock_for(HomeboundCategory::Absolute, kFirst, std::nullopt, kFirst, twelve);
  EXPECT_EQ(longer.target, add_days(ten.target, 14));
  EXPECT_EQ(longer.legal_deadline, ten.legal_deadline);
}

TEST(HomeboundCategory, RelativeUpToThreeMonthsIs2a) {
  EXPECT_EQ(relative_subcategory(HomeboundCategory::RelativeLong, kFirst, Date{2026, 12, 7}),
            RelativeSubcategory::UpToThreeMonths);
  EXPECT_EQ(to_string(RelativeSubcategory::UpToThreeMonths), "2a");
}

TEST(HomeboundCategory, RelativeBeyondThreeMonthsIs2b) {
  EXPECT_EQ(relative_subcategory(HomeboundCategory::RelativeLong, kFirst, Date{2026, 12, 8}),
            RelativeSubcategory::OverThreeMonths);
  EXPECT_EQ(to_string(RelativeSubcategory::OverThreeMonths), "2b");
}

TEST(HomeboundCategory, SubcategoryOnlyForLongRelativeAbsence) {
  EXPECT_EQ(relative_subcategory(HomeboundCategory::Absolute, kFirst, Date{2027, 6, 1}),
            RelativeSubcategory::None);
}

TEST(HomeboundCategory, CodesRoundTrip) {
  for (auto c : {HomeboundCategory::Absolute, HomeboundCategory::RelativeLong, HomeboundCategory::Exemption,
                 HomeboundCategory::AtRisk}) {
    EXPECT_EQ(parse_homebound_category(to_string(c)), c);
  }
  for (auto k : {ExemptionKind::Art5a, ExemptionKind::Art5b, ExemptionKind::Art5c, ExemptionKind::Art5aTravel,
                 ExemptionKind::Art15, ExemptionKind::Replacement3a, ExemptionKind::Replacement3b}) {
    EXPECT_EQ(parse_exemption_kind(to_string(k)), k);
  }
  EXPECT_EQ(parse_homebound_category("thuiszitter"), std::nullopt);
  EXPECT_EQ(parse_exemption_kind(""), std::nullopt);
}

TEST(HomeboundDuration, BandsAreFourWeeksThreeAndSixMonths) {
  EXPECT_EQ(duration_band(kFirst, Date{2026, 10, 4}), DurationBand::UnderFourWeeks);
  EXPECT_EQ(duration_band(kFirst, Date{2026, 10, 5}), DurationBand::FourWeeksToThreeMonths);
  EXPECT_EQ(duration_band(kFirst, Date{2026, 12, 7}), DurationBand::FourWeeksToThreeMonths);
  EXPECT_EQ(duration_band(kFirst, Date{2026, 12, 8}), DurationBand::ThreeToSixMonths);
  EXPECT_EQ(duration_band(kFirst, Date{2027, 3, 7}), DurationBand::ThreeToSixMonths);
  EXPECT_EQ(duration_band(kFirst, Date{2027, 3, 8}), DurationBand::OverSixMonths);
}

TEST(HomeboundDuration, MonthsEndOnTheLastDayWhenShorter) {
  EXPECT_EQ(add_months(Date{2026, 11, 30}, 3), (Date{2027, 2, 28}));
  EXPECT_EQ(add_months(Date{2027, 11, 30}, 3), (Date{2028, 2, 29}));
  EXPECT_EQ(add_months(Date{2026, 10, 31}, 3), (Date{2027, 1, 31}));
}

// ---- registration ---------------------------------------------------------------------------------

bool has(const std::vector<RegistrationProblem>& ps, RegistrationProblem p) {
  return std::ranges::find(ps, p) != ps.end();
}

constexpr Date kToday{2026, 12, 1};

TEST(HomeboundRegistration, FirstDayMayNotBeInTheFuture) {
  HomeboundRegistration r{HomeboundCategory::AtRisk, Date{2026, 12, 2}, {}, "", {}};
  EXPECT_TRUE(has(check_registration(r, PupilEnrolment::Enrolled, kToday, kDefaults),
                  RegistrationProblem::FirstDayInFuture));
  r.first_day = kToday;
  EXPECT_TRUE(check_registration(r, PupilEnrolment::Enrolled, kToday, kDefaults).empty());
}

TEST(HomeboundRegistration, AbsoluteVerzuimIsForPupilsNotEnrolled) {
  HomeboundRegistration r{HomeboundCategory::Absolute, Date{2026, 10, 1}, {}, "", {}};
  EXPECT_TRUE(has(check_registration(r, PupilEnrolment::Enrolled, kToday, kDefaults),
                  RegistrationProblem::AbsoluteNeedsNotEnrolled));
  EXPECT_TRUE(check_registration(r, PupilEnrolment::NotEnrolled, kToday, kDefaults).empty());
  EXPECT_TRUE(check_registration(r, PupilEnrolment::Left, kToday, kDefaults).empty());
}

TEST(HomeboundRegistration, LongRelativeAbsenceNeedsMoreThanFourWeeks) {
  HomeboundRegistration r{HomeboundCategory::RelativeLong, Date{2026, 11, 4}, {}, "", {}}; // 28 days incl.
  EXPECT_TRUE(has(check_registration(r, PupilEnrolment::Enrolled, kToday, kDefaults),
                  RegistrationProblem::RelativeNotYetLong));
  r.first_day = Date{2026, 11, 3}; // 29 days incl.: more than four weeks
  EXPECT_TRUE(check_registration(r, PupilEnrolment::Enrolled, kToday, kDefaults).empty());
  EXPECT_TRUE(has(check_registration(r, PupilEnrolment::NotEnrolled, kToday, kDefaults),
                  RegistrationProblem::RelativeNeedsEnrolled));
}

TEST(HomeboundRegistration, EveryExemptionHasKindNamedContactAndReviewDate) {
  HomeboundRegistration r{HomeboundCategory::Exemption, Date{2026, 9, 1}, {}, "", {}};
  const auto ps = check_registration(r, PupilEnrolment::Exempted, kToday, kDefaults);
  EXPECT_TRUE(has(ps, RegistrationProblem::ExemptionKindRequired));
  EXPECT_TRUE(has(ps, RegistrationProblem::ContactRequired));
  EXPECT_TRUE(has(ps, RegistrationProblem::ReviewDateRequired));
  r = {HomeboundCategory::Exemption, Date{2026, 9, 1}, ExemptionKind::Art5a, "Fenna Dijkstra",
       Date{2027, 7, 1}};
  EXPECT_TRUE(check_registration(r, PupilEnrolment::Exempted, kToday, kDefaults).empty());
  r.review_on = Date{2026, 8, 1};
  EXPECT_TRUE(has(check_registration(r, PupilEnrolment::Exempted, kToday, kDefaults),
                  RegistrationProblem::ReviewBeforeFirstDay));
}

TEST(HomeboundRegistration, ExemptionKindOnlyForExemptions) {
  HomeboundRegistration r{HomeboundCategory::AtRisk, Date{2026, 11, 20}, ExemptionKind::Art15, "", {}};
  EXPECT_TRUE(has(check_registration(r, PupilEnrolment::Enrolled, kToday, kDefaults),
                  RegistrationProblem::ExemptionKindOnlyForExemption));
}

TEST(HomeboundRegistration, PassedReviewDateShows) {
  EXPECT_TRUE(review_overdue(Date{2026, 11, 30}, kToday));
  EXPECT_FALSE(review_overdue(kToday, kToday));
  EXPECT_FALSE(review_overdue(std::nullopt, kToday));
}

TEST(HomeboundClose, PlacementNamesWhereAndNotInFuture) {
  EXPECT_TRUE(check_close(CaseState::Open, kFirst, kToday, CloseReason::Placed, "De Brug", kToday).empty());
  auto ps = check_close(CaseState::Open, kFirst, Date{2026, 12, 2}, CloseReason::Placed, "", kToday);
  EXPECT_NE(std::ranges::find(ps, CloseProblem::ClosedOnInFuture), ps.end());
  EXPECT_NE(std::ranges::find(ps, CloseProblem::PlacementRequired), ps.end());
  ps = check_close(CaseState::Open, kFirst, Date{2026, 9, 6}, CloseReason::Returned, "", kToday);
  EXPECT_NE(std::ranges::find(ps, CloseProblem::ClosedBeforeFirstDay), ps.end());
}

TEST(HomeboundClose, ClosedCaseCannotBeClosedAgain) {
  const auto ps = check_close(CaseState::Closed, kFirst, kToday, CloseReason::Returned, "", kToday);
  EXPECT_NE(std::ranges::find(ps, CloseProblem::NotOpen), ps.end());
}

// ---- candidates -------------------------------------------------------------------------------------

std::vector<AbsenceDayHours> absent_every_school_day(Date from, Date to, int hours = 8) {
  const auto calendar = default_school_calendar_2026_2027();
  std::vector<AbsenceDayHours> out;
  for (Date d = from; d <= to; d = add_days(d, 1)) {
    if (calendar.is_school_day(d)) out.push_back({d, hours});
  }
  return out;
}

TEST(HomeboundCandidates, MoreThanFourWeeksAbsentIsLongRelativeAbsence) {
  const auto calendar = default_school_calendar_2026_2027();
  // From Mon 26 Oct (after herfstvakantie) to Mon 30 Nov: 36 days.
  const auto c =
      detect_candidate(absent_every_school_day({2026, 10, 26}, {2026, 11, 30}), calendar, kToday, kDefaults);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->suggested, HomeboundCategory::RelativeLong);
  EXPECT_EQ(c->first_day, (Date{2026, 10, 26}));
  EXPECT_EQ(c->last_day, (Date{2026, 11, 30}));
  EXPECT_EQ(c->school_days, 26);
}

TEST(HomeboundCandidates, TwoToFourWeeksAbsentIsAtRisk) {
  const auto calendar = default_school_calendar_2026_2027();
  const auto c =
      detect_candidate(absent_every_school_day({2026, 11, 16}, {2026, 12, 1}), calendar, kToday, kDefaults);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->suggested, HomeboundCategory::AtRisk);
}

TEST(HomeboundCandidates, UnderTwoWeeksIsNoCandidate) {
  const auto calendar = default_school_calendar_2026_2027();
  EXPECT_FALSE(
      detect_candidate(absent_every_school_day({2026, 11, 23}, {2026, 12, 1}), calendar, kToday, kDefaults));
}

TEST(HomeboundCandidates, ADayInClassBreaksTheRun) {
  const auto calendar = default_school_calendar_2026_2027();
  auto days = absent_every_school_day({2026, 9, 1}, {2026, 12, 1});
  std::erase_if(days, [](const AbsenceDayHours& d) { return d.date == Date{2026, 11, 16}; });
  const auto c = detect_candidate(days, calendar, kToday, kDefaults);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->first_day, (Date{2026, 11, 17}));
  EXPECT_EQ(c->suggested, HomeboundCategory::AtRisk);
}

TEST(HomeboundCandidates, FewUnauthorisedHoursDoNotCountAsAbsentDay) {
  const auto calendar = default_school_calendar_2026_2027();
  EXPECT_FALSE(detect_candidate(absent_every_school_day({2026, 10, 26}, {2026, 12, 1}, 3), calendar, kToday,
                                kDefaults));
  HomeboundConfig strict = kDefaults;
  strict.min_unauthorised_hours = 3;
  EXPECT_TRUE(
      detect_candidate(absent_every_school_day({2026, 10, 26}, {2026, 12, 1}, 3), calendar, kToday, strict));
}

TEST(HomeboundCandidates, HolidaysNeitherBreakNorCountAsSchoolDays) {
  const auto calendar = default_school_calendar_2026_2027();
  // Absent up to the herfstvakantie (17–25 Oct) and after it: one run.
  const auto c = detect_candidate(absent_every_school_day({2026, 10, 5}, {2026, 11, 2}), calendar,
                                  Date{2026, 11, 2}, kDefaults);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->first_day, (Date{2026, 10, 5}));
  EXPECT_EQ(c->school_days, 16);
  EXPECT_EQ(c->suggested, HomeboundCategory::RelativeLong);
}

TEST(HomeboundCandidates, ImportLagOfAFewSchoolDaysIsTolerated) {
  const auto calendar = default_school_calendar_2026_2027();
  // Data up to Wed 25 Nov, today Tue 1 Dec: 3 school days without any record.
  EXPECT_TRUE(
      detect_candidate(absent_every_school_day({2026, 10, 26}, {2026, 11, 25}), calendar, kToday, kDefaults));
  // Data up to 16 Nov: more than 5 school days ago — the run no longer reaches today.
  EXPECT_FALSE(
      detect_candidate(absent_every_school_day({2026, 10, 1}, {2026, 11, 16}), calendar, kToday, kDefaults));
}

TEST(HomeboundCandidates, RecordedPartialDayAfterRunMeansBackInClass) {
  const auto calendar = default_school_calendar_2026_2027();
  auto days = absent_every_school_day({2026, 10, 26}, {2026, 11, 27});
  days.push_back({Date{2026, 11, 30}, 1}); // one hour late-ish: the pupil was in school
  EXPECT_FALSE(detect_candidate(days, calendar, kToday, kDefaults));
}

TEST(HomeboundCandidates, FutureAbsencesAreIgnored) {
  const auto calendar = default_school_calendar_2026_2027();
  EXPECT_FALSE(
      detect_candidate(absent_every_school_day({2026, 12, 2}, {2027, 2, 1}), calendar, kToday, kDefaults));
}

// ---- access -----------------------------------------------------------------------------------------

PupilRelations pupil_at(bool on_team = false) {
  return PupilRelations{"school-a", "school-home", "muni-a", on_team, false};
}

TEST(HomeboundAccess, SwvConsultantSeesPupilsOfLinkedSchools) {
  EXPECT_TRUE(decide_homebound(Actor{"u", Role::SwvConsultant, {"swv"}, {"school-a"}}, pupil_at()).allowed);
  EXPECT_TRUE(
      decide_homebound(Actor{"u", Role::SwvConsultant, {"swv"}, {"school-home"}}, pupil_at()).allowed);
  EXPECT_FALSE(decide_homebound(Actor{"u", Role::SwvConsultant, {"swv"}, {"school-b"}}, pupil_at()).allowed);
}

TEST(HomeboundAccess, CoordinatorSeesPupilsOfOwnSchool) {
  EXPECT_TRUE(decide_homebound(Actor{"u", Role::SchoolCoordinator, {"school-a"}, {}}, pupil_at()).allowed);
  EXPECT_FALSE(decide_homebound(Actor{"u", Role::SchoolCoordinator, {"school-b"}, {}}, pupil_at()).allowed);
}

TEST(HomeboundAccess, AttendanceOfficerSeesPupilsOfOwnMunicipality) {
  EXPECT_TRUE(decide_homebound(Actor{"u", Role::AttendanceOfficer, {"muni-a"}, {}}, pupil_at()).allowed);
  EXPECT_FALSE(decide_homebound(Actor{"u", Role::AttendanceOfficer, {"muni-b"}, {}}, pupil_at()).allowed);
}

TEST(HomeboundAccess, SwvAdminNeverSeesTheRegister) {
  EXPECT_FALSE(
      decide_homebound(Actor{"u", Role::SwvAdmin, {"school-a", "muni-a"}, {"school-a"}}, pupil_at(true))
          .allowed);
  EXPECT_FALSE(may_open_homebound_register(Role::SwvAdmin));
  EXPECT_FALSE(may_view_homebound_statistics(Role::SwvAdmin));
}

TEST(HomeboundAccess, CaseTeamAloneGivesNoRegisterAccess) {
  for (Role role : {Role::Teacher, Role::Orthopedagogue, Role::CareProvider, Role::MunicipalityConsultant}) {
    EXPECT_FALSE(decide_homebound(Actor{"u", role, {"school-a"}, {}}, pupil_at(true)).allowed);
    EXPECT_FALSE(may_open_homebound_register(role));
  }
  EXPECT_FALSE(decide_homebound(Actor{"u", Role::SwvConsultant, {"swv"}, {}}, pupil_at(true)).allowed);
}

TEST(HomeboundAccess, OnlyTheSwvConsultantSeesRegionStatistics) {
  EXPECT_TRUE(may_view_homebound_statistics(Role::SwvConsultant));
  EXPECT_FALSE(may_view_homebound_statistics(Role::SchoolCoordinator));
  EXPECT_FALSE(may_view_homebound_statistics(Role::AttendanceOfficer));
}

TEST(HomeboundAccess, SettingsAreReadByTheirUsersAndChangedByTheSwvAdminOnly) {
  EXPECT_TRUE(may_change_homebound_settings(Role::SwvAdmin));
  EXPECT_TRUE(may_view_homebound_settings(Role::SwvAdmin));
  for (Role role : {Role::SwvConsultant, Role::SchoolCoordinator, Role::AttendanceOfficer}) {
    EXPECT_TRUE(may_view_homebound_settings(role));
    EXPECT_FALSE(may_change_homebound_settings(role));
  }
  for (Role role : {Role::Teacher, Role::Orthopedagogue, Role::CareProvider, Role::MunicipalityConsultant}) {
    EXPECT_FALSE(may_view_homebound_settings(role));
    EXPECT_FALSE(may_change_homebound_settings(role));
  }
}

TEST(SchoolStatisticsAccess, CoordinatorOfTheSchoolAndLinkedConsultantOnly) {
  EXPECT_TRUE(may_view_school_statistics(Actor{"u", Role::SchoolCoordinator, {"school-a"}, {}}, "school-a"));
  EXPECT_FALSE(may_view_school_statistics(Actor{"u", Role::SchoolCoordinator, {"school-b"}, {}}, "school-a"));
  EXPECT_TRUE(may_view_school_statistics(Actor{"u", Role::SwvConsultant, {"swv"}, {"school-a"}}, "school-a"));
  EXPECT_FALSE(may_view_school_statistics(Actor{"u", Role::SwvConsultant, {"school-a"}, {}}, "school-a"));
  EXPECT_FALSE(may_view_school_statistics(Actor{"u", Role::AttendanceOfficer, {"school-a"}, {}}, "school-a"));
  EXPECT_FALSE(
      may_view_school_statistics(Actor{"u", Role::SwvAdmin, {"school-a"}, {"school-a"}}, "school-a"));
  EXPECT_FALSE(may_view_school_statistics(Actor{"u", Role::SchoolCoordinator, {""}, {}}, ""));
}

TEST(AbsenceTrends, QuartersAreCalendarQuarters) {
  EXPECT_EQ(quarter_of(Date{2026, 1, 1}), "2026-Q1");
  EXPECT_EQ(quarter_of(Date{2026, 3, 31}), "2026-Q1");
  EXPECT_EQ(quarter_of(Date{2026, 4, 1}), "2026-Q2");
  EXPECT_EQ(quarter_of(Date{2026, 12, 1}), "2026-Q4");
}

} // namespace
} // namespace eenplan::domain
