#include "http/response_head.hpp"

namespace eenplan::http {

std::string response_head(const Response& res, std::string_view common_fields) {
  std::string out;
  out.reserve(512);
  out.append(res.version() == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
  out.append(std::to_string(res.result_int()));
  out.push_back(' ');
  const auto reason = res.reason();
  out.append(reason.data(), reason.size());
  out.append("\r\n");
  for (const auto& field : res) {
    const auto name = field.name_string();
    const auto value = field.value();
    out.append(name.data(), name.size()).append(": ").append(value.data(), value.size()).append("\r\n");
  }
  out.append(common_fields);
  out.append("\r\n");
  return out;
}

} // namespace eenplan::http
