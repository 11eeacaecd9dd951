// Use cases of the school support route (ondersteuningsroute) and the school's JES meetings. Every
// one checks the access policy; every read and write of pupil data leaves an audit event; every step
// is also a timeline entry (note) of the dossier, written in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/support_route.hpp"
#include "service/audit_log.hpp"
#include "service/context.hpp"
#include "store/database.hpp"
#include "store/records.hpp"
#include "store/support_route_store.hpp"

namespace eenplan::service {

struct SupportRouteView {
  std::string pupil_id;
  store::SupportRouteRecord route;
  domain::RouteStage stage = domain::RouteStage::Mentor;
  int preventive_conversations = 0;
  bool can_record = false; // RecordSupportStep
  bool can_decide = false; // DecideSupportRoute
};

struct NewRouteStep {
  std::string kind, date, description, performed_by;
};
struct NewConcern {
  std::string date, question, tried, skip_reason;
};
struct NewDiscussion {
  std::string concern_id, date;
  std::vector<std::string> participants;
  std::string outcome, decision;
  std::vector<store::ActionItemRecord> action_items;
};
struct NewParentContact {
  std::string date, topic, method, informed_by, summary;
};
struct NewReferral {
  std::string meeting_id, reason, question;
};
struct NewMeeting {
  std::string date, location;
  std::vector<std::string> members;
};

struct AgendaMeeting {
  store::MeetingRecord meeting;
  std::vector<store::ReferralRecord> agenda; // only the cases the user may see
  int hidden_cases = 0;                      // cases of pupils the user may not see
};
struct MeetingsView {
  std::vector<AgendaMeeting> meetings;
  int planned_this_school_year = 0;
  int short_of_minimum = 0;
};

struct SchoolRouteEntry {
  store::PupilRecord pupil;
  domain::RouteStage stage = domain::RouteStage::Mentor;
  std::string open_concern_date; // '' when none
  std::string next_meeting_date; // '' when none
  std::string next_meeting_id;   // '' when none
};

class SupportRouteService {
public:
  SupportRouteService(store::Database& db, AuditLog& audit) : db_(db), audit_(audit) {}

  core::Result<SupportRouteView> get(const Principal& who, const std::string& pupil_id,
                                     const RequestContext& ctx);
  core::Result<store::RouteStepRecord> add_step(const Principal& who, const std::string& pupil_id,
                                                const NewRouteStep& in, const RequestContext& ctx);
  core::Result<store::ConcernRecord> add_concern(const Principal& who, const std::string& pupil_id,
                                                 const NewConcern& in, const RequestContext& ctx);
  core::Result<store::DiscussionRecord> add_discussion(const Principal& who, const std::string& pupil_id,
                                                       const NewDiscussion& in, const RequestContext& ctx);
  core::Result<store::ParentContactRecord> add_parent_contact(const Principal& who,
                                                              const std::string& pupil_id,
                                                              const NewParentContact& in,
                                                              const RequestContext& ctx);
  core::Result<store::ReferralRecord> add_referral(const Principal& who, const std::string& pupil_id,
                                                   const NewReferral& in, const RequestContext& ctx);
  /// VersionConflict carries the current store::ReferralRecord in Error::current.
  core::Result<store::ReferralRecord> set_referral_outcome(const Principal& who, const std::string& pupil_id,
                                                           const std::string& referral_id,
                                                           int expected_version, const std::string& outcome,
                                                           const RequestContext& ctx);

  core::Result<MeetingsView> meetings(const Principal& who, const std::string& school_id, bool include_past,
                                      const RequestContext& ctx);
  core::Result<store::MeetingRecord> add_meeting(const Principal& who, const std::string& school_id,
                                                 const NewMeeting& in, const RequestContext& ctx);
  core::Result<std::vector<SchoolRouteEntry>>
  school_pupils(const Principal& who, const std::string& school_id, const RequestContext& ctx);

private:
  store::Database& db_;
  AuditLog& audit_;
};

/// The route as the domain rules see it.
domain::RouteFacts facts_of(const store::SupportRouteRecord& route);

} // namespace eenplan::service
