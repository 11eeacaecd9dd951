#include "api/call.hpp"

#include <charconv>

namespace eenplan::api {

http::Response json_response(http::bhttp::status status, const boost::json::value& body, unsigned version) {
  return json_text_response(status, boost::json::serialize(body), version);
}

http::Response json_text_response(http::bhttp::status status, std::string body, unsigned version) {
  http::Response res{status, version};
  res.set(http::bhttp::field::content_type, "application/json");
  res.body() = std::move(body);
  return res;
}

core::Result<int> if_match_version(const Call& call) {
  const auto header = call.req[http::bhttp::field::if_match];
  if (header.empty()) {
    return core::fail(core::ErrorCode::PreconditionRequired,
                      "Stuur de versie die u heeft bewerkt mee in de If-Match-header.");
  }
  std::string_view text(header.data(), header.size());
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  int version = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (ec != std::errc{} || end != text.data() + text.size() || version < 1)
    return core::fail(core::ErrorCode::BadRequest, "De If-Match-header is ongeldig.");
  return version;
}

core::Result<std::map<std::string, std::string>> query_params(const http::Request& req) {
  auto parsed = boost::urls::parse_origin_form(std::string_view(req.target().data(), req.target().size()));
  if (!parsed) return core::fail(core::ErrorCode::BadRequest, "De URL van het verzoek is ongeldig.");
  std::map<std::string, std::string> out;
  for (auto param : parsed->params())
    out[param.key] = param.value;
  return out;
}

core::Result<int> int_param(const std::map<std::string, std::string>& query, const std::string& name,
                            int fallback, int min, int max) {
  auto it = query.find(name);
  if (it == query.end()) return fallback;
  int value = 0;
  const auto& text = it->second;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    return core::fail(core::ErrorCode::BadRequest, "Parameter '" + name + "' moet een geheel getal van " +
                                                       std::to_string(min) + " tot en met " +
                                                       std::to_string(max) + " zijn.");
  }
  return value;
}

} // namespace eenplan::api
