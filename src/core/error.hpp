// Expected failures travel as values (std::expected); each has a stable code that the
// HTTP layer maps to a status and a problem+json body in exactly one place.
#pragma once

#include <any>
#include <expected>
#include <string>
#include <utility>
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
  std::any current;               // VersionConflict: the current resource (service type)
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string detail = {}) {
  return std::unexpected(Error{code, std::move(detail), {}, 0, {}});
}

inline std::unexpected<Error> invalid(std::vector<FieldError> errors) {
  return std::unexpected(Error{ErrorCode::ValidationFailed, "Een of meer velden zijn ongeldig.",
                               std::move(errors), 0, {}});
}

} // namespace eenplan::core
