#include "domain/support_route.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace eenplan::domain {
namespace {

template <typename E, std::size_t N>
std::optional<E> parse_from(const std::array<std::pair<E, std::string_view>, N>& table,
                            std::string_view text) {
  for (const auto& [value, code] : table) {
    if (code == text) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_in(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, code] : table) {
    if (v == value) return code;
  }
  return "unknown";
}

constexpr std::array<std::pair<BasicSupportKind, std::string_view>, 4> kBasicSupportKinds{{
    {BasicSupportKind::CollegialConsultation, "collegial_consultation"},
    {BasicSupportKind::CareTeamObservation, "care_team_observation"},
    {BasicSupportKind::ActionResearch, "action_research"},
    {BasicSupportKind::PreventiveConversation, "preventive_conversation"},
}};

constexpr std::array<std::pair<CareTeamDecision, std::string_view>, 4> kDecisions{{
    {CareTeamDecision::InternalTrajectory, "internal_trajectory"},
    {CareTeamDecision::ExternalCare, "external_care"},
    {CareTeamDecision::EscalateToJes, "escalate_to_jes"},
    {CareTeamDecision::NoFurtherSupport, "no_further_support"},
}};

constexpr std::array<std::pair<JesReason, std::string_view>, 7> kJesReasons{{
    {JesReason::Homebound, "homebound"},
    {JesReason::DropoutRisk, "dropout_risk"},
    {JesReason::BasicSupportInsufficient, "basic_support_insufficient"},
    {JesReason::MultidisciplinaryExpertise, "multidisciplinary_expertise"},
    {JesReason::LateralEntrant, "lateral_entrant"},
    {JesReason::AdjustedTimetable, "adjusted_timetable"},
    {JesReason::SchoolDoctor, "school_doctor"},
}};

constexpr std::array<std::pair<ParentTopic, std::string_view>, 2> kTopics{{
    {ParentTopic::CareTeam, "care_team"},
    {ParentTopic::Jes, "jes"},
}};

constexpr std::array<std::pair<ContactMethod, std::string_view>, 5> kMethods{{
    {ContactMethod::InPerson, "in_person"},
    {ContactMethod::Phone, "phone"},
    {ContactMethod::Video, "video"},
    {ContactMethod::Letter, "letter"},
    {ContactMethod::Digital, "digital"},
}};

} // namespace

std::string_view to_string(BasicSupportKind kind) {
  return name_in(kBasicSupportKinds, kind);
}
std::optional<BasicSupportKind> parse_basic_support_kind(std::string_view text) {
  return parse_from(kBasicSupportKinds, text);
}
std::string_view to_string(CareTeamDecision decision) {
  return name_in(kDecisions, decision);
}
std::optional<CareTeamDecision> parse_care_team_decision(std::string_view text) {
  return parse_from(kDecisions, text);
}
std::string_view to_string(JesReason reason) {
  return name_in(kJesReasons, reason);
}
std::optional<JesReason> parse_jes_reason(std::string_view text) {
  return parse_from(kJesReasons, text);
}
std::string_view to_string(ParentTopic topic) {
  return name_in(kTopics, topic);
}
std::optional<ParentTopic> parse_parent_topic(std::string_view text) {
  return parse_from(kTopics, text);
}
std::string_view to_string(ContactMethod method) {
  return name_in(kMethods, method);
}
std::optional<ContactMethod> parse_contact_method(std::string_view text) {
  return parse_from(kMethods, text);
}

std::string_view to_string(RouteStage stage) {
  switch (stage) {
  case RouteStage::Mentor: return "mentor";
  case RouteStage::BasicSupport: return "basic_support";
  case RouteStage::Concern: return "concern";
  case RouteStage::CareTeam: return "care_team";
  case RouteStage::Jes: return "jes";
  }
  return "mentor";
}

std::string_view to_string(RouteRefusal refusal) {
  switch (refusal) {
  case RouteRefusal::PreventiveConversationLimit: return "preventive-conversation-limit";
  case RouteRefusal::BasicSupportNotRecorded: return "basic-support-not-recorded";
  case RouteRefusal::ConcernAlreadyOpen: return "concern-already-open";
  case RouteRefusal::ConcernNotOpen: return "concern-not-open";
  case RouteRefusal::DateBeforeConcern: return "date-before-concern";
  case RouteRefusal::CareTeamNotEscalated: return "care-team-not-escalated";
  case RouteRefusal::ParentsNotInformed: return "parents-not-informed";
  case RouteRefusal::MeetingInPast: return "meeting-in-past";
  case RouteRefusal::AlreadyOnAgenda: return "already-on-agenda";
  case RouteRefusal::DateInFuture: return "date-in-future";
  }
  return "internal";
}

