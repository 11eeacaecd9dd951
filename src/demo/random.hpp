// A small, fully specified pseudo-random generator for the demo region.
// xoshiro256** seeded through splitmix64, with our own range mapping, so the same seed gives the
// same numbers with every compiler and standard library (std distributions are
// implementation-defined and must not be used here).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace eenplan::demo::detail {

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
public:
  explicit Rng(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& s : s_)
      s = splitmix64(x);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform in [0, n); 0 when n is 0. Rejection sampling keeps it unbiased.
  std::uint64_t below(std::uint64_t n) {
    if (n <= 1) return 0;
    const std::uint64_t limit = (0 - n) % n; // 2^64 mod n
    for (;;) {
      const std::uint64_t r = next();
      if (r >= limit) return r % n;
    }
  }

  std::size_t index(std::size_t n) { return static_cast<std::size_t>(below(n)); }

  /// Uniform in [lo, hi], inclusive.
  int between(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  /// True with probability percent/100.
  bool percent(int percent) { return static_cast<int>(below(100)) < percent; }

  template <typename T> const T& pick(std::span<const T> items) { return items[index(items.size())]; }
  template <typename T> const T& pick(const std::vector<T>& items) { return items[index(items.size())]; }

  /// Index drawn with the given non-negative integer weights (0 when all are zero).
  std::size_t weighted(std::span<const int> weights) {
    std::uint64_t total = 0;
    for (int w : weights)
      total += static_cast<std::uint64_t>(w > 0 ? w : 0);
    if (total == 0) return 0;
    std::uint64_t r = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      const auto w = static_cast<std::uint64_t>(weights[i] > 0 ? weights[i] : 0);
      if (r < w) return i;
      r -= w;
    }
    return weights.size() - 1;
  }

  template <typename T> void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[index(i)]);
    }
  }

  /// An independent generator for a sub-stream (keeps one part's draws from shifting another's).
  Rng fork(std::uint64_t stream) {
    std::uint64_t x = next() ^ (stream * 0xD1B54A32D192ED03ULL);
    return Rng(splitmix64(x));
  }

private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

} // namespace eenplan::demo::detail
