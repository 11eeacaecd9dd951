#include "service/rule_refusal.hpp"

namespace eenplan::service {

core::Unexpected refused(const domain::RuleViolation& violation, std::any current) {
  if (violation.kind() == domain::ProblemKind::StaleVersion) {
    return core::Unexpected{
        core::Error{core::ErrorCode::VersionConflict, violation.message, {}, 0, std::move(current)}};
  }
  auto failure = core::violated(violation.code(), violation.message);
  if (!violation.field.empty()) {
    failure.error.errors.push_back({violation.field, "invalid-value", violation.message});
  }
  return failure;
}

} // namespace eenplan::service
