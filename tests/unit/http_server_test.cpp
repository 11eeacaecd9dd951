// The HTTP server's own promises, against a real socket: keep-alive over several I/O threads,
// and the graceful stop (idle connections closed at once, a request in flight answered in full).
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <boost/asio/buffer.hpp>
#include <boost/beast/core.hpp>
#include <future>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http/server.hpp"

namespace {

using namespace eenplan;
namespace asio = boost::asio;
namespace beast = boost::beast;
using http::bhttp::status;

http::Response text(status s, std::string body) {
  http::Response res{s, 11};
  res.set(http::bhttp::field::content_type, "text/plain");
  res.body() = std::move(body);
  return res;
}

/// A server on a free port with a handler that answers "/slow" only when the test lets it.
class ServerFixture : public ::testing::Test {
protected:
  void start(std::size_t io_threads) {
    http::ServerConfig config;
    config.port = 0;
    config.io_threads = io_threads;
    config.worker_threads = 2;
    config.shutdown_grace = std::chrono::seconds(10);
    config.common_fields = "X-Frame-Options: DENY\r\nX-Test: ja\r\n";
    config.run_inline = [](const http::Request& req) { return req.target() != "/slow"; };
    server = std::make_unique<http::Server>(
        config,
        [this](http::Request& req, const http::ClientInfo&) {
          if (req.target() == "/slow") {
            slow_started.set_value();
            release_slow.get_future().wait();
            return http::Reply{text(status::ok, "klaar"), nullptr};
          }
          return http::Reply{text(status::ok, std::string(req.target())), nullptr};
        },
        [](status s, const std::string& detail, unsigned) { return text(s, detail); });
    running = std::async(std::launch::async, [this] { server->run(); });
  }

  void TearDown() override {
    if (!server) return;
    try {
      release_slow.set_value(); // a test that failed half-way must not leave a worker waiting
    } catch (const std::future_error&) {
    }
    server->stop();
    if (running.valid()) running.wait();
  }

  /// A connected client on a plain socket whose reads give up after five seconds, so that a
  /// server that does not answer fails the test instead of hanging it.
  class Client {
  public:
    explicit Client(unsigned short port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
      sockaddr_in address{};
      address.sin_family = AF_INET;
      address.sin_port = htons(port);
      address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      timeval limit{5, 0};
      ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
      connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    Client(Client&& other) noexcept : fd_(std::exchange(other.fd_, -1)), connected_(other.connected_) {}
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;
    Client& operator=(Client&&) = delete;
    ~Client() {
      if (fd_ >= 0) ::close(fd_);
    }
    bool connected() const { return connected_; }

    void send(std::string_view target) const {
      send_raw("GET " + std::string(target) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }
    void send_raw(const std::string& bytes) const {
      ASSERT_EQ(::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
    }

    /// The next whole response; a default one (status 0) when none came in time.
    http::Response receive() {
      http::bhttp::response_parser<http::bhttp::string_body> parser;
      parser.eager(true);
      for (;;) {
        if (!pending_.empty()) {
          beast::error_code ec;
          const auto used = parser.put(asio::buffer(pending_), ec);
          if (ec && ec != http::bhttp::error::need_more) return {};
          pending_.erase(0, used);
          if (parser.is_done()) return parser.release();
          if (ec != http::bhttp::error::need_more && used > 0) continue;
        }
        if (!read_more()) return {};
      }
    }

    /// True when the server closed the connection (no bytes, end of stream) in time.
    bool closed_by_server() {
      std::array<char, 64> byte{};
      return ::recv(fd_, byte.data(), byte.size(), 0) == 0;
    }

  private:
    bool read_more() {
      std::array<char, 4096> chunk{};
      const auto n = ::recv(fd_, chunk.data(), chunk.size(), 0);
      if (n <= 0) return false;
      pending_.append(chunk.data(), static_cast<std::size_t>(n));
      return true;
    }
    int fd_;
    bool connected_ = false;
    std::string pending_;
  };

  Client connect() const { return Client(server->port()); }

  std::unique_ptr<http::Server> server;
  std::future<void> running;
  std::promise<void> slow_started, release_slow;
};

TEST_F(ServerFixture, KeepAliveConnectionsOnEveryIoThreadAnswerEachOfTheirRequests) {
  start(3);
  std::vector<Client> clients;
  for (int c = 0; c < 7; ++c) // more connections than I/O threads, so every thread has some
    clients.push_back(connect());
  for (int round = 0; round < 5; ++round) {
    for (std::size_t c = 0; c < clients.size(); ++c) {
      const std::string target = "/c" + std::to_string(c) + "/r" + std::to_string(round);
      clients[c].send(target);
      const auto res = clients[c].receive();
      EXPECT_EQ(res.result(), status::ok);
      EXPECT_EQ(res.body(), target);
      EXPECT_TRUE(res.keep_alive());
    }
  }
}

TEST_F(ServerFixture, StopClosesIdleConnectionsAtOnceAndFinishesTheRequestInFlight) {
  start(2);
  const auto port = server->port();
  auto idle = connect();
  idle.send("/eerst");
  ASSERT_EQ(idle.receive().result(), status::ok); // now waiting for its next request
  auto busy = connect();
  busy.send("/slow");
  slow_started.get_future().wait();

  const auto stop_at = std::chrono::steady_clock::now();
  server->stop();
  // The idle connection is closed by the server, long before its 75 s idle timeout.
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_LT(std::chrono::steady_clock::now() - stop_at, std::chrono::seconds(3));

  // The request in flight gets its whole answer, and the connection then ends.
  release_slow.set_value();
  const auto res = busy.receive();
  EXPECT_EQ(res.result(), status::ok);
  EXPECT_EQ(res.body(), "klaar");
  EXPECT_FALSE(res.keep_alive());
  ASSERT_EQ(running.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  running.get();
  // And no one new gets in.
  server.reset();
  EXPECT_FALSE(Client(port).connected());
}

/// The two lines of ServerConfig::common_fields that start() sets.
void expect_common_fields(const http::Response& res) {
  EXPECT_EQ(res["X-Frame-Options"], "DENY");
  EXPECT_EQ(res["X-Test"], "ja");
}

TEST_F(ServerFixture, EveryAnswerCarriesTheCommonFieldsTheServerRefusalsToo) {
  start(2);
  auto client = connect();
  client.send("/gewoon");
  const auto answer = client.receive();
  EXPECT_EQ(answer.result(), status::ok);
  expect_common_fields(answer);

  auto garbled = connect();
  garbled.send_raw("DIT IS GEEN HTTP\r\n\r\n");
  const auto refusal = garbled.receive();
  EXPECT_EQ(refusal.result(), status::bad_request);
  expect_common_fields(refusal);
  EXPECT_FALSE(refusal.keep_alive());
}

TEST_F(ServerFixture, StopWithoutConnectionsReturnsAtOnce) {
  start(2);
  server->stop();
  EXPECT_EQ(running.wait_for(std::chrono::seconds(5)), std::future_status::ready);
}

} // namespace
