// Hand-written types for the Eenplan API v1 contract. Keep in step with docs/api/openapi.yaml;
// once that exists these can be generated with openapi-typescript.

export type Role =
  | 'swv_admin'
  | 'swv_consultant'
  | 'school_coordinator'
  | 'teacher'
  | 'orthopedagogue'
  | 'attendance_officer'
  | 'municipality_consultant'
  | 'care_provider';

export type OrganisationKind =
  | 'swv'
  | 'school'
  | 'board'
  | 'municipality'
  | 'care_provider'
  | 'attendance_office'
  | 'youth_team';

export type SchoolType = 'bao' | 'sbo' | 'so' | 'vso' | 'vo' | 'pro' | 'mbo';

export interface OrganisationRef {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface Organisation extends OrganisationRef {
  brin?: string;
  schoolType?: SchoolType;
  municipality?: OrganisationRef;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisations: OrganisationRef[];
}

export interface Session {
  user: User;
  csrfToken: string;
  idleTimeoutSeconds: number;
}

export interface ItemList<T> {
  items: T[];
}

export interface Page<T> extends ItemList<T> {
  page: number;
  pageSize: number;
  total: number;
}

export type SupportNeedCategoryCode =
  | 'structure_predictability'
  | 'small_group'
  | 'individual_instruction'
  | 'emotion_regulation'
  | 'social_skills'
  | 'gradual_build_up'
  | 'low_stimulus_environment'
  | 'care_in_school'
  | 'executive_functions'
  | 'language_support'
  | 'physical_care'
  | 'relation_first'
  | 'other';

export interface SupportNeedCategory {
  code: SupportNeedCategoryCode;
  label: string;
}

export type PupilStatus = 'enrolled' | 'not_enrolled' | 'exempted' | 'left';

export interface PupilSummary {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  schoolPupilNumber: string;
  status: PupilStatus;
  enrolmentSchool: OrganisationRef;
  homeSchool: OrganisationRef | null;
}

export interface Guardian {
  id: string;
  name: string;
  relationship: string;
  phone: string;
  email: string;
}

export interface CaseTeamMember {
  userId: string;
  displayName: string;
  role: Role;
  organisation: OrganisationRef | null;
  caseRole: string;
  isCaseLead: boolean;
}

export interface SupportNeed {
  id: string;
  category: SupportNeedCategoryCode;
  description: string;
}

export type FactorKind = 'promoting' | 'hindering';
export type FactorArea = 'pupil' | 'family' | 'school' | 'environment';

export interface Factor {
  id: string;
  kind: FactorKind;
  area: FactorArea;
  description: string;
}

export interface PupilAccess {
  scope: 'full' | 'attendance';
  canEdit: boolean;
  canAddNotes: boolean;
  /** May change the case team (PUT /pupils/{id}/case-team). */
  canEditCaseTeam: boolean;
}

/** With scope "attendance" the server leaves out the care members, so they are optional. */
export interface Pupil extends PupilSummary {
  version: number;
  postcode: string;
  municipality: OrganisationRef | null;
  /** Groep (primary) or leerjaar (secondary); null when unknown. */
  yearGroup: number | null;
  /** e.g. "havo", "vmbo-k", or the school type in primary ("bao"); '' when unknown. */
  level: string;
  loadCapacity?: string;
  careHistory?: string;
  guardians: Guardian[];
  caseTeam?: CaseTeamMember[];
  supportNeeds?: SupportNeed[];
  factors?: Factor[];
  access: PupilAccess;
}

/** Body of PATCH /pupils/{id}: any subset. */
export interface PupilPatch {
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
  postcode?: string;
  schoolPupilNumber?: string;
  status?: PupilStatus;
  loadCapacity?: string;
  careHistory?: string;
  supportNeeds?: { category: SupportNeedCategoryCode; description: string }[];
  factors?: { kind: FactorKind; area: FactorArea; description: string }[];
}

/** The kinds a person gives their own note (PersonalNoteKind in the contract). */
export type NoteKind = 'note' | 'conversation' | 'meeting' | 'decision';
/** Every kind in the timeline: also the system entry a case-team change writes. */
export type TimelineEntryKind = NoteKind | 'case_team_change';

export interface Note {
  id: string;
  kind: TimelineEntryKind;
  body: string;
  author: { id: string; displayName: string };
  createdAt: string;
}

export type AuditAction = 'read' | 'create' | 'update';

export interface AuditEvent {
  id: string;
  at: string;
  actor: {
    id: string;
    displayName: string;
    role: Role;
    organisation: OrganisationRef | null;
  };
  action: AuditAction;
  resource: string;
  purpose: string;
  /** What a change did, with user ids only (changes of the case team). */
  detail?: AuditDetail;
}

export interface AuditDetail {
  added?: string[];
  removed?: string[];
  changed?: string[];
  caseLeadBefore?: string | null;
  caseLeadAfter?: string;
}

export type ProblemCode =
  | 'invalid-json'
  | 'bad-request'
  | 'validation-failed'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'too-many-attempts'
  | 'csrf-token-invalid'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'precondition-required'
  | 'version-conflict'
  | 'internal';

export type FieldErrorCode =
  | 'required'
  | 'invalid-type'
  | 'invalid-date'
  | 'too-long'
  | 'too-short'
  | 'invalid-value'
  | 'out-of-range'
  | 'unknown-field';

export interface FieldError {
  name: string;
  /** One of FieldErrorCode. */
  code: string;
  reason: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  /** One of ProblemCode; kept open so a newer server's codes still parse. */
  code?: string;
  instance?: string;
  errors?: FieldError[];
  /** Only on 412 version-conflict: the resource as it is now. */
  current?: unknown;
}

/** An account as the SWV-beheerder manages it (GET/POST/PATCH /users). */
export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  version: number;
  organisations: OrganisationRef[];
  /** Only meaningful for swv_consultant. */
  linkedSchools: OrganisationRef[];
}

export interface NewUserAccount {
  username: string;
  displayName: string;
  role: Role | '';
  password: string;
  organisationIds: string[];
  linkedSchoolIds?: string[];
}
