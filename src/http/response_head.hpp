// The bytes of a response's start line and header fields, as Beast's serializer writes them.
// A dossier read spends about a fifth of the server's time writing its answer, much of it in the
// serializer's buffer machinery; a prepared response is written here as one gather write of the
// head and the body instead (same bytes: tests/unit/response_head_test.cpp holds it to Beast).
#pragma once

#include <string>

#include "http/message.hpp"

namespace eenplan::http {

/// "HTTP/1.1 200 OK\r\n", every field as "Name: value\r\n", then `common_fields` (lines of the
/// same form that every response carries, written once instead of set on each), then the empty line.
std::string response_head(const Response& res, std::string_view common_fields = {});

} // namespace eenplan::http
