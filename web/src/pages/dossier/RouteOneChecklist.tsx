// Route 1 as a guided checklist: the ten steps, done or open, each with its own small form.
import { useState, type SubmitEvent } from 'react';
import {
  Fieldset,
  FieldsetLegend,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import {
  putRouteOneStep,
  ROUTE_ONE_STEPS,
  type Arrangement,
  type RouteOneStepCode,
} from '../../api/trajectory';
import { Field } from '../../components/Field';
import { nlTrajectory } from '../../messages/nl-trajectory';
import { RefusalAlert } from '../provisions/trajectoryUi';
import { bodyOf, STEP_FIELDS, valuesOf } from './routeOneForms';

const t = nlTrajectory.arrangement;

function StepForm({
  arrangement,
  step,
  onSaved,
}: {
  arrangement: Arrangement;
  step: RouteOneStepCode;
  onSaved: (a: Arrangement) => void;
}) {
  const [values, setValues] = useState(() => valuesOf(arrangement, step));
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
  };

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      onSaved(await putRouteOneStep(arrangement, step, bodyOf(step, values)));
    } catch (e) {
      if (isApiError(e)) setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      {failure && <RefusalAlert error={failure} />}
      {step === 'opp' && <Paragraph>{t.fields.oppHint}</Paragraph>}
      {STEP_FIELDS[step].map((field) => {
        const id = `route-one-${step}-${field.name}`;
        const value = values[field.name] ?? '';
        return (
          <Field key={field.name} id={id} label={field.label}>
            {(control) =>
              field.kind === 'textarea' ? (
                <Textarea
                  {...control}
                  value={value}
                  onChange={(e) => {
                    set(field.name, e.target.value);
                  }}
                />
              ) : field.kind === 'yesno' ? (
                <Select
                  {...control}
                  value={value}
                  onChange={(e) => {
                    set(field.name, e.target.value);
                  }}
                >
                  <SelectOption value="">–</SelectOption>
                  <SelectOption value="yes">{t.fields.yes}</SelectOption>
                  <SelectOption value="no">{t.fields.no}</SelectOption>
                </Select>
              ) : (
                <Textbox
                  {...control}
                  type={field.kind === 'date' ? 'date' : 'text'}
                  value={value}
                  onChange={(e) => {
                    set(field.name, e.target.value);
                  }}
                />
              )
            }
          </Field>
        );
      })}
      <PrimaryActionButton type="submit" disabled={busy}>
        {t.save}
      </PrimaryActionButton>
    </form>
  );
}

export function RouteOneChecklist({
  arrangement,
  onSaved,
}: {
  arrangement: Arrangement;
  onSaved: (a: Arrangement, message: string) => void;
}) {
  const open = new Set(arrangement.openRouteOneSteps);
  return (
    <Fieldset>
      <FieldsetLegend>{t.checklist}</FieldsetLegend>
      <ol className="ep-route-one">
        {ROUTE_ONE_STEPS.map((step) => (
          <li key={step}>
            <details>
              <summary>
                {t.steps[step]} — {open.has(step) ? t.stepOpen : t.stepDone}
              </summary>
              {arrangement.canManage && arrangement.status !== 'ended' && (
                <StepForm
                  arrangement={arrangement}
                  step={step}
                  onSaved={(a) => {
                    onSaved(a, t.saved(t.steps[step]));
                  }}
                />
              )}
            </details>
          </li>
        ))}
      </ol>
    </Fieldset>
  );
}
