// Organisations (no personal data) and account administration for the CLI.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace eenplan::service {

std::vector<store::OrganisationRecord> list_organisations(store::Database& db, const std::string& kind);

struct NewUser {
  std::string username;
  std::string display_name;
  std::string role;
  std::string password;
  std::vector<std::string> organisations;  // ids or exact names: member of
  std::vector<std::string> linked_schools; // ids or exact names (swv_consultant)
};

/// Minimum password length (OWASP ASVS 2.1.1: at least 12 characters).
inline constexpr std::size_t kMinPasswordLength = 12;

core::Result<std::string> add_user(store::Database& db, const NewUser& user);
core::Result<void> disable_user(store::Database& db, const std::string& username);
core::Result<void> reset_password(store::Database& db, const std::string& username,
                                  const std::string& password);

} // namespace eenplan::service
