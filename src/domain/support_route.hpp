// The school support route (ondersteuningsroute binnen de school): the mentor's basisondersteuning,
// the zorgmelding to the coördinator passend onderwijs, the zorgteam (IZT) and escalation to the
// ondersteuningsteam (JES). Pure: the caller passes the route as recorded and the date of today.
//
// The steps and numbers follow a school's support profile (schoolondersteuningsprofiel §4.1):
//   - basisondersteuning: intercollegiale consultatie, observatie vanuit het IZT, handelingsgericht
//     onderzoek, preventieve zorg (at most 5 individual conversations by a member of the IZT);
//   - when that is not enough the mentor brings the pupil in with a zorgmelding, after talking to
//     the parents; the zorgteam decides on an internal trajectory, external care, or the JES;
//   - the JES (ondersteuningsteam) meets at least 6 times a year; (dreigende) thuiszitters are put on
//     its agenda directly by the coordinator; parents must know before their child is discussed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/school_calendar.hpp"

namespace eenplan::domain {

/// At most five preventive conversations with the pupil by a member of the IZT.
inline constexpr int kMaxPreventiveConversations = 5;
/// The ondersteuningsteam (JES) meets at least six times per school year.
inline constexpr int kMinJesMeetingsPerSchoolYear = 6;

enum class BasicSupportKind {
  CollegialConsultation,  // intercollegiale consultatie
  CareTeamObservation,    // observatie vanuit het IZT
  ActionResearch,         // handelingsgericht onderzoek (HGW)
  PreventiveConversation, // preventieve zorg: individueel gesprek door een lid van het IZT
};
inline constexpr BasicSupportKind kAllBasicSupportKinds[] = {
    BasicSupportKind::CollegialConsultation, BasicSupportKind::CareTeamObservation,
    BasicSupportKind::ActionResearch, BasicSupportKind::PreventiveConversation};
std::string_view to_string(BasicSupportKind kind);
std::optional<BasicSupportKind> parse_basic_support_kind(std::string_view text);

/// What the zorgteam decided (seed: internal trajectory, or straight to external care; if the help
/// is not enough: escalate to the JES).
enum class CareTeamDecision { InternalTrajectory, ExternalCare, EscalateToJes, NoFurtherSupport };
std::string_view to_string(CareTeamDecision decision);
std::optional<CareTeamDecision> parse_care_team_decision(std::string_view text);

/// Why a pupil is on the JES agenda (the case kinds the JES discusses).
enum class JesReason {
  Homebound,                  // (dreigende) thuiszitter
  DropoutRisk,                // externaliserende/internaliserende problematiek, dreigt uit te vallen
  BasicSupportInsufficient,   // basisondersteuning niet toereikend
  MultidisciplinaryExpertise, // expertise van verschillende deskundigen gewenst
  LateralEntrant,             // zij-instromer
  AdjustedTimetable,          // aangepast rooster
  SchoolDoctor,               // inzet van de schoolarts nodig
};
std::string_view to_string(JesReason reason);
std::optional<JesReason> parse_jes_reason(std::string_view text);

/// What the parents were told about.
enum class ParentTopic { CareTeam, Jes };
std::string_view to_string(ParentTopic topic);
std::optional<ParentTopic> parse_parent_topic(std::string_view text);

enum class ContactMethod { InPerson, Phone, Video, Letter, Digital };
std::string_view to_string(ContactMethod method);
std::optional<ContactMethod> parse_contact_method(std::string_view text);

/// Where the pupil is in the route, in order.
enum class RouteStage {
  Mentor,       // nothing recorded beyond the classroom
  BasicSupport, // basisondersteuning steps recorded
  Concern,      // zorgmelding open: waiting for the zorgteam
  CareTeam,     // discussed in the zorgteam
  Jes,          // on the agenda of (or discussed in) the JES
};
std::string_view to_string(RouteStage stage);

// ---- the route as recorded (what the rules look at) ------------------------------------------

struct RouteStepFact {
  BasicSupportKind kind;
  Date date;
};
struct ConcernFact {
  std::string id;
  Date date;
  bool open = true; // not yet discussed by the zorgteam
};
struct DiscussionFact {
  std::string concern_id;
  Date date;
  CareTeamDecision decision;
};
struct ParentContactFact {
  std::string id;
  ParentTopic topic;
  Date date;
};
struct ReferralFact {
  std::string meeting_id;
  Date meeting_date;
};

struct RouteFacts {
  std::vector<RouteStepFact> steps;
  std::vector<ConcernFact> concerns;
  std::vector<DiscussionFact> discussions;
  std::vector<ParentContactFact> parent_contacts;
  std::vector<ReferralFact> referrals;
};

/// Stable codes of refused steps (the API's problem `code`).
enum class RouteRefusal {
  PreventiveConversationLimit, // a 6th preventive conversation
  BasicSupportNotRecorded,     // zorgmelding without basisondersteuning and without a skip reason
  ConcernAlreadyOpen,          // a second zorgmelding while one waits for the zorgteam
  ConcernNotOpen,              // zorgteam discussion of an unknown or already discussed zorgmelding
  DateBeforeConcern,           // zorgteam discussion dated before the zorgmelding
  CareTeamNotEscalated,        // JES without a zorgteam decision to escalate (and not a thuiszitter)
  ParentsNotInformed,          // JES without parents informed on or before the meeting date
  MeetingInPast,               // a case added to a JES meeting that already took place
  AlreadyOnAgenda,             // the pupil is already on that meeting's agenda
  DateInFuture,                // a step recorded with a date after today
};
std::string_view to_string(RouteRefusal refusal);
/// Dutch explanation for people.
std::string_view explain(RouteRefusal refusal);

/// The stage the recorded route has reached.
RouteStage stage_of(const RouteFacts& route);

int preventive_conversations(const RouteFacts& route);

/// Rule: a basisondersteuning step is not in the future, and at most five preventive conversations.
std::optional<RouteRefusal> check_basic_support_step(const RouteFacts& route, BasicSupportKind kind,
                                                     Date date, Date today);

/// Rule: a zorgmelding needs at least one basisondersteuning step recorded, or an explicit reason to
/// skip basisondersteuning (e.g. an acute safety concern); one open zorgmelding at a time.
std::optional<RouteRefusal> check_concern(const RouteFacts& route, Date date, bool has_skip_reason,
                                          Date today);

/// Rule: a zorgteam discussion discusses an open zorgmelding, on or after its date.
std::optional<RouteRefusal> check_care_team_discussion(const RouteFacts& route, const std::string& concern_id,
                                                       Date date, Date today);

/// Rule: a parent contact is not dated in the future.
std::optional<RouteRefusal> check_parent_contact(Date date, Date today);

/// Rules of a JES referral, in this order: the meeting has not yet taken place; the pupil is not on
/// its agenda yet; the zorgteam decided to escalate, unless the pupil is a (dreigende) thuiszitter
/// (the coordinator puts those on the agenda directly); the parents were informed about the JES
/// discussion on or before the meeting date. On success `informed_by` is the parent contact used.
struct JesCheck {
  std::optional<RouteRefusal> refusal;
  std::string parent_contact_id;
};
JesCheck check_jes_referral(const RouteFacts& route, const std::string& meeting_id, Date meeting_date,
                            JesReason reason, Date today);

/// How many more JES meetings must be planned in the school year of `today` to reach the minimum.
int jes_meetings_short(const std::vector<Date>& meeting_dates, Date today);

} // namespace eenplan::domain
