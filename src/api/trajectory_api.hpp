// Shared by the trajectory handlers (trajectory_routes.cpp, provision_routes.cpp): If-Match,
// strict body decoding with the store's codec (trajectory_json.hpp) and the JSON of the views.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "api/call.hpp"
#include "service/trajectory_service.hpp"
#include "store/trajectory_json.hpp"

namespace eenplan::api::trajectory {

/// The If-Match version: 428 when missing, 400 when malformed.
core::Result<int> if_match(const Call& call);

/// Parses the body as an object, refuses unknown members and runs `read`; a JsonFieldError from
/// the codec becomes a 422 validation-failed naming the field.
core::Result<void> decode_body(const Call& call, const std::set<std::string_view>& known,
                               const std::function<void(const boost::json::value&)>& read);

/// 412 with `current` and its ETag, or the error as it is.
RouteResult conflict_or(const core::Error& error, const Call& call,
                        const std::function<std::pair<boost::json::value, int>()>& current);

RouteResult with_etag(http::bhttp::status status, const boost::json::value& body, int version,
                      const Call& call);

boost::json::object pupil_ref(const service::PupilName& p);
boost::json::object arrangement_json(const service::ArrangementView& v);
boost::json::object phase_model_json(const domain::PhaseModel& m, int version);
boost::json::object registration_json(const service::AdmissionView& v);
boost::json::object provision_json(const service::ProvisionView& v, bool details);

} // namespace eenplan::api::trajectory
