// The built web UI (web/dist), held in memory, with cache headers: hashed assets are
// immutable for a year, index.html is revalidated on every load.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/message.hpp"

namespace eenplan::http {

class StaticFiles {
public:
  explicit StaticFiles(const std::filesystem::path& root);
  bool empty() const { return files_.empty(); }

  /// The file for a GET path; unknown paths without a file extension fall back to
  /// index.html so the app's own routes work on reload. nullopt: no such file.
  std::optional<Response> serve(const Request& req) const;

private:
  struct File {
    std::string body;
    std::string content_type;
    std::string etag;
    bool immutable = false;
  };
  std::unordered_map<std::string, File> files_;
};

} // namespace eenplan::http
