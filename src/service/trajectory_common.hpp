// What the trajectory services share (arrangement_service.cpp, provision_service.cpp).
#pragma once

#include <string>

#include "core/error.hpp"
#include "domain/access.hpp"
#include "domain/dates.hpp"
#include "domain/trajectory_error.hpp"
#include "service/context.hpp"
#include "service/trajectory_service.hpp"
#include "store/audit_store.hpp"
#include "store/records.hpp"

namespace eenplan::service::trajectory {

domain::Date today_of(const RequestContext& ctx);
std::string now_of(const RequestContext& ctx);

store::AuditEventInput event(const Principal& who, const std::string& pupil_id, std::string action,
                             std::string resource, const RequestContext& ctx);

/// A refused rule: RuleViolated with the rule's code; its field (if any) as a field error.
core::Unexpected refused(const domain::RuleViolation& violation);

/// Someone else changed it first: VersionConflict carrying the current value.
template <typename T> core::Unexpected conflict(T current) {
  return core::Unexpected{
      core::Error{core::ErrorCode::VersionConflict,
                  "Iemand anders heeft dit gewijzigd nadat u het opende. Bekijk de huidige "
                  "versie en probeer het opnieuw.",
                  {},
                  0,
                  std::move(current)}};
}

struct LocatedPupil {
  store::PupilRecord pupil;
  domain::Decision decision;
};

/// The pupil and the actor's decision for `action`; NotFound when it does not exist or the actor has
/// no scope on it, Forbidden when the scope is there but the action is not allowed.
core::Result<LocatedPupil> locate_pupil(soci::session& sql, const Principal& who, const std::string& pupil_id,
                                        domain::Action action);
/// The decision only (no errors), for can_manage flags.
bool allowed(soci::session& sql, const Principal& who, const store::PupilRecord& pupil,
             domain::Action action);

PupilName pupil_name(soci::session& sql, const std::string& pupil_id);

/// The organisation exists (and is a school when `school`): else a field error for `field`.
bool organisation_exists(soci::session& sql, const std::string& id, bool school);

} // namespace eenplan::service::trajectory
