// The support route of a pupil and the JES meetings of a school (migration 0007).
#pragma once

#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace eenplan::store {

struct RouteStepRecord {
  std::string id, pupil_id, kind, date, description, performed_by, recorded_by, recorded_by_name, recorded_at;
};

struct ConcernRecord {
  std::string id, pupil_id, date, question, tried, skip_reason, status, reported_by, reported_by_name,
      reported_at;
  int version = 1;
};

struct ActionItemRecord {
  std::string id, description, owner, due_on;
};

struct DiscussionRecord {
  std::string id, pupil_id, concern_id, date;
  std::vector<std::string> participants;
  std::string outcome, decision, recorded_by, recorded_by_name, recorded_at;
  std::vector<ActionItemRecord> action_items;
};

struct ParentContactRecord {
  std::string id, pupil_id, date, topic, method, informed_by, summary, recorded_by, recorded_by_name,
      recorded_at;
};

struct MeetingRecord {
  std::string id, school_id, kind, date, location;
  std::vector<std::string> members;
  std::string created_by, created_at;
  int version = 1;
};

struct ReferralRecord {
  std::string id, pupil_id, meeting_id, meeting_date, reason, question, parent_contact_id, status, outcome,
      referred_by, referred_by_name, referred_at;
  int version = 1;
  std::string updated_at;
  // joined for the agenda:
  std::string pupil_given_name, pupil_family_name, pupil_number;
};

struct SupportRouteRecord {
  std::vector<RouteStepRecord> steps;
  std::vector<ConcernRecord> concerns;
  std::vector<DiscussionRecord> discussions;
  std::vector<ParentContactRecord> parent_contacts;
  std::vector<ReferralRecord> referrals;
};

/// Everything recorded on the pupil's route, each part oldest first.
SupportRouteRecord load_support_route(soci::session& sql, const std::string& pupil_id);

void insert_route_step(soci::session& sql, const RouteStepRecord& step);
void insert_concern(soci::session& sql, const ConcernRecord& concern);
/// Inserts the discussion with its action items and marks its zorgmelding discussed.
void insert_discussion(soci::session& sql, const DiscussionRecord& discussion);
void insert_parent_contact(soci::session& sql, const ParentContactRecord& contact);
void insert_referral(soci::session& sql, const ReferralRecord& referral);
std::optional<ReferralRecord> find_referral(soci::session& sql, const std::string& id);
/// Sets the JES outcome when the version is still `expected_version`; false when it moved.
bool update_referral_outcome(soci::session& sql, const std::string& id, int expected_version,
                             const std::string& outcome, const std::string& updated_at);

void insert_meeting(soci::session& sql, const MeetingRecord& meeting);
std::optional<MeetingRecord> find_meeting(soci::session& sql, const std::string& id);
/// The school's meetings from `from_date` on (all when empty), by date.
std::vector<MeetingRecord> list_meetings(soci::session& sql, const std::string& school_id,
                                         const std::string& from_date);
/// The dates of all of the school's meetings (for the minimum per school year).
std::vector<std::string> meeting_dates(soci::session& sql, const std::string& school_id);
/// The cases on a meeting's agenda, with the pupil's name, in the order they were added.
std::vector<ReferralRecord> agenda_of(soci::session& sql, const std::string& meeting_id);

/// Pupils of a school (enrolment or home school) with anything on their route.
std::vector<std::string> pupils_in_route(soci::session& sql, const std::string& school_id);

} // namespace eenplan::store
