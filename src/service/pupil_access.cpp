#include "service/pupil_access.hpp"

#include "core/ids.hpp"

namespace eenplan::service {

core::Result<LocatedPupil> locate_pupil(soci::session& sql, const Principal& who,
                                        const std::string& pupil_id) {
  const std::string not_found(kPupilNotFound);
  if (!core::is_uuid(pupil_id)) return core::fail(core::ErrorCode::NotFound, not_found);
  // The pupil and the caller's place on its case team in one statement.
  auto found = store::find_pupil_for(sql, pupil_id, who.user_id);
  if (!found) return core::fail(core::ErrorCode::NotFound, not_found);
  const auto& pupil = found->pupil;
  domain::PupilRelations relations{pupil.enrolment_school.id, pupil.home_school.id, pupil.municipality.id,
                                   found->relation.member, found->relation.lead};
  const auto scope = domain::view_scope(who.actor(), relations);
  if (scope == domain::Scope::None) return core::fail(core::ErrorCode::NotFound, not_found);
  return LocatedPupil{std::move(found->pupil), relations, scope};
}

core::Result<void> require_action(const Principal& who, const LocatedPupil& at, domain::Action action,
                                  std::string_view forbidden) {
  const auto decision = domain::decide(who.actor(), at.relations, action);
  if (decision.allowed) return {};
  if (decision.scope == domain::Scope::None)
    return core::fail(core::ErrorCode::NotFound, std::string(kPupilNotFound));
  return core::fail(core::ErrorCode::Forbidden, std::string(forbidden));
}

core::Result<LocatedPupil> locate_pupil_for(soci::session& sql, const Principal& who,
                                            const std::string& pupil_id, domain::Action action,
                                            std::string_view forbidden) {
  auto at = locate_pupil(sql, who, pupil_id);
  if (!at) return at;
  if (auto ok = require_action(who, *at, action, forbidden); !ok) return core::unexpected(ok.error());
  return at;
}

std::optional<LocatedPupil> visible_pupil(soci::session& sql, const Principal& who,
                                          const std::string& pupil_id, domain::Action action) {
  auto at = locate_pupil(sql, who, pupil_id);
  if (!at || !domain::decide(who.actor(), at->relations, action).allowed) return std::nullopt;
  return std::move(*at);
}

} // namespace eenplan::service
