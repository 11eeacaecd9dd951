// The support route (ondersteuningsroute) endpoints of the Eenplan API v1 contract
// (docs/api/openapi.yaml, tag "Support route") and their types.
import { request } from './client';

export type BasicSupportKind =
  | 'collegial_consultation'
  | 'care_team_observation'
  | 'action_research'
  | 'preventive_conversation';
export type RouteStage = 'mentor' | 'basic_support' | 'concern' | 'care_team' | 'jes';
export type CareTeamDecision =
  'internal_trajectory' | 'external_care' | 'escalate_to_jes' | 'no_further_support';
export type JesReason =
  | 'homebound'
  | 'dropout_risk'
  | 'basic_support_insufficient'
  | 'multidisciplinary_expertise'
  | 'lateral_entrant'
  | 'adjusted_timetable'
  | 'school_doctor';
export type ParentTopic = 'care_team' | 'jes';
export type ContactMethod = 'in_person' | 'phone' | 'video' | 'letter' | 'digital';

export interface RecordedBy {
  id: string;
  displayName: string;
}

export interface SupportRouteStep {
  id: string;
  kind: BasicSupportKind;
  date: string;
  description: string;
  performedBy: string;
  recordedBy: RecordedBy;
  recordedAt: string;
}

export interface SupportConcern {
  id: string;
  date: string;
  question: string;
  tried: string;
  skipReason: string;
  status: 'open' | 'discussed';
  reportedBy: RecordedBy;
  reportedAt: string;
}

export interface ActionItem {
  id: string;
  description: string;
  owner: string;
  dueOn: string;
}

export interface CareTeamDiscussion {
  id: string;
  concernId: string;
  date: string;
  participants: string[];
  outcome: string;
  decision: CareTeamDecision;
  actionItems: ActionItem[];
  recordedBy: RecordedBy;
  recordedAt: string;
}

export interface ParentContact {
  id: string;
  date: string;
  topic: ParentTopic;
  method: ContactMethod;
  informedBy: string;
  summary: string;
  recordedBy: RecordedBy;
  recordedAt: string;
}

export interface JesReferral {
  id: string;
  meetingId: string;
  meetingDate: string;
  reason: JesReason;
  question: string;
  parentContactId: string;
  status: 'planned' | 'discussed';
  outcome: string;
  referredBy: RecordedBy;
  referredAt: string;
  version: number;
}

export interface SupportRoute {
  pupilId: string;
  stage: RouteStage;
  preventiveConversations: { used: number; max: number };
  access: { canRecord: boolean; canDecide: boolean };
  steps: SupportRouteStep[];
  concerns: SupportConcern[];
  careTeamDiscussions: CareTeamDiscussion[];
  parentContacts: ParentContact[];
  jesReferrals: JesReferral[];
}

export interface RoutePupil {
  id: string;
  givenName: string;
  familyName: string;
  schoolPupilNumber: string;
}

export interface AgendaCase {
  referralId: string;
  pupil: RoutePupil;
  reason: JesReason;
  question: string;
  status: 'planned' | 'discussed';
}

export interface SupportMeeting {
  id: string;
  schoolId: string;
  kind: 'jes';
  date: string;
  location: string;
  members: string[];
  version: number;
  agenda: AgendaCase[];
  hiddenCases: number;
}

export interface SupportMeetingList {
  items: SupportMeeting[];
  plannedThisSchoolYear: number;
  minimumPerSchoolYear: number;
  shortOfMinimum: number;
}

export interface SchoolRoutePupil {
  pupil: RoutePupil;
  stage: RouteStage;
  openConcernDate: string | null;
  nextJesMeeting: { id: string; date: string } | null;
}

const BASE = '/api/v1';
const routePath = (pupilId: string) =>
  `${BASE}/pupils/${encodeURIComponent(pupilId)}/support-route`;
const schoolPath = (schoolId: string) => `${BASE}/schools/${encodeURIComponent(schoolId)}`;

export async function getSupportRoute(pupilId: string): Promise<SupportRoute> {
  return (await request<SupportRoute>(routePath(pupilId))).data;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  return (await request<T>(path, { method: 'POST', body })).data;
}

export function addRouteStep(
  pupilId: string,
  body: { kind: BasicSupportKind; date: string; description: string; performedBy: string },
): Promise<SupportRouteStep> {
  return post(`${routePath(pupilId)}/steps`, body);
}

export function addConcern(
  pupilId: string,
  body: { date: string; question: string; tried: string; skipReason?: string },
): Promise<SupportConcern> {
  return post(`${routePath(pupilId)}/concerns`, body);
}

export function addCareTeamDiscussion(
  pupilId: string,
  body: {
    concernId: string;
    date: string;
    participants: string[];
    outcome: string;
    decision: CareTeamDecision;
    actionItems: { description: string; owner: string; dueOn: string }[];
  },
): Promise<CareTeamDiscussion> {
  return post(`${routePath(pupilId)}/care-team-discussions`, body);
}

export function addParentContact(
  pupilId: string,
  body: {
    date: string;
    topic: ParentTopic;
    method: ContactMethod;
    informedBy: string;
    summary?: string;
  },
): Promise<ParentContact> {
  return post(`${routePath(pupilId)}/parent-contacts`, body);
}

export function addJesReferral(
  pupilId: string,
  body: { meetingId: string; reason: JesReason; question: string },
): Promise<JesReferral> {
  return post(`${routePath(pupilId)}/jes-referrals`, body);
}

export async function setJesOutcome(
  pupilId: string,
  referral: JesReferral,
  outcome: string,
): Promise<JesReferral> {
  return (
    await request<JesReferral>(
      `${routePath(pupilId)}/jes-referrals/${encodeURIComponent(referral.id)}`,
      { method: 'PATCH', body: { outcome }, headers: { 'If-Match': `"${referral.version}"` } },
    )
  ).data;
}

export async function listSupportMeetings(schoolId: string): Promise<SupportMeetingList> {
  return (await request<SupportMeetingList>(`${schoolPath(schoolId)}/support-meetings`)).data;
}

export function addSupportMeeting(
  schoolId: string,
  body: { date: string; location: string; members: string[] },
): Promise<SupportMeeting> {
  return post(`${schoolPath(schoolId)}/support-meetings`, body);
}

export async function listSchoolRoutePupils(schoolId: string): Promise<SchoolRoutePupil[]> {
  return (
    await request<{ items: SchoolRoutePupil[] }>(`${schoolPath(schoolId)}/support-route-pupils`)
  ).data.items;
}
