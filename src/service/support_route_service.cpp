#include "service/support_route_service.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <type_traits>

#include "core/ids.hpp"
#include "domain/access.hpp"
#include "service/pupil_access.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"

namespace eenplan::service {
namespace {

using domain::Action;
using domain::Scope;

domain::Date date_or_epoch(const std::string& iso) {
  return domain::parse_iso_date(iso).value_or(domain::Date{});
}

domain::Date today_of(const RequestContext& ctx) {
  return date_or_epoch(core::local_date_iso(ctx.now));
}

/// The pupil, or NotFound when it does not exist or `who` has no scope on it; then the action.
core::Result<LocatedPupil> locate(soci::session& sql, const Principal& who, const std::string& id,
                                  Action action) {
  return locate_pupil_for(
      sql, who, id, action,
      action == Action::DecideSupportRoute
          ? "Alleen de coördinator passend onderwijs, de SWV-consulent, de orthopedagoog of de "
            "regisseur legt besluiten van het zorgteam en aanmeldingen bij het JES vast."
          : "U mag de ondersteuningsroute van deze leerling niet inzien of aanvullen.");
}

/// A new record of the route: the pupil located under `action`, then `write` (the rules, the record
/// and its timeline note), then the audit event of `resource`, all in one write transaction.
template <class Write>
auto write_step(store::Database& db, AuditLog& audit, const Principal& who, const std::string& pupil_id,
                Action action, const char* resource, const RequestContext& ctx, Write&& write)
    -> std::invoke_result_t<Write&, soci::session&, const LocatedPupil&> {
  store::Lease lease(db);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db.dialect(), store::Transaction::Mode::Write);
  auto at = locate(sql, who, pupil_id, action);
  if (!at) return core::unexpected(at.error());
  auto written = write(sql, *at);
  if (!written) return written;
  audit.append_in(sql, {audit_event(who, pupil_id, "create", resource, ctx)});
  tx.commit();
  return written;
}

core::Unexpected refused(domain::RouteRefusal refusal) {
  return core::violated(domain::to_string(refusal), std::string(domain::explain(refusal)));
}

/// A timeline entry of the dossier for a step of the route.
void timeline_note(soci::session& sql, const Principal& who, const std::string& pupil_id,
                   const std::string& kind, std::string body, const RequestContext& ctx) {
  store::insert_note(sql, {core::new_uuid(), pupil_id, who.user_id, who.display_name, kind, std::move(body),
                           core::format_instant(ctx.now)});
}

std::string dutch(const std::string& iso) {
  auto d = domain::parse_iso_date(iso);
  return d ? domain::format_dutch(*d) : iso;
}

std::string_view step_label(std::string_view kind) {
  if (kind == "collegial_consultation") return "Intercollegiale consultatie";
  if (kind == "care_team_observation") return "Observatie vanuit het IZT";
  if (kind == "action_research") return "Handelingsgericht onderzoek";
  return "Preventief gesprek";
}

std::string_view decision_label(std::string_view decision) {
  if (decision == "internal_trajectory") return "traject door de interne zorg";
  if (decision == "external_care") return "doorzetten naar externe zorg";
  if (decision == "escalate_to_jes") return "opschalen naar het JES";
  return "geen verdere ondersteuning nodig";
}

/// The school's coordinator or linked consultant; 404 for an unknown school.
core::Result<void> require_school(soci::session& sql, const Principal& who, const std::string& school_id) {
  if (!core::is_uuid(school_id)) return core::fail(core::ErrorCode::NotFound, "Deze school bestaat niet.");
  auto school = store::find_organisation(sql, school_id);
  if (!school || school->kind != "school")
    return core::fail(core::ErrorCode::NotFound, "Deze school bestaat niet.");
  if (!domain::may_manage_support_meetings(who.actor(), school_id)) {
    return core::fail(
        core::ErrorCode::Forbidden,
        "Alleen de coördinator passend onderwijs van deze school en de gekoppelde SWV-consulent "
        "zien de ondersteuningsroute van de school.");
  }
  return {};
}

} // namespace

