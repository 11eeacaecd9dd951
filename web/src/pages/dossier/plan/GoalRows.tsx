// The OPP's SMART goals: per goal gebied, doel, meetbaar, streefdatum and eigenaar; added and
// removed by button. The owner is picked from the case team (a list of suggestions) or typed.
import {
  Fieldset,
  FieldsetLegend,
  Paragraph,
  SecondaryActionButton,
  Textbox,
} from '@utrecht/component-library-react';
import { ChoiceField } from '../../../components/ChoiceField';
import { Field } from '../../../components/Field';
import type { CaseTeamMember } from '../../../api/types';
import { nlOppEditor as t } from '../../../messages/nl-opp-editor';
import { emptyGoal, fieldId, type GoalInput } from './oppForm';

interface Props {
  goals: GoalInput[];
  team: CaseTeamMember[];
  errorFor: (name: string) => string | undefined;
  onChange: (goals: GoalInput[]) => void;
}

const TEAM_LIST = 'opp-goal-owners';

export function GoalRows({ goals, team, errorFor, onChange }: Props) {
  const set = (key: string, patch: Partial<GoalInput>) => {
    onChange(goals.map((g) => (g.key === key ? { ...g, ...patch } : g)));
  };
  return (
    <Fieldset>
      <FieldsetLegend>{t.goals}</FieldsetLegend>
      {goals.length === 0 && <Paragraph>{t.noGoals}</Paragraph>}
      <datalist id={TEAM_LIST}>
        {team.map((m) => (
          <option key={m.userId} value={m.displayName} />
        ))}
      </datalist>
      {goals.map((g, i) => {
        const name = (field: string) => `goals[${i}].${field}`;
        const text = (field: 'text' | 'measure' | 'targetDate', label: string, hint?: string) => (
          <Field id={fieldId(name(field))} label={label} hint={hint} error={errorFor(name(field))}>
            {(c) => (
              <Textbox
                {...c}
                {...(field === 'targetDate' && { type: 'date' })}
                value={g[field]}
                onChange={(e) => {
                  set(g.key, { [field]: e.target.value });
                }}
              />
            )}
          </Field>
        );
        return (
          <Fieldset key={g.key} className="ep-subsection">
            <FieldsetLegend>{t.goal(i + 1)}</FieldsetLegend>
            <ChoiceField
              id={fieldId(name('area'))}
              name={name('area')}
              label={t.area}
              error={errorFor(name('area'))}
              options={t.areas}
              value={g.area}
              onChange={(v) => {
                set(g.key, { area: v as GoalInput['area'] });
              }}
            />
            {text('text', t.goalText, t.goalTextHint)}
            {text('measure', t.measure, t.measureHint)}
            {text('targetDate', t.targetDate)}
            <Field
              id={fieldId(name('ownerId'))}
              label={t.owner}
              hint={t.ownerHint}
              error={errorFor(name('ownerId'))}
            >
              {(c) => (
                <Textbox
                  {...c}
                  list={TEAM_LIST}
                  autoComplete="off"
                  value={g.owner}
                  onChange={(e) => {
                    set(g.key, { owner: e.target.value });
                  }}
                />
              )}
            </Field>
            <SecondaryActionButton
              type="button"
              onClick={() => {
                onChange(goals.filter((x) => x.key !== g.key));
              }}
            >
              {t.removeGoal(i + 1)}
            </SecondaryActionButton>
          </Fieldset>
        );
      })}
      <SecondaryActionButton
        type="button"
        id={fieldId('goals.add')}
        onClick={() => {
          onChange([...goals, emptyGoal()]);
        }}
      >
        {t.addGoal}
      </SecondaryActionButton>
    </Fieldset>
  );
}
