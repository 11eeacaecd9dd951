#include "http/server.hpp"

#include "http/response_head.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <set>
#include <spdlog/spdlog.h>
#include <thread>

namespace eenplan::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

std::string cookie_value(const Request& req, std::string_view name) {
  const auto header = req[bhttp::field::cookie];
  std::string_view rest(header.data(), header.size());
  while (!rest.empty()) {
    const auto semi = rest.find(';');
    auto part = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    while (!part.empty() && part.front() == ' ')
      part.remove_prefix(1);
    const auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) {
      return std::string(part.substr(eq + 1));
    }
  }
  return {};
}

/// One io_context for each I/O thread, run by that thread alone. A connection stays on one of
/// them for its whole life, so its handlers never run at the same time without a strand, and an
/// I/O thread never waits for a lock another one holds to find its next piece of work.
std::vector<std::unique_ptr<asio::io_context>> one_context_per_thread(std::size_t threads) {
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  for (std::size_t n = 0; n < std::max<std::size_t>(threads, 1); ++n)
    contexts.push_back(std::make_unique<asio::io_context>(1));
  return contexts;
}

struct Server::Impl {
  ServerConfig config;
  Handler handler;
  RefusalHandler refuse;
  std::vector<std::unique_ptr<asio::io_context>> contexts = one_context_per_thread(config.io_threads);
  // The contexts that have no acceptor keep running while they have no connection, until the
  // shutdown begins.
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  std::size_t next_context = 0;
  asio::thread_pool workers;
  // What is not one connection's own (accepting, signals, the shutdown) runs on this strand of
  // the first context; stop() may post to it from any thread.
  asio::strand<asio::io_context::executor_type> control{asio::make_strand(*contexts.front())};
  tcp::acceptor acceptor{control};
  asio::signal_set signals{control, SIGINT, SIGTERM};
  std::atomic<bool> stopping{false};
  /// A connection as the shutdown sees it: registered for its whole life, idle while it waits
  /// for its next request (an idle connection is closed at once on shutdown, see close_idle).
  struct Connection {
    beast::tcp_stream* stream;
    std::atomic<bool> idle{false};
  };
  std::mutex connections_mutex;
  std::set<Connection*> connections;
  std::atomic<int> active{0};

  Impl(ServerConfig c, Handler h, RefusalHandler r)
      : config(std::move(c)), handler(std::move(h)), refuse(std::move(r)), workers(config.worker_threads) {
    for (std::size_t n = 1; n < contexts.size(); ++n)
      keep_running.push_back(asio::make_work_guard(*contexts[n]));
  }

  void enlist(Connection* c) {
    std::lock_guard lock(connections_mutex);
    connections.insert(c);
  }
  void delist(Connection* c) {
    std::lock_guard lock(connections_mutex);
    connections.erase(c);
  }

  void stop_all() {
    for (auto& context : contexts)
      context->stop();
  }

  void begin_shutdown() {
    if (stopping.exchange(true)) return;
    spdlog::info("shutting down: no new connections, finishing requests in flight");
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    {
      std::lock_guard lock(connections_mutex);
      for (auto* c : connections)
        close_idle(c);
    }
    for (auto& guard : keep_running)
      guard.reset(); // a context ends when its last connection has
    // Whatever is still running after the grace period is cut off.
    auto timer = std::make_shared<asio::steady_timer>(control, config.shutdown_grace);
    timer->async_wait([this, timer](const beast::error_code& e) {
      if (!e) {
        spdlog::warn("shutdown grace period over; stopping");
        stop_all();
      }
    });
    grace_timer = timer;
    if (active == 0) timer->cancel();
  }

  /// Called when a connection ends; the last one during shutdown lets run() return.
  void connection_done() {
    if (--active == 0 && stopping) {
      asio::post(control, [this] {
        if (grace_timer) grace_timer->cancel();
      });
    }
  }
  std::shared_ptr<asio::steady_timer> grace_timer;

