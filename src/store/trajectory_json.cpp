#include "store/trajectory_json.hpp"

#include <limits>

#include "domain/dates.hpp"
#include "domain/transition.hpp"

namespace eenplan::store::tjson {
namespace {

json::value optional_date(const std::optional<domain::Date>& date) {
  return date ? json::value(json::string(domain::to_iso(*date))) : json::value(nullptr);
}

json::value optional_bool(const std::optional<bool>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

json::value optional_int(const std::optional<int>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

std::string index_field(const std::string& field, std::size_t i) {
  return field + "[" + std::to_string(i) + "]";
}

template <typename T, typename Decode>
std::vector<T> decode_list(const json::value* v, const std::string& field, Decode decode) {
  std::vector<T> out;
  const auto& list = array_at(v, field);
  out.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i)
    out.push_back(decode(list[i], index_field(field, i)));
  return out;
}

} // namespace

const json::array& array_at(const json::value* v, const std::string& field) {
  static const json::array kEmpty;
  if (v == nullptr || v->is_null()) return kEmpty;
  if (!v->is_array()) throw JsonFieldError(field, "invalid-type");
  return v->get_array();
}

// ---- Reader --------------------------------------------------------------------------------------

Reader::Reader(const json::value& value, std::string prefix)
    : object_(value.if_object()), prefix_(std::move(prefix)) {
  if (object_ == nullptr) {
    std::string name = prefix_;
    if (name.ends_with('.')) name.pop_back();
    throw JsonFieldError(name, "invalid-type");
  }
}

const json::value* Reader::member(std::string_view name) const {
  const auto* v = object_->if_contains(name);
  return v == nullptr || v->is_null() ? nullptr : v;
}

bool Reader::has(std::string_view name) const {
  return member(name) != nullptr;
}

std::string Reader::text(std::string_view name, bool required) const {
  const auto* v = member(name);
  if (v == nullptr) {
    if (required) throw JsonFieldError(path(name), "required");
    return {};
  }
  if (!v->is_string()) throw JsonFieldError(path(name), "invalid-type");
  return std::string(v->get_string());
}

int Reader::integer(std::string_view name, bool required, int fallback) const {
  const auto* v = member(name);
  if (v == nullptr) {
    if (required) throw JsonFieldError(path(name), "required");
    return fallback;
  }
  if (!v->is_int64() || v->get_int64() < std::numeric_limits<int>::min() ||
      v->get_int64() > std::numeric_limits<int>::max())
    throw JsonFieldError(path(name), "invalid-type");
  return static_cast<int>(v->get_int64());
}

std::int64_t Reader::integer64(std::string_view name) const {
  const auto* v = member(name);
  if (v == nullptr) throw JsonFieldError(path(name), "required");
  if (!v->is_int64()) throw JsonFieldError(path(name), "invalid-type");
  return v->get_int64();
}

bool Reader::boolean(std::string_view name, bool required, bool fallback) const {
  const auto value = optional_boolean(name);
  if (!value && required) throw JsonFieldError(path(name), "required");
  return value.value_or(fallback);
}

std::optional<bool> Reader::optional_boolean(std::string_view name) const {
  const auto* v = member(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) throw JsonFieldError(path(name), "invalid-type");
  return v->get_bool();
}

domain::Date Reader::date(std::string_view name) const {
  auto value = optional_date(name);
  if (!value) throw JsonFieldError(path(name), "required");
  return *value;
}

std::optional<domain::Date> Reader::optional_date(std::string_view name) const {
  const auto* v = member(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) throw JsonFieldError(path(name), "invalid-type");
  auto date = domain::parse_iso_date(v->get_string());
  if (!date) throw JsonFieldError(path(name), "invalid-date");
  return date;
}

std::vector<std::string> Reader::strings(std::string_view name, bool required) const {
  const auto* v = member(name);
  if (v == nullptr && required) throw JsonFieldError(path(name), "required");
  std::vector<std::string> out;
  const auto& list = array_at(v, path(name));
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string()) throw JsonFieldError(index_field(path(name), i), "invalid-type");
    out.emplace_back(list[i].get_string());
  }
  return out;
}

// ---- encode --------------------------------------------------------------------------------------

json::value encode(const std::vector<std::string>& list) {
  json::array out;
  for (const auto& s : list)
    out.emplace_back(json::string(s));
  return out;
}

json::value encode(const domain::StaffRole& role) {
  return json::object{{"role", role.role}, {"count", role.count}};
}