domain::RouteFacts facts_of(const store::SupportRouteRecord& route) {
  domain::RouteFacts f;
  for (const auto& s : route.steps) {
    if (auto kind = domain::parse_basic_support_kind(s.kind))
      f.steps.push_back({*kind, date_or_epoch(s.date)});
  }
  for (const auto& c : route.concerns)
    f.concerns.push_back({c.id, date_or_epoch(c.date), c.status == "open"});
  for (const auto& d : route.discussions) {
    f.discussions.push_back(
        {d.concern_id, date_or_epoch(d.date),
         domain::parse_care_team_decision(d.decision).value_or(domain::CareTeamDecision::NoFurtherSupport)});
  }
  for (const auto& c : route.parent_contacts) {
    f.parent_contacts.push_back({c.id,
                                 domain::parse_parent_topic(c.topic).value_or(domain::ParentTopic::CareTeam),
                                 date_or_epoch(c.date)});
  }
  for (const auto& r : route.referrals)
    f.referrals.push_back({r.meeting_id, date_or_epoch(r.meeting_date)});
  return f;
}

core::Result<SupportRouteView> SupportRouteService::get(const Principal& who, const std::string& pupil_id,
                                                        const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  // The route is care data: the same full scope as the notes.
  auto at = locate(sql, who, pupil_id, Action::ViewNotes);
  if (!at) return core::unexpected(at.error());
  SupportRouteView view;
  view.pupil_id = pupil_id;
  view.route = store::load_support_route(sql, pupil_id);
  const auto facts = facts_of(view.route);
  view.stage = domain::stage_of(facts);
  view.preventive_conversations = domain::preventive_conversations(facts);
  view.can_record = domain::decide(who.actor(), at->relations, Action::RecordSupportStep).allowed;
  view.can_decide = domain::decide(who.actor(), at->relations, Action::DecideSupportRoute).allowed;
  tx.commit();
  audit_.record_reads({audit_event(who, pupil_id, "read", "pupil.support_route", ctx)});
  return view;
}

core::Result<store::RouteStepRecord> SupportRouteService::add_step(const Principal& who,
                                                                   const std::string& pupil_id,
                                                                   const NewRouteStep& in,
                                                                   const RequestContext& ctx) {
  return write_step(
      db_, audit_, who, pupil_id, Action::RecordSupportStep, "pupil.support_route.step", ctx,
      [&](soci::session& sql, const LocatedPupil&) -> core::Result<store::RouteStepRecord> {
        const auto facts = facts_of(store::load_support_route(sql, pupil_id));
        const auto kind = domain::parse_basic_support_kind(in.kind);
        if (!kind) return core::fail(core::ErrorCode::BadRequest, "Onbekende soort basisondersteuning.");
        if (auto refusal =
                domain::check_basic_support_step(facts, *kind, date_or_epoch(in.date), today_of(ctx)))
          return refused(*refusal);
        store::RouteStepRecord step{core::new_uuid(), pupil_id,         in.kind,
                                    in.date,          in.description,   in.performed_by,
                                    who.user_id,      who.display_name, core::format_instant(ctx.now)};
        store::insert_route_step(sql, step);
        timeline_note(sql, who, pupil_id, in.kind == "preventive_conversation" ? "conversation" : "note",
                      fmt::format("Ondersteuningsroute – basisondersteuning: {} op {} door {}.\n{}",
                                  step_label(in.kind), dutch(in.date), in.performed_by, in.description),
                      ctx);
        return step;
      });
}

