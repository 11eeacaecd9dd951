// JSON shapes of pupils, notes and audit events (contract: docs/api/openapi.yaml),
// and the parsing of pupil changes and new notes into validated commands.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/dates.hpp"
#include "service/pupil_service.hpp"
#include "store/records.hpp"

namespace eenplan::api {

boost::json::value organisation_ref(const store::OrganisationRef& ref); // null when id is empty
boost::json::object pupil_summary_json(const store::PupilRecord& p);
boost::json::object pupil_json(const service::PupilView& view);
/// The same dossier as JSON text, written directly: the answer of every dossier read.
std::string pupil_json_text(const service::PupilView& view);
/// One member of a case team, in the dossier and in the case-team resource alike.
boost::json::object case_team_member_json(const store::CaseTeamRecord& m);
boost::json::object note_json(const store::NoteRecord& n);
boost::json::object audit_event_json(const store::AuditEventRecord& e);

/// PATCH body → validated change. `today` bounds the date of birth.
core::Result<service::PupilPatch> parse_pupil_patch(std::string_view body, domain::Date today);

struct NewNote {
  std::string kind;
  std::string body;
};
core::Result<NewNote> parse_new_note(std::string_view body);

} // namespace eenplan::api
