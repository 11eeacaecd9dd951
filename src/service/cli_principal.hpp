// The user a command-line use case acts as (`--as USERNAME`): the same Principal a session
// would give, so the CLI goes through the same access policy and audit trail as the API.
#pragma once

#include <string>

#include "core/error.hpp"
#include "service/context.hpp"
#include "store/database.hpp"

namespace eenplan::service {

/// NotFound for an unknown or disabled account.
core::Result<Principal> principal_for_username(store::Database& db, const std::string& username);

} // namespace eenplan::service
