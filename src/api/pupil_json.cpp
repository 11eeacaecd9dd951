#include "api/pupil_json.hpp"

#include "api/json_input.hpp"
#include "api/json_out.hpp"
#include "domain/pupil.hpp"

namespace eenplan::api {

namespace json = boost::json;

namespace {

// The shapes below are written once, for either writer (json_out.hpp).

template <typename Out> void write_organisation_ref(Out& out, const store::OrganisationRef& ref) {
  if (ref.id.empty()) return out.null();
  out.begin_object();
  out.key("id");
  out.value(ref.id);
  out.key("name");
  out.value(ref.name);
  out.key("kind");
  out.value(ref.kind);
  out.end_object();
}

template <typename Out> void write_field(Out& out, JsonName name, const auto& value) {
  out.key(name);
  out.value(value);
}

/// The members of a pupil's summary, inside an object the caller opened.
template <typename Out> void write_pupil_summary_members(Out& out, const store::PupilRecord& p) {
  write_field(out, "id", p.id);
  write_field(out, "givenName", p.given_name);
  write_field(out, "familyName", p.family_name);
  write_field(out, "dateOfBirth", p.date_of_birth);
  write_field(out, "schoolPupilNumber", p.school_pupil_number);
  write_field(out, "status", p.status);
  out.key("enrolmentSchool");
  write_organisation_ref(out, p.enrolment_school);
  out.key("homeSchool");
  write_organisation_ref(out, p.home_school);
}

template <typename Out> void write_case_team_member(Out& out, const store::CaseTeamRecord& m) {
  out.begin_object();
  write_field(out, "userId", m.user_id);
  write_field(out, "displayName", m.display_name);
  write_field(out, "role", m.role);
  out.key("organisation");
  write_organisation_ref(out, {m.organisation_id, m.organisation_name, m.organisation_kind});
  write_field(out, "caseRole", m.case_role);
  write_field(out, "isCaseLead", m.is_case_lead);
  out.end_object();
}

template <typename Out> void write_pupil(Out& out, const service::PupilView& view) {
  const auto& p = view.pupil;
  out.begin_object();
  write_pupil_summary_members(out, p);
  write_field(out, "version", p.version);
  write_field(out, "postcode", p.postcode);
  out.key("municipality");
  write_organisation_ref(out, p.municipality);
  out.key("yearGroup");
  if (p.year_group > 0) {
    out.value(p.year_group);
  } else {
    out.null();
  }
  write_field(out, "level", p.level);
  out.key("guardians");
  out.begin_array();
  for (const auto& g : p.guardians) {
    out.begin_object();
    write_field(out, "id", g.id);
    write_field(out, "name", g.name);
    write_field(out, "relationship", g.relationship);
    write_field(out, "phone", g.phone);
    write_field(out, "email", g.email);
    out.end_object();
  }
  out.end_array();
  const bool full = view.scope == domain::Scope::Full;
  if (full) {
    // Fields outside leerplicht's duty are absent from the attendance view, not empty.
    write_field(out, "loadCapacity", p.load_capacity);
    write_field(out, "careHistory", p.care_history);
    out.key("caseTeam");
    out.begin_array();
    for (const auto& m : p.case_team)
      write_case_team_member(out, m);
    out.end_array();
    out.key("supportNeeds");
    out.begin_array();
    for (const auto& n : p.support_needs) {
      out.begin_object();
      write_field(out, "id", n.id);
      write_field(out, "category", n.category);
      write_field(out, "description", n.description);
      out.end_object();
    }
    out.end_array();
    out.key("factors");
    out.begin_array();
    for (const auto& f : p.factors) {
      out.begin_object();
      write_field(out, "id", f.id);
      write_field(out, "kind", f.kind);
      write_field(out, "area", f.area);
      write_field(out, "description", f.description);
      out.end_object();
    }
    out.end_array();
  }
  out.key("access");
  out.begin_object();
  write_field(out, "scope", full ? "full" : "attendance");
  write_field(out, "canEdit", view.can_edit);
  write_field(out, "canAddNotes", view.can_add_notes);
  write_field(out, "canEditCaseTeam", view.can_edit_case_team);
  out.end_object();
  out.end_object();
}

} // namespace

json::value organisation_ref(const store::OrganisationRef& ref) {
  JsonValue out;
  write_organisation_ref(out, ref);
  return out.take();
}

json::object pupil_summary_json(const store::PupilRecord& p) {
  JsonValue out;
  out.begin_object();
  write_pupil_summary_members(out, p);
  out.end_object();
  return std::move(out.take().as_object());
}

json::object case_team_member_json(const store::CaseTeamRecord& m) {
  JsonValue out;
  write_case_team_member(out, m);
  return std::move(out.take().as_object());
}

json::object pupil_json(const service::PupilView& view) {
  JsonValue out;
  write_pupil(out, view);
  return std::move(out.take().as_object());
}

std::string pupil_json_text(const service::PupilView& view) {
  JsonText out;
  write_pupil(out, view);
  return out.take();
}

json::object note_json(const store::NoteRecord& n) {
  return json::object{{"id", n.id},
                      {"kind", n.kind},
                      {"body", n.body},
                      {"author", json::object{{"id", n.author_id}, {"displayName", n.author_name}}},
                      {"createdAt", n.created_at}};
}

json::object audit_event_json(const store::AuditEventRecord& e) {
  json::object o{{"id", e.id},
                 {"at", e.at},
                 {"actor", json::object{{"id", e.actor_id},
                                        {"displayName", e.actor_name},
                                        {"role", e.actor_role},
                                        {"organisation",
                                         organisation_ref({e.actor_organisation_id, e.actor_organisation_name,
                                                           e.actor_organisation_kind})}}},
                 {"action", e.action},
                 {"resource", e.resource},
                 {"purpose", e.purpose}};
  if (!e.detail.empty()) {
    // Written by the service as a JSON object; anything else is left out rather than guessed at.
    boost::system::error_code ec;
    auto detail = json::parse(e.detail, ec);
    if (!ec && detail.is_object()) o["detail"] = std::move(detail);
  }
  return o;
}

namespace {

template <typename T>
std::optional<std::vector<T>> parse_items(FieldReader& fields, std::string_view name, auto parse_one) {
  const auto* items = fields.array(name, false);
  if (!items) return std::nullopt;
  if (items->size() > 50) {
    fields.error(fields.path(name), "too-long", "Maximaal 50 items.");
    return std::nullopt;
  }
  std::vector<T> out;
  const auto before = fields.errors().size();
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string prefix = fields.path(name) + "[" + std::to_string(i) + "].";
    if (!(*items)[i].is_object()) {
      fields.error(fields.path(name) + "[" + std::to_string(i) + "]", "invalid-type",
                   "Elk item moet een object zijn.");
      continue;
    }
    FieldReader item((*items)[i].as_object(), prefix);
    item.share_errors(fields.errors());
    if (auto value = parse_one(item)) out.push_back(std::move(*value));
  }
  if (fields.errors().size() != before) return std::nullopt;
  return out;
}

} // namespace

