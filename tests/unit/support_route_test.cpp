// The rules of the school support route (ondersteuningsroute), one test per rule, and the access
// actions the route adds to the policy.
#include <gtest/gtest.h>

#include "domain/access.hpp"
#include "domain/support_route.hpp"
#include "http/problem.hpp"

using namespace eenplan::domain;

namespace {

constexpr Date kToday{2026, 11, 16};

RouteFacts with_steps(int preventive, int other = 0) {
  RouteFacts f;
  for (int i = 0; i < preventive; ++i)
    f.steps.push_back({BasicSupportKind::PreventiveConversation, Date{2026, 10, 1 + i}});
  for (int i = 0; i < other; ++i)
    f.steps.push_back({BasicSupportKind::CollegialConsultation, Date{2026, 9, 1 + i}});
  return f;
}

RouteFacts escalated() {
  RouteFacts f = with_steps(1, 1);
  f.concerns.push_back({"c1", Date{2026, 10, 20}, false});
  f.discussions.push_back({"c1", Date{2026, 10, 27}, CareTeamDecision::EscalateToJes});
  return f;
}

} // namespace

TEST(BasicSupport, PreventiveConversationsAtMostFive) {
  EXPECT_EQ(kMaxPreventiveConversations, 5);
  EXPECT_FALSE(
      check_basic_support_step(with_steps(4), BasicSupportKind::PreventiveConversation, kToday, kToday));
  EXPECT_EQ(check_basic_support_step(with_steps(5), BasicSupportKind::PreventiveConversation, kToday, kToday),
            RouteRefusal::PreventiveConversationLimit);
}

TEST(BasicSupport, OtherStepsAreNotLimitedByThePreventiveMaximum) {
  EXPECT_FALSE(
      check_basic_support_step(with_steps(5), BasicSupportKind::CareTeamObservation, kToday, kToday));
  EXPECT_FALSE(check_basic_support_step(with_steps(5, 8), BasicSupportKind::ActionResearch, kToday, kToday));
}

TEST(BasicSupport, StepCannotBeDatedInTheFuture) {
  EXPECT_EQ(
      check_basic_support_step({}, BasicSupportKind::CollegialConsultation, add_days(kToday, 1), kToday),
      RouteRefusal::DateInFuture);
}

TEST(Concern, NeedsBasicSupportStepsRecordedFirst) {
  EXPECT_EQ(check_concern({}, kToday, false, kToday), RouteRefusal::BasicSupportNotRecorded);
  EXPECT_FALSE(check_concern(with_steps(0, 1), kToday, false, kToday));
}

TEST(Concern, AnExplicitSkipReasonAllowsAConcernWithoutBasicSupport) {
  EXPECT_FALSE(check_concern({}, kToday, true, kToday));
}

TEST(Concern, OnlyOneOpenConcernAtATime) {
  RouteFacts f = with_steps(0, 1);
  f.concerns.push_back({"c1", Date{2026, 11, 1}, true});
  EXPECT_EQ(check_concern(f, kToday, false, kToday), RouteRefusal::ConcernAlreadyOpen);
  f.concerns.back().open = false; // discussed: a new zorgmelding may follow
  EXPECT_FALSE(check_concern(f, kToday, false, kToday));
}

TEST(CareTeam, DiscussesAnOpenConcernOnOrAfterItsDate) {
  RouteFacts f = with_steps(0, 1);
  f.concerns.push_back({"c1", Date{2026, 11, 10}, true});
  EXPECT_FALSE(check_care_team_discussion(f, "c1", Date{2026, 11, 10}, kToday));
  EXPECT_EQ(check_care_team_discussion(f, "c1", Date{2026, 11, 9}, kToday), RouteRefusal::DateBeforeConcern);
  EXPECT_EQ(check_care_team_discussion(f, "other", kToday, kToday), RouteRefusal::ConcernNotOpen);
  f.concerns.back().open = false;
  EXPECT_EQ(check_care_team_discussion(f, "c1", kToday, kToday), RouteRefusal::ConcernNotOpen);
}

TEST(Jes, ParentsMustBeInformedBeforeTheDiscussion) {
  const Date meeting{2026, 12, 3};
  RouteFacts f = escalated();
  EXPECT_EQ(check_jes_referral(f, "m1", meeting, JesReason::BasicSupportInsufficient, kToday).refusal,
            RouteRefusal::ParentsNotInformed);
  // Informed about the zorgteam only: not enough for the JES.
  f.parent_contacts.push_back({"p0", ParentTopic::CareTeam, Date{2026, 10, 19}});
  EXPECT_EQ(check_jes_referral(f, "m1", meeting, JesReason::BasicSupportInsufficient, kToday).refusal,
            RouteRefusal::ParentsNotInformed);
  // Informed about the JES, but only after the meeting: not enough either.
  f.parent_contacts.push_back({"p1", ParentTopic::Jes, Date{2026, 12, 4}});
  EXPECT_EQ(check_jes_referral(f, "m1", meeting, JesReason::BasicSupportInsufficient, kToday).refusal,
            RouteRefusal::ParentsNotInformed);
  f.parent_contacts.push_back({"p2", ParentTopic::Jes, Date{2026, 11, 12}});
  const auto ok = check_jes_referral(f, "m1", meeting, JesReason::BasicSupportInsufficient, kToday);
  EXPECT_FALSE(ok.refusal);
  EXPECT_EQ(ok.parent_contact_id, "p2");
}

