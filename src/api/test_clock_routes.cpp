// The test clock of `eenplan serve --test-clock`: browser journeys move "today" forward (six weeks
// later) without waiting. These routes exist only on a server started with that flag; `make run`
// and production never register them.
#include "api/json_input.hpp"
#include "api/routes.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::status;

namespace {

json::object clock_json(const core::OffsetClock& clock) {
  return json::object{{"offsetDays", clock.offset_days()}, {"today", core::local_date_iso(clock.now())}};
}

} // namespace

RouteResult get_test_clock(Services& s, Call& call) {
  return json_response(status::ok, clock_json(*s.test_clock), call.req.version());
}

RouteResult put_test_clock(Services& s, Call& call) {
  auto body = parse_object(call.req.body());
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  f.reject_unknown({"offsetDays"});
  const auto* days = body->if_contains("offsetDays");
  if (!days || !days->is_int64() || days->get_int64() < -3660 || days->get_int64() > 3660)
    f.error("offsetDays", days ? "out-of-range" : "required", "Een geheel aantal dagen (-3660 tot 3660).");
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  s.test_clock->set_offset_days(static_cast<int>(days->get_int64()));
  return json_response(status::ok, clock_json(*s.test_clock), call.req.version());
}

} // namespace eenplan::api
