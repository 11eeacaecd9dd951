// The trajectory endpoints of the Eenplan API v1 contract (docs/api/openapi.yaml, tag "Trajectory"):
// provisions and registrations, arrangements with route 1, phase models.
import { request } from './client';
import type { CaseTeamCandidateList } from './caseTeam';

export type PlaceKind =
  'home' | 'day_care' | 'care_farm' | 'care_institution' | 'school' | 'swv_office';

export interface PupilRef {
  id: string;
  givenName: string;
  familyName: string;
  schoolPupilNumber: string;
}

export interface ArrangementTemplate {
  code: string;
  name: string;
  route: 'tailored' | 'provision';
  source: string;
  phaseModelId: string | null;
  startPhase: string | null;
  durationMonths: number;
}

export interface Phase {
  code: string;
  name: string;
  description?: string;
  typicalHoursMin?: number;
  typicalHoursMax?: number;
  /** Share of care in the support, in percent, when the model names it. */
  careSharePercent?: number | null;
  typicalDurationMonths?: number | null;
  allowedPlaces: PlaceKind[];
}

export interface PhaseModel {
  id: string;
  version: number;
  name: string;
  source: string;
  phases: Phase[];
}

export interface IntakeTask {
  kind: 'intake' | 'home_visit';
  ownerIds: string[];
  due: string;
  doneOn: string | null;
}

export type RegistrationStatus =
  | 'registered'
  | 'in_observation'
  | 'decided'
  | 'on_waiting_list'
  | 'placed'
  | 'refused'
  | 'withdrawn';
export type RegistrationNextStep = 'decision' | 'intake_tasks' | 'admission' | 'placement';

export interface Registration {
  id: string;
  version: number;
  provisionId: string;
  pupil: PupilRef;
  channel: 'internal' | 'external';
  registeredBy: string;
  registeredOn: string;
  observation: { start: string; end: string; setting?: string } | null;
  decision: {
    admit: boolean;
    decidedOn: string;
    deciders: { role: string; personId?: string; name?: string }[];
    reasoning?: string;
  } | null;
  tasks: IntakeTask[];
  status: RegistrationStatus;
  placedOn: string | null;
  nextStep: RegistrationNextStep | null;
  waitingPosition: number | null;
  withdrawal: { withdrawnOn: string; reason: string } | null;
}

export interface ProvisionSummary {
  id: string;
  version: number;
  name: string;
  templateCode: string;
  enrollingSchool: { id: string; name: string };
  capacity: number;
  occupied: number;
  freePlaces: number;
  waiting: number;
  phaseModelId: string | null;
  start: string;
  end: string | null;
  canManage: boolean;
}

export interface Provision extends ProvisionSummary {
  decisionRoles: string[];
  placed: {
    pupil: PupilRef;
    arrangementId: string | null;
    arrangementStatus: string | null;
    currentPhase: string | null;
  }[];
  waitingList: {
    position: number;
    pupil: PupilRef;
    since: string;
    registrationId: string | null;
  }[];
  registrations: Registration[];
}

export type ContributionArea = 'education' | 'support' | 'parents';
export interface A4Plan {
  contributions: { area: ContributionArea; who: string; what: string }[];
  agreedOn: string | null;
}

export interface RouteOneWorkflow {
  analysis?: string;
  parentsInvolvedOn?: string | null;
  parentsInvolvement?: string;
  participants?: {
    personId?: string;
    organisationId?: string;
    role: 'executor' | 'decision_maker';
  }[];
  design?: string;
  a4Plan?: A4Plan | null;
  careMoneyUsed?: boolean;
  carePlanId?: string;
  exemptionNeeded?: boolean | null;
  compulsoryEducationMet?: boolean | null;
  specialEducationEnrolmentNeeded?: boolean | null;
  financeAgreements?: string;
  extraFundsNeeded?: boolean | null;
}

export type RouteOneStepCode =
  | 'analysis'
  | 'parents_involved'
  | 'participants'
  | 'design'
  | 'a4_plan'
  | 'opp'
  | 'exemption_considered'
  | 'special_education_tlv'
  | 'finance_agreements'
  | 'extra_funds_considered';

export const ROUTE_ONE_STEPS: RouteOneStepCode[] = [
  'analysis',
  'parents_involved',
  'participants',
  'design',
  'a4_plan',
  'opp',
  'exemption_considered',
  'special_education_tlv',
  'finance_agreements',
  'extra_funds_considered',
];

export type DestinationKind =
  | 'return_to_home_school'
  | 'regular_so_class'
  | 'regular_vso_class'
  | 'other_phase_or_setting'
  | 'special_primary'
  | 'regular_primary'
  | 'regular_secondary'
  | 'mbo'
  | 'work'
  | 'sheltered_work'
  | 'day_activities'
  | 'other';

