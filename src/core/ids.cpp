#include "core/ids.hpp"

#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <openssl/evp.h>
#include <pthread.h>
#include <sodium.h>
#include <stdexcept>

namespace eenplan::core {
namespace {

void ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium failed to initialise");
}

std::string format_uuid(const std::array<unsigned char, 16>& b) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0xF]);
  }
  return out;
}

// Random bytes for ids, taken from a per-thread buffer that the operating system's generator
// fills 4 KiB at a time: every request draws two ids (its request id, its audit event's), and
// one getrandom() system call per id cost more than the rest of making it. The bytes are the
// system's own, so the ids are as unpredictable as before. Secrets (random_token) do not come
// from here.
std::atomic<unsigned> fork_generation{0};

void fill_id_random(unsigned char* out, std::size_t n) {
  struct Buffer {
    std::array<unsigned char, 4096> bytes{};
    std::size_t used = 4096;
    unsigned generation = 0;
  };
  static const bool registered = [] {
    // A forked child must not hand out the bytes its parent also still holds.
    pthread_atfork(nullptr, nullptr, [] { fork_generation.fetch_add(1); });
    return true;
  }();
  (void)registered;
  thread_local Buffer buffer;
  const unsigned generation = fork_generation.load(std::memory_order_relaxed);
  if (n > buffer.bytes.size() / 16) {
    randombytes_buf(out, n);
    return;
  }
  if (buffer.used + n > buffer.bytes.size() || buffer.generation != generation) {
    randombytes_buf(buffer.bytes.data(), buffer.bytes.size());
    buffer.used = 0;
    buffer.generation = generation;
  }
  std::memcpy(out, buffer.bytes.data() + buffer.used, n);
  sodium_memzero(buffer.bytes.data() + buffer.used, n); // handed out once, then gone
  buffer.used += n;
}

} // namespace

std::string new_uuid() {
  ensure_sodium();
  std::array<unsigned char, 16> b{};
  fill_id_random(b.data(), b.size());
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  return format_uuid(b);
}

std::string new_time_ordered_uuid(std::int64_t unix_millis) {
  ensure_sodium();
  std::array<unsigned char, 16> b{};
  fill_id_random(b.data() + 6, b.size() - 6);
  for (int i = 0; i < 6; ++i)
    b[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(unix_millis) >> (40 - 8 * i));
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x70);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  return format_uuid(b);
}

TimeOrderedUuids::TimeOrderedUuids(std::int64_t unix_millis) : millis_(unix_millis) {
  ensure_sodium();
  randombytes_buf(&rand_a_, sizeof rand_a_);
  randombytes_buf(&counter_, sizeof counter_);
  counter_ >>= 4; // 60 random bits: 2^60 ids before the 62-bit counter could overflow
}

std::string TimeOrderedUuids::next() {
  std::array<unsigned char, 16> b{};
  for (int i = 0; i < 6; ++i)
    b[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(millis_) >> (40 - 8 * i));
  b[6] = static_cast<unsigned char>(0x70 | ((rand_a_ >> 8) & 0x0F));
  b[7] = static_cast<unsigned char>(rand_a_ & 0xFF);
  const std::uint64_t counter = counter_++;
  for (int i = 0; i < 8; ++i)
    b[8 + i] = static_cast<unsigned char>(counter >> (56 - 8 * i));
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  return format_uuid(b);
}

std::string uuid_from_bits(std::uint64_t high, std::uint64_t low) {
  std::array<unsigned char, 16> b{};
  for (int i = 0; i < 8; ++i) {
    b[i] = static_cast<unsigned char>(high >> (56 - 8 * i));
    b[8 + i] = static_cast<unsigned char>(low >> (56 - 8 * i));
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  return format_uuid(b);
}

bool is_uuid(std::string_view t) {
  if (t.size() != 36) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0') == std::string::npos ? out.size() : out.find('\0'));
  return out;
}

namespace {

// SHA-256 through OpenSSL: it uses the CPU's SHA instructions where they exist, and every audited
// read hashes twice (its session token and its audit event), about 20,000 instructions a request
// in libsodium's portable code. The digest is the same, so existing chains verify unchanged.
const EVP_MD* sha256_md() {
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                                  &EVP_MD_free);
  if (!md) throw std::runtime_error("OpenSSL has no SHA-256");
  return md.get();
}

} // namespace

std::string sha256_hex(std::string_view data) {
  // One context per thread, reused: allocating one per hash costs more than a short hash.
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                                 &EVP_MD_CTX_free);
  std::array<unsigned char, 32> digest{};
  unsigned int length = 0;
  if (!ctx || EVP_DigestInit_ex2(ctx.get(), sha256_md(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest.data(), &length) != 1 || length != digest.size())
    throw std::runtime_error("SHA-256 failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(64, '\0');
  for (std::size_t i = 0; i < digest.size(); ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return out;
}

} // namespace eenplan::core
