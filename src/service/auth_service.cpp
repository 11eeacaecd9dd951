#include "service/auth_service.hpp"

#include <mutex>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include "core/ids.hpp"
#include "store/account_store.hpp"

namespace eenplan::service {
namespace {

/// How often a cached session re-reads its row and its account, so that a logout
/// elsewhere or a disabled account takes effect within this time.
constexpr std::chrono::seconds kRecheck{30};

core::Instant parse_instant(const std::string& text) {
  std::tm tm{};
  int ms = 0;
  if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec, &ms) < 6) {
    return {};
  }
  using namespace std::chrono;
  const auto day = sys_days{year{tm.tm_year} / month{static_cast<unsigned>(tm.tm_mon)} /
                            std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
  return day + hours{tm.tm_hour} + minutes{tm.tm_min} + seconds{tm.tm_sec} + milliseconds{ms};
}

} // namespace

AuthService::AuthService(store::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

std::string AuthService::csrf_token_for(const std::string& token) {
  return core::sha256_hex("eenplan-csrf:" + token);
}

std::string AuthService::hash_password(const std::string& password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool AuthService::verify_password(const std::string& hash, const std::string& password) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size()) == 0;
}

std::optional<Principal> AuthService::load_principal(soci::session& sql, const std::string& user_id) {
  auto user = store::find_user(sql, user_id);
  if (!user || user->disabled) return std::nullopt;
  auto role = domain::parse_role(user->role);
  if (!role) return std::nullopt;
  return Principal{user->id, user->username, user->display_name, *role, store::memberships_of(sql, user->id)};
}

core::Result<LoginResult> AuthService::login(const std::string& username, const std::string& password,
                                             const std::string& client_address) {
  const auto now = clock_.now();
  if (int wait = throttle_.retry_after(username, client_address, now); wait > 0) {
    core::Error error{core::ErrorCode::TooManyAttempts,
                      "Te veel mislukte inlogpogingen. Probeer het later opnieuw.",
                      {},
                      wait,
                      {}};
    return core::unexpected(std::move(error));
  }
  store::Lease lease(db_);
  auto user = store::find_user_by_username(lease.sql(), username);
  // An unknown user costs as much time as a known one: no account enumeration by timing.
  static const std::string kDummyHash = hash_password("eenplan-dummy-password");
  const bool password_ok = verify_password(user ? user->password_hash : kDummyHash, password);
  if (!user || !password_ok || user->disabled) {
    throttle_.record_failure(username, client_address, now);
    return core::fail(core::ErrorCode::InvalidCredentials, "De gebruikersnaam of het wachtwoord is onjuist.");
  }
  throttle_.record_success(username);
  auto principal = load_principal(lease.sql(), user->id);
  if (!principal) {
    return core::fail(core::ErrorCode::InvalidCredentials, "De gebruikersnaam of het wachtwoord is onjuist.");
  }
  LoginResult result{core::random_token(32), {}, *principal};
  result.csrf_token = csrf_token_for(result.token);
  const std::string token_hash = core::sha256_hex(result.token);
  const std::string at = core::format_instant(now);
  {
    store::Transaction tx(lease.sql(), db_.dialect(), store::Transaction::Mode::Write);
    store::insert_session(lease.sql(), {token_hash, user->id, at, at, false});
    tx.commit();
  }
  {
    std::unique_lock lock(cache_mutex_);
    cache_[token_hash] = std::make_shared<Cached>(Cached{*principal, now, now});
  }
  return result;
}

core::Result<Principal> AuthService::authenticate(const std::string& token) {
  auto unauthenticated = [] {
    return core::fail(core::ErrorCode::Unauthenticated, "U bent niet (meer) ingelogd.");
  };
  if (token.empty() || token.size() > 128) return unauthenticated();
  const auto now = clock_.now();
  const std::string token_hash = core::sha256_hex(token);
  std::shared_ptr<Cached> cached;
  {
    std::shared_lock lock(cache_mutex_);
    if (auto it = cache_.find(token_hash); it != cache_.end()) cached = it->second;
  }
  auto forget = [&] {
    std::unique_lock lock(cache_mutex_);
    cache_.erase(token_hash);
  };
  if (cached) {
    // The cached entry is shared between request threads: read and update under lock.
    std::unique_lock lock(entry_mutex_);
    if (now - cached->last_seen > kIdleTimeout) {
      lock.unlock();
      forget();
      store::Lease lease(db_);
      store::end_session(lease.sql(), token_hash, core::format_instant(now));
      return unauthenticated();
    }
    cached->last_seen = now;
    if (now - cached->last_checked < kRecheck) return cached->principal;
    cached->last_checked = now;
    lock.unlock();
    store::Lease lease(db_);
    auto session = store::find_session(lease.sql(), token_hash);
    auto principal =
        session && !session->ended ? load_principal(lease.sql(), session->user_id) : std::nullopt;
    if (!principal) {
      forget();
      return unauthenticated();
    }
    store::touch_session(lease.sql(), token_hash, core::format_instant(now));
    lock.lock();
    cached->principal = *principal;
    return *principal;
  }
  // Not cached (e.g. after a restart): the database decides.
  store::Lease lease(db_);
  auto session = store::find_session(lease.sql(), token_hash);
  if (!session || session->ended) return unauthenticated();
  if (now - parse_instant(session->last_seen_at) > kIdleTimeout) {
    store::end_session(lease.sql(), token_hash, core::format_instant(now));
    return unauthenticated();
  }
  auto principal = load_principal(lease.sql(), session->user_id);
  if (!principal) return unauthenticated();
  store::touch_session(lease.sql(), token_hash, core::format_instant(now));
  std::unique_lock lock(cache_mutex_);
  cache_[token_hash] = std::make_shared<Cached>(Cached{*principal, now, now});
  return *principal;
}

void AuthService::forget_sessions_of(const std::string& user_id) {
  std::unique_lock lock(cache_mutex_);
  std::lock_guard entries(entry_mutex_);
  std::erase_if(cache_, [&](const auto& entry) { return entry.second->principal.user_id == user_id; });
}

void AuthService::logout(const std::string& token) {
  const std::string token_hash = core::sha256_hex(token);
  {
    std::unique_lock lock(cache_mutex_);
    cache_.erase(token_hash);
  }
  store::Lease lease(db_);
  store::end_session(lease.sql(), token_hash, core::format_instant(clock_.now()));
}

} // namespace eenplan::service