json::value encode(const std::vector<domain::StaffRole>& staffing) {
  json::array out;
  for (const auto& r : staffing)
    out.push_back(encode(r));
  return out;
}

json::value encode(const std::vector<domain::PlaceKind>& places) {
  json::array out;
  for (auto p : places)
    out.emplace_back(json::string(domain::to_string(p)));
  return out;
}

json::value encode(const domain::FinancingLine& line) {
  return json::object{
      {"source", domain::to_string(line.source)},         {"amountCents", line.amount_cents},
      {"periodStart", domain::to_iso(line.period_start)}, {"periodEnd", domain::to_iso(line.period_end)},
      {"payee", domain::to_string(line.payee)},           {"payeeOrganisationId", line.payee_organisation_id},
      {"purchaseOfServices", line.purchase_of_services}};
}

json::value encode(const std::vector<domain::FinancingLine>& lines) {
  json::array out;
  for (const auto& l : lines)
    out.push_back(encode(l));
  return out;
}

json::value encode(const domain::EvaluationCadence& cadence) {
  return json::object{{"unit", domain::to_string(cadence.unit)}, {"every", cadence.every}};
}

json::value encode(const domain::ReturnPlan& plan) {
  return json::object{{"kind", domain::to_string(plan.kind)},
                      {"receivingSchoolId", plan.receiving_school_id},
                      {"steps", plan.steps}};
}

json::value encode(const domain::Extension& e) {
  return json::object{{"previousEnd", domain::to_iso(e.previous_end)},
                      {"newEnd", domain::to_iso(e.new_end)},
                      {"reason", e.reason},
                      {"decidedBy", e.decided_by},
                      {"decidedOn", domain::to_iso(e.decided_on)}};
}

json::value encode(const domain::Transition& t) {
  return json::object{{"date", domain::to_iso(t.date)},
                      {"destination", domain::to_string(t.destination)},
                      {"destinationOrganisationId", t.destination_organisation_id},
                      {"reason", t.reason}};
}

json::value encode(const domain::A4Plan& plan) {
  json::array contributions;
  for (const auto& c : plan.contributions)
    contributions.push_back(
        json::object{{"area", domain::to_string(c.area)}, {"who", c.who}, {"what", c.what}});
  return json::object{{"contributions", std::move(contributions)},
                      {"agreedOn", optional_date(plan.agreed_on)}};
}

json::value encode(const domain::RouteOneWorkflow& w) {
  json::array participants;
  for (const auto& p : w.participants)
    participants.push_back(json::object{{"personId", p.person_id},
                                        {"organisationId", p.organisation_id},
                                        {"role", domain::to_string(p.role)}});
  json::array extra_funds;
  for (auto f : w.extra_funds)
    extra_funds.emplace_back(json::string(domain::to_string(f)));
  json::value tlv = nullptr;
  if (w.tlv)
    tlv = json::object{{"id", w.tlv->id},
                       {"validFrom", domain::to_iso(w.tlv->valid_from)},
                       {"validUntil", domain::to_iso(w.tlv->valid_until)}};
  return json::object{
      {"analysis", w.analysis},
      {"parentsInvolvedOn", optional_date(w.parents_involved_on)},
      {"parentsInvolvement", w.parents_involvement},
      {"participants", std::move(participants)},
      {"design", w.design},
      {"a4Plan", w.a4_plan ? encode(*w.a4_plan) : json::value(nullptr)},
      {"careMoneyUsed", w.care_money_used},
      {"carePlanId", w.care_plan_id},
      {"exemptionNeeded", optional_bool(w.exemption_needed)},
      {"compulsoryEducationMet", optional_bool(w.compulsory_education_met)},
      {"specialEducationEnrolmentNeeded", optional_bool(w.special_education_enrolment_needed)},
      {"tlv", std::move(tlv)},
      {"financeAgreements", w.finance_agreements},
      {"extraFundsNeeded", optional_bool(w.extra_funds_needed)},
      {"extraFunds", std::move(extra_funds)}};
}

json::value encode(const domain::Phase& p) {
  return json::object{{"code", p.code},
                      {"name", p.name},
                      {"description", p.description},
                      {"typicalHoursMin", p.typical_hours_min},
                      {"typicalHoursMax", p.typical_hours_max},
                      {"careSharePercent", optional_int(p.care_share_percent)},
                      {"typicalDurationMonths", optional_int(p.typical_duration_months)},
                      {"allowedPlaces", encode(p.allowed_places)}};
}

json::value encode(const std::vector<domain::Phase>& phases) {
  json::array out;
  for (const auto& p : phases)
    out.push_back(encode(p));
  return out;
}

