// The one way a service finds a pupil for a caller: the pupil, the caller's relations to them
// and the access policy's answer. Every service asks here, so "does not exist" and "not yours"
// look the same (404) everywhere, and a visible pupil whose part is closed to the caller is 403.
#pragma once

#include <optional>
#include <soci/soci.h>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/access.hpp"
#include "service/context.hpp"
#include "store/pupil_store.hpp"

namespace eenplan::service {

inline constexpr std::string_view kPupilNotFound = "Deze leerling bestaat niet of u heeft geen toegang.";
inline constexpr std::string_view kPartForbidden =
    "U mag dit onderdeel van het dossier niet inzien of wijzigen.";

struct LocatedPupil {
  store::PupilRecord pupil;
  domain::PupilRelations relations;
  domain::Scope scope = domain::Scope::None;
};

/// The pupil with the caller's relations and scope; NotFound when it does not exist or the caller
/// has no scope on it at all.
core::Result<LocatedPupil> locate_pupil(soci::session& sql, const Principal& who,
                                        const std::string& pupil_id);

/// One action on a located pupil: Forbidden with `forbidden` when the policy refuses it.
core::Result<void> require_action(const Principal& who, const LocatedPupil& at, domain::Action action,
                                  std::string_view forbidden = kPartForbidden);

/// locate_pupil, then require_action.
core::Result<LocatedPupil> locate_pupil_for(soci::session& sql, const Principal& who,
                                            const std::string& pupil_id, domain::Action action,
                                            std::string_view forbidden = kPartForbidden);

/// For lists: the pupil when it exists and the policy allows `action` on it, else nothing (a
/// list leaves such a pupil out instead of failing).
std::optional<LocatedPupil> visible_pupil(soci::session& sql, const Principal& who,
                                          const std::string& pupil_id, domain::Action action);

} // namespace eenplan::service
