// The pupil's plan in the Eenplan API v1 contract (docs/api/openapi.yaml, tag "Plan"): the OPP with
// its revisions, evaluations and the weekly schedule, plus the few arrangement fields the plan shows.
import { request } from './client';
import type { Arrangement } from './trajectory';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface Goal {
  id?: string;
  area: 'didactic' | 'social_emotional' | 'work_attitude' | 'self_reliance';
  text: string;
  measure: string;
  targetDate: string | null;
  ownerId: string;
}

export interface ParentAgreement {
  givenBy: string;
  signatory: 'parent' | 'adult_pupil';
  agreedOn: string;
  how: 'signature' | 'digital_approval' | 'recorded_conversation';
}

export interface OppContent {
  exitPerspective: { destination: string; reasoning: string };
  supportNeeds: string[];
  factors: { kind: 'promoting' | 'hindering'; description: string }[];
  workAttitude: string;
  goals: Goal[];
  actionPart: {
    supportOffered: string;
    programmeDeviations: string;
    agreement: ParentAgreement | null;
  };
  pupilHearing: { heardOn: string; views: string } | null;
}

export interface Opp extends OppContent {
  id: string;
  pupilId: string;
  version: number;
  revision: number;
  status: 'draft' | 'set';
  setOn: string | null;
  setBy: PersonRef | null;
  firstSetOn: string | null;
  updatedBy: PersonRef;
  updatedAt: string;
}

export interface PupilOpp {
  pupilId: string;
  schoolType: string | null;
  oppApplies: boolean;
  agreementRequired: boolean;
  current: Opp | null;
  revisions: Opp[];
  access: { canEdit: boolean };
}

export interface Evaluation {
  id: string;
  heldOn: string;
  participants: { role: string; person: string }[];
  goals: { goalId: string; progress: string; note: string }[];
  decision: 'continue' | 'adjust_goals' | 'change_phase' | 'end';
  newPhase: string | null;
  reason: string;
  nextDate: string | null;
  recordedBy: PersonRef;
}

export interface EvaluationList {
  arrangementId: string;
  nextDue: string | null;
  overdue: boolean;
  items: Evaluation[];
  access: { canRecord: boolean };
}

export interface ScheduleEntry {
  place: 'home' | 'day_care' | 'care_farm' | 'care_institution' | 'school' | 'swv_office';
  kind: 'education' | 'care';
  minutesPerWeek: number;
}

export interface WeeklyScheduleView {
  arrangementId: string;
  current: {
    validFrom: string;
    entries: ScheduleEntry[];
    educationMinutes: number;
    careMinutes: number;
  } | null;
  buildUp: { from: string; phase: string | null; educationMinutes: number; careMinutes: number }[];
  access: { canEdit: boolean };
}

/** The arrangement fields the plan needs (the full type belongs to the trajectory pages). */
/** The fields of an arrangement the plan section uses (the list comes from `listArrangements`). */
export type PlanArrangement = Pick<
  Arrangement,
  'id' | 'templateCode' | 'status' | 'start' | 'end' | 'phaseModelId' | 'currentPhase'
>;

export interface PhaseStep {
  date: string;
  fromPhase: string | null;
  toPhase: string;
  direction: 'start' | 'forward' | 'back';
  reason: string;
  evaluationId: string | null;
}

const BASE = '/api/v1';
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export async function getPupilOpp(pupilId: string): Promise<PupilOpp> {
  return (await request<PupilOpp>(`${BASE}/pupils/${pupilId}/opp`)).data;
}
export async function createOpp(pupilId: string, body: Partial<OppContent>): Promise<Opp> {
  return (await request<Opp>(`${BASE}/pupils/${pupilId}/opp`, { method: 'POST', body })).data;
}
export async function updateOpp(opp: Opp, body: Partial<OppContent>): Promise<Opp> {
  return (
    await request<Opp>(`${BASE}/opps/${opp.id}`, {
      method: 'PATCH',
      body,
      headers: ifMatch(opp.version),
    })
  ).data;
}
export async function setOpp(opp: Opp): Promise<Opp> {
  return (
    await request<Opp>(`${BASE}/opps/${opp.id}/set`, {
      method: 'POST',
      headers: ifMatch(opp.version),
    })
  ).data;
}
export async function reviseOpp(opp: Opp): Promise<Opp> {
  return (
    await request<Opp>(`${BASE}/opps/${opp.id}/revisions`, {
      method: 'POST',
      headers: ifMatch(opp.version),
    })
  ).data;
}
export async function getEvaluations(arrangementId: string): Promise<EvaluationList> {
  return (await request<EvaluationList>(`${BASE}/arrangements/${arrangementId}/evaluations`)).data;
}
export async function addEvaluation(arrangementId: string, body: unknown): Promise<unknown> {
  return (
    await request<unknown>(`${BASE}/arrangements/${arrangementId}/evaluations`, {
      method: 'POST',
      body,
    })
  ).data;
}
export async function getWeeklySchedule(arrangementId: string): Promise<WeeklyScheduleView> {
  return (
    await request<WeeklyScheduleView>(`${BASE}/arrangements/${arrangementId}/weekly-schedule`)
  ).data;
}
export async function getPhaseHistory(arrangementId: string): Promise<PhaseStep[]> {
  return (
    await request<{ steps: PhaseStep[] }>(`${BASE}/arrangements/${arrangementId}/phase-history`)
  ).data.steps;
}

/** The phases of an arrangement's phase model, for the evaluation's "nieuwe fase". */
export interface PlanPhaseModel {
  id: string;
  phases: { code: string; name: string; allowedPlaces: ScheduleEntry['place'][] }[];
}
export async function getPhaseModel(phaseModelId: string): Promise<PlanPhaseModel> {
  return (await request<PlanPhaseModel>(`${BASE}/phase-models/${phaseModelId}`)).data;
}
