#include "api/json_input.hpp"

#include <fmt/format.h>

namespace eenplan::api {

core::Result<boost::json::object> parse_object(std::string_view body) {
  boost::json::parse_options options;
  options.max_depth = 16; // deep nesting is never legitimate here and costs stack
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec, {}, options);
  if (ec) {
    return core::fail(core::ErrorCode::InvalidJson, "De inhoud van het verzoek is geen geldige JSON.");
  }
  if (!value.is_object()) {
    return core::fail(core::ErrorCode::InvalidJson, "De inhoud van het verzoek moet een JSON-object zijn.");
  }
  return std::move(value.as_object());
}

std::string reason_for(domain::FieldErrorCode code, domain::TextLimit limit) {
  using domain::FieldErrorCode;
  switch (code) {
  case FieldErrorCode::Required: return "Dit veld is verplicht.";
  case FieldErrorCode::InvalidType: return "Dit veld heeft het verkeerde type.";
  case FieldErrorCode::InvalidDate: return "Geen geldige datum (JJJJ-MM-DD).";
  case FieldErrorCode::TooLong: return fmt::format("Maximaal {} tekens.", limit.max);
  case FieldErrorCode::TooShort:
    return limit.min <= 1 ? "Dit veld mag niet leeg zijn." : fmt::format("Minimaal {} tekens.", limit.min);
  case FieldErrorCode::InvalidValue: return "Deze waarde is niet toegestaan.";
  case FieldErrorCode::OutOfRange: return "Deze waarde valt buiten het toegestane bereik.";
  case FieldErrorCode::UnknownField: return "Onbekend veld.";
  }
  return "Ongeldige waarde.";
}

void FieldReader::error(std::string name, std::string code, std::string reason) {
  errors_->push_back({std::move(name), std::move(code), std::move(reason)});
}

std::optional<std::string> FieldReader::text(std::string_view name, domain::TextLimit limit, bool required) {
  const auto* v = object_.if_contains(name);
  if (!v) {
    if (required) error(path(name), "required", "Dit veld is verplicht.");
    return std::nullopt;
  }
  if (!v->is_string()) {
    error(path(name), "invalid-type", "Dit veld moet tekst zijn.");
    return std::nullopt;
  }
  std::string value(v->as_string());
  if (auto problem = domain::check_text(value, limit)) {
    error(path(name), std::string(domain::to_string(*problem)), reason_for(*problem, limit));
    return std::nullopt;
  }
  return value;
}

const boost::json::array* FieldReader::array(std::string_view name, bool required) {
  const auto* v = object_.if_contains(name);
  if (!v) {
    if (required) error(path(name), "required", "Dit veld is verplicht.");
    return nullptr;
  }
  if (!v->is_array()) {
    error(path(name), "invalid-type", "Dit veld moet een lijst zijn.");
    return nullptr;
  }
  return &v->as_array();
}

void FieldReader::reject_unknown(const std::set<std::string_view>& known) {
  for (const auto& [key, value] : object_) {
    if (!known.contains(std::string_view(key))) {
      error(path(std::string_view(key)), "unknown-field", "Onbekend veld.");
    }
  }
}

} // namespace eenplan::api
