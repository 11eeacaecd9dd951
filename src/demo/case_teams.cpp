// The demo region generator: case teams (betrokkenen, one regisseur) and the dossier texts of the
// pupils who have one.
#include <algorithm>
#include <string>

#include "demo/builder.hpp"
#include "demo/texts.hpp"

namespace eenplan::demo::detail {

using domain::Role;
using domain::SchoolType;

namespace {

struct Member {
  int account;
  bool lead = false;
};

std::string coordinator_role(SchoolType t) {
  switch (t) {
  case SchoolType::Bao:
  case SchoolType::Sbo: return "intern begeleider";
  case SchoolType::Vo:
  case SchoolType::Pro: return "zorgcoördinator";
  default: return "coördinator passend onderwijs";
  }
}

std::string case_role(const Builder& b, const Member& m, SchoolType type) {
  switch (b.region.accounts[static_cast<std::size_t>(m.account)].role) {
  case Role::SchoolCoordinator: return coordinator_role(type);
  case Role::Teacher: return primary_type(type) ? "leerkracht" : "mentor";
  case Role::SwvConsultant: return "consulent SWV";
  case Role::Orthopedagogue: return "orthopedagoog";
  case Role::CareProvider: return "jeugdhulpverlener";
  case Role::AttendanceOfficer: return "leerplichtambtenaar";
  case Role::MunicipalityConsultant: return "consulent gemeente"; // regie is the lead flag
  case Role::SwvAdmin: return "beheerder";
  }
  return "betrokkene";
}

Author author_of(Role r) {
  switch (r) {
  case Role::Teacher: return Author::Teacher;
  case Role::SwvConsultant: return Author::Consultant;
  case Role::Orthopedagogue: return Author::Orthopedagogue;
  case Role::CareProvider: return Author::Care;
  case Role::AttendanceOfficer: return Author::Attendance;
  case Role::MunicipalityConsultant: return Author::Municipality;
  default: return Author::Coordinator;
  }
}

struct Teams {
  std::vector<std::vector<Member>> members; // per pupil
  std::vector<char> multi;                  // multi-problem case: regie with youth care
  std::vector<int> memberships;             // per account
};

bool has(const std::vector<Member>& team, int account) {
  return std::any_of(team.begin(), team.end(), [&](const Member& m) { return m.account == account; });
}

bool add_member(Teams& t, std::size_t pupil, int account) {
  auto& team = t.members[pupil];
  if (account < 0 || team.size() >= 5 || has(team, account)) return false;
  team.push_back({account, false});
  ++t.memberships[static_cast<std::size_t>(account)];
  return true;
}

int care_account_that_may_lead(const Builder& b, const std::vector<Member>& team) {
  for (const auto& m : team) {
    for (const auto& c : b.care) {
      if (c.account == m.account && c.may_lead) return m.account;
    }
  }
  return -1;
}

bool is_care(const Builder& b, int account) {
  return b.region.accounts[static_cast<std::size_t>(account)].role == Role::CareProvider;
}

std::string attendee_label(const Builder& b, int account, SchoolType type) {
  const Account& a = b.region.accounts[static_cast<std::size_t>(account)];
  switch (a.role) {
  case Role::CareProvider:
    for (const auto& c : b.care) {
      if (c.account == account) return b.region.organisations[c.org].name;
    }
    return "de jeugdhulp";
  case Role::SwvConsultant: return "de consulent van het samenwerkingsverband";
  case Role::MunicipalityConsultant: return "de consulent van de gemeente";
  case Role::AttendanceOfficer: return "de leerplichtambtenaar";
  case Role::Orthopedagogue: return "de orthopedagoog";
  case Role::Teacher: return primary_type(type) ? "de leerkracht" : "de mentor";
  default: return "de " + coordinator_role(type);
  }
}

std::string join_dutch(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " en " : ", ";
    out += items[i];
  }
  return out;
}

void write_dossier(Builder& b, Rng& rng, std::size_t i, const std::vector<Member>& team, bool multi) {
  Pupil& p = b.region.pupils[i];
  const PupilInfo& info = b.pupil_info[i];
  const SchoolInfo& school = b.schools[static_cast<std::size_t>(info.school)];
  const MunicipalityInfo& muni = b.municipalities[static_cast<std::size_t>(info.municipality)];

  TextContext ctx;
  ctx.name = p.given_name;
  ctx.female = info.female;
  ctx.parents = info.parents;
  ctx.parents_plural = info.parents_plural;
  ctx.school = b.school_org(info.school).name;
  if (info.home_school >= 0) ctx.home_school = b.school_org(info.home_school).name;
  ctx.care = b.region.organisations[rng.pick(b.care).org].name;
  for (const auto& m : team) {
    if (is_care(b, m.account)) ctx.care = attendee_label(b, m.account, school.type);
  }
  ctx.teacher = primary_type(school.type) ? "leerkracht" : "mentor";
  ctx.municipality = std::string(muni.def->name);
  ctx.youth_team = "het " + std::string(muni.def->youth_team);
  ctx.status = p.status;
  ctx.age = info.age;
  ctx.year = b.today.year;
  ctx.primary = primary_type(school.type);
  ctx.multi_problem = multi;
  ctx.other_home_language = info.other_home_language;
  if (p.status == "not_enrolled") ctx.home_since_days = rng.between(21, 300);

  for (const auto& code : choose_support_needs(ctx, rng.between(2, 4), rng)) {
    p.support_needs.push_back({code, support_need_text(code, ctx, rng)});
  }

  static constexpr std::string_view kAreas[] = {"pupil", "family", "school", "environment"};
  static constexpr int kAreaWeights[] = {35, 25, 25, 15};
  const int factor_count = rng.between(2, 4);
  for (int f = 0; f < factor_count; ++f) {
    const bool promoting = f == 0 ? true : f == 1 ? false : rng.percent(50);
    std::string_view area;
    for (int attempt = 0; attempt < 10; ++attempt) {
      area = kAreas[rng.weighted(kAreaWeights)];
      const bool duplicate = std::any_of(p.factors.begin(), p.factors.end(), [&](const Factor& x) {
        return x.area == area && (x.kind == "promoting") == promoting;
      });
      if (!duplicate) break;
    }
    p.factors.push_back(
        {promoting ? "promoting" : "hindering", std::string(area), factor_text(promoting, area, ctx, rng)});
  }

  p.load_capacity = load_capacity_text(ctx, rng);
  p.care_history = care_history_text(ctx, rng);

  // Timeline: 2-8 entries over the last 300 days, oldest first.
  const int note_count = rng.between(2, 8);
  std::vector<int> days;
  const int oldest = p.status == "not_enrolled" ? ctx.home_since_days : 300;
  for (int n = 0; n < note_count; ++n)
    days.push_back(rng.between(0, oldest));
  std::sort(days.begin(), days.end(), std::greater<>());
  std::vector<std::string_view> kinds;
  static constexpr std::string_view kKinds[] = {"note", "conversation", "meeting", "decision"};
  static constexpr int kKindWeights[] = {25, 35, 25, 15};
  kinds.push_back(rng.percent(80) ? "note" : "conversation");
  for (int n = 1; n < note_count; ++n)
    kinds.push_back(kKinds[rng.weighted(kKindWeights)]);
  if (note_count >= 3 && std::find(kinds.begin(), kinds.end(), "meeting") == kinds.end()) {
    kinds[1 + rng.index(static_cast<std::size_t>(note_count - 2))] = "meeting";
  }
  bool met = false;
  for (auto& k : kinds) {
    if (k == "decision" && !met) k = "meeting";
    if (k == "meeting") met = true;
  }
  if (p.status == "left") kinds.back() = "decision"; // closing the dossier after the hand-over

  const Member* lead = &team[0];
  for (const auto& m : team) {
    if (m.lead) lead = &m;
  }
  auto role_of = [&](const Member& m) { return b.region.accounts[static_cast<std::size_t>(m.account)].role; };
  for (int n = 0; n < note_count; ++n) {
    std::string_view kind = kinds[static_cast<std::size_t>(n)];
    const Member* author = &team[rng.index(team.size())];
    if ((kind == "meeting" || kind == "decision") && rng.percent(65)) author = lead;
    if (n == 0 && rng.percent(60)) {
      // the first entry usually comes from school, or from leerplicht for a thuiszitter
      const Role wanted = p.status == "not_enrolled" ? Role::AttendanceOfficer
                          : rng.percent(60)          ? Role::SchoolCoordinator
                                                     : Role::Teacher;
      for (const auto& m : team) {
        if (role_of(m) == wanted) author = &m;
      }
    }
    // A pupil who left was enrolled for most of the timeline; only the last entry closes it.
    const bool closing = p.status == "left" && n + 1 == note_count;
    if (p.status == "left") ctx.status = closing ? "left" : "enrolled";
    if (closing) author = &team[0];
    ctx.days_ago = days[static_cast<std::size_t>(n)];
    const NoteStage stage = n == 0 ? NoteStage::First : NoteStage::Later;
    std::string body;
    // Prefer an entry this dossier does not have yet: try other authors, then a lighter kind.
    for (int attempt = 0; attempt < 10 && body.empty(); ++attempt) {
      if (attempt > 0 && !closing) author = &team[rng.index(team.size())];
      if (attempt >= 6 && (kind == "note" || kind == "conversation")) {
        kind = rng.percent(50) ? "note" : "conversation";
      }
      if (kind == "meeting") {
        std::vector<std::string> present{info.parents};
        if (info.age >= 12 && rng.percent(50)) present.push_back(p.given_name);
        for (const auto& m : team) {
          if (&m != author) present.push_back(attendee_label(b, m.account, school.type));
        }
        ctx.attendees = join_dutch(present);
      }
      body = note_text(kind, author_of(role_of(*author)), stage, ctx, rng, attempt == 9);
    }
    Note note;
    note.author_username = b.region.accounts[static_cast<std::size_t>(author->account)].username;
    note.kind = std::string(kind);
    note.days_ago = days[static_cast<std::size_t>(n)];
    note.body = std::move(body);
    p.notes.push_back(std::move(note));
  }
}

} // namespace

