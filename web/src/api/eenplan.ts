// One function per endpoint of the Eenplan API v1 contract.
import { request } from './client';
import type {
  AuditEvent,
  ItemList,
  Note,
  NoteKind,
  Organisation,
  OrganisationKind,
  Page,
  Pupil,
  PupilPatch,
  PupilStatus,
  PupilSummary,
  NewUserAccount,
  Role,
  Session,
  UserAccount,
  SupportNeedCategory,
} from './types';

const BASE = '/api/v1';

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

const pupilPath = (id: string) => `${BASE}/pupils/${encodeURIComponent(id)}`;

export async function getSession(): Promise<Session> {
  return (await request<Session>(`${BASE}/session`, { reauthenticate: false })).data;
}

export async function login(username: string, password: string): Promise<Session> {
  const response = await request<Session>(`${BASE}/session`, {
    method: 'POST',
    body: { username, password },
    reauthenticate: false,
  });
  return response.data;
}

export async function logout(): Promise<void> {
  await request<undefined>(`${BASE}/session`, { method: 'DELETE', reauthenticate: false });
}

export async function listOrganisations(kind?: OrganisationKind): Promise<Organisation[]> {
  return (await request<ItemList<Organisation>>(`${BASE}/organisations${query({ kind })}`)).data
    .items;
}

export async function listSupportNeedCategories(): Promise<SupportNeedCategory[]> {
  return (await request<ItemList<SupportNeedCategory>>(`${BASE}/support-need-categories`)).data
    .items;
}

export interface PupilQuery {
  q?: string;
  schoolId?: string;
  status?: PupilStatus | '';
  page?: number;
  pageSize?: number;
}

export async function listPupils(params: PupilQuery): Promise<Page<PupilSummary>> {
  return (await request<Page<PupilSummary>>(`${BASE}/pupils${query({ ...params })}`)).data;
}

export async function getPupil(id: string): Promise<Pupil> {
  return (await request<Pupil>(pupilPath(id))).data;
}

export async function patchPupil(id: string, version: number, patch: PupilPatch): Promise<Pupil> {
  const response = await request<Pupil>(pupilPath(id), {
    method: 'PATCH',
    body: patch,
    headers: { 'If-Match': `"${version}"` },
  });
  return response.data;
}

export async function listNotes(id: string): Promise<Note[]> {
  return (await request<ItemList<Note>>(`${pupilPath(id)}/notes`)).data.items;
}

export async function addNote(id: string, body: string, kind: NoteKind): Promise<Note> {
  return (await request<Note>(`${pupilPath(id)}/notes`, { method: 'POST', body: { body, kind } }))
    .data;
}

export async function listAudit(
  id: string,
  page: number,
  pageSize = 50,
): Promise<Page<AuditEvent>> {
  return (await request<Page<AuditEvent>>(`${pupilPath(id)}/audit${query({ page, pageSize })}`))
    .data;
}

const userPath = (id: string) => `${BASE}/users/${encodeURIComponent(id)}`;

export async function listUsers(q: string, role: Role | ''): Promise<UserAccount[]> {
  return (await request<ItemList<UserAccount>>(`${BASE}/users${query({ q, role })}`)).data.items;
}

export async function createUser(account: NewUserAccount): Promise<UserAccount> {
  return (await request<UserAccount>(`${BASE}/users`, { method: 'POST', body: account })).data;
}

export async function patchUser(
  id: string,
  version: number,
  patch: { displayName?: string; disabled?: boolean },
): Promise<UserAccount> {
  const response = await request<UserAccount>(userPath(id), {
    method: 'PATCH',
    body: patch,
    headers: { 'If-Match': `"${version}"` },
  });
  return response.data;
}

export async function setUserPassword(id: string, password: string): Promise<void> {
  await request<undefined>(`${userPath(id)}/password`, { method: 'PUT', body: { password } });
}
