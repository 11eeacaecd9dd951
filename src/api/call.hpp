// What a route handler gets: the request, its path parameters, the caller and the context.
#pragma once

#include <boost/json.hpp>
#include <boost/url.hpp>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "service/context.hpp"

namespace eenplan::api {

struct Call {
  http::Request& req;
  http::PathParams params;
  const service::Principal* principal = nullptr; // set on authenticated routes
  service::RequestContext ctx;
  http::ClientInfo client;
  std::string session_token; // the cookie value, when present

  const service::Principal& who() const { return *principal; }
  std::string_view param(std::string_view name) const {
    auto it = params.find(name);
    return it == params.end() ? std::string_view{} : std::string_view(it->second);
  }
};

/// A route answers with a response or an error (turned into problem+json by the caller).
using RouteResult = core::Result<http::Response>;

http::Response json_response(http::bhttp::status status, const boost::json::value& body, unsigned version);
/// The same for a body that is JSON text already.
http::Response json_text_response(http::bhttp::status status, std::string body, unsigned version);

/// The version the client edited, from If-Match: "7" or 7 (weak validators and lists are not
/// accepted: one exact version). PreconditionRequired (428) without the header, BadRequest when
/// it is not one positive version.
core::Result<int> if_match_version(const Call& call);

/// The decoded query parameters (last one wins); BadRequest for a malformed target.
core::Result<std::map<std::string, std::string>> query_params(const http::Request& req);

/// A positive integer query parameter within [min, max]; BadRequest otherwise.
core::Result<int> int_param(const std::map<std::string, std::string>& query, const std::string& name,
                            int fallback, int min, int max);

} // namespace eenplan::api
