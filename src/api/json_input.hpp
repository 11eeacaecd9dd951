// Reading request bodies: JSON parse errors become 400 invalid-json; every field problem
// is collected as a FieldError so the client gets all of them at once (422).
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/pupil.hpp"

namespace eenplan::api {

/// Parses a JSON object body (objects only; depth-limited).
core::Result<boost::json::object> parse_object(std::string_view body);

class FieldReader {
public:
  explicit FieldReader(const boost::json::object& object, std::string prefix = {})
      : object_(object), prefix_(std::move(prefix)) {}

  /// A string field checked against code-point limits; nullopt if absent or invalid.
  std::optional<std::string> text(std::string_view name, domain::TextLimit limit, bool required);
  /// A string field whose value must be one of a fixed set (checked by `valid`).
  template <typename Parse>
  std::optional<std::string> choice(std::string_view name, Parse valid, bool required) {
    auto value = text(name, {1, 64, false}, required);
    if (value && !valid(*value)) {
      error(path(name), "invalid-value", "Deze waarde is niet toegestaan.");
      return std::nullopt;
    }
    return value;
  }
  /// The raw JSON value of a field of the given kind, or null (absent or wrong kind).
  const boost::json::array* array(std::string_view name, bool required);
  void error(std::string name, std::string code, std::string reason);
  /// Every member not in `known` is an error: typos must not be silently dropped.
  void reject_unknown(const std::set<std::string_view>& known);

  std::string path(std::string_view name) const { return prefix_ + std::string(name); }
  std::vector<core::FieldError>& errors() { return *errors_; }
  void share_errors(std::vector<core::FieldError>& with) { errors_ = &with; }

private:
  const boost::json::object& object_;
  std::string prefix_;
  std::vector<core::FieldError> own_errors_;
  std::vector<core::FieldError>* errors_ = &own_errors_;
};

/// Dutch reason for a domain field error code.
std::string reason_for(domain::FieldErrorCode code, domain::TextLimit limit);

} // namespace eenplan::api