json::value encode(const domain::ObservationPeriod& o) {
  return json::object{
      {"start", domain::to_iso(o.start)}, {"end", domain::to_iso(o.end)}, {"setting", o.setting}};
}

json::value encode(const domain::JointDecision& d) {
  json::array deciders;
  for (const auto& x : d.deciders)
    deciders.push_back(json::object{{"role", x.role}, {"personId", x.person_id}, {"name", x.name}});
  return json::object{{"admit", d.admit},
                      {"decidedOn", domain::to_iso(d.decided_on)},
                      {"deciders", std::move(deciders)},
                      {"reasoning", d.reasoning}};
}

json::value encode(const domain::Withdrawal& w) {
  return json::object{{"withdrawnOn", domain::to_iso(w.withdrawn_on)}, {"reason", w.reason}};
}

json::value encode(const domain::IntakeTask& t) {
  return json::object{{"kind", domain::to_string(t.kind)},
                      {"ownerIds", encode(t.owner_ids)},
                      {"due", domain::to_iso(t.due)},
                      {"doneOn", optional_date(t.done_on)}};
}

json::value encode(const std::vector<domain::IntakeTask>& tasks) {
  json::array out;
  for (const auto& t : tasks)
    out.push_back(encode(t));
  return out;
}

// ---- decode --------------------------------------------------------------------------------------

std::vector<domain::StaffRole> decode_staffing(const json::value* v, const std::string& field) {
  return decode_list<domain::StaffRole>(v, field, [](const json::value& item, const std::string& f) {
    Reader r(item, f + ".");
    return domain::StaffRole{r.text("role"), r.integer("count", false, 1)};
  });
}

std::vector<domain::PlaceKind> decode_places(const json::value* v, const std::string& field) {
  return decode_list<domain::PlaceKind>(v, field, [](const json::value& item, const std::string& f) {
    auto place = item.is_string() ? domain::parse_place_kind(item.get_string()) : std::nullopt;
    if (!place) throw JsonFieldError(f, "invalid-value");
    return *place;
  });
}

domain::FinancingLine decode_financing_line(const json::value& v, const std::string& field) {
  Reader r(v, field + ".");
  domain::FinancingLine line;
  line.source = r.choice("source", domain::parse_funding_source);
  line.amount_cents = r.integer64("amountCents");
  line.period_start = r.date("periodStart");
  line.period_end = r.date("periodEnd");
  line.payee = r.choice("payee", domain::parse_payee_kind);
  line.payee_organisation_id = r.text("payeeOrganisationId", false);
  line.purchase_of_services = r.boolean("purchaseOfServices", false);
  return line;
}

std::vector<domain::FinancingLine> decode_financing(const json::value* v, const std::string& field) {
  return decode_list<domain::FinancingLine>(v, field, decode_financing_line);
}

domain::EvaluationCadence decode_cadence(const json::value& v, const std::string& field) {
  Reader r(v, field + ".");
  return domain::EvaluationCadence{r.choice("unit", domain::parse_cadence_unit), r.integer("every")};
}

domain::ReturnPlan decode_return_plan(const json::value& v, const std::string& field) {
  Reader r(v, field + ".");
  return domain::ReturnPlan{r.choice("kind", domain::parse_return_kind), r.text("receivingSchoolId", false),
                            r.text("steps")};
}

domain::Extension decode_extension(const json::value& v, const std::string& field) {
  Reader r(v, field + ".");
  return domain::Extension{r.date("previousEnd"), r.date("newEnd"), r.text("reason"), r.text("decidedBy"),
                           r.date("decidedOn")};
}

domain::Transition decode_transition(const json::value& v, const std::string& field) {
  Reader r(v, field + ".");
  return domain::Transition{r.date("date"), r.choice("destination", domain::parse_destination_kind),
                            r.text("destinationOrganisationId", false), r.text("reason", false)};
}

domain::A4Plan decode_a4_plan(const json::value& v, const std::string& field) {
  Reader r(v, field + ".");
  domain::A4Plan plan;
  plan.contributions = decode_list<domain::Contribution>(
      r.member("contributions"), r.path("contributions"), [](const json::value& item, const std::string& f) {
        Reader c(item, f + ".");
        return domain::Contribution{c.choice("area", domain::parse_contribution_area), c.text("who"),
                                    c.text("what")};
      });
  plan.agreed_on = r.optional_date("agreedOn");
  return plan;
}

