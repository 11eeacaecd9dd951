#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eenplan::core {

/// A random (version 4) UUID in canonical lower-case form.
std::string new_uuid();

/// A time-ordered (version 7, RFC 9562) UUID: 48 bits of Unix milliseconds, then random
/// bits. Ids of different milliseconds sort in order, so a unique index on them grows at its
/// right edge instead of touching a random page for every insert; within one millisecond
/// their order is random (see TimeOrderedUuids).
std::string new_time_ordered_uuid(std::int64_t unix_millis);

/// Version 7 UUIDs for many records stamped with one instant (an import's signals and tasks):
/// the 48 bits of milliseconds, 12 random bits, then a 62-bit counter that starts at a random
/// value and counts up (RFC 9562 §6.2, method 1), so the ids sort in the order they are made
/// and their inserts stay at the right edge of their indexes.
class TimeOrderedUuids {
public:
  explicit TimeOrderedUuids(std::int64_t unix_millis);
  std::string next();

private:
  std::int64_t millis_;
  std::uint16_t rand_a_ = 0;
  std::uint64_t counter_ = 0;
};

/// A UUID derived from a 64-bit stream (deterministic demo data).
std::string uuid_from_bits(std::uint64_t high, std::uint64_t low);

/// True for the canonical 36-character form; cheap check before any lookup.
bool is_uuid(std::string_view text);

/// `bytes` cryptographically random bytes, base64url without padding.
std::string random_token(std::size_t bytes);

/// SHA-256 as lower-case hex.
std::string sha256_hex(std::string_view data);

} // namespace eenplan::core
