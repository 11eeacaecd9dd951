// The one mapping from a refusal of the trajectory domain (domain::RuleViolation) to the service's
// error: a stale version becomes VersionConflict (412, with the current resource), every other rule
// RuleViolated (422) with the rule's code and, when it is about one input, that field in `errors`
// (field code `invalid-value`: the rule's code is the problem's).
#pragma once

#include <any>

#include "core/error.hpp"
#include "domain/trajectory_error.hpp"

namespace eenplan::service {

core::Unexpected refused(const domain::RuleViolation& violation, std::any current = {});

} // namespace eenplan::service
