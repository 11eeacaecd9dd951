// The OPP draft editor: every part of the document a person types (perspective, support needs,
// factors, work attitude, goals, handelingsdeel, hoorrecht), saved as one PATCH with If-Match. On a
// 412 the version someone else saved is shown next to the user's input, which stays as typed; the
// next save starts from that version.
import { useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import {
  Alert,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../../api/client';
import { listSupportNeedCategories } from '../../../api/eenplan';
import { updateOpp, type Opp } from '../../../api/plan';
import type { CaseTeamMember, FieldError } from '../../../api/types';
import { ChoiceField } from '../../../components/ChoiceField';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary';
import { Field } from '../../../components/Field';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDate } from '../../../format';
import { nl } from '../../../messages/nl';
import { nlOppEditor as t } from '../../../messages/nl-opp-editor';
import { nlPlan } from '../../../messages/nl-plan';
import { useLoad } from '../../../useLoad';
import { FactorRows } from './FactorRows';
import { GoalRows } from './GoalRows';
import { bodyOf, fieldId, fieldLabel, inputsOf, type OppInputs } from './oppForm';

/** The server's field errors as summary items, named by the editor's labels. */
function summaryOf(errors: FieldError[]): SummaryItem[] {
  return errors.map((fe) => {
    const message = nl.problem.field(fe.code, fe.reason);
    const label = fieldLabel(fe.name);
    return { fieldId: fieldId(fe.name), message: label ? t.withField(label, message) : message };
  });
}

interface Props {
  opp: Opp;
  /** A refusal to set the OPP (422): its errors about the draft's content are shown here too. */
  refusal?: ApiError | null | undefined;
  team: CaseTeamMember[];
  onSaved: (opp: Opp) => void;
  /** Shows an OPP read-only (the version someone else saved). */
  renderOpp: (opp: Opp) => ReactNode;
}

export function OppEditor({ opp, team, refusal, onSaved, renderOpp }: Props) {
  const categories = useLoad(() => listSupportNeedCategories(), []);
  const [base, setBase] = useState<Opp>(opp);
  const [inputs, setInputs] = useState<OppInputs>(() => inputsOf(opp, team));
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const [theirs, setTheirs] = useState<Opp | null>(null);
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  // Another form of the section (the parents' agreement) may have saved a newer version.
  const current = opp.version > base.version ? opp : base;

  const refused = summaryOf(
    (refusal?.errors ?? []).filter((fe) => fieldLabel(fe.name) !== undefined),
  );
  const shown = errors.length > 0 ? errors : refused;
  const errorFor = (name: string) => shown.find((e) => e.fieldId === fieldId(name))?.message;
  const put = <K extends keyof OppInputs>(key: K, value: OppInputs[K]) => {
    setInputs((before) => ({ ...before, [key]: value }));
  };

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setNotice(null);
    const found: SummaryItem[] = [];
    if (inputs.heardOn === '' && inputs.views.trim() !== '')
      found.push({ fieldId: fieldId('pupilHearing.heardOn'), message: t.heardOnRequired });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    let focusNotice = true;
    try {
      const saved = await updateOpp(current, bodyOf(inputs, current, team));
      setBase(saved);
      setTheirs(null);
      setInputs(inputsOf(saved, team));
      setNotice('saved');
      onSaved(saved);
    } catch (e) {
      if (isApiError(e, 'version-conflict')) {
        // Keep what the user typed; the next save goes on from the version now stored.
        const latest = e.problem.current as Opp | undefined;
        setNotice('conflict');
        if (latest) {
          setBase(latest);
          setTheirs(latest);
        }
      } else if (isApiError(e) && e.errors.length > 0) {
        focusNotice = false;
        setErrors(summaryOf(e.errors));
      } else {
        setFailure(e as ApiError);
      }
    } finally {
      setBusy(false);
      if (focusNotice) requestAnimationFrame(() => noticeRef.current?.focus());
    }
  }

  const text = (
    key: 'reasoning' | 'workAttitude' | 'supportOffered' | 'programmeDeviations' | 'views',
    name: string,
    label: string,
    hint?: string,
  ) => (
    <Field id={fieldId(name)} label={label} hint={hint} error={errorFor(name)}>
      {(c) => (
        <Textarea
          {...c}
          rows={3}
          value={inputs[key]}
          onChange={(e) => {
            put(key, e.target.value);
          }}
        />
      )}
    </Field>
  );

  return (
    <form
      className="ep-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="opp-edit"
    >
      <Heading3 id="opp-edit">{t.heading}</Heading3>
      <Paragraph>{t.intro}</Paragraph>
      {shown.length > 0 && (
        <ErrorSummary title={errors.length > 0 ? t.errorHeading : t.refusedHeading} items={shown} />
      )}
      <div ref={noticeRef} tabIndex={-1} className="ep-focus-target">
        {notice === 'saved' && <Paragraph role="status">{t.saved}</Paragraph>}
        {notice === 'conflict' && (
          <Alert type="warning">
            <Paragraph>{t.conflict}</Paragraph>
          </Alert>
        )}
        {failure && <ProblemAlert error={failure} />}
      </div>
      {theirs && (
        <section className="ep-conflict" aria-labelledby="opp-theirs">
          <Heading3 id="opp-theirs">{t.conflictCurrent}</Heading3>
          <Paragraph>
            {t.conflictBy(theirs.updatedBy.displayName, formatDate(theirs.updatedAt.slice(0, 10)))}
          </Paragraph>
          {renderOpp(theirs)}
        </section>
      )}
      <Fieldset>
        <FieldsetLegend>{nlPlan.exitPerspective}</FieldsetLegend>
        <ChoiceField
          id={fieldId('exitPerspective.destination')}
          name="destination"
          label={t.destination}
          hint={t.destinationHint}
          error={errorFor('exitPerspective.destination')}
          options={nlPlan.destination}
          value={inputs.destination}
          onChange={(v) => {
            put('destination', v);
          }}
        />
        {text('reasoning', 'exitPerspective.reasoning', t.reasoning, t.reasoningHint)}
      </Fieldset>
      <Fieldset aria-describedby="opp-needs-hint">
        <FieldsetLegend>{t.supportNeeds}</FieldsetLegend>
        <Paragraph id="opp-needs-hint">{t.supportNeedsHint}</Paragraph>
        {categories.value === undefined && <Paragraph>{nl.loading}</Paragraph>}
        <ul className="ep-checkbox-list" id={fieldId('supportNeeds')}>
          {categories.value?.map((c) => {
            const id = `opp-need-${c.code}`;
            return (
              <li key={c.code} className="ep-checkbox-list__item">
                <Checkbox
                  id={id}
                  checked={inputs.supportNeeds.includes(c.code)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    put(
                      'supportNeeds',
                      on
                        ? [...inputs.supportNeeds, c.code]
                        : inputs.supportNeeds.filter((n) => n !== c.code),
                    );
                  }}
                />
                <label htmlFor={id} className="utrecht-form-label utrecht-form-label--checkbox">
                  {c.label}
                </label>
              </li>
            );
          })}
        </ul>
      </Fieldset>
      {(['promoting', 'hindering'] as const).map((kind) => (
        <FactorRows
          key={kind}
          kind={kind}
          factors={inputs.factors}
          errorFor={errorFor}
          onChange={(f) => {
            put('factors', f);
          }}
        />
      ))}
      {text('workAttitude', 'workAttitude', t.workAttitude, t.workAttitudeHint)}
      <GoalRows
        goals={inputs.goals}
        team={team}
        errorFor={errorFor}
        onChange={(g) => {
          put('goals', g);
        }}
      />
      <Fieldset>
        <FieldsetLegend>{t.actionPart}</FieldsetLegend>
        {text(
          'supportOffered',
          'actionPart.supportOffered',
          t.supportOffered,
          t.supportOfferedHint,
        )}
        {text(
          'programmeDeviations',
          'actionPart.programmeDeviations',
          t.deviations,
          t.deviationsHint,
        )}
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t.hearing}</FieldsetLegend>
        <Field
          id={fieldId('pupilHearing.heardOn')}
          label={t.heardOn}
          hint={t.heardOnHint}
          error={errorFor('pupilHearing.heardOn')}
        >
          {(c) => (
            <Textbox
              {...c}
              type="date"
              value={inputs.heardOn}
              onChange={(e) => {
                put('heardOn', e.target.value);
              }}
            />
          )}
        </Field>
        {text('views', 'pupilHearing.views', t.views)}
      </Fieldset>
      <PrimaryActionButton type="submit" busy={busy}>
        {t.save}
      </PrimaryActionButton>
    </form>
  );
}
