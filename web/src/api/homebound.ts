// Types and calls for the thuiszitter register (contract: docs/api/openapi.yaml, tag Thuiszitters).
import { request } from './client';
import type { OrganisationRef, PupilStatus } from './types';

export type HomeboundCategory = 'absolute' | 'relative_long' | 'exemption' | 'at_risk';
export type ExemptionKind = 'art5_a' | 'art5_b' | 'art5_c' | 'art5a' | 'art15' | 'art3a' | 'art3b';
export type HomeboundOffer =
  'none' | 'partial_education' | 'education_care_arrangement' | 'care_only' | 'other';
export type ClockStatus = 'on_track' | 'at_risk' | 'overdue' | 'closed' | 'not_applicable';
export type DurationBand = 'lt_4_weeks' | '4_weeks_3_months' | '3_6_months' | 'gt_6_months';
export type CaseState = 'open' | 'closed' | 'dismissed';
export type CloseReason = 'placed' | 'returned' | 'moved_away' | 'other';
export type EscalationForum = 'placement_meeting' | 'taskforce';

export interface HomeboundClock {
  firstDay: string;
  target: string;
  legalDeadline: string;
  daysElapsed: number;
  daysToTarget: number;
  daysToDeadline: number;
  legalDeadlinePassed: boolean;
  status: ClockStatus;
  resolvedWithinDeadline: boolean;
}

export interface HomeboundEscalation {
  id: string;
  forum: EscalationForum;
  escalatedOn: string;
  escalatedBy: { id: string; displayName: string };
  outcome: string;
  bindingDecision: string | null;
  recordedAt: string;
}

export interface HomeboundCase {
  id: string;
  version: number;
  pupil: {
    id: string;
    givenName: string;
    familyName: string;
    status: PupilStatus;
    enrolmentSchool: OrganisationRef;
    homeSchool: OrganisationRef | null;
    municipality: OrganisationRef | null;
  };
  category: HomeboundCategory;
  subcategory: '2a' | '2b' | null;
  exemptionKind: ExemptionKind | null;
  source: 'manual' | 'detected';
  offer: HomeboundOffer;
  offerNote: string;
  contactName: string;
  reviewOn: string | null;
  reviewOverdue: boolean;
  state: CaseState | 'dismissed';
  closedOn: string | null;
  closeReason: CloseReason | 'dismissed' | null;
  closeNote: string;
  durationBand: DurationBand;
  clock: HomeboundClock;
  registeredBy: { id: string; displayName: string };
  registeredAt: string;
  updatedAt: string;
  escalations?: HomeboundEscalation[];
}

export interface HomeboundSettings {
  targetWeeks: number;
  atRiskWeeks: number;
  legalDeadlineWeeks: number;
  relativeThresholdWeeks: number;
}

export interface HomeboundCaseList {
  items: HomeboundCase[];
  total: number;
  settings: HomeboundSettings;
}

export interface HomeboundCandidate {
  pupil: { id: string; givenName: string; familyName: string; enrolmentSchool: OrganisationRef };
  suggestedCategory: 'relative_long' | 'at_risk';
  firstDay: string;
  lastDay: string;
  schoolDays: number;
  weeksAbsent: number;
}

export interface HomeboundOverview {
  today: string;
  openByCategory: { key: HomeboundCategory; count: number }[];
  openByDurationBand: { key: DurationBand; count: number }[];
  months: { month: string; started: number; resolved: number }[];
  resolvedTotal: number;
  resolvedWithinDeadline: number;
}

export interface NewHomeboundCase {
  pupilId: string;
  category: HomeboundCategory;
  firstDay: string;
  exemptionKind?: ExemptionKind | null;
  contactName?: string;
  reviewOn?: string | null;
  offer?: HomeboundOffer;
  offerNote?: string;
  source?: 'manual' | 'detected';
}

export interface HomeboundCasePatch {
  category?: HomeboundCategory;
  exemptionKind?: ExemptionKind | null;
  contactName?: string;
  reviewOn?: string | null;
  offer?: HomeboundOffer;
  offerNote?: string;
}

const BASE = '/api/v1';
const casePath = (id: string) => `${BASE}/homebound-cases/${encodeURIComponent(id)}`;

export interface HomeboundQuery {
  category?: HomeboundCategory | '';
  clockStatus?: ClockStatus | '';
  state?: CaseState | 'all' | '';
  schoolId?: string;
}