core::Result<store::ConcernRecord> SupportRouteService::add_concern(const Principal& who,
                                                                    const std::string& pupil_id,
                                                                    const NewConcern& in,
                                                                    const RequestContext& ctx) {
  return write_step(db_, audit_, who, pupil_id, Action::RecordSupportStep, "pupil.support_route.concern", ctx,
                    [&](soci::session& sql, const LocatedPupil&) -> core::Result<store::ConcernRecord> {
                      const auto facts = facts_of(store::load_support_route(sql, pupil_id));
                      if (auto refusal = domain::check_concern(facts, date_or_epoch(in.date),
                                                               !in.skip_reason.empty(), today_of(ctx)))
                        return refused(*refusal);
                      store::ConcernRecord concern{core::new_uuid(),
                                                   pupil_id,
                                                   in.date,
                                                   in.question,
                                                   in.tried,
                                                   in.skip_reason,
                                                   "open",
                                                   who.user_id,
                                                   who.display_name,
                                                   core::format_instant(ctx.now),
                                                   1};
                      store::insert_concern(sql, concern);
                      std::string body = fmt::format(
                          "Ondersteuningsroute – zorgmelding bij de coördinator passend onderwijs ({}).\n"
                          "Hulpvraag: {}\nAl geprobeerd: {}",
                          dutch(in.date), in.question, in.tried);
                      if (!in.skip_reason.empty())
                        body += "\nBasisondersteuning overgeslagen: " + in.skip_reason;
                      timeline_note(sql, who, pupil_id, "note", std::move(body), ctx);
                      return concern;
                    });
}

core::Result<store::DiscussionRecord> SupportRouteService::add_discussion(const Principal& who,
                                                                          const std::string& pupil_id,
                                                                          const NewDiscussion& in,
                                                                          const RequestContext& ctx) {
  return write_step(
      db_, audit_, who, pupil_id, Action::DecideSupportRoute, "pupil.support_route.care_team", ctx,
      [&](soci::session& sql, const LocatedPupil&) -> core::Result<store::DiscussionRecord> {
        const auto facts = facts_of(store::load_support_route(sql, pupil_id));
        if (auto refusal = domain::check_care_team_discussion(facts, in.concern_id, date_or_epoch(in.date),
                                                              today_of(ctx)))
          return refused(*refusal);
        store::DiscussionRecord d;
        d.id = core::new_uuid();
        d.pupil_id = pupil_id;
        d.concern_id = in.concern_id;
        d.date = in.date;
        d.participants = in.participants;
        d.outcome = in.outcome;
        d.decision = in.decision;
        d.recorded_by = who.user_id;
        d.recorded_by_name = who.display_name;
        d.recorded_at = core::format_instant(ctx.now);
        d.action_items = in.action_items;
        for (auto& a : d.action_items)
          a.id = core::new_uuid();
        store::insert_discussion(sql, d);
        std::string body =
            fmt::format("Ondersteuningsroute – bespreking in het zorgteam ({}). Besluit: {}.\n{}",
                        dutch(in.date), decision_label(in.decision), in.outcome);
        for (const auto& a : d.action_items)
          body += fmt::format("\nActie: {} (wie: {}, vóór {})", a.description, a.owner, dutch(a.due_on));
        timeline_note(sql, who, pupil_id, "meeting", std::move(body), ctx);
        return d;
      });
}

core::Result<store::ParentContactRecord> SupportRouteService::add_parent_contact(const Principal& who,
                                                                                 const std::string& pupil_id,
                                                                                 const NewParentContact& in,
                                                                                 const RequestContext& ctx) {
  return write_step(
      db_, audit_, who, pupil_id, Action::RecordSupportStep, "pupil.support_route.parent_contact", ctx,
      [&](soci::session& sql, const LocatedPupil&) -> core::Result<store::ParentContactRecord> {
        if (auto refusal = domain::check_parent_contact(date_or_epoch(in.date), today_of(ctx)))
          return refused(*refusal);
        store::ParentContactRecord c{
            core::new_uuid(), pupil_id,   in.date,     in.topic,         in.method,
            in.informed_by,   in.summary, who.user_id, who.display_name, core::format_instant(ctx.now)};
        store::insert_parent_contact(sql, c);
        timeline_note(
            sql, who, pupil_id, "conversation",
            fmt::format("Ondersteuningsroute – ouders geïnformeerd over {} op {} door {}.{}{}",
                        in.topic == "jes" ? "de bespreking in het JES" : "de bespreking in het zorgteam",
                        dutch(in.date), in.informed_by, in.summary.empty() ? "" : "\n", in.summary),
            ctx);
        return c;
      });
}

