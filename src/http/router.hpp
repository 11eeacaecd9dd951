// Method + path template ("/api/v1/pupils/{id}/notes") → handler, with path parameters.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace eenplan::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

template <typename Handler> class Router {
public:
  void add(bhttp::verb method, std::string_view path_template, Handler handler) {
    std::vector<std::string> segments;
    for (const auto segment : split(path_template))
      segments.emplace_back(segment);
    routes_.push_back({method, std::move(segments), std::move(handler)});
  }

  struct Match {
    const Handler* handler = nullptr; // null: no route for this method
    bool path_known = false;          // some route has this path (→ 405, not 404)
    PathParams params;
  };

  Match match(bhttp::verb method, std::string_view path) const {
    // Every request is matched against every route until one fits: the path's segments are
    // views into it, and a route's parameters are only collected once the whole route fits.
    Match result;
    const auto segments = split(path);
    for (const auto& route : routes_) {
      if (!matches(route.segments, segments)) continue;
      result.path_known = true;
      if (route.method == method) {
        result.handler = &route.handler;
        for (std::size_t i = 0; i < segments.size(); ++i)
          if (is_parameter(route.segments[i]))
            result.params[route.segments[i].substr(1, route.segments[i].size() - 2)] = segments[i];
        return result;
      }
    }
    return result;
  }

  /// Methods allowed on a path, for the Allow header of a 405.
  std::string allowed(std::string_view path) const {
    std::string out;
    const auto segments = split(path);
    for (const auto& route : routes_) {
      if (!matches(route.segments, segments)) continue;
      if (!out.empty()) out += ", ";
      out += std::string(bhttp::to_string(route.method));
    }
    return out;
  }

private:
  struct Route {
    bhttp::verb method;
    std::vector<std::string> segments;
    Handler handler;
  };

  /// The non-empty segments of a path, as views into it.
  static std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= path.size()) {
      auto end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      if (end > start) out.push_back(path.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

  static bool is_parameter(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
  }

  static bool matches(const std::vector<std::string>& pattern, const std::vector<std::string_view>& path) {
    if (pattern.size() != path.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i)
      if (!is_parameter(pattern[i]) && pattern[i] != path[i]) return false;
    return true;
  }

  std::vector<Route> routes_;
};

} // namespace eenplan::http
