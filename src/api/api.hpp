// The HTTP face of the application: routing, session and CSRF checks, security
// headers and the access log, around thin per-resource handlers.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "http/message.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "service/audit_log.hpp"
#include "service/auth_service.hpp"
#include "service/pupil_service.hpp"
#include "store/database.hpp"

namespace eenplan::api {

inline constexpr const char* kApiVersion = "1.0.0";
inline constexpr const char* kSessionCookie = "eenplan_session";
inline constexpr std::size_t kImportBodyLimit = std::size_t{64} * 1024 * 1024;

struct ApiConfig {
  std::filesystem::path web_root = "web/dist";
  bool secure_cookies = false; // set when served behind TLS
  bool access_log = true;
  /// Test servers only (`serve --test-clock`): the use cases' "now" comes from this clock and
  /// PUT /api/v1/test-clock shifts it. Sessions keep the real clock, so nobody is logged out.
  core::OffsetClock* test_clock = nullptr;
};

class Api {
public:
  Api(store::Database& db, const core::Clock& clock, ApiConfig config);
  ~Api();

  /// The reply may carry a gate: the answer waits until its reads are audited durably.
  http::Reply handle(http::Request& req, const http::ClientInfo& client);
  /// True for the requests quick enough to run on the I/O thread (http::ServerConfig::run_inline):
  /// the hot dossier reads: a few rows, and no write beyond the session's last-seen time.
  bool runs_inline(const http::Request& req) const;
  /// Answers for requests the server refuses before routing (too large, malformed).
  http::Response refusal(http::bhttp::status status, const std::string& detail, unsigned version);
  /// The body limit for a request target, for http::ServerConfig::body_limit_for: larger for
  /// absence imports (kImportBodyLimit), 0 (= the server default) elsewhere.
  static std::size_t body_limit_for(std::string_view target);
  /// The security headers (strict CSP, no sniffing, no framing, no referrer), the same on every
  /// response: for http::ServerConfig::common_fields.
  static std::string security_fields();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::string_view openapi_json();

} // namespace eenplan::api
