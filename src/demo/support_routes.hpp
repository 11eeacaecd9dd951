// Demo data for the school support route (ondersteuningsroute): for a few schools, six JES meetings
// around today and some pupils at each stage of the route. Deterministic (derived from the region
// and today only) and small, so `eenplan demo` stays fast. No I/O here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "demo/region.hpp"

namespace eenplan::demo {

struct DemoRouteStep {
  std::string kind, date, description, performed_by;
};
struct DemoConcern {
  std::string date, question, tried;
  bool discussed = false;
};
struct DemoActionItem {
  std::string description, owner, due_on;
};
struct DemoDiscussion {
  std::string date;
  std::vector<std::string> participants;
  std::string outcome, decision;
  std::vector<DemoActionItem> actions;
};
struct DemoParentContact {
  std::string date, topic, method, informed_by, summary;
};
struct DemoMeeting {
  std::string school_key, date, location;
  std::vector<std::string> members;
  std::string coordinator_username;
};
struct DemoReferral {
  std::size_t meeting = 0; // index in DemoSupportRoutes::meetings
  std::string reason, question, outcome;
};
struct DemoSupportRoute {
  std::size_t pupil = 0; // index in Region::pupils
  std::string recorder_username, coordinator_username;
  std::vector<DemoRouteStep> steps;
  std::optional<DemoConcern> concern;
  std::optional<DemoDiscussion> discussion;
  std::vector<DemoParentContact> contacts;
  std::optional<DemoReferral> referral;
};
struct DemoSupportRoutes {
  std::vector<DemoMeeting> meetings;
  std::vector<DemoSupportRoute> routes;
};

DemoSupportRoutes support_routes(const Region& region, std::string_view today_iso);

} // namespace eenplan::demo
