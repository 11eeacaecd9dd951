#include "http/problem.hpp"

namespace eenplan::http {

bhttp::status status_of(core::ErrorCode code) {
  using core::ErrorCode;
  using S = bhttp::status;
  switch (code) {
  case ErrorCode::InvalidJson: return S::bad_request;
  case ErrorCode::BadRequest: return S::bad_request;
  case ErrorCode::ValidationFailed: return S::unprocessable_entity;
  case ErrorCode::BodyTooLarge: return S::payload_too_large;
  case ErrorCode::UnsupportedMediaType: return S::unsupported_media_type;
  case ErrorCode::Unauthenticated: return S::unauthorized;
  case ErrorCode::InvalidCredentials: return S::unauthorized;
  case ErrorCode::TooManyAttempts: return S::too_many_requests;
  case ErrorCode::CsrfTokenInvalid: return S::forbidden;
  case ErrorCode::Forbidden: return S::forbidden;
  case ErrorCode::NotFound: return S::not_found;
  case ErrorCode::MethodNotAllowed: return S::method_not_allowed;
  case ErrorCode::PreconditionRequired: return S::precondition_required;
  case ErrorCode::VersionConflict: return S::precondition_failed;
  case ErrorCode::Internal: return S::internal_server_error;
  case ErrorCode::RuleViolated: return S::unprocessable_entity;
  }
  return S::internal_server_error;
}

std::string_view code_name(core::ErrorCode code) {
  using core::ErrorCode;
  switch (code) {
  case ErrorCode::InvalidJson: return "invalid-json";
  case ErrorCode::BadRequest: return "bad-request";
  case ErrorCode::ValidationFailed: return "validation-failed";
  case ErrorCode::BodyTooLarge: return "body-too-large";
  case ErrorCode::UnsupportedMediaType: return "unsupported-media-type";
  case ErrorCode::Unauthenticated: return "unauthenticated";
  case ErrorCode::InvalidCredentials: return "invalid-credentials";
  case ErrorCode::TooManyAttempts: return "too-many-attempts";
  case ErrorCode::CsrfTokenInvalid: return "csrf-token-invalid";
  case ErrorCode::Forbidden: return "forbidden";
  case ErrorCode::NotFound: return "not-found";
  case ErrorCode::MethodNotAllowed: return "method-not-allowed";
  case ErrorCode::PreconditionRequired: return "precondition-required";
  case ErrorCode::VersionConflict: return "version-conflict";
  case ErrorCode::Internal: return "internal";
  case ErrorCode::RuleViolated: return "rule-violated"; // replaced by the RuleCode in the body
  }
  return "internal";
}

namespace {

std::string_view title_of(core::ErrorCode code) {
  using core::ErrorCode;
  switch (code) {
  case ErrorCode::InvalidJson: return "Ongeldige JSON";
  case ErrorCode::BadRequest: return "Ongeldig verzoek";
  case ErrorCode::ValidationFailed: return "Ongeldige invoer";
  case ErrorCode::BodyTooLarge: return "Verzoek te groot";
  case ErrorCode::UnsupportedMediaType: return "Verkeerd inhoudstype";
  case ErrorCode::Unauthenticated: return "Niet ingelogd";
  case ErrorCode::InvalidCredentials: return "Inloggen mislukt";
  case ErrorCode::TooManyAttempts: return "Te veel pogingen";
  case ErrorCode::CsrfTokenInvalid: return "Beveiligingstoken ontbreekt of is ongeldig";
  case ErrorCode::Forbidden: return "Geen toestemming";
  case ErrorCode::NotFound: return "Niet gevonden";
  case ErrorCode::MethodNotAllowed: return "Methode niet toegestaan";
  case ErrorCode::PreconditionRequired: return "Versie ontbreekt";
  case ErrorCode::VersionConflict: return "Gewijzigd door iemand anders";
  case ErrorCode::Internal: return "Interne fout";
  case ErrorCode::RuleViolated: return "Stap niet toegestaan";
  }
  return "Interne fout";
}

} // namespace

boost::json::object problem_body(const core::Error& error, const std::string& request_id) {
  boost::json::object body;
  const auto status = status_of(error.code);
  const auto* rule =
      error.code == core::ErrorCode::RuleViolated ? std::any_cast<core::RuleCode>(&error.current) : nullptr;
  const std::string code = rule && !rule->code.empty() ? rule->code : std::string(code_name(error.code));
  body["type"] = "https://eenplan.nl/problems/" + code;
  body["title"] = title_of(error.code);
  body["status"] = static_cast<int>(status);
  body["detail"] = error.detail.empty() ? std::string(title_of(error.code)) + "." : error.detail;
  body["code"] = code;
  body["instance"] = "urn:uuid:" + request_id;
  if (!error.errors.empty()) {
    boost::json::array errors;
    for (const auto& e : error.errors) {
      errors.push_back(boost::json::object{{"name", e.name}, {"code", e.code}, {"reason", e.reason}});
    }
    body["errors"] = std::move(errors);
  }
  return body;
}

Response problem_response(const core::Error& error, const std::string& request_id, unsigned http_version,
                          const boost::json::object& extra) {
  auto body = problem_body(error, request_id);
  for (const auto& [key, value] : extra)
    body[key] = value;
  Response res{status_of(error.code), http_version};
  res.set(bhttp::field::content_type, "application/problem+json");
  if (error.code == core::ErrorCode::TooManyAttempts && error.retry_after_seconds > 0) {
    res.set(bhttp::field::retry_after, std::to_string(error.retry_after_seconds));
  }
  if (error.code == core::ErrorCode::Unauthenticated) {
    res.set(bhttp::field::www_authenticate, "Cookie realm=\"eenplan\"");
  }
  res.body() = boost::json::serialize(body);
  return res;
}

} // namespace eenplan::http