void add_case_teams(Builder& b, Rng& rng) {
  auto& pupils = b.region.pupils;
  const std::size_t n = pupils.size();
  if (n == 0) return;

  // Roughly 10% of pupils, but at least 40 case teams so that every mentor, orthopedagogue,
  // care provider and municipality consultant can be on three of them.
  const std::size_t target = std::min(n, std::max<std::size_t>((n + 9) / 10, 40));
  std::vector<char> selected(n, 0);
  std::size_t selected_count = 0;
  auto select = [&](std::size_t i) {
    if (!selected[i]) {
      selected[i] = 1;
      ++selected_count;
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (pupils[i].status == "not_enrolled") select(i); // every thuiszitter is in view
  }

  // Accounts that may only join teams of some pupils get three such pupils reserved first.
  std::vector<std::vector<int>> forced(n);
  std::vector<unsigned> forced_kinds(n, 0);
  auto reserve = [&](int account, unsigned kind, auto strict, auto loose) {
    std::vector<std::size_t> strict_pool, loose_pool;
    for (std::size_t i = 0; i < n; ++i) {
      if (strict(i))
        strict_pool.push_back(i);
      else if (loose(i))
        loose_pool.push_back(i);
    }
    rng.shuffle(strict_pool);
    rng.shuffle(loose_pool);
    int placed = 0;
    for (const auto* pool : {&strict_pool, &loose_pool}) {
      for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i : *pool) {
          if (placed == 3) return;
          if ((pass == 0) != static_cast<bool>(selected[i])) continue; // prefer existing teams
          if ((forced_kinds[i] & kind) != 0 || forced[i].size() >= 3) continue;
          forced[i].push_back(account);
          forced_kinds[i] |= kind;
          select(i);
          ++placed;
        }
      }
    }
  };
  const auto& info = b.pupil_info;
  for (std::size_t t = 0; t < b.teachers.size(); ++t) {
    const int school = b.teacher_school[t];
    reserve(
        b.teachers[t], 1u,
        [&](std::size_t i) { return info[i].school == school && pupils[i].status == "enrolled"; },
        [&](std::size_t i) { return info[i].school == school && pupils[i].status == "not_enrolled"; });
  }
  for (std::size_t o = 0; o < b.orthopedagogues.size(); ++o) {
    const auto& schools = b.orthopedagogue_schools[o];
    if (schools.empty()) continue;
    auto at = [&](std::size_t i) {
      return std::find(schools.begin(), schools.end(), info[i].school) != schools.end();
    };
    reserve(
        b.orthopedagogues[o], 2u, [&](std::size_t i) { return at(i) && pupils[i].status == "enrolled"; },
        [&](std::size_t i) { return at(i) && pupils[i].status != "left"; });
  }
  for (std::size_t m = 0; m < b.municipalities.size(); ++m) {
    const int account = b.municipalities[m].municipality_consultant;
    if (account < 0) continue;
    const int mi = static_cast<int>(m);
    reserve(
        account, 4u, [&](std::size_t i) { return info[i].municipality == mi && pupils[i].status != "left"; },
        [&](std::size_t i) { return info[i].municipality == mi; });
  }

  // Fill up to the target, favouring pupils for whom a case team is most likely.
  while (selected_count < target) {
    const std::size_t i = rng.index(n);
    if (selected[i]) continue;
    const Pupil& p = pupils[i];
    const SchoolType type = b.schools[static_cast<std::size_t>(info[i].school)].type;
    const int weight = p.status == "exempted" ? 6 : p.status == "left" ? 1 : special_type(type) ? 4 : 2;
    if (static_cast<int>(rng.below(6)) < weight) select(i);
  }

  Teams teams;
  teams.members.resize(n);
  teams.multi.assign(n, 0);
  teams.memberships.assign(b.region.accounts.size(), 0);
  std::vector<std::size_t> team_pupils;
  for (std::size_t i = 0; i < n; ++i) {
    if (!selected[i]) continue;
    team_pupils.push_back(i);
    const Pupil& p = pupils[i];
    const SchoolInfo& s = b.schools[static_cast<std::size_t>(info[i].school)];
    const MunicipalityInfo& muni = b.municipalities[static_cast<std::size_t>(info[i].municipality)];
    const bool home = p.status == "not_enrolled" || p.status == "exempted";
    add_member(teams, i, s.coordinator);
    for (int a : forced[i])
      add_member(teams, i, a);
    if (home) add_member(teams, i, muni.attendance_officer);

    bool multi = rng.percent(p.status == "not_enrolled" ? 45 : 20);
    if (multi && care_account_that_may_lead(b, teams.members[i]) < 0 &&
        !has(teams.members[i], muni.municipality_consultant)) {
      std::vector<int> leaders;
      for (const auto& c : b.care) {
        if (c.may_lead) leaders.push_back(c.account);
      }
      const int pick = muni.municipality_consultant >= 0 && rng.percent(40) ? muni.municipality_consultant
                                                                            : rng.pick(leaders);
      if (!add_member(teams, i, pick)) multi = false;
    }
    teams.multi[i] = multi ? 1 : 0;

    std::vector<std::pair<int, int>> options; // account, percent
    if (!s.teachers.empty() && (p.status == "enrolled" || p.status == "not_enrolled")) {
      options.emplace_back(rng.pick(s.teachers), 75);
    }
    options.emplace_back(s.consultant, 55);
    std::vector<int> orthos;
    for (std::size_t o = 0; o < b.orthopedagogues.size(); ++o) {
      const auto& at = b.orthopedagogue_schools[o];
      if (at.empty() || std::find(at.begin(), at.end(), info[i].school) != at.end()) {
        orthos.push_back(b.orthopedagogues[o]);
      }
    }
    if (!orthos.empty()) options.emplace_back(rng.pick(orthos), 45);
    options.emplace_back(rng.pick(b.care).account, multi ? 60 : 40);
    if (p.status != "left") options.emplace_back(muni.attendance_officer, 12);
    if (muni.municipality_consultant >= 0) options.emplace_back(muni.municipality_consultant, multi ? 60 : 8);
    rng.shuffle(options);

    const std::size_t desired = static_cast<std::size_t>(std::max(rng.between(2, 5), home ? 3 : 2));
    for (const auto& [account, percent] : options) {
      if (teams.members[i].size() >= desired) break;
      if (is_care(b, account) && std::any_of(teams.members[i].begin(), teams.members[i].end(),
                                             [&](const Member& m) { return is_care(b, m.account); })) {
        continue; // one care provider per team is enough
      }
      if (rng.percent(percent)) add_member(teams, i, account);
    }
    if (teams.members[i].size() < 2) add_member(teams, i, s.consultant);
  }

  // Top up: every orthopedagogue, care provider, municipality consultant and mentor on >= 3 teams.
  std::vector<std::size_t> order = team_pupils;
  rng.shuffle(order);
  auto top_up = [&](int account, auto eligible) {
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t i : order) {
        if (teams.memberships[static_cast<std::size_t>(account)] >= 3) return;
        if (!eligible(i)) continue;
        if (pass == 0 && is_care(b, account) &&
            std::any_of(teams.members[i].begin(), teams.members[i].end(),
                        [&](const Member& m) { return is_care(b, m.account); })) {
          continue;
        }
        add_member(teams, i, account);
      }
    }
  };
  for (std::size_t o = 0; o < b.orthopedagogues.size(); ++o) {
    const auto& at = b.orthopedagogue_schools[o];
    top_up(b.orthopedagogues[o], [&](std::size_t i) {
      return at.empty() || std::find(at.begin(), at.end(), info[i].school) != at.end();
    });
  }
  for (const auto& c : b.care)
    top_up(c.account, [](std::size_t) { return true; });
  for (std::size_t m = 0; m < b.municipalities.size(); ++m) {
    const int account = b.municipalities[m].municipality_consultant;
    if (account >= 0) {
      top_up(account, [&](std::size_t i) { return info[i].municipality == static_cast<int>(m); });
    }
  }
  for (std::size_t t = 0; t < b.teachers.size(); ++t) {
    top_up(b.teachers[t], [&](std::size_t i) {
      return info[i].school == b.teacher_school[t] && pupils[i].status != "left" &&
             pupils[i].status != "exempted";
    });
  }

  // Regie: school-led by the coordinator; multi-problem cases led by youth care or the municipality.
  bool care_leads = false;
  for (std::size_t i : team_pupils) {
    auto& team = teams.members[i];
    std::size_t lead = 0; // the coordinator
    if (teams.multi[i]) {
      std::vector<std::size_t> candidates;
      for (std::size_t k = 0; k < team.size(); ++k) {
        const Role r = b.region.accounts[static_cast<std::size_t>(team[k].account)].role;
        if (r == Role::MunicipalityConsultant || team[k].account == care_account_that_may_lead(b, team)) {
          candidates.push_back(k);
        }
      }
      if (!candidates.empty()) lead = rng.pick(candidates);
    }
    team[lead].lead = true;
    if (is_care(b, team[lead].account)) care_leads = true;
  }
  if (!care_leads) {
    // make sure some jeugdhulp-led case exists
    for (std::size_t i : order) {
      auto& team = teams.members[i];
      int leader = care_account_that_may_lead(b, team);
      if (leader < 0 && team.size() < 5) {
        for (const auto& c : b.care) {
          if (c.may_lead && add_member(teams, i, c.account)) {
            leader = c.account;
            break;
          }
        }
      }
      if (leader < 0) continue;
      for (auto& m : team)
        m.lead = m.account == leader;
      teams.multi[i] = 1;
      break;
    }
  }

  for (std::size_t i : team_pupils) {
    const auto& team = teams.members[i];
    const SchoolType type = b.schools[static_cast<std::size_t>(info[i].school)].type;
    for (const auto& m : team) {
      pupils[i].case_team.push_back(
          {b.region.accounts[static_cast<std::size_t>(m.account)].username, case_role(b, m, type), m.lead});
    }
    write_dossier(b, rng, i, team, teams.multi[i] != 0);
  }
}

} // namespace eenplan::demo::detail
