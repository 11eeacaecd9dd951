#include "http/router.hpp"

#include <gtest/gtest.h>

namespace {

using eenplan::http::Router;
using eenplan::http::bhttp::verb;

Router<std::string> routes() {
  Router<std::string> r;
  r.add(verb::get, "/api/v1/pupils", "list");
  r.add(verb::get, "/api/v1/pupils/{id}", "get");
  r.add(verb::patch, "/api/v1/pupils/{id}", "patch");
  r.add(verb::get, "/api/v1/pupils/{id}/notes", "notes");
  r.add(verb::get, "/api/v1/pupils/{pupilId}/arrangements/{arrangementId}", "arrangement");
  r.add(verb::get, "/api/v1/tasks/mine", "my tasks");
  r.add(verb::get, "/api/v1/tasks/{id}", "task");
  return r;
}

TEST(Router, FindsTheRouteOfMethodAndPathWithItsParameters) {
  const auto r = routes();
  const auto m = r.match(verb::get, "/api/v1/pupils/abc/arrangements/def");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(*m.handler, "arrangement");
  EXPECT_EQ(m.params.size(), 2U);
  EXPECT_EQ(m.params.at("pupilId"), "abc");
  EXPECT_EQ(m.params.at("arrangementId"), "def");

  const auto notes = r.match(verb::get, "/api/v1/pupils/abc/notes");
  ASSERT_NE(notes.handler, nullptr);
  EXPECT_EQ(*notes.handler, "notes");
  EXPECT_EQ(notes.params.at("id"), "abc");
}

TEST(Router, ParametersOfARouteThatDidNotFitAreNotKept) {
  const auto r = routes();
  // "/api/v1/pupils/{id}" fits the path but not the method; the PATCH route after it does.
  const auto m = r.match(verb::patch, "/api/v1/pupils/xyz");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(*m.handler, "patch");
  EXPECT_EQ(m.params.size(), 1U);
  EXPECT_EQ(m.params.at("id"), "xyz");
}

TEST(Router, TheFirstRouteThatFitsWinsSoALiteralBeforeAParameterIsTaken) {
  const auto r = routes();
  const auto mine = r.match(verb::get, "/api/v1/tasks/mine");
  ASSERT_NE(mine.handler, nullptr);
  EXPECT_EQ(*mine.handler, "my tasks");
  EXPECT_TRUE(mine.params.empty());
  const auto other = r.match(verb::get, "/api/v1/tasks/t1");
  ASSERT_NE(other.handler, nullptr);
  EXPECT_EQ(*other.handler, "task");
}

TEST(Router, AKnownPathWithAnotherMethodIsToldApartFromAnUnknownPath) {
  const auto r = routes();
  const auto wrong_method = r.match(verb::delete_, "/api/v1/pupils/abc");
  EXPECT_EQ(wrong_method.handler, nullptr);
  EXPECT_TRUE(wrong_method.path_known);
  EXPECT_EQ(r.allowed("/api/v1/pupils/abc"), "GET, PATCH");

  const auto unknown = r.match(verb::get, "/api/v1/pupils/abc/unknown");
  EXPECT_EQ(unknown.handler, nullptr);
  EXPECT_FALSE(unknown.path_known);
  EXPECT_EQ(r.match(verb::get, "/api/v1").handler, nullptr);
}

TEST(Router, EmptySegmentsDoNotCount) {
  const auto r = routes();
  const auto m = r.match(verb::get, "//api/v1//pupils/abc/");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(*m.handler, "get");
  EXPECT_EQ(m.params.at("id"), "abc");
}

} // namespace