core::Result<store::ReferralRecord> SupportRouteService::add_referral(const Principal& who,
                                                                      const std::string& pupil_id,
                                                                      const NewReferral& in,
                                                                      const RequestContext& ctx) {
  return write_step(
      db_, audit_, who, pupil_id, Action::DecideSupportRoute, "pupil.support_route.jes_referral", ctx,
      [&](soci::session& sql, const LocatedPupil& at) -> core::Result<store::ReferralRecord> {
        auto meeting = core::is_uuid(in.meeting_id) ? store::find_meeting(sql, in.meeting_id) : std::nullopt;
        if (!meeting || (meeting->school_id != at.pupil.enrolment_school.id &&
                         meeting->school_id != at.pupil.home_school.id)) {
          return core::invalid(
              {{"meetingId", "invalid-value", "Kies een JES-overleg van de school van de leerling."}});
        }
        const auto facts = facts_of(store::load_support_route(sql, pupil_id));
        const auto reason =
            domain::parse_jes_reason(in.reason).value_or(domain::JesReason::BasicSupportInsufficient);
        auto check = domain::check_jes_referral(facts, meeting->id, date_or_epoch(meeting->date), reason,
                                                today_of(ctx));
        if (check.refusal) return refused(*check.refusal);
        store::ReferralRecord r;
        r.id = core::new_uuid();
        r.pupil_id = pupil_id;
        r.meeting_id = meeting->id;
        r.meeting_date = meeting->date;
        r.reason = in.reason;
        r.question = in.question;
        r.parent_contact_id = check.parent_contact_id;
        r.status = "planned";
        r.referred_by = who.user_id;
        r.referred_by_name = who.display_name;
        r.referred_at = r.updated_at = core::format_instant(ctx.now);
        store::insert_referral(sql, r);
        timeline_note(
            sql, who, pupil_id, "decision",
            fmt::format("Ondersteuningsroute – aangemeld voor het JES-overleg van {}.\nVraag aan het JES: {}",
                        dutch(meeting->date), in.question),
            ctx);
        auto stored = store::find_referral(sql, r.id);
        return stored ? *stored : r;
      });
}

core::Result<store::ReferralRecord>
SupportRouteService::set_referral_outcome(const Principal& who, const std::string& pupil_id,
                                          const std::string& referral_id, int expected_version,
                                          const std::string& outcome, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate(sql, who, pupil_id, Action::DecideSupportRoute);
  if (!at) return core::unexpected(at.error());
  auto current = core::is_uuid(referral_id) ? store::find_referral(sql, referral_id) : std::nullopt;
  if (!current || current->pupil_id != pupil_id) {
    return core::fail(core::ErrorCode::NotFound, "Deze aanmelding bij het JES bestaat niet.");
  }
  if (current->version != expected_version) {
    core::Error error{core::ErrorCode::VersionConflict,
                      "Iemand anders heeft deze aanmelding gewijzigd nadat u haar opende.",
                      {},
                      0,
                      *current};
    tx.commit();
    audit_.record_reads({audit_event(who, pupil_id, "read", "pupil.support_route", ctx)});
    return core::unexpected(std::move(error));
  }
  if (!store::update_referral_outcome(sql, referral_id, expected_version, outcome,
                                      core::format_instant(ctx.now))) {
    return core::fail(core::ErrorCode::Internal, "De uitkomst kon niet worden opgeslagen.");
  }
  timeline_note(sql, who, pupil_id, "decision",
                fmt::format("Ondersteuningsroute – uitkomst van het JES-overleg van {}:\n{}",
                            dutch(current->meeting_date), outcome),
                ctx);
  audit_.append_in(sql, {audit_event(who, pupil_id, "update", "pupil.support_route.jes_referral", ctx)});
  auto fresh = store::find_referral(sql, referral_id);
  tx.commit();
  return *fresh;
}