std::string_view explain(RouteRefusal refusal) {
  switch (refusal) {
  case RouteRefusal::PreventiveConversationLimit:
    return "Er zijn al 5 preventieve gesprekken gevoerd; dat is het maximum van de basisondersteuning. "
           "Doe een zorgmelding bij de coördinator passend onderwijs.";
  case RouteRefusal::BasicSupportNotRecorded:
    return "Leg eerst de basisondersteuning vast (bijvoorbeeld intercollegiale consultatie of een "
           "observatie vanuit het IZT), of geef aan waarom die wordt overgeslagen.";
  case RouteRefusal::ConcernAlreadyOpen:
    return "Er staat al een zorgmelding open die nog niet in het zorgteam is besproken.";
  case RouteRefusal::ConcernNotOpen:
    return "Deze zorgmelding bestaat niet of is al in het zorgteam besproken.";
  case RouteRefusal::DateBeforeConcern:
    return "De bespreking in het zorgteam kan niet eerder zijn dan de zorgmelding.";
  case RouteRefusal::CareTeamNotEscalated:
    return "Het zorgteam heeft nog niet besloten op te schalen naar het JES. Alleen (dreigende) "
           "thuiszitters zet de coördinator direct op de agenda.";
  case RouteRefusal::ParentsNotInformed:
    return "De ouders moeten op de hoogte zijn voordat hun kind in het JES wordt besproken. Leg eerst "
           "vast wie de ouders wanneer en hoe heeft geïnformeerd.";
  case RouteRefusal::MeetingInPast:
    return "Dit JES-overleg heeft al plaatsgevonden; kies een volgend overleg.";
  case RouteRefusal::AlreadyOnAgenda: return "Deze leerling staat al op de agenda van dit JES-overleg.";
  case RouteRefusal::DateInFuture: return "De datum ligt in de toekomst; leg vast wat al is gebeurd.";
  }
  return "Deze stap is niet toegestaan.";
}

RouteStage stage_of(const RouteFacts& route) {
  if (!route.referrals.empty()) return RouteStage::Jes;
  const bool open_concern = std::ranges::any_of(route.concerns, [](const ConcernFact& c) { return c.open; });
  if (open_concern) return RouteStage::Concern;
  if (!route.discussions.empty()) return RouteStage::CareTeam;
  if (!route.steps.empty()) return RouteStage::BasicSupport;
  return RouteStage::Mentor;
}

int preventive_conversations(const RouteFacts& route) {
  return static_cast<int>(std::ranges::count_if(route.steps, [](const RouteStepFact& s) {
    return s.kind == BasicSupportKind::PreventiveConversation;
  }));
}

std::optional<RouteRefusal> check_basic_support_step(const RouteFacts& route, BasicSupportKind kind,
                                                     Date date, Date today) {
  if (date > today) return RouteRefusal::DateInFuture;
  if (kind == BasicSupportKind::PreventiveConversation &&
      preventive_conversations(route) >= kMaxPreventiveConversations) {
    return RouteRefusal::PreventiveConversationLimit;
  }
  return std::nullopt;
}

std::optional<RouteRefusal> check_concern(const RouteFacts& route, Date date, bool has_skip_reason,
                                          Date today) {
  if (date > today) return RouteRefusal::DateInFuture;
  if (std::ranges::any_of(route.concerns, [](const ConcernFact& c) { return c.open; }))
    return RouteRefusal::ConcernAlreadyOpen;
  if (route.steps.empty() && !has_skip_reason) return RouteRefusal::BasicSupportNotRecorded;
  return std::nullopt;
}

std::optional<RouteRefusal> check_care_team_discussion(const RouteFacts& route, const std::string& concern_id,
                                                       Date date, Date today) {
  if (date > today) return RouteRefusal::DateInFuture;
  const auto it =
      std::ranges::find_if(route.concerns, [&](const ConcernFact& c) { return c.id == concern_id; });
  if (it == route.concerns.end() || !it->open) return RouteRefusal::ConcernNotOpen;
  if (date < it->date) return RouteRefusal::DateBeforeConcern;
  return std::nullopt;
}

std::optional<RouteRefusal> check_parent_contact(Date date, Date today) {
  if (date > today) return RouteRefusal::DateInFuture;
  return std::nullopt;
}

JesCheck check_jes_referral(const RouteFacts& route, const std::string& meeting_id, Date meeting_date,
                            JesReason reason, Date today) {
  if (meeting_date < today) return {RouteRefusal::MeetingInPast, {}};
  if (std::ranges::any_of(route.referrals, [&](const ReferralFact& r) { return r.meeting_id == meeting_id; }))
    return {RouteRefusal::AlreadyOnAgenda, {}};
  const bool escalated = std::ranges::any_of(route.discussions, [](const DiscussionFact& d) {
    return d.decision == CareTeamDecision::EscalateToJes;
  });
  if (!escalated && reason != JesReason::Homebound) return {RouteRefusal::CareTeamNotEscalated, {}};
  // The latest contact about the JES on or before the meeting date counts.
  const ParentContactFact* informed = nullptr;
  for (const auto& c : route.parent_contacts) {
    if (c.topic != ParentTopic::Jes || c.date > meeting_date) continue;
    if (!informed || c.date >= informed->date) informed = &c;
  }
  if (!informed) return {RouteRefusal::ParentsNotInformed, {}};
  return {std::nullopt, informed->id};
}

int jes_meetings_short(const std::vector<Date>& meeting_dates, Date today) {
  const int year = school_year_start(today);
  const auto planned =
      std::ranges::count_if(meeting_dates, [&](Date d) { return school_year_start(d) == year; });
  return std::max(0, kMinJesMeetingsPerSchoolYear - static_cast<int>(planned));
}

} // namespace eenplan::domain
