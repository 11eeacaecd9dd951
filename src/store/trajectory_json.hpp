// JSON for the nested values of the trajectory domain (financing lines, staffing, the route-1
// workflow, phases, the joint decision …), camelCase as in the API. The store keeps these lists in
// a `body` text column (decision record 0005) and the API sends and reads the same shapes, so one
// codec serves both and they cannot drift apart.
//
// Decoding is strict: a wrong kind, a missing member, an unknown enum string or an invalid date
// throws JsonFieldError naming the field (e.g. "financing[1].periodEnd"); the API turns that into
// a 422 field error, the store into a failure (its own data is never malformed).
#pragma once

#include <boost/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/arrangement.hpp"
#include "domain/intake.hpp"
#include "domain/phase_model.hpp"
#include "domain/provision.hpp"
#include "domain/route_one.hpp"

namespace eenplan::store::tjson {

namespace json = boost::json;

class JsonFieldError : public std::runtime_error {
public:
  JsonFieldError(std::string field, std::string code)
      : std::runtime_error("invalid " + field + ": " + code), field_(std::move(field)),
        code_(std::move(code)) {}
  const std::string& field() const { return field_; }
  /// "required" | "invalid-type" | "invalid-value" | "invalid-date"
  const std::string& code() const { return code_; }

private:
  std::string field_;
  std::string code_;
};

json::value encode(const std::vector<std::string>& list);
json::value encode(const domain::StaffRole& role);
json::value encode(const std::vector<domain::StaffRole>& staffing);
json::value encode(const std::vector<domain::PlaceKind>& places);
json::value encode(const domain::FinancingLine& line);
json::value encode(const std::vector<domain::FinancingLine>& lines);
json::value encode(const domain::EvaluationCadence& cadence);
json::value encode(const domain::ReturnPlan& plan);
json::value encode(const domain::Extension& extension);
json::value encode(const domain::Transition& transition);
json::value encode(const domain::RouteOneWorkflow& workflow);
json::value encode(const domain::A4Plan& plan);
json::value encode(const domain::Phase& phase);
json::value encode(const std::vector<domain::Phase>& phases);
json::value encode(const domain::ObservationPeriod& period);
json::value encode(const domain::JointDecision& decision);
json::value encode(const domain::Withdrawal& withdrawal);
json::value encode(const domain::IntakeTask& task);
json::value encode(const std::vector<domain::IntakeTask>& tasks);

/// Reads members of one object; `prefix` names it in errors ("workflow.", "financing[2].").
class Reader {
public:
  Reader(const json::value& value, std::string prefix);
  bool has(std::string_view name) const;
  std::string text(std::string_view name, bool required = true) const;
  int integer(std::string_view name, bool required = true, int fallback = 0) const;
  std::int64_t integer64(std::string_view name) const;
  bool boolean(std::string_view name, bool required = true, bool fallback = false) const;
  std::optional<bool> optional_boolean(std::string_view name) const;
  domain::Date date(std::string_view name) const;
  std::optional<domain::Date> optional_date(std::string_view name) const;
  std::vector<std::string> strings(std::string_view name, bool required = true) const;
  /// The member (null when absent or JSON null) and its field name for nested decoding.
  const json::value* member(std::string_view name) const;
  std::string path(std::string_view name) const { return prefix_ + std::string(name); }
  template <typename Parse> auto choice(std::string_view name, Parse parse) const {
    auto value = parse(text(name));
    if (!value) throw JsonFieldError(path(name), "invalid-value");
    return *value;
  }

private:
  const json::object* object_;
  std::string prefix_;
};

std::vector<domain::StaffRole> decode_staffing(const json::value* v, const std::string& field);
std::vector<domain::PlaceKind> decode_places(const json::value* v, const std::string& field);
domain::FinancingLine decode_financing_line(const json::value& v, const std::string& field);
std::vector<domain::FinancingLine> decode_financing(const json::value* v, const std::string& field);
domain::EvaluationCadence decode_cadence(const json::value& v, const std::string& field);
domain::ReturnPlan decode_return_plan(const json::value& v, const std::string& field);
domain::Extension decode_extension(const json::value& v, const std::string& field);
domain::Transition decode_transition(const json::value& v, const std::string& field);
domain::RouteOneWorkflow decode_workflow(const json::value& v, const std::string& field);
domain::A4Plan decode_a4_plan(const json::value& v, const std::string& field);
domain::Phase decode_phase(const json::value& v, const std::string& field);
std::vector<domain::Phase> decode_phases(const json::value* v, const std::string& field);
domain::ObservationPeriod decode_observation(const json::value& v, const std::string& field);
domain::JointDecision decode_decision(const json::value& v, const std::string& field);
/// The reason may be blank here: the domain refuses it with its own rule code.
domain::Withdrawal decode_withdrawal(const json::value& v, const std::string& field);
domain::IntakeTask decode_intake_task(const json::value& v, const std::string& field);
std::vector<domain::IntakeTask> decode_tasks(const json::value* v, const std::string& field);

/// The array at `v` (empty when null), or JsonFieldError.
const json::array& array_at(const json::value* v, const std::string& field);

} // namespace eenplan::store::tjson
