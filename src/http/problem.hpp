// The one mapping from error codes to HTTP statuses and problem+json bodies (RFC 9457).
#pragma once

#include <boost/json.hpp>
#include <string>

#include "core/error.hpp"
#include "http/message.hpp"

namespace eenplan::http {

bhttp::status status_of(core::ErrorCode code);
std::string_view code_name(core::ErrorCode code);

/// The problem document; callers may add extension members (e.g. `current`).
boost::json::object problem_body(const core::Error& error, const std::string& request_id);

/// A complete problem+json response.
Response problem_response(const core::Error& error, const std::string& request_id, unsigned http_version,
                          const boost::json::object& extra = {});

} // namespace eenplan::http
