// The case team in the Eenplan API v1 contract (docs/api/openapi.yaml, tag "Case team"): the team
// with its own version, replacing it as a whole, and the people who could join it.
import { request } from './client';
import type { CaseTeamMember, OrganisationRef, Role } from './types';

export interface CaseTeam {
  pupilId: string;
  /** The team's own version (not the pupil's): send it back in If-Match. */
  version: number;
  /** The regisseur first, then by name. */
  members: CaseTeamMember[];
  /** The roles a member may be given, in the order of the choice list. */
  caseRoles: string[];
  access: { canEdit: boolean };
}

export interface CaseTeamMemberInput {
  userId: string;
  caseRole: string;
  isCaseLead: boolean;
}

export interface CaseTeamCandidate {
  userId: string;
  displayName: string;
  role: Role;
  organisation: OrganisationRef | null;
}

export interface CaseTeamCandidateList {
  items: CaseTeamCandidate[];
  total: number;
  limit: number;
}

const teamPath = (pupilId: string) => `/api/v1/pupils/${encodeURIComponent(pupilId)}/case-team`;

export async function getCaseTeam(pupilId: string): Promise<CaseTeam> {
  return (await request<CaseTeam>(teamPath(pupilId))).data;
}

export async function replaceCaseTeam(
  pupilId: string,
  version: number,
  members: CaseTeamMemberInput[],
): Promise<CaseTeam> {
  const response = await request<CaseTeam>(teamPath(pupilId), {
    method: 'PUT',
    body: { members },
    headers: { 'If-Match': `"${version}"` },
  });
  return response.data;
}

export async function findCaseTeamCandidates(
  pupilId: string,
  q: string,
  limit = 10,
): Promise<CaseTeamCandidateList> {
  const search = new URLSearchParams({ q, limit: String(limit) });
  return (await request<CaseTeamCandidateList>(`${teamPath(pupilId)}/candidates?${search}`)).data;
}

export function isCaseTeam(value: unknown): value is CaseTeam {
  const team = value as Partial<CaseTeam> | null;
  return typeof team?.version === 'number' && Array.isArray(team.members);
}
