#pragma once

#include <boost/beast/http.hpp>
#include <string>

namespace eenplan::http {

namespace bhttp = boost::beast::http;
using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;

/// What the server knows about the connection a request came on.
struct ClientInfo {
  std::string address;
  bool tls = false;
};

/// Value of one cookie from the Cookie header, or "".
std::string cookie_value(const Request& req, std::string_view name);

} // namespace eenplan::http
