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
    routes_.push_back({method, split(path_template), std::move(handler)});
  }

  struct Match {
    const Handler* handler = nullptr; // null: no route for this method
    bool path_known = false;          // some route has this path (→ 405, not 404)
    PathParams params;
  };

  Match match(bhttp::verb method, std::string_view path) const {
    Match result;
    const auto segments = split(path);
    for (const auto& route : routes_) {
      PathParams params;
      if (!matches(route.segments, segments, params)) continue;
      result.path_known = true;
      if (route.method == method) {
        result.handler = &route.handler;
        result.params = std::move(params);
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
      PathParams ignored;
      if (!matches(route.segments, segments, ignored)) continue;
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

  static std::vector<std::string> split(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= path.size()) {
      auto end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      if (end > start) out.emplace_back(path.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

  static bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                      PathParams& params) {
    if (pattern.size() != path.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      const auto& p = pattern[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        params[p.substr(1, p.size() - 2)] = path[i];
      } else if (p != path[i]) {
        return false;
      }
    }
    return true;
  }

  std::vector<Route> routes_;
};

} // namespace eenplan::http
