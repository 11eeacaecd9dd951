// Login, server-side sessions with an idle timeout, and CSRF tokens.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/context.hpp"
#include "service/login_throttle.hpp"
#include "store/database.hpp"

namespace eenplan::service {

struct LoginResult {
  std::string token;      // goes into the HttpOnly cookie only
  std::string csrf_token; // goes into the JSON answer
  Principal principal;
};

class AuthService {
public:
  static constexpr std::chrono::minutes kIdleTimeout{30};

  AuthService(store::Database& db, const core::Clock& clock);

  core::Result<LoginResult> login(const std::string& username, const std::string& password,
                                  const std::string& client_address);
  /// The session's user, or Unauthenticated (unknown, ended, idle too long, account disabled).
  core::Result<Principal> authenticate(const std::string& token);
  void logout(const std::string& token);
  /// Forgets every cached session of a user at once (account disabled or password
  /// changed in this process); the database rows are ended by the caller.
  void forget_sessions_of(const std::string& user_id);

  /// The CSRF token belonging to a session token (derived, so nothing extra is stored).
  static std::string csrf_token_for(const std::string& token);

  /// argon2id (libsodium, interactive limits).
  static std::string hash_password(const std::string& password);
  static bool verify_password(const std::string& hash, const std::string& password);

private:
  struct Cached {
    Principal principal;
    core::Instant last_seen;
    core::Instant last_checked; // last time the session row and account were re-read
  };
  std::optional<Principal> load_principal(soci::session& sql, const std::string& user_id);

  store::Database& db_;
  const core::Clock& clock_;
  LoginThrottle throttle_;
  std::shared_mutex cache_mutex_;
  std::mutex entry_mutex_; // guards the fields of the cached entries (taken after cache_mutex_)
  std::unordered_map<std::string, std::shared_ptr<Cached>> cache_;
};

} // namespace eenplan::service
