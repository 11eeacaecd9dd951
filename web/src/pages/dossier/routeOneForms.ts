// The form of each route-1 step: which fields it has and how they become the step's body
// (PUT /arrangements/{id}/route-one/{step}).
import type { Arrangement, RouteOneStepCode, RouteOneWorkflow } from '../../api/trajectory';
import { nlTrajectory } from '../../messages/nl-trajectory';

const f = nlTrajectory.arrangement.fields;

export interface StepField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'yesno';
}

export const STEP_FIELDS: Record<RouteOneStepCode, StepField[]> = {
  analysis: [{ name: 'analysis', label: f.analysis, kind: 'textarea' }],
  parents_involved: [
    { name: 'parentsInvolvedOn', label: f.parentsInvolvedOn, kind: 'date' },
    { name: 'parentsInvolvement', label: f.parentsInvolvement, kind: 'textarea' },
  ],
  participants: [
    { name: 'executor', label: f.executor, kind: 'text' },
    { name: 'decisionMaker', label: f.decisionMaker, kind: 'text' },
  ],
  design: [{ name: 'design', label: f.design, kind: 'textarea' }],
  a4_plan: [
    { name: 'education', label: f.education, kind: 'textarea' },
    { name: 'support', label: f.support, kind: 'textarea' },
    { name: 'parents', label: f.parents, kind: 'textarea' },
    { name: 'agreedOn', label: f.agreedOn, kind: 'date' },
  ],
  opp: [
    { name: 'careMoneyUsed', label: f.careMoneyUsed, kind: 'yesno' },
    { name: 'carePlanId', label: f.carePlanId, kind: 'text' },
  ],
  exemption_considered: [
    { name: 'exemptionNeeded', label: f.exemptionNeeded, kind: 'yesno' },
    { name: 'compulsoryEducationMet', label: f.compulsoryEducationMet, kind: 'yesno' },
  ],
  special_education_tlv: [
    {
      name: 'specialEducationEnrolmentNeeded',
      label: f.specialEducationEnrolmentNeeded,
      kind: 'yesno',
    },
  ],
  finance_agreements: [{ name: 'financeAgreements', label: f.financeAgreements, kind: 'textarea' }],
  extra_funds_considered: [{ name: 'extraFundsNeeded', label: f.extraFundsNeeded, kind: 'yesno' }],
};

type Values = Record<string, string>;

const yesNo = (v: string | undefined): boolean | null =>
  v === 'yes' ? true : v === 'no' ? false : null;
const asYesNo = (v: boolean | null | undefined): string =>
  v === true ? 'yes' : v === false ? 'no' : '';

/** The step's current values in the workflow, as form values. */
export function valuesOf(a: Arrangement, step: RouteOneStepCode): Values {
  const w = a.workflow;
  const area = (name: string) => w.a4Plan?.contributions.find((c) => c.area === name)?.what ?? '';
  switch (step) {
    case 'participants':
      return {
        executor: w.participants?.find((p) => p.role === 'executor')?.personId ?? '',
        decisionMaker: w.participants?.find((p) => p.role === 'decision_maker')?.personId ?? '',
      };
    case 'a4_plan':
      return {
        education: area('education'),
        support: area('support'),
        parents: area('parents'),
        agreedOn: w.a4Plan?.agreedOn ?? '',
      };
    default: {
      const out: Values = {};
      for (const field of STEP_FIELDS[step]) {
        const value = (w as Record<string, unknown>)[field.name];
        out[field.name] =
          field.kind === 'yesno'
            ? asYesNo(value as boolean | null | undefined)
            : typeof value === 'string'
              ? value
              : '';
      }
      return out;
    }
  }
}

/** The body of the PUT for the step. */
export function bodyOf(step: RouteOneStepCode, v: Values): RouteOneWorkflow {
  const text = (name: string) => (v[name] ?? '').trim();
  switch (step) {
    case 'analysis':
      return { analysis: text('analysis') };
    case 'parents_involved':
      return {
        parentsInvolvedOn: text('parentsInvolvedOn') || null,
        parentsInvolvement: text('parentsInvolvement'),
      };
    case 'participants':
      return {
        participants: [
          ...(text('executor') ? [{ personId: text('executor'), role: 'executor' as const }] : []),
          ...(text('decisionMaker')
            ? [{ personId: text('decisionMaker'), role: 'decision_maker' as const }]
            : []),
        ],
      };
    case 'design':
      return { design: text('design') };
    case 'a4_plan': {
      const who = { education: 'school', support: 'ondersteuning', parents: 'ouders' } as const;
      const contributions = (['education', 'support', 'parents'] as const)
        .filter((area) => text(area) !== '')
        .map((area) => ({ area, who: who[area], what: text(area) }));
      return { a4Plan: { contributions, agreedOn: text('agreedOn') || null } };
    }
    case 'opp':
      return { careMoneyUsed: v.careMoneyUsed === 'yes', carePlanId: text('carePlanId') };
    case 'exemption_considered':
      return {
        exemptionNeeded: yesNo(v.exemptionNeeded),
        compulsoryEducationMet: yesNo(v.compulsoryEducationMet),
      };
    case 'special_education_tlv':
      return { specialEducationEnrolmentNeeded: yesNo(v.specialEducationEnrolmentNeeded) };
    case 'finance_agreements':
      return { financeAgreements: text('financeAgreements') };
    case 'extra_funds_considered':
      return { extraFundsNeeded: yesNo(v.extraFundsNeeded) };
  }
}