  /// Closes an idle connection on its own thread, if it is still idle then (it may have
  /// started a request, or ended, in the meantime).
  void close_idle(Connection* c) {
    asio::post(c->stream->get_executor(), [this, c] {
      std::lock_guard lock(connections_mutex);
      if (!connections.contains(c) || !c->idle) return;
      beast::error_code ec;
      c->stream->socket().close(ec);
    });
  }

  asio::awaitable<void> serve(tcp::socket socket) {
    ++active;
    beast::tcp_stream stream(std::move(socket));
    Connection connection{&stream};
    enlist(&connection);
    struct Done {
      Impl* impl;
      Connection* connection;
      ~Done() {
        impl->delist(connection);
        impl->connection_done();
      }
    } done{this, &connection};
    beast::flat_buffer buffer;
    ClientInfo client;
    beast::error_code ec;
    auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec) client.address = endpoint.address().to_string();
    bool first = true;
    while (!stopping) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
      // The parser checks a Content-Length while it reads the header, before the target is
      // known: allow the largest limit there, and the target's own limit right after.
      std::size_t body_limit = std::max(config.body_limit, config.largest_body_limit);
      parser.body_limit(body_limit);
      stream.expires_after(first ? config.read_timeout : config.idle_timeout);
      connection.idle = true;
      auto [read_ec, bytes] =
          co_await bhttp::async_read_header(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      connection.idle = false;
      const auto limit_for_target = [&] {
        const auto target = parser.get().target(); // the start line is parsed before the fields
        const auto limit =
            config.body_limit_for ? config.body_limit_for(std::string_view(target.data(), target.size())) : 0;
        return limit != 0 ? limit : config.body_limit;
      };
      if (read_ec == bhttp::error::body_limit) body_limit = limit_for_target();
      if (!read_ec) {
        body_limit = limit_for_target();
        // A declared length is checked here; a chunked body while it arrives.
        if (const auto length = parser.content_length(); length && *length > body_limit) {
          read_ec = bhttp::error::body_limit;
        } else {
          parser.body_limit(body_limit);
          stream.expires_after(config.read_timeout);
          std::tie(read_ec, bytes) =
              co_await bhttp::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        }
      }
      (void)bytes;
      first = false;
      if (read_ec) {
        Response refusal;
        bool answer = false;
        if (read_ec == bhttp::error::body_limit) {
          refusal = refuse(bhttp::status::payload_too_large,
                           "Het verzoek is groter dan " +
                               std::to_string(body_limit / (std::size_t{1024} * 1024)) + " MiB.",
                           11);
          answer = true;
        } else if (read_ec == bhttp::error::header_limit) {
          refusal = refuse(bhttp::status::request_header_fields_too_large,
                           "De headers van het verzoek zijn te groot.", 11);
          answer = true;
        } else if (read_ec.category() == beast::error_code(bhttp::error::end_of_stream).category() &&
                   read_ec != bhttp::error::end_of_stream && read_ec != bhttp::error::partial_message) {
          refusal = refuse(bhttp::status::bad_request, "Het verzoek is geen geldig HTTP-verzoek.", 11);
          answer = true;
        }
        if (answer) {
          refusal.keep_alive(false);
          refusal.prepare_payload();
          co_await write(stream, refusal);
          co_await linger(stream);
        }
        break;
      }
      Request req = parser.release();
      // Not a conditional expression: GCC 12 miscompiles co_await inside one.
      Reply reply;
      if (config.run_inline && config.run_inline(req)) {
        reply = handler(req, client);
      } else {
        reply = co_await asio::co_spawn(
            workers, [&]() -> asio::awaitable<Reply> { co_return handler(req, client); },
            asio::use_awaitable);
      }
      if (reply.gate && !co_await wait_for(*reply.gate)) {
        reply.response = refuse(bhttp::status::internal_server_error,
                                "Er ging iets mis aan onze kant. Probeer het opnieuw.", req.version());
      }
      Response& res = reply.response;
      const bool keep_alive = req.keep_alive() && !stopping;
      res.keep_alive(keep_alive);
      res.prepare_payload();
      const auto write_ec = co_await write(stream, res);
      if (write_ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  /// Writes a prepared response as one gather write of the head and the body (see
  /// response_head.hpp for why).
  asio::awaitable<beast::error_code> write(beast::tcp_stream& stream, const Response& res) {
    stream.expires_after(config.read_timeout);
    const std::string head = response_head(res, config.common_fields);
    const std::array<asio::const_buffer, 2> wire{asio::buffer(head), asio::buffer(res.body())};
    auto [ec, written] = co_await asio::async_write(stream, wire, asio::as_tuple(asio::use_awaitable));
    (void)written;
    co_return ec;
  }

  /// After refusing a request whose body is still arriving: stop sending, then read and
  /// discard what the client still sends for a while, so closing does not reset the
  /// connection before the client has read our answer (a "lingering close").
  asio::awaitable<void> linger(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::array<char, std::size_t{16} * 1024> scratch{};
    std::size_t discarded = 0;
    stream.expires_after(std::chrono::seconds(5));
    while (discarded < std::size_t{64} * 1024 * 1024) {
      auto [read_ec, n] =
          co_await stream.async_read_some(asio::buffer(scratch), asio::as_tuple(asio::use_awaitable));
      if (read_ec) break;
      discarded += n;
    }
  }

  /// Suspends this connection (not a thread) until the gate opens; true when all went well.
  /// The gate may open on any thread, even before the wait begins: the completion is
  /// posted to the connection's executor, so it never races the coroutine (with several
  /// I/O threads a timer cancelled from the gate's thread could).
  asio::awaitable<bool> wait_for(core::Gate& gate) {
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(bool)>(
        [&gate](auto handler) {
          struct Pending {
            decltype(handler) resume;
            asio::any_io_executor work; // keeps the I/O threads running while the gate is shut
          };
          auto executor = asio::get_associated_executor(handler);
          auto pending = std::make_shared<Pending>(
              Pending{std::move(handler), asio::prefer(executor, asio::execution::outstanding_work.tracked)});
          gate.on_open([pending](bool all_ok) {
            asio::post(pending->work, [pending, all_ok] { std::move(pending->resume)(all_ok); });
          });
        },
        asio::use_awaitable);
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      // The connections take turns over the I/O threads.
      auto& context = *contexts[next_context++ % contexts.size()];
      auto [ec, socket] =
          co_await acceptor.async_accept(context.get_executor(), asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(context.get_executor(), serve(std::move(socket)), [](const std::exception_ptr& e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          spdlog::error("connection ended by exception: {}", ex.what());
        }
      });
    }
  }
};

Server::Server(ServerConfig config, Handler handler, RefusalHandler refuse)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(handler), std::move(refuse))) {
  auto& i = *impl_;
  tcp::endpoint endpoint{asio::ip::make_address(i.config.address), i.config.port};
  i.acceptor.open(endpoint.protocol());
  i.acceptor.set_option(asio::socket_base::reuse_address(true));
  i.acceptor.bind(endpoint);
  i.acceptor.listen(asio::socket_base::max_listen_connections);
}

Server::~Server() = default;

unsigned short Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void Server::stop() {
  asio::post(impl_->control, [this] { impl_->begin_shutdown(); });
}

void Server::run() {
  auto& i = *impl_;
  i.signals.async_wait([&](const beast::error_code& ec, int) {
    if (!ec) i.begin_shutdown();
  });
  asio::co_spawn(i.control, i.accept_loop(), asio::detached);
  // When only the signal wait and the grace timer remain, there is nothing left to drain.
  std::vector<std::thread> extra;
  for (std::size_t n = 1; n < i.contexts.size(); ++n)
    extra.emplace_back([&i, n] { i.contexts[n]->run(); });
  i.contexts.front()->run();
  for (auto& t : extra)
    t.join();
  i.workers.join();
  spdlog::info("server stopped");
}

} // namespace eenplan::http
