// Writing the phase models and a pupil's week (docs/api/openapi.yaml: PUT /phase-models/{id} and
// PUT /arrangements/{id}/weekly-schedule); the reads live with the pages that show them.
import { request } from './client';
import type { WeeklyScheduleView } from './plan';
import type { Phase, PhaseModel, PlaceKind } from './trajectory';

export interface PhaseModelInput {
  name: string;
  source: string;
  phases: Phase[];
}

/** A 412 answer carries the model as it is now in `current`. */
export function isPhaseModel(value: unknown): value is PhaseModel {
  return (
    value !== null &&
    typeof value === 'object' &&
    'id' in value &&
    'version' in value &&
    Array.isArray((value as { phases?: unknown }).phases)
  );
}

export async function putPhaseModel(
  id: string,
  version: number,
  body: PhaseModelInput,
): Promise<PhaseModel> {
  return (
    await request<PhaseModel>(`/api/v1/phase-models/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body,
      headers: { 'If-Match': `"${version}"` },
    })
  ).data;
}

export interface WeeklyScheduleEntryInput {
  place: PlaceKind;
  kind: 'education' | 'care';
  minutesPerWeek: number;
}

export async function setWeeklySchedule(
  arrangementId: string,
  body: { validFrom: string; entries: WeeklyScheduleEntryInput[] },
): Promise<WeeklyScheduleView> {
  return (
    await request<WeeklyScheduleView>(`/api/v1/arrangements/${arrangementId}/weekly-schedule`, {
      method: 'PUT',
      body,
    })
  ).data;
}
