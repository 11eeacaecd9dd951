#include "api/routes.hpp"
#include "domain/pupil.hpp"
#include "domain/roles.hpp"
#include "service/admin_service.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::status;

RouteResult list_organisations(Services& s, Call& call) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  std::string kind = (*query)["kind"];
  if (!kind.empty() && !domain::parse_organisation_kind(kind)) {
    return core::fail(core::ErrorCode::BadRequest, "Onbekende soort organisatie: " + kind);
  }
  json::array items;
  for (const auto& o : service::list_organisations(s.db, kind)) {
    json::object item{{"id", o.id}, {"name", o.name}, {"kind", o.kind}};
    if (!o.brin.empty()) item["brin"] = o.brin;
    if (!o.school_type.empty()) item["schoolType"] = o.school_type;
    if (!o.municipality_id.empty()) {
      item["municipality"] =
          json::object{{"id", o.municipality_id}, {"name", o.municipality_name}, {"kind", "municipality"}};
    }
    items.push_back(std::move(item));
  }
  return json_response(status::ok, json::object{{"items", std::move(items)}}, call.req.version());
}

RouteResult list_support_need_categories(Services&, Call& call) {
  json::array items;
  for (const auto& c : domain::kSupportNeedCategories) {
    items.push_back(json::object{{"code", c.code}, {"label", c.label}});
  }
  return json_response(status::ok, json::object{{"items", std::move(items)}}, call.req.version());
}

} // namespace eenplan::api
