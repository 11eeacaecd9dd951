// Finding a pupil and deciding an action on it, for the plan's use cases: NotFound when the pupil
// does not exist or the user has no scope on it (no existence leak), Forbidden when they see the
// pupil but may not do this.
#pragma once

#include <string>

#include "core/error.hpp"
#include "domain/access.hpp"
#include "service/context.hpp"
#include "store/records.hpp"

namespace soci {
class session;
}

namespace eenplan::service {

struct LocatedPupil {
  store::PupilRecord pupil;
  domain::PupilRelations relations;
};

core::Result<LocatedPupil> locate_pupil(soci::session& sql, const Principal& who, const std::string& pupil_id,
                                        domain::Action action, const std::string& forbidden_detail);

} // namespace eenplan::service