export interface Arrangement {
  id: string;
  version: number;
  route: 'tailored' | 'provision';
  templateCode: string;
  pupilId: string;
  provisionId: string | null;
  enrollingSchoolId: string;
  homeSchoolId: string;
  coordinatorId: string | null;
  phaseModelId: string | null;
  start: string;
  end: string;
  extensions: {
    previousEnd: string;
    newEnd: string;
    reason: string;
    decidedBy: string;
    decidedOn: string;
  }[];
  returnPlan: { kind: string; receivingSchoolId?: string; steps: string } | null;
  workflow: RouteOneWorkflow;
  openRouteOneSteps: RouteOneStepCode[];
  status: 'draft' | 'active' | 'ended';
  ending: { date: string; destination: DestinationKind; reason?: string } | null;
  currentPhase: string | null;
  canManage: boolean;
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const api = '/api/v1';

export async function listTemplates(): Promise<ArrangementTemplate[]> {
  return (await request<{ items: ArrangementTemplate[] }>(`${api}/arrangement-templates`)).data
    .items;
}

export async function listPhaseModels(): Promise<PhaseModel[]> {
  return (await request<{ items: PhaseModel[] }>(`${api}/phase-models`)).data.items;
}

export async function listProvisions(): Promise<ProvisionSummary[]> {
  return (await request<{ items: ProvisionSummary[] }>(`${api}/provisions`)).data.items;
}

export async function getProvision(id: string): Promise<Provision> {
  return (await request<Provision>(`${api}/provisions/${id}`)).data;
}

export async function registerPupil(
  provisionId: string,
  body: {
    pupilId: string;
    channel: 'internal' | 'external';
    registeredBy: string;
    registeredOn: string;
  },
): Promise<Registration> {
  return (
    await request<Registration>(`${api}/provisions/${provisionId}/registrations`, {
      method: 'POST',
      body,
    })
  ).data;
}

export type RegistrationStepPath =
  'observation' | 'decision' | 'intake-tasks' | 'admission' | 'placement' | 'withdrawal';

export async function registrationStep(
  registration: Pick<Registration, 'id' | 'version'>,
  step: RegistrationStepPath,
  body: object = {},
): Promise<Registration> {
  return (
    await request<Registration>(`${api}/registrations/${registration.id}/${step}`, {
      method: 'POST',
      body,
      headers: ifMatch(registration.version),
    })
  ).data;
}

/** Accounts who may own a registration's intake or home visit (they see it in "Mijn taken"). */
export async function findTaskOwnerCandidates(
  registrationId: string,
  q: string,
  limit = 50,
): Promise<CaseTeamCandidateList> {
  const search = new URLSearchParams({ q, limit: String(limit) });
  return (
    await request<CaseTeamCandidateList>(
      `${api}/registrations/${registrationId}/task-owner-candidates?${search}`,
    )
  ).data;
}

export function isRegistration(value: unknown): value is Registration {
  const r = value as Partial<Registration> | null;
  return (
    typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.version === 'number'
  );
}

export async function listArrangements(pupilId: string): Promise<Arrangement[]> {
  return (await request<{ items: Arrangement[] }>(`${api}/pupils/${pupilId}/arrangements`)).data
    .items;
}

export async function createArrangement(
  pupilId: string,
  body: {
    templateCode: string;
    start: string;
    end?: string;
    enrollingSchoolId: string;
    providerOrganisationIds: string[];
  },
): Promise<Arrangement> {
  return (
    await request<Arrangement>(`${api}/pupils/${pupilId}/arrangements`, { method: 'POST', body })
  ).data;
}

export async function patchArrangement(a: Arrangement, body: object): Promise<Arrangement> {
  return (
    await request<Arrangement>(`${api}/arrangements/${a.id}`, {
      method: 'PATCH',
      body,
      headers: ifMatch(a.version),
    })
  ).data;
}

export async function putRouteOneStep(
  a: Arrangement,
  step: RouteOneStepCode,
  body: RouteOneWorkflow,
): Promise<Arrangement> {
  return (
    await request<Arrangement>(
      `${api}/arrangements/${a.id}/route-one/${step.replaceAll('_', '-')}`,
      {
        method: 'PUT',
        body,
        headers: ifMatch(a.version),
      },
    )
  ).data;
}

export async function arrangementAction(
  a: Arrangement,
  action: 'start' | 'extensions' | 'ending',
  body: object = {},
): Promise<Arrangement> {
  return (
    await request<Arrangement>(`${api}/arrangements/${a.id}/${action}`, {
      method: 'POST',
      body,
      headers: ifMatch(a.version),
    })
  ).data;
}