TEST(Jes, NeedsAZorgteamDecisionToEscalate) {
  RouteFacts f = with_steps(0, 1);
  f.concerns.push_back({"c1", Date{2026, 10, 20}, false});
  f.discussions.push_back({"c1", Date{2026, 10, 27}, CareTeamDecision::InternalTrajectory});
  f.parent_contacts.push_back({"p1", ParentTopic::Jes, Date{2026, 11, 1}});
  EXPECT_EQ(check_jes_referral(f, "m1", Date{2026, 12, 3}, JesReason::DropoutRisk, kToday).refusal,
            RouteRefusal::CareTeamNotEscalated);
}

TEST(Jes, ThreatenedHomeboundPupilGoesOnTheAgendaDirectlyButParentsStillMustKnow) {
  RouteFacts f; // nothing recorded: the coordinator puts a (dreigende) thuiszitter on the agenda
  EXPECT_EQ(check_jes_referral(f, "m1", Date{2026, 12, 3}, JesReason::Homebound, kToday).refusal,
            RouteRefusal::ParentsNotInformed);
  f.parent_contacts.push_back({"p1", ParentTopic::Jes, kToday});
  EXPECT_FALSE(check_jes_referral(f, "m1", Date{2026, 12, 3}, JesReason::Homebound, kToday).refusal);
}

TEST(Jes, MeetingThatTookPlaceTakesNoNewCases) {
  RouteFacts f = escalated();
  f.parent_contacts.push_back({"p1", ParentTopic::Jes, Date{2026, 11, 1}});
  EXPECT_EQ(check_jes_referral(f, "m1", add_days(kToday, -1), JesReason::DropoutRisk, kToday).refusal,
            RouteRefusal::MeetingInPast);
  EXPECT_FALSE(check_jes_referral(f, "m1", kToday, JesReason::DropoutRisk, kToday).refusal);
}

TEST(Jes, PupilIsOnceOnAMeetingsAgenda) {
  RouteFacts f = escalated();
  f.parent_contacts.push_back({"p1", ParentTopic::Jes, Date{2026, 11, 1}});
  f.referrals.push_back({"m1", Date{2026, 12, 3}});
  EXPECT_EQ(check_jes_referral(f, "m1", Date{2026, 12, 3}, JesReason::DropoutRisk, kToday).refusal,
            RouteRefusal::AlreadyOnAgenda);
  EXPECT_FALSE(check_jes_referral(f, "m2", Date{2027, 1, 14}, JesReason::DropoutRisk, kToday).refusal);
}

TEST(Jes, TeamMeetsAtLeastSixTimesPerSchoolYear) {
  EXPECT_EQ(kMinJesMeetingsPerSchoolYear, 6);
  EXPECT_EQ(jes_meetings_short({}, kToday), 6);
  // Two in this school year (Aug 2026 – Jul 2027), one in the previous one (does not count).
  const std::vector<Date> dates{{2026, 7, 2}, {2026, 9, 10}, {2027, 7, 15}};
  EXPECT_EQ(jes_meetings_short(dates, kToday), 4);
  std::vector<Date> seven;
  for (int m = 0; m < 7; ++m)
    seven.push_back(Date{2027, 1 + m, 10});
  EXPECT_EQ(jes_meetings_short(seven, kToday), 0);
}

TEST(SchoolYear, StartsOnTheFirstOfAugust) {
  EXPECT_EQ(school_year_start(Date{2026, 7, 31}), 2025);
  EXPECT_EQ(school_year_start(Date{2026, 8, 1}), 2026);
}

TEST(RouteStage, FollowsTheRouteFromMentorToJes) {
  RouteFacts f;
  EXPECT_EQ(stage_of(f), RouteStage::Mentor);
  f.steps.push_back({BasicSupportKind::CareTeamObservation, Date{2026, 9, 1}});
  EXPECT_EQ(stage_of(f), RouteStage::BasicSupport);
  f.concerns.push_back({"c1", Date{2026, 10, 1}, true});
  EXPECT_EQ(stage_of(f), RouteStage::Concern);
  f.concerns.back().open = false;
  f.discussions.push_back({"c1", Date{2026, 10, 8}, CareTeamDecision::EscalateToJes});
  EXPECT_EQ(stage_of(f), RouteStage::CareTeam);
  f.referrals.push_back({"m1", Date{2026, 12, 3}});
  EXPECT_EQ(stage_of(f), RouteStage::Jes);
}

