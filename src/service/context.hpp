// Who is asking and why: passed to every use case.
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/access.hpp"
#include "domain/roles.hpp"
#include "store/records.hpp"

namespace eenplan::service {

struct Principal {
  std::string user_id;
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::Teacher;
  std::vector<store::MembershipRecord> memberships;

  /// The access policy's view of this user.
  domain::Actor actor() const {
    domain::Actor a{user_id, role, {}, {}};
    for (const auto& m : memberships) {
      (m.relation == "linked" ? a.linked_schools : a.member_of).push_back(m.organisation_id);
    }
    return a;
  }
};

struct RequestContext {
  std::string request_id;
  std::string purpose = "begeleiding"; // audit purpose (X-Purpose)
  std::string client_address;
  core::Instant now{};
};

} // namespace eenplan::service
