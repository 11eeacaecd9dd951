#include "service/trajectory_common.hpp"

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"

namespace eenplan::service::trajectory {

namespace {
const char* kNotFound = "Deze leerling bestaat niet of u heeft geen toegang.";

domain::PupilRelations relations_of(soci::session& sql, const Principal& who,
                                    const store::PupilRecord& pupil) {
  const auto team = store::case_team_relation(sql, pupil.id, who.user_id);
  return {pupil.enrolment_school.id, pupil.home_school.id, pupil.municipality.id, team.member, team.lead};
}
} // namespace

domain::Date today_of(const RequestContext& ctx) {
  return domain::parse_iso_date(core::local_date_iso(ctx.now)).value_or(domain::Date{});
}

std::string now_of(const RequestContext& ctx) {
  return core::format_instant(ctx.now);
}

store::AuditEventInput event(const Principal& who, const std::string& pupil_id, std::string action,
                             std::string resource, const RequestContext& ctx) {
  return {core::new_uuid(),  core::format_instant(ctx.now), who.user_id, pupil_id,
          std::move(action), std::move(resource),           ctx.purpose, ctx.request_id};
}

core::Unexpected refused(const domain::RuleViolation& violation) {
  auto failure = core::violated(violation.code(), violation.message);
  if (!violation.field.empty())
    failure.error.errors.push_back({violation.field, std::string(violation.code()), violation.message});
  return failure;
}

core::Result<LocatedPupil> locate_pupil(soci::session& sql, const Principal& who, const std::string& pupil_id,
                                        domain::Action action) {
  if (!core::is_uuid(pupil_id)) return core::fail(core::ErrorCode::NotFound, kNotFound);
  auto pupil = store::find_pupil(sql, pupil_id);
  if (!pupil) return core::fail(core::ErrorCode::NotFound, kNotFound);
  const auto decision = domain::decide(who.actor(), relations_of(sql, who, *pupil), action);
  if (decision.scope == domain::Scope::None) return core::fail(core::ErrorCode::NotFound, kNotFound);
  if (!decision.allowed) {
    return core::fail(core::ErrorCode::Forbidden,
                      action == domain::Action::ManageTrajectory
                          ? "Alleen de coördinator passend onderwijs van de school of de SWV-consulent "
                            "legt arrangementen en aanmeldingen vast."
                          : "U mag het traject van deze leerling niet inzien.");
  }
  return LocatedPupil{std::move(*pupil), decision};
}

bool allowed(soci::session& sql, const Principal& who, const store::PupilRecord& pupil,
             domain::Action action) {
  return domain::decide(who.actor(), relations_of(sql, who, pupil), action).allowed;
}

PupilName pupil_name(soci::session& sql, const std::string& pupil_id) {
  auto p = store::find_pupil(sql, pupil_id);
  if (!p) return {pupil_id, "", "", ""};
  return {p->id, p->given_name, p->family_name, p->school_pupil_number};
}

bool organisation_exists(soci::session& sql, const std::string& id, bool school) {
  if (!core::is_uuid(id)) return false;
  auto org = store::find_organisation(sql, id);
  return org && (!school || org->kind == "school");
}

} // namespace eenplan::service::trajectory
