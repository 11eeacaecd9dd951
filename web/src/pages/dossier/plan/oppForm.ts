// What the OPP draft editor holds while a person types, and its translation to and from the API's
// OppContent. Kept apart from the components so the field ids the server's errors point at are
// defined once.
import type { Goal, Opp, OppContent } from '../../../api/plan';
import type { CaseTeamMember } from '../../../api/types';
import { nlOppEditor as t } from '../../../messages/nl-opp-editor';

export type FactorKind = 'promoting' | 'hindering';

export interface GoalInput {
  /** Stable key for React; the server's goal id when the goal exists. */
  key: string;
  id?: string | undefined;
  area: Goal['area'];
  text: string;
  measure: string;
  targetDate: string;
  /** What the person sees and types: a team member's name or any other name. */
  owner: string;
}

export interface OppInputs {
  destination: string;
  reasoning: string;
  supportNeeds: string[];
  factors: { key: string; kind: FactorKind; description: string }[];
  workAttitude: string;
  goals: GoalInput[];
  supportOffered: string;
  programmeDeviations: string;
  heardOn: string;
  views: string;
}

let nextKey = 0;
export const newKey = () => `row-${++nextKey}`;

/** The id of the control for a field name as the server reports it ("goals[1].text"). */
export function fieldId(name: string): string {
  const alias: Record<string, string> = {
    goals: 'goals.add',
    factors: 'factors.add.promoting',
    pupilHearing: 'pupilHearing.heardOn',
    exitPerspective: 'exitPerspective.destination',
  };
  const target = alias[name] ?? name;
  return `opp-${target.replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '-')}`;
}

/** A goal's owner is a user id when picked from the team, else the typed name. */
function ownerName(ownerId: string, team: CaseTeamMember[]): string {
  return team.find((m) => m.userId === ownerId)?.displayName ?? ownerId;
}
function ownerIdOf(owner: string, team: CaseTeamMember[]): string {
  const typed = owner.trim();
  return team.find((m) => m.displayName === typed)?.userId ?? typed;
}

export function inputsOf(opp: Opp, team: CaseTeamMember[]): OppInputs {
  return {
    destination: opp.exitPerspective.destination,
    reasoning: opp.exitPerspective.reasoning,
    supportNeeds: [...opp.supportNeeds],
    factors: opp.factors.map((f) => ({ key: newKey(), ...f })),
    workAttitude: opp.workAttitude,
    goals: opp.goals.map((g) => ({
      key: newKey(),
      id: g.id,
      area: g.area,
      text: g.text,
      measure: g.measure,
      targetDate: g.targetDate ?? '',
      owner: ownerName(g.ownerId, team),
    })),
    supportOffered: opp.actionPart.supportOffered,
    programmeDeviations: opp.actionPart.programmeDeviations,
    heardOn: opp.pupilHearing?.heardOn ?? '',
    views: opp.pupilHearing?.views ?? '',
  };
}

export function emptyGoal(): GoalInput {
  return {
    key: newKey(),
    area: 'didactic',
    text: '',
    measure: '',
    targetDate: '',
    owner: '',
  };
}

/** The whole draft as the PATCH body; the parents' agreement is recorded elsewhere and kept. */
export function bodyOf(inputs: OppInputs, base: Opp, team: CaseTeamMember[]): OppContent {
  return {
    exitPerspective: { destination: inputs.destination, reasoning: inputs.reasoning },
    supportNeeds: inputs.supportNeeds,
    // Sent as typed, in order, so the server's "factors[i]" errors land on the right row.
    factors: inputs.factors.map((f) => ({ kind: f.kind, description: f.description })),
    workAttitude: inputs.workAttitude,
    goals: inputs.goals.map((g) => ({
      ...(g.id !== undefined && { id: g.id }),
      area: g.area,
      text: g.text,
      measure: g.measure,
      targetDate: g.targetDate === '' ? null : g.targetDate,
      ownerId: ownerIdOf(g.owner, team),
    })),
    actionPart: {
      supportOffered: inputs.supportOffered,
      programmeDeviations: inputs.programmeDeviations,
      agreement: base.actionPart.agreement,
    },
    pupilHearing: inputs.heardOn === '' ? null : { heardOn: inputs.heardOn, views: inputs.views },
  };
}

/** The Dutch name of a field the server reports, so the error summary says where the error is. */
export function fieldLabel(name: string): string | undefined {
  const goal = /^goals\[(\d+)\]\.(\w+)$/.exec(name);
  if (goal) {
    const part: Record<string, string> = {
      area: t.area,
      text: t.goalText,
      measure: t.measure,
      targetDate: t.targetDate,
      ownerId: t.owner,
    };
    return `${t.goal(Number(goal[1]) + 1)}, ${(part[goal[2] ?? ''] ?? '').toLowerCase()}`;
  }
  if (/^factors\[\d+\]/.test(name)) return t.factorsAny;
  const labels: Record<string, string> = {
    exitPerspective: t.destination,
    'exitPerspective.destination': t.destination,
    'exitPerspective.reasoning': t.reasoning,
    supportNeeds: t.supportNeeds,
    factors: t.factorsAny,
    workAttitude: t.workAttitude,
    goals: t.goals,
    'actionPart.supportOffered': t.supportOffered,
    'actionPart.programmeDeviations': t.deviations,
    pupilHearing: t.hearing,
    'pupilHearing.heardOn': t.heardOn,
    'pupilHearing.views': t.views,
  };
  return labels[name];
}
