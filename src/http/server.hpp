// Boost.Beast HTTP/1.1 server: keep-alive, header and body limits, read and idle
// timeouts, and a graceful stop on SIGTERM/SIGINT in which in-flight requests finish.
// Handlers may block (database), so they run on a worker pool; only requests the
// application marks as quick (a few reads from the database) run on the I/O threads,
// which saves two thread hand-offs per request. Each I/O thread runs an io_context of its own
// and a connection stays on one of them, so no strand and no shared queue lock per step.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/gate.hpp"
#include "http/message.hpp"

namespace eenplan::http {

struct ServerConfig {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t io_threads = 1;
  std::size_t worker_threads = 16;
  /// True for a request whose handler is quick and never waits long (no password hashing,
  /// no large import, no write lock): it runs on the I/O thread. Unset: none.
  std::function<bool(const Request&)> run_inline;
  std::size_t header_limit = std::size_t{16} * 1024;
  std::size_t body_limit = std::size_t{1024} * 1024;
  /// A different body limit for some request targets (file uploads), decided from the target
  /// once the header is read; 0 keeps body_limit. Unset: body_limit everywhere.
  std::function<std::size_t(std::string_view target)> body_limit_for;
  /// The largest limit body_limit_for returns (the parser checks Content-Length against the
  /// limit while it reads the header, before the target is known).
  std::size_t largest_body_limit = 0;
  /// Header lines ("Name: value\r\n") every response carries, its refusals too: the security
  /// headers, which are the same on every answer.
  std::string common_fields;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{75};
  std::chrono::seconds shutdown_grace{20};
};

/// A response, and optionally a gate it must wait behind before it is sent (the I/O
/// thread waits, so no worker is held). A gate that opens with failure turns the
/// response into a 500.
struct Reply {
  Response response;
  std::shared_ptr<core::Gate> gate;
};

/// Produces the reply for one request; runs on a worker thread.
using Handler = std::function<Reply(Request&, const ClientInfo&)>;
/// Produces the response for a request the server itself refuses (too large, malformed).
using RefusalHandler = std::function<Response(bhttp::status, const std::string& detail, unsigned version)>;

class Server {
public:
  Server(ServerConfig config, Handler handler, RefusalHandler refuse);
  ~Server();
  /// Serves until SIGTERM/SIGINT (or stop()), then drains and returns.
  void run();
  void stop();
  unsigned short port() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace eenplan::http