core::Result<MeetingsView> SupportRouteService::meetings(const Principal& who, const std::string& school_id,
                                                         bool include_past, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  if (auto ok = require_school(sql, who, school_id); !ok) return core::unexpected(ok.error());
  const auto today = today_of(ctx);
  MeetingsView view;
  std::vector<domain::Date> dates;
  for (const auto& d : store::meeting_dates(sql, school_id))
    dates.push_back(date_or_epoch(d));
  view.short_of_minimum = domain::jes_meetings_short(dates, today);
  view.planned_this_school_year = static_cast<int>(std::ranges::count_if(dates, [&](domain::Date d) {
    return domain::school_year_start(d) == domain::school_year_start(today);
  }));
  std::vector<store::AuditEventInput> events;
  for (auto& m : store::list_meetings(sql, school_id, include_past ? "" : domain::to_iso(today))) {
    AgendaMeeting item{std::move(m), {}, 0};
    for (auto& r : store::agenda_of(sql, item.meeting.id)) {
      if (!visible_pupil(sql, who, r.pupil_id, Action::ViewNotes)) {
        ++item.hidden_cases;
        continue;
      }
      events.push_back(audit_event(who, r.pupil_id, "read", "support_meeting.agenda", ctx));
      item.agenda.push_back(std::move(r));
    }
    view.meetings.push_back(std::move(item));
  }
  tx.commit();
  if (!events.empty()) audit_.record_reads(std::move(events));
  return view;
}

core::Result<store::MeetingRecord> SupportRouteService::add_meeting(const Principal& who,
                                                                    const std::string& school_id,
                                                                    const NewMeeting& in,
                                                                    const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  if (auto ok = require_school(sql, who, school_id); !ok) return core::unexpected(ok.error());
  store::MeetingRecord m{core::new_uuid(),
                         school_id,
                         "jes",
                         in.date,
                         in.location,
                         in.members,
                         who.user_id,
                         core::format_instant(ctx.now),
                         1};
  store::insert_meeting(sql, m);
  tx.commit();
  return m;
}

core::Result<std::vector<SchoolRouteEntry>> SupportRouteService::school_pupils(const Principal& who,
                                                                               const std::string& school_id,
                                                                               const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  if (auto ok = require_school(sql, who, school_id); !ok) return core::unexpected(ok.error());
  const std::string today = domain::to_iso(today_of(ctx));
  std::vector<SchoolRouteEntry> out;
  std::vector<store::AuditEventInput> events;
  for (const auto& id : store::pupils_in_route(sql, school_id)) {
    auto at = visible_pupil(sql, who, id, Action::ViewNotes);
    if (!at) continue;
    const auto route = store::load_support_route(sql, id);
    SchoolRouteEntry e;
    e.pupil = std::move(at->pupil);
    e.stage = domain::stage_of(facts_of(route));
    for (const auto& c : route.concerns) {
      if (c.status == "open") e.open_concern_date = c.date;
    }
    for (const auto& r : route.referrals) {
      if (r.status == "planned" && r.meeting_date >= today && e.next_meeting_date.empty()) {
        e.next_meeting_date = r.meeting_date;
        e.next_meeting_id = r.meeting_id;
      }
    }
    events.push_back(audit_event(who, id, "read", "pupil.support_route.list", ctx));
    out.push_back(std::move(e));
  }
  tx.commit();
  if (!events.empty()) audit_.record_reads(std::move(events));
  return out;
}

} // namespace eenplan::service
