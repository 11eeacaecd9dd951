// Expected failures travel as values (Result); each has a stable code that the
// HTTP layer maps to a status and a problem+json body in exactly one place.
#pragma once

#include <any>
#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace eenplan::core {

enum class ErrorCode {
  InvalidJson,
  BadRequest,
  ValidationFailed,
  BodyTooLarge,
  UnsupportedMediaType,
  Unauthenticated,
  InvalidCredentials,
  TooManyAttempts,
  CsrfTokenInvalid,
  Forbidden,
  NotFound,
  MethodNotAllowed,
  PreconditionRequired,
  VersionConflict,
  Internal,
  /// A domain rule refused the step (422); the RuleCode in `Error::current` is the problem code.
  RuleViolated,
};

/// One problem with one input field; `code` is stable, `reason` is Dutch for people.
struct FieldError {
  std::string name;
  std::string code;
  std::string reason;
};

struct Error {
  ErrorCode code = ErrorCode::Internal;
  std::string detail;             // Dutch, safe to show; never internals
  std::vector<FieldError> errors; // ValidationFailed only
  int retry_after_seconds = 0;    // TooManyAttempts only
  std::any current;               // VersionConflict: the current resource (service type);
                                  // RuleViolated: a RuleCode
};

/// The problem code of a RuleViolated error, e.g. "parents-not-informed" (carried in Error::current).
struct RuleCode {
  std::string code;
};

/// The failure side of a Result (like std::unexpected).
struct Unexpected {
  Error error;
};

inline Unexpected unexpected(Error error) {
  return Unexpected{std::move(error)};
}

/// A value or an Error: the subset of std::expected this project uses. Our own type,
/// because clang 14 (used for libFuzzer) cannot compile libstdc++ 12's std::expected.
template <typename T> class [[nodiscard]] Result {
public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Unexpected failure) : state_(std::in_place_index<1>, std::move(failure.error)) {}

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return std::get<0>(state_); }
  const T& operator*() const { return std::get<0>(state_); }
  T* operator->() { return &std::get<0>(state_); }
  const T* operator->() const { return &std::get<0>(state_); }
  T& value() { return std::get<0>(state_); }
  const Error& error() const { return std::get<1>(state_); }
  Error& error() { return std::get<1>(state_); }
  template <typename U> T value_or(U&& fallback) const {
    return has_value() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
  }

private:
  std::variant<T, Error> state_;
};

template <> class [[nodiscard]] Result<void> {
public:
  Result() = default;
  Result(Unexpected failure) : error_(std::move(failure.error)) {}
  bool has_value() const { return !error_.has_value(); }
  explicit operator bool() const { return has_value(); }
  const Error& error() const { return *error_; }

private:
  std::optional<Error> error_;
};

inline Unexpected fail(ErrorCode code, std::string detail = {}) {
  return Unexpected{Error{code, std::move(detail), {}, 0, {}}};
}

/// A domain rule refused the step: 422 with `rule` as the problem code.
inline Unexpected violated(std::string_view rule, std::string detail) {
  return Unexpected{Error{ErrorCode::RuleViolated, std::move(detail), {}, 0, RuleCode{std::string(rule)}}};
}

inline Unexpected invalid(std::vector<FieldError> errors) {
  return Unexpected{
      Error{ErrorCode::ValidationFailed, "Een of meer velden zijn ongeldig.", std::move(errors), 0, {}}};
}

} // namespace eenplan::core