export async function listHomeboundCases(params: HomeboundQuery): Promise<HomeboundCaseList> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' && value !== '') search.set(key, value);
  }
  const qs = search.toString();
  return (await request<HomeboundCaseList>(`${BASE}/homebound-cases${qs ? `?${qs}` : ''}`)).data;
}

export async function getHomeboundCase(id: string): Promise<HomeboundCase> {
  return (await request<HomeboundCase>(casePath(id))).data;
}

export async function createHomeboundCase(input: NewHomeboundCase): Promise<HomeboundCase> {
  return (await request<HomeboundCase>(`${BASE}/homebound-cases`, { method: 'POST', body: input }))
    .data;
}

export async function patchHomeboundCase(
  id: string,
  version: number,
  patch: HomeboundCasePatch,
): Promise<HomeboundCase> {
  return (
    await request<HomeboundCase>(casePath(id), {
      method: 'PATCH',
      body: patch,
      headers: { 'If-Match': `"${version}"` },
    })
  ).data;
}

export async function closeHomeboundCase(
  id: string,
  version: number,
  closure: { closedOn: string; reason: CloseReason; placement?: string },
): Promise<HomeboundCase> {
  return (
    await request<HomeboundCase>(`${casePath(id)}/closure`, {
      method: 'POST',
      body: closure,
      headers: { 'If-Match': `"${version}"` },
    })
  ).data;
}

export async function addHomeboundEscalation(
  id: string,
  input: {
    forum: EscalationForum;
    escalatedOn: string;
    outcome?: string;
    bindingDecision?: string;
  },
): Promise<HomeboundCase> {
  return (
    await request<HomeboundCase>(`${casePath(id)}/escalations`, { method: 'POST', body: input })
  ).data;
}

export async function listHomeboundCandidates(): Promise<HomeboundCandidate[]> {
  return (await request<{ items: HomeboundCandidate[] }>(`${BASE}/homebound-candidates`)).data
    .items;
}

export async function dismissHomeboundCandidate(input: {
  pupilId: string;
  firstDay: string;
  reason: string;
}): Promise<HomeboundCase> {
  return (
    await request<HomeboundCase>(`${BASE}/homebound-candidates/dismissals`, {
      method: 'POST',
      body: input,
    })
  ).data;
}

export async function getHomeboundOverview(): Promise<HomeboundOverview> {
  return (await request<HomeboundOverview>(`${BASE}/homebound-overview`)).data;
}

/** The inspectie CSV is downloaded by the browser itself (same-origin cookie). */
export function homeboundRegistrationUrl(quarter: string): string {
  return `${BASE}/homebound-registration?quarter=${encodeURIComponent(quarter)}`;
}

export interface AbsenceTrendRow {
  quarter: string;
  level: string;
  yearGroup: number | null;
  enrolledPupils: number;
  unauthorisedHours: number;
  sickHours: number;
  late: number;
  otherHours: number;
}

export interface AbsenceTrends {
  school: OrganisationRef;
  schools: OrganisationRef[];
  rows: AbsenceTrendRow[];
}

export async function getAbsenceTrends(schoolId: string): Promise<AbsenceTrends> {
  const qs = schoolId === '' ? '' : `?schoolId=${encodeURIComponent(schoolId)}`;
  return (await request<AbsenceTrends>(`${BASE}/absence-trends${qs}`)).data;
}

/** The numbers the register's clock and the candidate detection use (one set per region). */
export interface HomeboundSettingsValues {
  targetWeeks: number;
  atRiskWeeks: number;
  relativeThresholdWeeks: number;
  threateningWeeks: number;
  minUnauthorisedHours: number;
  dataLagSchoolDays: number;
}

export interface HomeboundSettingsVersion extends HomeboundSettingsValues {
  version: number;
  reason: string | null;
  changedBy: { id: string; displayName: string } | null;
  changedAt: string | null;
}

export interface RegionHomeboundSettings extends HomeboundSettingsVersion {
  legalDeadlineWeeks: number;
  mayEdit: boolean;
  history: HomeboundSettingsVersion[];
}

export async function getHomeboundSettings(): Promise<RegionHomeboundSettings> {
  return (await request<RegionHomeboundSettings>(`${BASE}/homebound-settings`)).data;
}

export async function updateHomeboundSettings(
  version: number,
  values: HomeboundSettingsValues & { reason: string },
): Promise<RegionHomeboundSettings> {
  return (
    await request<RegionHomeboundSettings>(`${BASE}/homebound-settings`, {
      method: 'PUT',
      body: values,
      headers: { 'If-Match': `"${version}"` },
    })
  ).data;
}