domain::RouteOneWorkflow decode_workflow(const json::value& v, const std::string& field) {
  Reader r(v, field.empty() ? std::string{} : field + ".");
  domain::RouteOneWorkflow w;
  w.analysis = r.text("analysis", false);
  w.parents_involved_on = r.optional_date("parentsInvolvedOn");
  w.parents_involvement = r.text("parentsInvolvement", false);
  w.participants = decode_list<domain::Participant>(
      r.member("participants"), r.path("participants"), [](const json::value& item, const std::string& f) {
        Reader p(item, f + ".");
        return domain::Participant{p.text("personId", false), p.text("organisationId", false),
                                   p.choice("role", domain::parse_participant_role)};
      });
  w.design = r.text("design", false);
  if (const auto* plan = r.member("a4Plan")) w.a4_plan = decode_a4_plan(*plan, r.path("a4Plan"));
  w.care_money_used = r.boolean("careMoneyUsed", false);
  w.care_plan_id = r.text("carePlanId", false);
  w.exemption_needed = r.optional_boolean("exemptionNeeded");
  w.compulsory_education_met = r.optional_boolean("compulsoryEducationMet");
  w.special_education_enrolment_needed = r.optional_boolean("specialEducationEnrolmentNeeded");
  if (const auto* tlv = r.member("tlv")) {
    Reader t(*tlv, r.path("tlv") + ".");
    w.tlv = domain::Tlv{t.text("id"), t.date("validFrom"), t.date("validUntil")};
  }
  w.finance_agreements = r.text("financeAgreements", false);
  w.extra_funds_needed = r.optional_boolean("extraFundsNeeded");
  w.extra_funds = decode_list<domain::FundingSource>(
      r.member("extraFunds"), r.path("extraFunds"), [](const json::value& item, const std::string& f) {
        auto source = item.is_string() ? domain::parse_funding_source(item.get_string()) : std::nullopt;
        if (!source) throw JsonFieldError(f, "invalid-value");
        return *source;
      });
  return w;
}

domain::Phase decode_phase(const json::value& v, const std::string& field) {
  Reader r(v, field + ".");
  domain::Phase p;
  p.code = r.text("code");
  p.name = r.text("name");
  p.description = r.text("description", false);
  p.typical_hours_min = r.integer("typicalHoursMin", false);
  p.typical_hours_max = r.integer("typicalHoursMax", false);
  if (r.has("careSharePercent")) p.care_share_percent = r.integer("careSharePercent");
  if (r.has("typicalDurationMonths")) p.typical_duration_months = r.integer("typicalDurationMonths");
  p.allowed_places = decode_places(r.member("allowedPlaces"), r.path("allowedPlaces"));
  return p;
}

std::vector<domain::Phase> decode_phases(const json::value* v, const std::string& field) {
  return decode_list<domain::Phase>(v, field, decode_phase);
}

domain::ObservationPeriod decode_observation(const json::value& v, const std::string& field) {
  Reader r(v, field.empty() ? std::string{} : field + ".");
  return domain::ObservationPeriod{r.date("start"), r.date("end"), r.text("setting", false)};
}

domain::JointDecision decode_decision(const json::value& v, const std::string& field) {
  Reader r(v, field.empty() ? std::string{} : field + ".");
  domain::JointDecision d;
  d.admit = r.boolean("admit");
  d.decided_on = r.date("decidedOn");
  d.deciders = decode_list<domain::Decider>(
      r.member("deciders"), r.path("deciders"), [](const json::value& item, const std::string& f) {
        Reader x(item, f + ".");
        return domain::Decider{x.text("role"), x.text("personId", false), x.text("name", false)};
      });
  d.reasoning = r.text("reasoning", false);
  return d;
}

domain::Withdrawal decode_withdrawal(const json::value& v, const std::string& field) {
  Reader r(v, field.empty() ? std::string{} : field + ".");
  return domain::Withdrawal{r.date("withdrawnOn"), r.text("reason", false)};
}

domain::IntakeTask decode_intake_task(const json::value& v, const std::string& field) {
  Reader r(v, field.empty() ? std::string{} : field + ".");
  domain::IntakeTask t;
  t.kind = r.choice("kind", domain::parse_intake_task_kind);
  t.owner_ids = r.strings("ownerIds", false);
  t.due = r.date("due");
  t.done_on = r.optional_date("doneOn");
  return t;
}

std::vector<domain::IntakeTask> decode_tasks(const json::value* v, const std::string& field) {
  return decode_list<domain::IntakeTask>(v, field, decode_intake_task);
}

} // namespace eenplan::store::tjson
