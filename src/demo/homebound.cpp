// The demo region generator: year groups and levels of pupils, and the thuiszitter register —
// cases in every category and clock status, vrijstellingen with their contact person, escalations
// to the plaatsingsoverleg and the Taskforce, and absence runs from which candidates are detected.
#include <algorithm>
#include <string>

#include "demo/builder.hpp"
#include "domain/school_calendar.hpp"

namespace eenplan::demo::detail {

using domain::SchoolType;

namespace {

int max_year(std::string_view level, SchoolType type) {
  if (level.starts_with("vmbo")) return 4;
  if (level == "havo") return 5;
  if (level == "vwo") return 6;
  if (level == "pro") return 5;
  if (level == "entree") return 1;
  if (level.starts_with("mbo-")) return level.back() - '0' == 2 ? 2 : level.back() - '0' == 3 ? 3 : 4;
  if (type == SchoolType::Vso) return 6;
  return 8;
}

Date shift(Date d, int days) {
  return from_days(to_days(d) + days);
}

domain::Date to_domain(Date d) {
  return {d.year, d.month, d.day};
}

struct Pick {
  std::vector<std::size_t> absolute, relative, exempted;
};

/// Pupils per kind, in a deterministic shuffled order.
Pick candidates_by_status(Builder& b, Rng& rng) {
  Pick p;
  for (std::size_t i = 0; i < b.region.pupils.size(); ++i) {
    const auto& pupil = b.region.pupils[i];
    const int age = b.pupil_info[i].age;
    if (pupil.status == "not_enrolled" && age >= 5 && age <= 16) p.absolute.push_back(i);
    if (pupil.status == "enrolled" && age >= 6 && age <= 17) p.relative.push_back(i);
    if (pupil.status == "exempted" && age >= 5 && age <= 17) p.exempted.push_back(i);
  }
  for (auto* list : {&p.absolute, &p.relative, &p.exempted}) {
    for (std::size_t i = list->size(); i > 1; --i)
      std::swap((*list)[i - 1], (*list)[rng.index(i)]);
  }
  return p;
}

} // namespace

void add_year_groups(Builder& b, Rng& rng) {
  for (std::size_t i = 0; i < b.region.pupils.size(); ++i) {
    auto& p = b.region.pupils[i];
    const auto& info = b.pupil_info[i];
    const SchoolInfo& school = b.schools[static_cast<std::size_t>(info.school)];
    const Organisation& org = b.school_org(info.school);
    if (primary_type(school.type)) {
      // Groep 1 at four, groep 8 at eleven or twelve.
      p.level = std::string(domain::to_string(school.type));
      p.year_group = std::clamp(info.age - 3, 1, 8);
      continue;
    }
    p.level = org.levels.empty() ? std::string(domain::to_string(school.type)) : rng.pick(org.levels);
    const int first_year_age = school.type == SchoolType::Mbo ? 16 : 12;
    p.year_group = std::clamp(info.age - first_year_age + 1, 1, max_year(p.level, school.type));
  }
}

void add_homebound(Builder& b, Rng& rng) {
  if (b.region.pupils.empty()) return;
  Pick pick = candidates_by_status(b, rng);
  const Date today = b.today;
  auto iso = [&](int days_ago) { return format_iso(shift(today, -days_ago)); };
  auto coordinator_of = [&](std::size_t pupil) {
    return b.account(b.schools[static_cast<std::size_t>(b.pupil_info[pupil].school)].coordinator).username;
  };
  auto consultant_of = [&](std::size_t pupil) {
    const int c = b.schools[static_cast<std::size_t>(b.pupil_info[pupil].school)].consultant;
    return c >= 0 ? b.account(c).username : coordinator_of(pupil);
  };
  auto officer_of = [&](std::size_t pupil) {
    return b
        .account(
            b.municipalities[static_cast<std::size_t>(b.pupil_info[pupil].municipality)].attendance_officer)
        .username;
  };
  auto take = [](std::vector<std::size_t>& from) -> std::optional<std::size_t> {
    if (from.empty()) return std::nullopt;
    const auto i = from.back();
    from.pop_back();
    return i;
  };
  auto add = [&](std::vector<std::size_t>& from, std::string category, int first_days_ago) -> HomeboundCase* {
    auto pupil = take(from);
    if (!pupil) return nullptr;
    HomeboundCase c;
    c.pupil = *pupil;
    c.category = std::move(category);
    c.first_day = iso(first_days_ago);
    c.registered_by = c.category == "absolute" ? officer_of(*pupil) : coordinator_of(*pupil);
    b.region.homebound_cases.push_back(std::move(c));
    return &b.region.homebound_cases.back();
  };
  auto escalate = [&](HomeboundCase& c, std::string forum, int days_ago, std::string outcome,
                      std::string binding = {}) {
    c.escalations.push_back(
        {std::move(forum), iso(days_ago), consultant_of(c.pupil), std::move(outcome), std::move(binding)});
  };
  auto close = [&](HomeboundCase& c, int days_ago, std::string reason, std::string note) {
    c.state = "closed";
    c.closed_on = iso(days_ago);
    c.close_reason = std::move(reason);
    c.close_note = std::move(note);
  };
  auto school_name = [&](SchoolType type) {
    for (std::size_t s = 0; s < b.schools.size(); ++s) {
      if (b.schools[s].type == type) return b.school_org(static_cast<int>(s)).name;
    }
    return b.school_org(0).name;
  };

  // Absoluut verzuim: not enrolled anywhere. On track, at risk, overdue, and two closed.
  if (auto* c = add(pick.absolute, "absolute", 30)) c->offer = "none";
  if (auto* c = add(pick.absolute, "absolute", 62)) {
    c->offer = "care_only";
    c->offer_note = "Begeleiding door het wijkteam; gesprekken met ouders over een passende school lopen.";
    escalate(*c, "placement_meeting", 20,
             "Twee scholen bekijken de aanmelding; besluit in het volgende overleg.");
  }
  if (auto* c = add(pick.absolute, "absolute", 110)) {
    escalate(*c, "placement_meeting", 60, "Geen school gevonden die past; door naar de Taskforce.");
    escalate(*c, "taskforce", 25, "Huisbezoek door de onafhankelijk casusonderzoeker afgerond.",
             "De kerngroep plaatst de leerling bindend op " + school_name(SchoolType::Vso) + ".");
  }
  if (auto* c = add(pick.absolute, "absolute", 170)) close(*c, 100, "placed", school_name(SchoolType::Vo));
  if (auto* c = add(pick.absolute, "absolute", 260)) close(*c, 150, "placed", school_name(SchoolType::Pro));

  // Langdurig relatief verzuim: enrolled, absent more than four weeks; 2a and 2b.
  if (auto* c = add(pick.relative, "relative_long", 33)) {
    c->source = "detected";
    c->offer = "partial_education";
    c->offer_note = "Twee ochtenden per week les op school met een vaste begeleider.";
  }
  if (auto* c = add(pick.relative, "relative_long", 60)) {
    c->offer = "education_care_arrangement";
    c->offer_note = "Onderwijszorgarrangement: drie dagdelen op de zorgboerderij, opbouw naar school.";
    escalate(*c, "placement_meeting", 14, "Arrangement afgesproken; terugkeerdraaiboek volgt.");
  }
  if (auto* c = add(pick.relative, "relative_long", 80)) {
    c->offer = "none";
    escalate(*c, "placement_meeting", 30, "Plaatsing in het SO besproken; TLV wordt aangevraagd.");
  }
  if (auto* c = add(pick.relative, "relative_long", 135)) {
    c->offer = "care_only";
    escalate(*c, "placement_meeting", 90, "Geen passend aanbod binnen de regio gevonden.");
    escalate(*c, "taskforce", 40, "Casusonderzoek gestart; de kerngroep komt over vier weken bijeen.");
  }
  if (auto* c = add(pick.relative, "relative_long", 200))
    close(*c, 140, "placed", school_name(SchoolType::Vso));
  if (auto* c = add(pick.relative, "relative_long", 120))
    close(*c, 20, "returned", "Terug op de eigen school, volledig rooster.");

  // Vrijstellingen: each with its named contact person and a review date (one passed).
  struct ExemptionDef {
    std::string_view kind;
    int since;
    int review_in; // days from today; negative: passed
  };
  static constexpr ExemptionDef kExemptions[] = {{"art5_a", 200, 210},
                                                 {"art5_b", 400, -12},
                                                 {"art15", 90, 150},
                                                 {"art3a", 60, 240},
                                                 {"art5_c", 120, 180}};
  for (const auto& e : kExemptions) {
    auto* c = add(pick.exempted, "exemption", e.since);
    if (!c) break;
    c->exemption_kind = std::string(e.kind);
    c->registered_by = officer_of(c->pupil);
    c->contact_name = staff_person(rng).display();
    c->review_on = format_iso(shift(today, e.review_in));
    c->offer = e.kind == "art15" || e.kind == "art3a" ? "partial_education" : "none";
  }

  // Dreigend: not yet four weeks, at risk of staying home.
  if (auto* c = add(pick.relative, "at_risk", 12))
    c->offer_note = "Angst om naar school te gaan; mentor belt dagelijks.";
  if (auto* c = add(pick.relative, "at_risk", 20)) c->offer_note = "Verzuimt vaak na conflict in de klas.";

  // Candidates: unbroken runs of unauthorised absence the register detects, not yet confirmed.
  const auto calendar = domain::default_school_calendar_2026_2027();
  auto absent_since = [&](int days_ago) {
    auto pupil = take(pick.relative);
    if (!pupil) return;
    const std::string by = coordinator_of(*pupil);
    for (int d = days_ago; d >= 1; --d) {
      const Date day = shift(today, -d);
      if (!calendar.is_school_day(to_domain(day))) continue;
      for (int hour = 1; hour <= domain::kDefaultLessonHoursPerDay; ++hour)
        b.region.homebound_absences.push_back({*pupil, format_iso(day), hour, by});
    }
  };
  absent_since(40);
  absent_since(35);
  absent_since(18);
  absent_since(16);
}

} // namespace eenplan::demo::detail
