#include "http/response_head.hpp"

#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>
#include <gtest/gtest.h>
#include <sstream>

namespace {

using eenplan::http::Response;
namespace bhttp = boost::beast::http;

/// What Beast's own serializer puts on the wire for the response.
std::string beast_bytes(const Response& res) {
  std::ostringstream out;
  out << res;
  return out.str();
}

std::string ours(const Response& res) {
  return eenplan::http::response_head(res) + res.body();
}

TEST(ResponseHead, MatchesBeastForAJsonAnswer) {
  Response res{bhttp::status::ok, 11};
  res.set(bhttp::field::content_type, "application/json");
  res.set("API-Version", "1.0.0");
  res.set(bhttp::field::etag, "\"3\"");
  res.body() = R"({"id":"x","version":3})";
  res.keep_alive(true);
  res.prepare_payload();
  EXPECT_EQ(ours(res), beast_bytes(res));
}

TEST(ResponseHead, MatchesBeastForAnErrorWithAnOwnReasonAndClose) {
  Response res{bhttp::status::precondition_failed, 11};
  res.reason("Precondition Failed Here");
  res.set(bhttp::field::content_type, "application/problem+json");
  res.insert(bhttp::field::set_cookie, "a=1; HttpOnly");
  res.insert(bhttp::field::set_cookie, "b=2; HttpOnly");
  res.body() = R"({"code":"version-conflict"})";
  res.keep_alive(false);
  res.prepare_payload();
  EXPECT_EQ(ours(res), beast_bytes(res));
}

TEST(ResponseHead, MatchesBeastForHttp10AndAnEmptyBody) {
  Response res{bhttp::status::no_content, 10};
  res.keep_alive(true);
  res.prepare_payload();
  EXPECT_EQ(ours(res), beast_bytes(res));
  EXPECT_TRUE(ours(res).starts_with("HTTP/1.0 204 No Content\r\n"));
}

TEST(ResponseHead, WritesTheCommonFieldsAfterTheResponsesOwn) {
  Response res{bhttp::status::ok, 11};
  res.set(bhttp::field::content_type, "text/plain");
  res.body() = "ja";
  res.prepare_payload();
  Response expected = res;
  expected.set("X-Frame-Options", "DENY");
  expected.set("Referrer-Policy", "no-referrer");
  EXPECT_EQ(eenplan::http::response_head(res, "X-Frame-Options: DENY\r\nReferrer-Policy: no-referrer\r\n") +
                res.body(),
            beast_bytes(expected));
}

} // namespace
