#include "service/pupil_access.hpp"

#include <soci/soci.h>

#include "core/ids.hpp"
#include "store/pupil_store.hpp"

namespace eenplan::service {

core::Result<LocatedPupil> locate_pupil(soci::session& sql, const Principal& who, const std::string& pupil_id,
                                        domain::Action action, const std::string& forbidden_detail) {
  static const char* kNotFound = "Deze leerling bestaat niet of u heeft geen toegang.";
  if (!core::is_uuid(pupil_id)) return core::fail(core::ErrorCode::NotFound, kNotFound);
  auto pupil = store::find_pupil(sql, pupil_id);
  if (!pupil) return core::fail(core::ErrorCode::NotFound, kNotFound);
  const auto team = store::case_team_relation(sql, pupil_id, who.user_id);
  domain::PupilRelations relations{pupil->enrolment_school.id, pupil->home_school.id, pupil->municipality.id,
                                   team.member, team.lead};
  const auto decision = domain::decide(who.actor(), relations, action);
  if (decision.scope == domain::Scope::None) return core::fail(core::ErrorCode::NotFound, kNotFound);
  if (!decision.allowed) return core::fail(core::ErrorCode::Forbidden, forbidden_detail);
  return LocatedPupil{std::move(*pupil), relations};
}

} // namespace eenplan::service
