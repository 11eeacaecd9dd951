#include "service/homebound_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/ids.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"

namespace eenplan::service {
namespace {

using domain::Date;
using domain::HomeboundCategory;

const char* kNotFound = "Deze registratie bestaat niet of u heeft geen toegang.";
const char* kPupilNotFound = "Deze leerling bestaat niet of u heeft geen toegang.";

Date today_of(const RequestContext& ctx) {
  return *domain::parse_iso_date(core::local_date_iso(ctx.now));
}

std::optional<Date> date_or_none(const std::string& iso) {
  if (iso.empty()) return std::nullopt;
  return domain::parse_iso_date(iso);
}

domain::PupilRelations relations_of(const store::OrganisationRef& school, const store::OrganisationRef& home,
                                    const store::OrganisationRef& municipality) {
  return {school.id, home.id, municipality.id, false, false};
}

/// A pupil the user may put in the register; NotFound for an unknown one or one they may not see.
core::Result<store::PupilRecord> pupil_in_register(soci::session& sql, const Principal& who,
                                                   const std::string& pupil_id) {
  if (!core::is_uuid(pupil_id)) return core::fail(core::ErrorCode::NotFound, kPupilNotFound);
  auto pupil = store::find_pupil(sql, pupil_id);
  if (!pupil || !domain::decide_homebound(who.actor(), relations_of(pupil->enrolment_school,
                                                                    pupil->home_school, pupil->municipality))
                     .allowed)
    return core::fail(core::ErrorCode::NotFound, kPupilNotFound);
  return std::move(*pupil);
}

bool may_see(const Principal& who, const store::HomeboundCaseRecord& r) {
  return domain::decide_homebound(who.actor(),
                                  relations_of(r.enrolment_school, r.home_school, r.municipality))
      .allowed;
}

/// The SQL narrowing of the relations the policy can grant this role (the policy then decides per row).
store::HomeboundCaseQuery query_for(const Principal& who) {
  store::HomeboundCaseQuery q;
  const auto actor = who.actor();
  if (who.role == domain::Role::SchoolCoordinator) q.school_ids = actor.member_of;
  if (who.role == domain::Role::SwvConsultant) q.school_ids = actor.linked_schools;
  if (who.role == domain::Role::AttendanceOfficer) q.municipality_ids = actor.member_of;
  return q;
}

HomeboundCaseView make_view(store::HomeboundCaseRecord r, Date today, const domain::HomeboundConfig& config) {
  HomeboundCaseView v;
  const auto category = *domain::parse_homebound_category(r.category);
  const Date first = *domain::parse_iso_date(r.first_day);
  const auto closed = date_or_none(r.closed_on);
  const Date until = closed ? *closed : today;
  v.clock = domain::clock_for(category, first, closed, today, config);
  v.subcategory = std::string(domain::to_string(domain::relative_subcategory(category, first, until)));
  v.duration_band = std::string(domain::to_string(domain::duration_band(first, until)));
  v.review_overdue = r.state == "open" && domain::review_overdue(date_or_none(r.review_on), today);
  v.record = std::move(r);
  return v;
}

domain::PupilEnrolment enrolment_of(const std::string& status) {
  if (status == "enrolled") return domain::PupilEnrolment::Enrolled;
  if (status == "exempted") return domain::PupilEnrolment::Exempted;
  if (status == "left") return domain::PupilEnrolment::Left;
  return domain::PupilEnrolment::NotEnrolled;
}

core::FieldError field_error(domain::RegistrationProblem p, const domain::HomeboundConfig& config) {
  using P = domain::RegistrationProblem;
  std::string code(domain::to_string(p));
  switch (p) {
  case P::FirstDayInFuture: return {"firstDay", code, "De eerste dag mag niet in de toekomst liggen."};
  case P::FirstDayBeforeBirthLimit: return {"firstDay", code, "De eerste dag ligt te ver in het verleden."};
  case P::RelativeNotYetLong:
    return {"firstDay", code,
            "Langdurig relatief verzuim is pas na meer dan " +
                std::to_string(config.relative_threshold_weeks) +
                " weken; registreer de leerling tot dan als dreigend thuiszitter."};
  case P::AbsoluteNeedsNotEnrolled:
    return {"category", code, "Absoluut verzuim geldt alleen voor een leerling die niet staat ingeschreven."};
  case P::RelativeNeedsEnrolled:
    return {"category", code, "Langdurig relatief verzuim geldt alleen voor een ingeschreven leerling."};
  case P::ExemptionKindRequired: return {"exemptionKind", code, "Kies de soort vrijstelling."};
  case P::ExemptionKindOnlyForExemption:
    return {"exemptionKind", code, "Een soort vrijstelling hoort alleen bij de categorie vrijstelling."};
  case P::ContactRequired:
    return {"contactName", code, "Elke vrijstelling heeft een vaste contactpersoon: vul een naam in."};
  case P::ReviewDateRequired:
    return {"reviewOn", code, "Vul de datum in waarop de vrijstelling wordt herbeoordeeld."};
  case P::ReviewBeforeFirstDay: return {"reviewOn", code, "De herbeoordeling ligt vóór de eerste dag."};
  }
  return {"category", "invalid-value", "Ongeldige registratie."};
}

core::FieldError field_error(domain::CloseProblem p) {
  using P = domain::CloseProblem;
  std::string code(domain::to_string(p));
  switch (p) {
  case P::ClosedOnInFuture: return {"closedOn", code, "De datum mag niet in de toekomst liggen."};
  case P::ClosedBeforeFirstDay: return {"closedOn", code, "De datum ligt vóór de eerste dag."};
  case P::PlacementRequired: return {"placement", code, "Vul in waar de leerling geplaatst is."};
  case P::NotOpen: return {"state", code, "Deze registratie is al afgesloten."};
  }
  return {"closedOn", "invalid-value", "Ongeldige afsluiting."};
}

/// The case, visible to `who`, or NotFound.
core::Result<store::HomeboundCaseRecord> locate(soci::session& sql, const Principal& who,
                                                const std::string& id) {
  if (!core::is_uuid(id)) return core::fail(core::ErrorCode::NotFound, kNotFound);
  auto rec = store::find_homebound_case(sql, id);
  if (!rec || !may_see(who, *rec)) return core::fail(core::ErrorCode::NotFound, kNotFound);
  return std::move(*rec);
}

core::Result<void> require_register(const Principal& who) {
  if (domain::may_open_homebound_register(who.role)) return {};
  return core::fail(core::ErrorCode::Forbidden,
                    "Het thuiszittersregister wordt bijgehouden door de SWV-consulent, de coördinator van de "
                    "school en leerplicht.");
}

core::Unexpected conflict(HomeboundCaseView current) {
  core::Error error{core::ErrorCode::VersionConflict,
                    "Iemand anders heeft deze registratie gewijzigd nadat u haar opende.",
                    {},
                    0,
                    std::move(current)};
  return core::unexpected(std::move(error));
}

core::FieldError settings_error(domain::ConfigProblem p, const domain::HomeboundConfig& c) {
  using P = domain::ConfigProblem;
  switch (p) {
  case P::TargetOutOfRange:
    return {"targetWeeks", "out-of-range",
            "De eigen streeftermijn ligt tussen 1 en " + std::to_string(domain::kLegalDeadlineWeeks) +
                " weken (de wettelijke termijn)."};
  case P::AtRiskNotBelowTarget:
    return {"atRiskWeeks", "out-of-range",
            "'Dreigt te verlopen' moet korter zijn dan de streeftermijn (" + std::to_string(c.target_weeks) +
                " weken)."};
  case P::RelativeThresholdInvalid:
    return {"relativeThresholdWeeks", "out-of-range", "Langdurig relatief verzuim: tussen 1 en 52 weken."};
  case P::ThreateningAboveThreshold:
    return {"threateningWeeks", "out-of-range",
            "Dreigend thuiszitten begint na ten minste 1 week en niet later dan de grens voor langdurig "
            "relatief verzuim (" +
                std::to_string(c.relative_threshold_weeks) + " weken)."};
  case P::MinHoursOutOfRange:
    return {"minUnauthorisedHours", "out-of-range", "Een dag telt als verzuimd vanaf 1 tot 10 lesuren."};
  case P::DataLagOutOfRange:
    return {"dataLagSchoolDays", "out-of-range",
            "De vertraging van verzuimimports ligt tussen 0 en 20 schooldagen."};
  }
  return {"", "invalid-value", "Ongeldige instelling."};
}

} // namespace

HomeboundService::HomeboundService(store::Database& db, AuditLog& audit)
    : db_(db), audit_(audit), calendar_(domain::default_school_calendar_2026_2027()) {}

domain::HomeboundConfig HomeboundService::config_in(soci::session& sql) {
  return store::load_homebound_settings(sql, store::installation_region(sql)).config;
}

core::Result<HomeboundSettingsView> HomeboundService::settings(const Principal& who) {
  if (!domain::may_view_homebound_settings(who.role))
    return core::fail(core::ErrorCode::Forbidden,
                      "De instellingen van het thuiszittersregister zijn niet voor u.");
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  HomeboundSettingsView view;
  view.history = store::list_homebound_settings(sql, store::installation_region(sql));
  tx.commit();
  if (!view.history.empty()) view.current = view.history.front();
  view.may_edit = domain::may_change_homebound_settings(who.role);
  return view;
}

core::Result<HomeboundSettingsView> HomeboundService::change_settings(const Principal& who,
                                                                      int expected_version,
                                                                      const HomeboundSettingsChange& change,
                                                                      const RequestContext& ctx) {
  if (!domain::may_change_homebound_settings(who.role))
    return core::fail(core::ErrorCode::Forbidden,
                      "Alleen de beheerder van het samenwerkingsverband wijzigt deze instellingen.");
  std::vector<core::FieldError> errors;
  for (auto p : domain::check_config(change.config))
    errors.push_back(settings_error(p, change.config));
  if (change.reason.find_first_not_of(" \t\r\n") == std::string::npos)
    errors.push_back({"reason", "required", "Schrijf op waarom de instellingen veranderen."});
  if (!errors.empty()) return core::invalid(std::move(errors));
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  const auto region = store::installation_region(sql);
  if (region.empty())
    return core::fail(core::ErrorCode::NotFound, "Er is nog geen samenwerkingsverband ingericht.");
  store::HomeboundSettingsRecord next{change.config, expected_version + 1, change.reason,
                                      who.user_id,   who.display_name,     core::format_instant(ctx.now)};
  if (!store::insert_homebound_settings(sql, region, expected_version, next)) {
    HomeboundSettingsView current;
    current.history = store::list_homebound_settings(sql, region);
    if (!current.history.empty()) current.current = current.history.front();
    current.may_edit = true;
    core::Error error{core::ErrorCode::VersionConflict,
                      "Iemand anders heeft de instellingen gewijzigd nadat u ze opende.",
                      {},
                      0,
                      current};
    return core::unexpected(std::move(error));
  }
  auto view = HomeboundSettingsView{next, store::list_homebound_settings(sql, region), true};
  tx.commit();
  return view;
}

core::Result<std::vector<HomeboundCaseView>>
HomeboundService::list(const Principal& who, const HomeboundFilter& filter, const RequestContext& ctx) {
  if (auto ok = require_register(who); !ok) return core::unexpected(ok.error());
  auto query = query_for(who);
  query.category = filter.category;
  query.state = filter.state;
  query.school_id = filter.school_id;
  const Date today = today_of(ctx);
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  const auto config = config_in(sql);
  std::vector<HomeboundCaseView> out;
  std::vector<store::AuditEventInput> events;
  for (auto& r : store::list_homebound_cases(sql, query)) {
    if (!may_see(who, r)) continue;
    auto view = make_view(std::move(r), today, config);
    if (!filter.clock_status.empty() && domain::to_string(view.clock.status) != filter.clock_status) continue;
    events.push_back(audit_event(who, view.record.pupil_id, "read", "homebound.list", ctx));
    out.push_back(std::move(view));
  }
  tx.commit();
  audit_.record_reads(std::move(events));
  return out;
}

core::Result<HomeboundCaseView> HomeboundService::get(const Principal& who, const std::string& case_id,
                                                      const RequestContext& ctx) {
  if (auto ok = require_register(who); !ok) return core::fail(core::ErrorCode::NotFound, kNotFound);
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  const auto config = config_in(sql);
  auto rec = locate(sql, who, case_id);
  if (!rec) return core::unexpected(rec.error());
  auto view = make_view(std::move(*rec), today_of(ctx), config);
  view.escalations = store::list_homebound_escalations(sql, case_id);
  tx.commit();
  audit_.record_reads({audit_event(who, view.record.pupil_id, "read", "homebound", ctx)});
  return view;
}

core::Result<HomeboundCaseView> HomeboundService::register_case(const Principal& who,
                                                                const NewHomeboundCase& input,
                                                                const RequestContext& ctx) {
  if (auto ok = require_register(who); !ok) return core::unexpected(ok.error());
  const Date today = today_of(ctx);
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  const auto config = config_in(sql);
  auto pupil = pupil_in_register(sql, who, input.pupil_id);
  if (!pupil) return core::unexpected(pupil.error());
  std::vector<core::FieldError> errors;
  const domain::HomeboundRegistration reg{input.category, input.first_day, input.exemption_kind,
                                          input.contact_name, input.review_on};
  for (auto p : domain::check_registration(reg, enrolment_of(pupil->status), today, config))
    errors.push_back(field_error(p, config));
  for (const auto& c : store::homebound_cases_of_pupil(sql, input.pupil_id)) {
    if (c.state == "open") {
      errors.push_back(
          {"pupilId", "duplicate",
           "Deze leerling staat al open in het register; wijzig die registratie of sluit haar eerst af."});
      break;
    }
  }
  if (!errors.empty()) return core::invalid(std::move(errors));

  store::HomeboundCaseRecord r;
  r.id = core::new_uuid();
  r.region_id = pupil->region_id;
  r.pupil_id = input.pupil_id;
  r.category = std::string(domain::to_string(input.category));
  r.exemption_kind = input.exemption_kind ? std::string(domain::to_string(*input.exemption_kind)) : "";
  r.first_day = domain::to_iso(input.first_day);
  r.source = input.detected ? "detected" : "manual";
  r.offer = std::string(domain::to_string(input.offer));
  r.offer_note = input.offer_note;
  r.contact_name = input.contact_name;
  r.review_on = input.review_on ? domain::to_iso(*input.review_on) : "";
  r.registered_by = who.user_id;
  r.registered_at = r.updated_at = core::format_instant(ctx.now);
  store::insert_homebound_case(sql, r);
  audit_.append_in(sql, {audit_event(who, input.pupil_id, "create", "homebound", ctx)});
  auto fresh = store::find_homebound_case(sql, r.id);
  tx.commit();
  return make_view(std::move(*fresh), today, config);
}

template <class Change>
core::Result<HomeboundCaseView>
HomeboundService::change_case(const Principal& who, const std::string& case_id,
                              std::optional<int> expected_version, const char* audit_action,
                              const char* resource, const RequestContext& ctx, Change&& change) {
  if (auto ok = require_register(who); !ok) return core::fail(core::ErrorCode::NotFound, kNotFound);
  const Date today = today_of(ctx);
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  const auto config = config_in(sql);
  auto rec = locate(sql, who, case_id);
  if (!rec) return core::unexpected(rec.error());
  if (expected_version && rec->version != *expected_version) {
    auto current = make_view(std::move(*rec), today, config);
    current.escalations = store::list_homebound_escalations(sql, case_id);
    tx.commit();
    audit_.record_reads({audit_event(who, current.record.pupil_id, "read", "homebound", ctx)});
    return conflict(std::move(current));
  }
  if (auto changed = change(sql, *rec, today, config); !changed) return core::unexpected(changed.error());
  audit_.append_in(sql, {audit_event(who, rec->pupil_id, audit_action, resource, ctx)});
  auto fresh = store::find_homebound_case(sql, case_id);
  auto view = make_view(std::move(*fresh), today, config);
  view.escalations = store::list_homebound_escalations(sql, case_id);
  tx.commit();
  return view;
}

core::Result<HomeboundCaseView> HomeboundService::patch(const Principal& who, const std::string& case_id,
                                                        int expected_version,
                                                        const HomeboundCasePatch& change,
                                                        const RequestContext& ctx) {
  return change_case(
      who, case_id, expected_version, "update", "homebound", ctx,
      [&](soci::session& sql, store::HomeboundCaseRecord& r, Date today,
          const domain::HomeboundConfig& config) -> core::Result<void> {
        if (r.state != "open") {
          return core::invalid(
              {{"state", "invalid-value", "Een afgesloten registratie kan niet meer worden gewijzigd."}});
        }
        domain::HomeboundRegistration reg{
            *domain::parse_homebound_category(r.category), *domain::parse_iso_date(r.first_day),
            domain::parse_exemption_kind(r.exemption_kind), r.contact_name, date_or_none(r.review_on)};
        if (change.category) reg.category = *change.category;
        if (change.exemption_kind) reg.exemption_kind = *change.exemption_kind;
        if (change.contact_name) reg.contact_name = *change.contact_name;
        if (change.review_on) reg.review_on = *change.review_on;
        // A vrijstelling kind left over from an earlier category would contradict the new one.
        if (change.category && *change.category != HomeboundCategory::Exemption && !change.exemption_kind)
          reg.exemption_kind.reset();
        std::vector<core::FieldError> errors;
        // The first day was accepted when registered; only the category rules are checked again
        // (a pupil may have left school since, or have become a long-term case).
        for (auto p : domain::check_registration(reg, enrolment_of(r.pupil_status), today, config)) {
          if (p == domain::RegistrationProblem::FirstDayInFuture ||
              p == domain::RegistrationProblem::FirstDayBeforeBirthLimit)
            continue;
          auto e = field_error(p, config);
          if (p == domain::RegistrationProblem::RelativeNotYetLong) e.name = "category";
          errors.push_back(std::move(e));
        }
        if (!errors.empty()) return core::invalid(std::move(errors));
        r.category = std::string(domain::to_string(reg.category));
        r.exemption_kind = reg.exemption_kind ? std::string(domain::to_string(*reg.exemption_kind)) : "";
        r.contact_name = reg.contact_name;
        r.review_on = reg.review_on ? domain::to_iso(*reg.review_on) : "";
        if (change.offer) r.offer = std::string(domain::to_string(*change.offer));
        if (change.offer_note) r.offer_note = *change.offer_note;
        r.updated_at = core::format_instant(ctx.now);
        if (!store::update_homebound_case(sql, r, expected_version))
          return core::fail(core::ErrorCode::Internal, "De registratie kon niet worden opgeslagen.");
        return {};
      });
}

core::Result<HomeboundCaseView> HomeboundService::close(const Principal& who, const std::string& case_id,
                                                        int expected_version, const HomeboundClosure& closure,
                                                        const RequestContext& ctx) {
  return change_case(
      who, case_id, expected_version, "update", "homebound.close", ctx,
      [&](soci::session& sql, store::HomeboundCaseRecord& r, Date today,
          const domain::HomeboundConfig&) -> core::Result<void> {
        const auto state = domain::parse_case_state(r.state).value_or(domain::CaseState::Closed);
        std::vector<core::FieldError> errors;
        for (auto p : domain::check_close(state, *domain::parse_iso_date(r.first_day), closure.closed_on,
                                          closure.reason, closure.placement, today))
          errors.push_back(field_error(p));
        if (!errors.empty()) return core::invalid(std::move(errors));
        r.state = "closed";
        r.closed_on = domain::to_iso(closure.closed_on);
        r.close_reason = std::string(domain::to_string(closure.reason));
        r.close_note = closure.placement;
        r.closed_by = who.user_id;
        r.updated_at = core::format_instant(ctx.now);
        if (!store::update_homebound_case(sql, r, expected_version))
          return core::fail(core::ErrorCode::Internal, "De registratie kon niet worden afgesloten.");
        return {};
      });
}

core::Result<HomeboundCaseView> HomeboundService::escalate(const Principal& who, const std::string& case_id,
                                                           const NewEscalation& input,
                                                           const RequestContext& ctx) {
  return change_case(
      who, case_id, std::nullopt, "create", "homebound.escalation", ctx,
      [&](soci::session& sql, store::HomeboundCaseRecord& r, Date today,
          const domain::HomeboundConfig&) -> core::Result<void> {
        std::vector<core::FieldError> errors;
        if (r.state != "open")
          errors.push_back({"state", "invalid-value", "Deze registratie is al afgesloten."});
        if (input.escalated_on > today)
          errors.push_back({"escalatedOn", "out-of-range", "De datum mag niet in de toekomst liggen."});
        if (input.escalated_on < *domain::parse_iso_date(r.first_day))
          errors.push_back({"escalatedOn", "out-of-range", "De datum ligt vóór de eerste dag."});
        if (input.forum != domain::EscalationForum::Taskforce && !input.binding_decision.empty())
          errors.push_back({"bindingDecision", "invalid-value",
                            "Alleen de kerngroep van de Taskforce neemt een bindend plaatsingsbesluit."});
        if (!errors.empty()) return core::invalid(std::move(errors));
        store::HomeboundEscalationRecord e{core::new_uuid(),
                                           case_id,
                                           std::string(domain::to_string(input.forum)),
                                           domain::to_iso(input.escalated_on),
                                           who.user_id,
                                           who.display_name,
                                           input.outcome,
                                           input.binding_decision,
                                           core::format_instant(ctx.now)};
        store::insert_homebound_escalation(sql, e);
        return {};
      });
}

core::Result<std::vector<HomeboundCandidateView>> HomeboundService::candidates(const Principal& who,
                                                                               const RequestContext& ctx) {
  if (auto ok = require_register(who); !ok) return core::unexpected(ok.error());
  const Date today = today_of(ctx);
  const auto query = query_for(who);
  // Enough history for the longest run the school year can hold.
  const std::string from = domain::to_iso(std::min(calendar_.first_day(), domain::add_days(today, -400)));
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  const auto config = config_in(sql);
  std::map<std::string, std::vector<domain::AbsenceDayHours>> by_pupil;
  for (const auto& d :
       store::unauthorised_absence_days(sql, from, query.school_ids, query.municipality_ids)) {
    if (auto date = domain::parse_iso_date(d.date))
      by_pupil[d.pupil_id].push_back({*date, d.unauthorised_hours});
  }
  std::vector<HomeboundCandidateView> out;
  std::vector<store::AuditEventInput> events;
  for (const auto& [pupil_id, days] : by_pupil) {
    auto found = domain::detect_candidate(days, calendar_, today, config);
    if (!found) continue;
    // Already in the register (open), or this very run was judged before: not a candidate.
    bool known = false;
    for (const auto& c : store::homebound_cases_of_pupil(sql, pupil_id)) {
      if (c.state == "open" || c.first_day == domain::to_iso(found->first_day)) known = true;
    }
    if (known) continue;
    auto pupil = store::find_pupil(sql, pupil_id);
    if (!pupil ||
        !domain::decide_homebound(
             who.actor(), relations_of(pupil->enrolment_school, pupil->home_school, pupil->municipality))
             .allowed)
      continue;
    events.push_back(audit_event(who, pupil_id, "read", "homebound.candidates", ctx));
    out.push_back({pupil_id, pupil->given_name, pupil->family_name, pupil->enrolment_school, *found});
  }
  tx.commit();
  audit_.record_reads(std::move(events));
  std::ranges::sort(out, [](const auto& a, const auto& b) {
    return std::tie(a.candidate.first_day, a.family_name, a.pupil_id) <
           std::tie(b.candidate.first_day, b.family_name, b.pupil_id);
  });
  return out;
}

core::Result<HomeboundCaseView> HomeboundService::dismiss_candidate(const Principal& who,
                                                                    const CandidateDismissal& input,
                                                                    const RequestContext& ctx) {
  if (auto ok = require_register(who); !ok) return core::unexpected(ok.error());
  const Date today = today_of(ctx);
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  const auto config = config_in(sql);
  auto pupil = pupil_in_register(sql, who, input.pupil_id);
  if (!pupil) return core::unexpected(pupil.error());
  if (input.first_day > today)
    return core::invalid({{"firstDay", "out-of-range", "De eerste dag mag niet in de toekomst liggen."}});
  for (const auto& c : store::homebound_cases_of_pupil(sql, input.pupil_id)) {
    if (c.first_day == domain::to_iso(input.first_day))
      return core::invalid({{"firstDay", "duplicate", "Over deze periode is al een besluit vastgelegd."}});
  }
  // The judgement is kept as a closed row: who decided this was no thuiszitter, when and why.
  store::HomeboundCaseRecord r;
  r.id = core::new_uuid();
  r.region_id = pupil->region_id;
  r.pupil_id = input.pupil_id;
  r.category = "at_risk";
  r.first_day = domain::to_iso(input.first_day);
  r.source = "detected";
  r.state = "dismissed";
  r.closed_on = domain::to_iso(today);
  r.close_reason = "dismissed";
  r.close_note = input.reason;
  r.registered_by = r.closed_by = who.user_id;
  r.registered_at = r.updated_at = core::format_instant(ctx.now);
  store::insert_homebound_case(sql, r);
  audit_.append_in(sql, {audit_event(who, input.pupil_id, "create", "homebound.dismissal", ctx)});
  auto fresh = store::find_homebound_case(sql, r.id);
  tx.commit();
  return make_view(std::move(*fresh), today, config);
}

core::Result<HomeboundOverview> HomeboundService::overview(const Principal& who, const RequestContext& ctx) {
  if (!domain::may_view_homebound_statistics(who.role))
    return core::fail(core::ErrorCode::Forbidden,
                      "Het overzicht van het samenwerkingsverband is voor de SWV-consulent.");
  const Date today = today_of(ctx);
  store::HomeboundCaseQuery q;
  q.whole_region = true;
  std::vector<store::HomeboundCaseRecord> rows;
  domain::HomeboundConfig config;
  {
    store::Lease lease(db_);
    store::Transaction tx(lease.sql(), db_.dialect(), store::Transaction::Mode::Read);
    rows = store::list_homebound_cases(lease.sql(), q);
    config = config_in(lease.sql());
    tx.commit();
  }
  HomeboundOverview o;
  o.today = domain::to_iso(today);
  std::map<std::string, int> by_category, by_band;
  for (auto c : {"absolute", "relative_long", "exemption", "at_risk"})
    by_category[c] = 0;
  for (auto b : {domain::DurationBand::UnderFourWeeks, domain::DurationBand::FourWeeksToThreeMonths,
                 domain::DurationBand::ThreeToSixMonths, domain::DurationBand::OverSixMonths})
    by_band[std::string(domain::to_string(b))] = 0;
  std::map<std::string, HomeboundOverview::Month> months;
  const Date first_month{today.year - 1, today.month, 1};
  for (int i = 1; i <= 12; ++i) {
    const Date m = domain::add_months(first_month, i);
    const std::string key = domain::to_iso(m).substr(0, 7);
    months[key] = {key, 0, 0};
  }
  for (auto& r : rows) {
    if (r.state == "dismissed") continue;
    const auto view = make_view(r, today, config);
    if (r.state == "open") {
      ++by_category[r.category];
      if (r.category == "absolute" || r.category == "relative_long") ++by_band[view.duration_band];
    }
    if (auto it = months.find(r.first_day.substr(0, 7)); it != months.end()) ++it->second.started;
    if (r.state == "closed") {
      if (auto it = months.find(r.closed_on.substr(0, 7)); it != months.end()) ++it->second.resolved;
      if (r.category == "absolute" || r.category == "relative_long") {
        ++o.resolved_total;
        if (view.clock.resolved_within_deadline) ++o.resolved_within_deadline;
      }
    }
  }
  for (const char* k : {"absolute", "relative_long", "exemption", "at_risk"})
    o.open_by_category.push_back({k, by_category[k]});
  for (auto b : {domain::DurationBand::UnderFourWeeks, domain::DurationBand::FourWeeksToThreeMonths,
                 domain::DurationBand::ThreeToSixMonths, domain::DurationBand::OverSixMonths}) {
    const std::string key(domain::to_string(b));
    o.open_by_band.push_back({key, by_band[key]});
  }
  for (auto& [k, m] : months)
    o.months.push_back(m);
  return o;
}

core::Result<std::vector<InspectionRow>>
HomeboundService::inspection_rows(const Principal& who, int year, int quarter, const RequestContext& ctx) {
  if (!domain::may_view_homebound_statistics(who.role))
    return core::fail(core::ErrorCode::Forbidden,
                      "De thuiszittersregistratie voor de inspectie is voor de SWV-consulent.");
  const Date today = today_of(ctx);
  const Date q_first{year, (quarter - 1) * 3 + 1, 1};
  const Date q_last = domain::add_days(domain::add_months(q_first, 3), -1);
  const Date as_of = std::min(q_last, today);
  store::HomeboundCaseQuery q;
  q.whole_region = true;
  std::vector<store::HomeboundCaseRecord> rows;
  domain::HomeboundConfig config;
  {
    store::Lease lease(db_);
    store::Transaction tx(lease.sql(), db_.dialect(), store::Transaction::Mode::Read);
    rows = store::list_homebound_cases(lease.sql(), q);
    config = config_in(lease.sql());
    tx.commit();
  }
  std::vector<InspectionRow> out;
  std::vector<store::AuditEventInput> events;
  for (auto& r : rows) {
    if (r.state == "dismissed") continue;
    const Date first = *domain::parse_iso_date(r.first_day);
    const auto closed = date_or_none(r.closed_on);
    // In the quarter's registration: started by its end, and not closed before it began. Rows of
    // pupils no longer thuiszitter stay in, with their closing date.
    if (first > q_last || (closed && *closed < q_first)) continue;
    const std::optional<Date> closed_by_then = closed && *closed <= as_of ? closed : std::nullopt;
    const auto category = *domain::parse_homebound_category(r.category);
    const Date until = closed_by_then ? *closed_by_then : as_of;
    const auto clock = domain::clock_for(category, first, closed_by_then, as_of, config);
    InspectionRow row;
    // Stable across quarters and exports, and not traceable to a pupil without the database.
    row.row_key = core::sha256_hex("eenplan-homebound-row:" + r.id).substr(0, 16);
    row.category = r.category;
    row.subcategory = std::string(domain::to_string(domain::relative_subcategory(category, first, until)));
    row.exemption_kind = r.exemption_kind;
    row.first_day = r.first_day;
    row.duration_band = std::string(domain::to_string(domain::duration_band(first, until)));
    row.school_type = r.school_type;
    row.offer = r.offer;
    row.state = closed_by_then ? "closed" : "open";
    row.clock_status = std::string(domain::to_string(clock.status));
    row.closed_on = closed_by_then ? r.closed_on : "";
    row.close_reason = closed_by_then ? r.close_reason : "";
    events.push_back(audit_event(who, r.pupil_id, "read", "homebound.inspection", ctx));
    out.push_back(std::move(row));
  }
  audit_.record_reads(std::move(events));
  std::ranges::sort(out, [](const auto& a, const auto& b) {
    return std::tie(a.first_day, a.row_key) < std::tie(b.first_day, b.row_key);
  });
  return out;
}

core::Result<AbsenceTrends> HomeboundService::absence_trends(const Principal& who,
                                                             const std::string& school_id,
                                                             const RequestContext& ctx) {
  const auto actor = who.actor();
  AbsenceTrends out;
  for (const auto& m : who.memberships) {
    if (m.organisation_kind != "school") continue;
    if (!domain::may_view_school_statistics(actor, m.organisation_id)) continue;
    out.schools.push_back({m.organisation_id, m.organisation_name, "school"});
  }
  std::ranges::sort(out.schools, [](const auto& a, const auto& b) { return a.name < b.name; });
  if (out.schools.empty())
    return core::fail(
        core::ErrorCode::Forbidden,
        "De verzuimtrends van een school zijn voor de coördinator en de gekoppelde SWV-consulent.");
  const std::string chosen = school_id.empty() ? out.schools.front().id : school_id;
  auto it = std::ranges::find_if(out.schools, [&](const auto& s) { return s.id == chosen; });
  if (it == out.schools.end())
    return core::fail(core::ErrorCode::NotFound, "Deze school bestaat niet of u heeft geen toegang.");
  out.school = *it;
  // Two school years back is enough for a trend and keeps the query small.
  const Date today = today_of(ctx);
  const std::string from = domain::to_iso(Date{today.year - 2, 8, 1});
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  const auto cells = store::absence_trend_cells(sql, chosen, from);
  const auto counts = store::enrolled_pupil_counts(sql, chosen);
  tx.commit();
  std::map<std::tuple<std::string, std::string, int>, AbsenceTrends::Row> rows;
  for (const auto& c : cells) {
    const auto month = domain::parse_iso_date(c.month + "-01");
    if (!month) continue;
    const std::string quarter = domain::quarter_of(*month);
    auto& row = rows[{quarter, c.level, c.year_group}];
    row.quarter = quarter;
    row.level = c.level;
    row.year_group = c.year_group;
    row.unauthorised_hours += c.unauthorised_hours;
    row.sick_hours += c.sick_hours;
    row.late += c.late;
    row.other_hours += c.other_hours;
  }
  for (auto& [key, row] : rows) {
    for (const auto& n : counts) {
      if (n.level == row.level && n.year_group == row.year_group) row.enrolled_pupils = n.pupils;
    }
    out.rows.push_back(row);
  }
  return out;
}

} // namespace eenplan::service