TEST(RouteCodes, EveryKindRoundTripsThroughItsCode) {
  for (auto kind : kAllBasicSupportKinds)
    EXPECT_EQ(parse_basic_support_kind(to_string(kind)), kind);
  EXPECT_EQ(parse_care_team_decision("escalate_to_jes"), CareTeamDecision::EscalateToJes);
  EXPECT_EQ(parse_jes_reason("homebound"), JesReason::Homebound);
  EXPECT_EQ(parse_parent_topic("jes"), ParentTopic::Jes);
  EXPECT_EQ(parse_contact_method("phone"), ContactMethod::Phone);
  EXPECT_FALSE(parse_basic_support_kind("Preventive_conversation"));
  EXPECT_EQ(to_string(RouteRefusal::ParentsNotInformed), "parents-not-informed");
}

// ---- access: the route's two actions -----------------------------------------------------------

namespace {
PupilRelations school_pupil() {
  return {"school-a", "", "muni-1", false, false};
}
Actor actor(Role role, std::vector<std::string> member_of = {}, std::vector<std::string> linked = {}) {
  return Actor{"u1", role, std::move(member_of), std::move(linked)};
}
} // namespace

TEST(SupportRouteAccess, MentorOnTheCaseTeamRecordsStepsButDoesNotDecide) {
  PupilRelations rel = school_pupil();
  rel.actor_on_case_team = true;
  EXPECT_TRUE(decide(actor(Role::Teacher), rel, Action::RecordSupportStep).allowed);
  EXPECT_FALSE(decide(actor(Role::Teacher), rel, Action::DecideSupportRoute).allowed);
  rel.actor_is_case_lead = true;
  EXPECT_TRUE(decide(actor(Role::Teacher), rel, Action::DecideSupportRoute).allowed);
}

TEST(SupportRouteAccess, CoordinatorOfTheSchoolRecordsAndDecides) {
  const Actor coordinator = actor(Role::SchoolCoordinator, {"school-a"});
  EXPECT_TRUE(decide(coordinator, school_pupil(), Action::RecordSupportStep).allowed);
  EXPECT_TRUE(decide(coordinator, school_pupil(), Action::DecideSupportRoute).allowed);
  EXPECT_FALSE(decide(actor(Role::SchoolCoordinator, {"school-b"}), school_pupil(), Action::RecordSupportStep)
                   .allowed);
}

TEST(SupportRouteAccess, LeerplichtWithAttendanceScopeSeesNoRoute) {
  const Actor officer = actor(Role::AttendanceOfficer, {"muni-1"});
  EXPECT_FALSE(decide(officer, school_pupil(), Action::RecordSupportStep).allowed);
  EXPECT_FALSE(decide(officer, school_pupil(), Action::DecideSupportRoute).allowed);
}

TEST(SupportRouteAccess, OnlyTheSchoolsCoordinatorAndLinkedConsultantManageJesMeetings) {
  EXPECT_TRUE(may_manage_support_meetings(actor(Role::SchoolCoordinator, {"school-a"}), "school-a"));
  EXPECT_FALSE(may_manage_support_meetings(actor(Role::SchoolCoordinator, {"school-b"}), "school-a"));
  EXPECT_TRUE(may_manage_support_meetings(actor(Role::SwvConsultant, {"swv"}, {"school-a"}), "school-a"));
  EXPECT_FALSE(may_manage_support_meetings(actor(Role::SwvConsultant, {"school-a"}), "school-a"));
  EXPECT_FALSE(may_manage_support_meetings(actor(Role::Teacher, {"school-a"}), "school-a"));
  EXPECT_FALSE(may_manage_support_meetings(actor(Role::SwvAdmin, {"school-a"}, {"school-a"}), "school-a"));
  EXPECT_FALSE(may_manage_support_meetings(actor(Role::SchoolCoordinator, {""}), ""));
}

// ---- the problem answer of a refused step ------------------------------------------------------

TEST(RouteRefusalProblem, IsA422WithTheRulesOwnCode) {
  const auto failure = eenplan::core::violated(to_string(RouteRefusal::ParentsNotInformed),
                                               std::string(explain(RouteRefusal::ParentsNotInformed)));
  const auto body = eenplan::http::problem_body(failure.error, "req-1");
  EXPECT_EQ(body.at("status").as_int64(), 422);
  EXPECT_EQ(body.at("code").as_string(), "parents-not-informed");
  EXPECT_EQ(body.at("type").as_string(), "https://eenplan.nl/problems/parents-not-informed");
  EXPECT_NE(std::string(body.at("detail").as_string()).find("ouders"), std::string::npos);
}
