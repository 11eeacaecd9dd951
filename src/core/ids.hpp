#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eenplan::core {

/// A random (version 4) UUID in canonical lower-case form.
std::string new_uuid();

/// A time-ordered (version 7, RFC 9562) UUID: 48 bits of Unix milliseconds, then random
/// bits. Ids made one after another sort (almost) in order, so a unique index on them
/// grows at its right edge instead of touching a random page for every insert.
std::string new_time_ordered_uuid(std::int64_t unix_millis);

/// A UUID derived from a 64-bit stream (deterministic demo data).
std::string uuid_from_bits(std::uint64_t high, std::uint64_t low);

/// True for the canonical 36-character form; cheap check before any lookup.
bool is_uuid(std::string_view text);

/// `bytes` cryptographically random bytes, base64url without padding.
std::string random_token(std::size_t bytes);

/// SHA-256 as lower-case hex.
std::string sha256_hex(std::string_view data);

} // namespace eenplan::core
