#include "http/static_files.hpp"

#include <fstream>
#include <spdlog/spdlog.h>
#include <sstream>

#include "core/ids.hpp"

namespace eenplan::http {
namespace {

std::string content_type_of(const std::filesystem::path& p) {
  const auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

} // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    spdlog::warn("web UI not found at {}: run the web build first", root.string());
    return;
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const auto rel = "/" + std::filesystem::relative(entry.path(), root).generic_string();
    File f{content.str(), content_type_of(entry.path()), {}, rel.starts_with("/assets/")};
    f.etag = "\"" + core::sha256_hex(f.body).substr(0, 32) + "\"";
    files_.emplace(rel, std::move(f));
  }
  spdlog::info("web UI: {} files from {}", files_.size(), root.string());
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
  std::string path(req.target().substr(0, req.target().find('?')));
  if (path == "/") path = "/index.html";
  auto it = files_.find(path);
  if (it == files_.end()) {
    const bool has_extension = path.rfind('.') != std::string::npos && path.rfind('.') > path.rfind('/');
    if (has_extension) return std::nullopt;
    it = files_.find("/index.html");
    if (it == files_.end()) return std::nullopt;
  }
  const File& f = it->second;
  Response res{bhttp::status::ok, req.version()};
  res.set(bhttp::field::content_type, f.content_type);
  res.set(bhttp::field::etag, f.etag);
  res.set(bhttp::field::cache_control, f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (req[bhttp::field::if_none_match] == f.etag) {
    res.result(bhttp::status::not_modified);
    return res;
  }
  if (req.method() != bhttp::verb::head) res.body() = f.body;
  return res;
}

} // namespace eenplan::http
