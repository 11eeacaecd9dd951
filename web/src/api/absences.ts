// Verzuim and "Mijn taken": types and one function per endpoint (docs/api/openapi.yaml, tags
// Absences and Tasks).
import { request } from './client';
import type { ItemList, Page } from './types';

const BASE = '/api/v1';
const pupilPath = (id: string) => `${BASE}/pupils/${encodeURIComponent(id)}`;
const schoolPath = (id: string) => `${BASE}/schools/${encodeURIComponent(id)}`;

export type AbsenceKind = 'unauthorised' | 'sick' | 'late' | 'removed' | 'authorised';
export type AbsenceImportLayout = 'canonical' | 'magister' | 'somtoday';
export type EscalationRecipient = 'attendance_officer' | 'care_coordinator' | 'mentor';

export interface Absence {
  date: string;
  lessonHour: number;
  kind: AbsenceKind;
  markedLuxe: boolean;
  remark: string;
  source: 'import' | 'manual';
  recordedAt: string;
}

export interface AbsenceList {
  from: string;
  to: string;
  items: Absence[];
}

export interface NewAbsence {
  date: string;
  lessonHours: number[];
  kind: AbsenceKind;
  remark: string;
  markedLuxe: boolean;
}

export interface EscalationSignal {
  id: string;
  rule: string;
  occurrence: number;
  schoolYear: string;
  firedOn: string;
  recipient: EscalationRecipient;
  evidence: { date: string; lessonHour: number }[];
  createdAt: string;
}

export interface AbsenceRegistration {
  rowsAdded: number;
  signals: EscalationSignal[];
}

export interface AbsenceImportReport {
  id: string;
  rowsRead: number;
  rowsAdded: number;
  layout: AbsenceImportLayout;
  encoding: 'utf-8' | 'windows-1252';
  signalsCreated: number;
}

/** One wrong line of a rejected import (problem `import-rejected`). */
export interface ImportLineError {
  line: number;
  column: string;
  code: string;
  message: string;
}

export interface ProtocolRule {
  code: string;
  kind: string;
  threshold: number;
  enabled: boolean;
  legal: boolean;
  recipient: EscalationRecipient;
  windowSchoolWeeks?: number;
  description: string;
}

export interface AbsenceProtocol {
  schoolId: string;
  version: number;
  rules: ProtocolRule[];
}

export interface ProtocolExemption {
  id: string;
  pupilId: string;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface Task {
  id: string;
  kind: string;
  title: string;
  pupil: { id: string; displayName: string } | null;
  dueOn: string | null;
  createdAt: string;
  status: TaskStatus;
  version: number;
  signalId: string | null;
  /** Open and past its due date, by the server's today. */
  overdue: boolean;
}

export async function listAbsences(pupilId: string): Promise<AbsenceList> {
  return (await request<AbsenceList>(`${pupilPath(pupilId)}/absences`)).data;
}

export async function registerAbsence(
  pupilId: string,
  absence: NewAbsence,
): Promise<AbsenceRegistration> {
  return (
    await request<AbsenceRegistration>(`${pupilPath(pupilId)}/absences`, {
      method: 'POST',
      body: absence,
    })
  ).data;
}

export async function listSignals(pupilId: string): Promise<EscalationSignal[]> {
  return (await request<ItemList<EscalationSignal>>(`${pupilPath(pupilId)}/escalation-signals`))
    .data.items;
}

/** The exemption in force, or null when the pupil follows the standard protocol. */
export async function getProtocolExemption(pupilId: string): Promise<ProtocolExemption | null> {
  const response = await request<{ exemption: ProtocolExemption | null }>(
    `${pupilPath(pupilId)}/protocol-exemption`,
  );
  return response.data.exemption;
}

export async function setProtocolExemption(
  pupilId: string,
  reason: string,
): Promise<ProtocolExemption> {
  return (
    await request<ProtocolExemption>(`${pupilPath(pupilId)}/protocol-exemption`, {
      method: 'PUT',
      body: { reason },
    })
  ).data;
}

export async function endProtocolExemption(pupilId: string): Promise<void> {
  await request<undefined>(`${pupilPath(pupilId)}/protocol-exemption`, { method: 'DELETE' });
}

export async function importAbsences(
  schoolId: string,
  file: File,
  layout: AbsenceImportLayout | '',
): Promise<AbsenceImportReport> {
  const params = new URLSearchParams({ fileName: file.name });
  if (layout !== '') params.set('layout', layout);
  return (
    await request<AbsenceImportReport>(`${schoolPath(schoolId)}/absence-imports?${params}`, {
      method: 'POST',
      rawBody: { content: file, contentType: 'text/csv' },
    })
  ).data;
}

export async function getAbsenceProtocol(schoolId: string): Promise<AbsenceProtocol> {
  return (await request<AbsenceProtocol>(`${schoolPath(schoolId)}/absence-protocol`)).data;
}

export async function updateAbsenceProtocol(
  schoolId: string,
  version: number,
  rules: { code: string; enabled: boolean; threshold: number }[],
): Promise<AbsenceProtocol> {
  return (
    await request<AbsenceProtocol>(`${schoolPath(schoolId)}/absence-protocol`, {
      method: 'PUT',
      body: { rules },
      headers: { 'If-Match': `"${version}"` },
    })
  ).data;
}

export async function listTasks(status: TaskStatus, page: number): Promise<Page<Task>> {
  const params = new URLSearchParams({ status, page: String(page), pageSize: '25' });
  return (await request<Page<Task>>(`${BASE}/tasks?${params}`)).data;
}

export async function updateTask(
  id: string,
  version: number,
  status: 'open' | 'done',
): Promise<Task> {
  return (
    await request<Task>(`${BASE}/tasks/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: { status },
      headers: { 'If-Match': `"${version}"` },
    })
  ).data;
}
