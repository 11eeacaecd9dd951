#include "demo/support_routes.hpp"

#include <algorithm>

#include "domain/dates.hpp"

namespace eenplan::demo {
namespace {

constexpr std::size_t kSchools = 6;         // schools with a route in the demo
constexpr std::size_t kPupilsPerSchool = 5; // one per stage (and one discussed in the JES)
// Six JES meetings: two behind us, four ahead (the JES meets at least 6 times a year).
constexpr int kMeetingOffsets[] = {-42, -14, 9, 37, 65, 93};

const std::vector<std::string>& jes_members() {
  static const std::vector<std::string> members{"Consulent schoolondersteuningsteam",
                                                "Leerlingbegeleider",
                                                "Schoolmaatschappelijk werker",
                                                "Orthopedagoog",
                                                "Leerplichtambtenaar",
                                                "Jeugdgezondheidszorg",
                                                "Jeugdhulpprofessional",
                                                "Coördinator passend onderwijs"};
  return members;
}

std::string username_of(const Region& region, domain::Role role, const std::string& school_key) {
  for (const auto& a : region.accounts) {
    if (a.role == role && std::ranges::find(a.member_of, school_key) != a.member_of.end()) return a.username;
  }
  return {};
}

} // namespace

DemoSupportRoutes support_routes(const Region& region, std::string_view today_iso) {
  DemoSupportRoutes out;
  const auto today = domain::parse_iso_date(today_iso);
  if (!today) return out;
  auto day = [&](int offset) { return domain::to_iso(domain::add_days(*today, offset)); };

  for (const auto& school : region.organisations) {
    if (out.meetings.size() >= kSchools * std::size(kMeetingOffsets)) break;
    if (school.kind != domain::OrganisationKind::School) continue;
    const std::string coordinator = username_of(region, domain::Role::SchoolCoordinator, school.key);
    if (coordinator.empty()) continue;
    std::vector<std::size_t> pupils;
    for (std::size_t i = 0; i < region.pupils.size(); ++i) {
      const auto& p = region.pupils[i];
      if (p.enrolment_school_key == school.key && p.status == "enrolled") pupils.push_back(i);
    }
    // Every third pupil, so the first pupils of a list stay untouched for those trying the route.
    std::vector<std::size_t> chosen;
    for (std::size_t k = 2; k < pupils.size() && chosen.size() < kPupilsPerSchool; k += 3)
      chosen.push_back(pupils[k]);
    if (chosen.size() < kPupilsPerSchool) continue;

    const std::size_t first_meeting = out.meetings.size();
    for (int offset : kMeetingOffsets)
      out.meetings.push_back({school.key, day(offset), "Vergaderruimte zorg", jes_members(), coordinator});
    std::string mentor = username_of(region, domain::Role::Teacher, school.key);
    if (mentor.empty()) mentor = coordinator;

    for (std::size_t stage = 0; stage < chosen.size(); ++stage) {
      DemoSupportRoute r;
      r.pupil = chosen[stage];
      r.recorder_username = mentor;
      r.coordinator_username = coordinator;
      r.steps.push_back(
          {"collegial_consultation", day(-70),
           "Casus besproken met twee collega's; afspraak: vaste plek en korte instructie vooraf.", "Mentor"});
      r.steps.push_back(
          {"care_team_observation", day(-63),
           "Observatie in twee lessen: veel afleiding na de pauze, weinig contact met klasgenoten.",
           "IZT: leerlingbegeleider"});
      if (stage >= 1) {
        r.steps.push_back({"preventive_conversation", day(-56),
                           "Eerste preventieve gesprek: leerling vertelt over onrust thuis.",
                           "IZT: schoolmaatschappelijk werker"});
        r.contacts.push_back({day(-50), "care_team", "in_person", "Mentor",
                              "Ouders zijn het eens met bespreking in het zorgteam."});
        r.concern = DemoConcern{
            day(-49), "Welke extra ondersteuning past, nu de basisondersteuning niet genoeg is?",
            "Intercollegiale consultatie, observatie vanuit het IZT en een preventief gesprek.", stage >= 2};
      }
      if (stage >= 2) {
        const bool escalate = stage >= 3;
        r.discussion = DemoDiscussion{
            day(-42),
            {"Coördinator passend onderwijs", "Leerlingbegeleider", "Schoolmaatschappelijk werker", "Mentor"},
            escalate ? "De hulp binnen school is niet voldoende; expertise van buiten de school is nodig."
                     : "Traject door de interne zorg: wekelijks gesprek met de leerlingbegeleider.",
            escalate ? "escalate_to_jes" : "internal_trajectory",
            {{"Ouders informeren over het vervolg", "Mentor", day(-35)}}};
      }
      if (stage >= 3) {
        r.contacts.push_back({day(-30), "jes", "phone", "Coördinator passend onderwijs",
                              "Ouders weten dat hun kind in het JES wordt besproken."});
        const bool discussed = stage == 4;
        r.referral =
            DemoReferral{first_meeting + (discussed ? 1 : 2), "basic_support_insufficient",
                         "Welk arrangement of welke externe hulp past bij deze leerling?",
                         discussed ? "Advies: aanvraag arrangement bij het SWV; jeugdhulp sluit aan." : ""};
      }
      out.routes.push_back(std::move(r));
    }
  }
  return out;
}

} // namespace eenplan::demo