core::Result<service::PupilPatch> parse_pupil_patch(std::string_view body, domain::Date today) {
  auto object = parse_object(body);
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"givenName", "familyName", "dateOfBirth", "postcode", "schoolPupilNumber", "status",
                    "loadCapacity", "careHistory", "supportNeeds", "factors"});
  service::PupilPatch patch;
  patch.given_name = f.text("givenName", domain::kGivenNameLimit, false);
  patch.family_name = f.text("familyName", domain::kFamilyNameLimit, false);
  if (auto dob = f.text("dateOfBirth", {1, 64, false}, false)) {
    auto parsed = domain::parse_iso_date(*dob);
    if (!parsed) {
      f.error("dateOfBirth", "invalid-date", "Geen geldige datum (JJJJ-MM-DD).");
    } else if (domain::validate_date_of_birth(*parsed, today)) {
      f.error("dateOfBirth", "out-of-range", "De geboortedatum mag niet in de toekomst of vóór 1990 liggen.");
    } else {
      patch.date_of_birth = domain::to_iso(*parsed);
    }
  }
  if (auto postcode = f.text("postcode", {1, 16, false}, false)) {
    if (auto normal = domain::normalise_postcode(*postcode)) {
      patch.postcode = *normal;
    } else {
      f.error("postcode", "invalid-value", "Geen geldige Nederlandse postcode (bijv. 8011 AB).");
    }
  }
  patch.school_pupil_number = f.text("schoolPupilNumber", domain::kSchoolPupilNumberLimit, false);
  patch.status = f.choice(
      "status", [](const std::string& s) { return domain::parse_pupil_status(s).has_value(); }, false);
  patch.load_capacity = f.text("loadCapacity", domain::kLoadCapacityLimit, false);
  patch.care_history = f.text("careHistory", domain::kCareHistoryLimit, false);
  patch.support_needs = parse_items<store::SupportNeedRecord>(
      f, "supportNeeds", [](FieldReader& item) -> std::optional<store::SupportNeedRecord> {
        item.reject_unknown({"category", "description", "id"});
        auto category = item.choice(
            "category", [](const std::string& c) { return domain::is_support_need_category(c); }, true);
        auto description = item.text("description", domain::kSupportNeedDescriptionLimit, true);
        if (!category || !description) return std::nullopt;
        return store::SupportNeedRecord{{}, *category, *description};
      });
  patch.factors = parse_items<store::FactorRecord>(
      f, "factors", [](FieldReader& item) -> std::optional<store::FactorRecord> {
        item.reject_unknown({"kind", "area", "description", "id"});
        auto kind = item.choice(
            "kind", [](const std::string& k) { return domain::parse_factor_kind(k).has_value(); }, true);
        auto area = item.choice(
            "area", [](const std::string& a) { return domain::parse_factor_area(a).has_value(); }, true);
        auto description = item.text("description", domain::kFactorDescriptionLimit, true);
        if (!kind || !area || !description) return std::nullopt;
        return store::FactorRecord{{}, *kind, *area, *description};
      });
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  return patch;
}

core::Result<NewNote> parse_new_note(std::string_view body) {
  auto object = parse_object(body);
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"kind", "body"});
  auto text = f.text("body", domain::kNoteBodyLimit, true);
  auto kind = f.choice(
      "kind", [](const std::string& k) { return domain::parse_personal_note_kind(k).has_value(); }, false);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  return NewNote{kind.value_or(std::string(domain::to_string(domain::kDefaultNoteKind))), *text};
}

} // namespace eenplan::api
