#include "service/pupil_service.hpp"

#include <algorithm>
#include <set>
#include <spdlog/spdlog.h>

#include "core/ids.hpp"
#include "core/text.hpp"
#include "service/pupil_access.hpp"
#include "store/audit_store.hpp"
#include "store/pupil_store.hpp"

namespace eenplan::service {
namespace {

using domain::Action;
using domain::Scope;

domain::PupilRelations relations_of(const store::PupilRecord& p, store::CaseTeamRelation team) {
  return {p.enrolment_school.id, p.home_school.id, p.municipality.id, team.member, team.lead};
}

PupilView make_view(soci::session& sql, const Principal& who, LocatedPupil at) {
  PupilView view;
  store::load_pupil_details(sql, at.pupil);
  if (at.scope != Scope::Full) {
    // Leerplicht sees what its duty needs: identity, school and guardians.
    at.pupil.case_team.clear();
    at.pupil.support_needs.clear();
    at.pupil.factors.clear();
    at.pupil.load_capacity.clear();
    at.pupil.care_history.clear();
  }
  view.scope = at.scope;
  view.can_edit = domain::decide(who.actor(), at.relations, Action::EditDossier).allowed;
  view.can_add_notes = domain::decide(who.actor(), at.relations, Action::AddNote).allowed;
  view.can_edit_case_team = domain::decide(who.actor(), at.relations, Action::EditCaseTeam).allowed;
  view.pupil = std::move(at.pupil);
  return view;
}

} // namespace

core::Result<PupilListView> PupilService::list(const Principal& who, const PupilListFilter& filter,
                                               const RequestContext& ctx) {
  if (!domain::may_list_pupils(who.role)) {
    return core::fail(core::ErrorCode::Forbidden,
                      "De SWV-beheerder beheert organisaties en accounts en ziet geen dossiers.");
  }
  const auto actor = who.actor();
  // Narrow in SQL by the relations the policy can grant this role; the policy itself
  // then decides on every row that comes back.
  store::PupilListQuery query;
  query.case_team_user_id = who.user_id;
  if (who.role == domain::Role::SchoolCoordinator) query.school_ids = actor.member_of;
  if (who.role == domain::Role::SwvConsultant) query.school_ids = actor.linked_schools;
  if (who.role == domain::Role::AttendanceOfficer) query.municipality_ids = actor.member_of;
  query.search = core::fold_for_search(filter.search);
  query.school_id = filter.school_id;
  query.status = filter.status;
  query.limit = filter.page_size;
  query.offset = (filter.page - 1) * filter.page_size;

  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto page = store::list_pupils(sql, query);
  PupilListView view{{}, page.total, filter.page, filter.page_size};
  std::vector<store::AuditEventInput> events;
  for (auto& p : page.items) {
    const auto relations = relations_of(p, store::case_team_relation(sql, p.id, who.user_id));
    if (!domain::decide(actor, relations, Action::ListInSearch).allowed) {
      spdlog::error("pupil list query returned a pupil the policy denies (user {})", who.user_id);
      --view.total;
      continue;
    }
    events.push_back(audit_event(who, p.id, "read", "pupil.list", ctx));
    view.items.push_back(std::move(p));
  }
  tx.commit();
  audit_.record_reads(std::move(events));
  return view;
}

core::Result<PupilView> PupilService::get(const Principal& who, const std::string& pupil_id,
                                          const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto at = locate_pupil(sql, who, pupil_id);
  if (!at) return core::unexpected(at.error());
  if (auto ok = require_action(who, *at, Action::ViewDossier); !ok) return core::unexpected(ok.error());
  auto view = make_view(sql, who, std::move(*at));
  tx.commit();
  audit_.record_reads({audit_event(who, pupil_id, "read", "pupil", ctx)});
  return view;
}

core::Result<PupilView> PupilService::patch(const Principal& who, const std::string& pupil_id,
                                            int expected_version, const PupilPatch& change,
                                            const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate_pupil(sql, who, pupil_id);
  if (!at) return core::unexpected(at.error());
  if (auto ok = require_action(who, *at, Action::EditDossier); !ok) return core::unexpected(ok.error());
  if (at->pupil.version != expected_version) {
    auto current = make_view(sql, who, std::move(*at));
    tx.commit();
    // The conflict answer shows the current dossier: that is a read, and audited as one.
    audit_.record_reads({audit_event(who, pupil_id, "read", "pupil", ctx)});
    core::Error error{core::ErrorCode::VersionConflict,
                      "Iemand anders heeft dit dossier gewijzigd nadat u het opende.",
                      {},
                      0,
                      std::move(current)};
    return core::unexpected(std::move(error));
  }
  auto& p = at->pupil;
  auto set = [](std::string& field, const std::optional<std::string>& value) {
    if (value) field = *value;
  };
  set(p.given_name, change.given_name);
  set(p.family_name, change.family_name);
  set(p.date_of_birth, change.date_of_birth);
  set(p.postcode, change.postcode);
  set(p.school_pupil_number, change.school_pupil_number);
  set(p.status, change.status);
  set(p.load_capacity, change.load_capacity);
  set(p.care_history, change.care_history);
  p.updated_at = core::format_instant(ctx.now);
  if (!store::update_pupil(sql, p, expected_version)) {
    return core::fail(core::ErrorCode::Internal, "Het dossier kon niet worden opgeslagen.");
  }
  if (change.support_needs) store::replace_support_needs(sql, pupil_id, *change.support_needs);
  if (change.factors) store::replace_factors(sql, pupil_id, *change.factors);
  audit_.append_in(sql, {audit_event(who, pupil_id, "update", "pupil", ctx)});
  auto fresh = locate_pupil(sql, who, pupil_id);
  if (!fresh) return core::unexpected(fresh.error());
  auto view = make_view(sql, who, std::move(*fresh));
  tx.commit();
  return view;
}

core::Result<std::vector<store::NoteRecord>>
PupilService::notes(const Principal& who, const std::string& pupil_id, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto at = locate_pupil(sql, who, pupil_id);
  if (!at) return core::unexpected(at.error());
  if (auto ok = require_action(who, *at, Action::ViewNotes); !ok) return core::unexpected(ok.error());
  auto notes = store::list_notes(sql, pupil_id);
  tx.commit();
  audit_.record_reads({audit_event(who, pupil_id, "read", "pupil.notes", ctx)});
  return notes;
}

core::Result<store::NoteRecord> PupilService::add_note(const Principal& who, const std::string& pupil_id,
                                                       const std::string& kind, const std::string& body,
                                                       const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate_pupil(sql, who, pupil_id);
  if (!at) return core::unexpected(at.error());
  if (auto ok = require_action(who, *at, Action::AddNote); !ok) return core::unexpected(ok.error());
  store::NoteRecord note{
      core::new_uuid(), pupil_id, who.user_id, who.display_name, kind, body, core::format_instant(ctx.now)};
  store::insert_note(sql, note);
  audit_.append_in(sql, {audit_event(who, pupil_id, "create", "pupil.notes", ctx)});
  tx.commit();
  return note;
}

core::Result<AuditListView> PupilService::audit_trail(const Principal& who, const std::string& pupil_id,
                                                      int page, int page_size, const RequestContext& ctx) {
  {
    store::Lease lease(db_);
    auto at = locate_pupil(lease.sql(), who, pupil_id);
    if (!at) return core::unexpected(at.error());
    if (auto ok = require_action(who, *at, Action::ViewAudit); !ok) return core::unexpected(ok.error());
  }
  // Looking at the trail is itself a read of the dossier: record it first, so the
  // answer already shows this look.
  audit_.record_reads_now({audit_event(who, pupil_id, "read", "pupil.audit", ctx)});
  store::Lease lease(db_);
  auto result = store::list_audit_events(lease.sql(), pupil_id, (page - 1) * page_size, page_size);
  return AuditListView{std::move(result.items), result.total, page, page_size};
}

} // namespace eenplan::service
