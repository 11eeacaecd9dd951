// Rows as the store reads and writes them. Services turn them into views.
#pragma once

#include <string>
#include <vector>

namespace eenplan::store {

struct OrganisationRef {
  std::string id;
  std::string name;
  std::string kind;
};

struct OrganisationRecord {
  std::string id;
  std::string region_id;
  std::string kind;
  std::string name;
  std::string brin;        // '' when none
  std::string school_type; // '' when none
  std::string levels;      // comma separated
  std::string board_id;
  std::string municipality_id;
  std::string municipality_name;
};

struct LocationRecord {
  std::string id, organisation_id, name, street, house_number, postcode, city;
};

struct UserRecord {
  std::string id;
  std::string region_id;
  std::string username;
  std::string display_name;
  std::string password_hash;
  std::string role;
  bool disabled = false;
  std::string created_at;
  int version = 1;
};

struct MembershipRecord {
  std::string organisation_id;
  std::string organisation_name;
  std::string organisation_kind;
  std::string relation; // member | linked
};

struct GuardianRecord {
  std::string id, name, relationship, phone, email;
};

struct CaseTeamRecord {
  std::string user_id;
  std::string display_name;
  std::string role;
  std::string organisation_id; // first membership, '' if none
  std::string organisation_name;
  std::string organisation_kind;
  std::string case_role;
  bool is_case_lead = false;
};

struct SupportNeedRecord {
  std::string id, category, description;
};

struct FactorRecord {
  std::string id, kind, area, description;
};

struct PupilRecord {
  std::string id;
  std::string region_id;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;
  std::string postcode;
  std::string school_pupil_number;
  std::string status;
  OrganisationRef enrolment_school;
  OrganisationRef home_school;  // id '' when none
  OrganisationRef municipality; // id '' when none
  std::string load_capacity;
  std::string care_history;
  int version = 1;
  std::string created_at;
  std::string updated_at;
  int year_group = 0; // groep (primary) or leerjaar (secondary); 0 = unknown
  std::string level;  // e.g. "havo", "vmbo-k", or the school type in primary; '' = unknown
  // Loaded on demand (load_pupil_details):
  std::vector<GuardianRecord> guardians;
  std::vector<CaseTeamRecord> case_team;
  std::vector<SupportNeedRecord> support_needs;
  std::vector<FactorRecord> factors;
};

struct NoteRecord {
  std::string id, pupil_id, author_id, author_name, kind, body, created_at;
};

struct AuditEventRecord {
  long long seq = 0;
  std::string id, at, actor_id, pupil_id, action, resource, purpose, request_id, prev_hash, hash;
  std::string detail; // JSON object or ''
  // joined for display:
  std::string actor_name, actor_role, actor_organisation_id, actor_organisation_name, actor_organisation_kind;
};

} // namespace eenplan::store
