// The registration steps that need a person's judgement, as forms: the observation period, the
// joint decision (with who decided for each party), the intake and home visit (owners with an
// account, due dates) and withdrawing the registration. One StepForm frame serves them all: the
// error summary for what the user left out or the server refused (422 with field errors), and a
// concurrent change (412) that keeps what was typed and lets the user send it on the new version.
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import {
  Alert,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  RadioButton,
  SecondaryActionButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import type { CaseTeamCandidate } from '../../api/caseTeam';
import {
  findTaskOwnerCandidates,
  isRegistration,
  registrationStep,
  type Provision,
  type Registration,
  type RegistrationStepPath,
} from '../../api/trajectory';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { nlRegistration } from '../../messages/nl-registration';
import { nlTrajectory } from '../../messages/nl-trajectory';
import { useLoad } from '../../useLoad';
import { pupilName, RefusalAlert, todayIso } from './trajectoryUi';

const t = nlRegistration;

export type StepFormKind = 'observation' | 'decision' | 'intake' | 'withdraw';

interface Props {
  kind: StepFormKind;
  registration: Registration;
  provision: Provision;
  onDone: (next: Registration, message: string) => void;
  onCancel: () => void;
}

/** The form for one step of one registration. */
export function RegistrationStepForm(props: Props) {
  switch (props.kind) {
    case 'observation':
      return <ObservationForm {...props} />;
    case 'decision':
      return <DecisionForm {...props} />;
    case 'intake':
      return <IntakeForm {...props} />;
    case 'withdraw':
      return <WithdrawForm {...props} />;
  }
}

/** Server field (JSON path) → the id of the control, to link the summary to the field. */
type FieldIds = Record<string, string>;

function useStep(props: Props, path: RegistrationStepPath, fieldIds: FieldIds) {
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Registration | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(body: object, message: (next: Registration) => string, version?: number) {
    setFailure(null);
    setBusy(true);
    try {
      const next = await registrationStep(
        { id: props.registration.id, version: version ?? props.registration.version },
        path,
        body,
      );
      setConflict(null);
      props.onDone(next, message(next));
    } catch (e) {
      if (!isApiError(e)) throw e;
      if (e.code === 'version-conflict' && isRegistration(e.problem.current)) {
        setErrors([]);
        setConflict(e.problem.current);
      } else if (e.status === 422 && e.errors.length > 0) {
        setErrors(
          e.errors.map((x) => ({
            fieldId: fieldIds[x.name] ?? Object.values(fieldIds)[0] ?? '',
            message: x.reason,
          })),
        );
      } else {
        setErrors([]);
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  }
  /** Set by "toch versturen": only that explicit choice sends over the other change. */
  const resend = useRef(false);
  /** Client-side checks first; only a complete form goes to the server. */
  function submit(problems: SummaryItem[], body: object, message: (next: Registration) => string) {
    const version = resend.current ? conflict?.version : undefined;
    resend.current = false;
    setErrors(problems);
    if (problems.length === 0) void send(body, message, version);
  }
  const errorFor = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  const resendNext = () => {
    resend.current = true;
  };
  return { errors, failure, conflict, busy, submit, errorFor, resendNext };
}

function StepFrame({
  id,
  title,
  intro,
  props,
  step,
  onSubmit,
  submitLabel,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  props: Props;
  step: ReturnType<typeof useStep>;
  onSubmit: () => void;
  submitLabel: string;
  children: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    if (step.conflict) conflictRef.current?.focus();
  }, [step.conflict]);
  const name = pupilName(props.registration.pupil);
  return (
    <section className="ep-section ep-step-form" aria-labelledby={`${id}-title`}>
      <Heading2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="ep-focus-target">
        {t.formTitle(title, name)}
      </Heading2>
      <Paragraph>{intro}</Paragraph>
      {step.errors.length > 0 && (
        <ErrorSummary title={t.errorSummary(step.errors.length)} items={step.errors} />
      )}
      {step.failure && <RefusalAlert error={step.failure} />}
      {step.conflict && (
        <div ref={conflictRef} tabIndex={-1} className="ep-focus-target">
          <Alert type="warning">
            <Paragraph>
              <strong>{t.conflict.heading}</strong>
            </Paragraph>
            <Paragraph>
              {t.conflict.intro(nlTrajectory.provision.registrationStatus[step.conflict.status])}
            </Paragraph>
            <div className="ep-actions">
              <PrimaryActionButton
                type="button"
                disabled={step.busy}
                onClick={() => {
                  step.resendNext();
                  onSubmit();
                }}
              >
                {t.conflict.resend}
              </PrimaryActionButton>
              <SecondaryActionButton type="button" onClick={props.onCancel}>
                {t.conflict.discard}
              </SecondaryActionButton>
            </div>
          </Alert>
        </div>
      )}
      <form
        className="ep-form"
        noValidate
        onSubmit={(e: SubmitEvent<HTMLFormElement>) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <div className="ep-actions">
          <PrimaryActionButton type="submit" disabled={step.busy}>
            {submitLabel}
          </PrimaryActionButton>
          <SecondaryActionButton type="button" onClick={props.onCancel}>
            {t.cancel}
          </SecondaryActionButton>
        </div>
      </form>
    </section>
  );
}

function DateField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <Field id={id} label={label} error={error}>
      {(control) => (
        <Textbox
          {...control}
          type="date"
          className="ep-input--short"
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      )}
    </Field>
  );
}

function ObservationForm(props: Props) {
  const o = props.registration.observation;
  const [start, setStart] = useState(o?.start ?? todayIso());
  const [end, setEnd] = useState(o?.end ?? '');
  const [setting, setSetting] = useState(o?.setting ?? '');
  const step = useStep(props, 'observation', {
    start: 'obs-start',
    end: 'obs-end',
    setting: 'obs-setting',
  });
  const o_ = t.observation;
  function onSubmit() {
    const problems: SummaryItem[] = [];
    if (start === '') problems.push({ fieldId: 'obs-start', message: o_.startRequired });
    if (end === '') problems.push({ fieldId: 'obs-end', message: o_.endRequired });
    if (setting.trim() === '')
      problems.push({ fieldId: 'obs-setting', message: o_.settingRequired });
    step.submit(problems, { start, end, setting: setting.trim() }, (r) =>
      o_.done(pupilName(r.pupil)),
    );
  }
  return (
    <StepFrame
      id="obs"
      title={o_.title}
      intro={o_.intro}
      props={props}
      step={step}
      onSubmit={onSubmit}
      submitLabel={o_.submit}
    >
      <DateField
        id="obs-start"
        label={o_.start}
        value={start}
        onChange={setStart}
        error={step.errorFor('obs-start')}
      />
      <DateField
        id="obs-end"
        label={o_.end}
        value={end}
        onChange={setEnd}
        error={step.errorFor('obs-end')}
      />
      <Field
        id="obs-setting"
        label={o_.setting}
        hint={o_.settingHint}
        error={step.errorFor('obs-setting')}
      >
        {(control) => (
          <Textbox
            {...control}
            value={setting}
            onChange={(e) => {
              setSetting(e.target.value);
            }}
          />
        )}
      </Field>
    </StepFrame>
  );
}

function DecisionForm(props: Props) {
  // A decision needs at least one named decider; a provision without configured decision roles
  // asks for the commissie van begeleiding, which decides on every admission (seed "Instroom").
  const roles = props.provision.decisionRoles.length > 0 ? props.provision.decisionRoles : ['cvb'];
  const [outcome, setOutcome] = useState<'admit' | 'refuse' | ''>('');
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [names, setNames] = useState<Record<string, string>>({});
  const [reasoning, setReasoning] = useState('');
  const ids: FieldIds = { admit: 'dec-admit', decidedOn: 'dec-date', reasoning: 'dec-reasoning' };
  ids.deciders = roles.length > 0 ? `dec-role-${roles[0] ?? ''}` : 'dec-reasoning';
  const step = useStep(props, 'decision', ids);
  const d = t.decision;
  function onSubmit() {
    const problems: SummaryItem[] = [];
    if (outcome === '') problems.push({ fieldId: 'dec-admit', message: d.outcomeRequired });
    if (decidedOn === '') problems.push({ fieldId: 'dec-date', message: d.decidedOnRequired });
    for (const role of roles) {
      if ((names[role] ?? '').trim() === '')
        problems.push({
          fieldId: `dec-role-${role}`,
          message: d.deciderRequired(t.roleName(role)),
        });
    }
    if (reasoning.trim() === '')
      problems.push({ fieldId: 'dec-reasoning', message: d.reasoningRequired });
    step.submit(
      problems,
      {
        admit: outcome === 'admit',
        decidedOn,
        deciders: roles.map((role) => ({ role, name: (names[role] ?? '').trim() })),
        reasoning: reasoning.trim(),
      },
      (r) => (r.status === 'refused' ? d.refused : d.admitted)(pupilName(r.pupil)),
    );
  }
  const outcomeError = step.errorFor('dec-admit');
  return (
    <StepFrame
      id="dec"
      title={d.title}
      intro={d.intro}
      props={props}
      step={step}
      onSubmit={onSubmit}
      submitLabel={outcome === 'refuse' ? d.submitRefuse : d.submitAdmit}
    >
      <Fieldset
        invalid={outcomeError !== undefined}
        aria-describedby={outcomeError ? 'dec-admit-error' : undefined}
      >
        <FieldsetLegend>{d.outcome}</FieldsetLegend>
        {outcomeError !== undefined && (
          <FormFieldErrorMessage id="dec-admit-error">{outcomeError}</FormFieldErrorMessage>
        )}
        {(['admit', 'refuse'] as const).map((value, i) => (
          <div key={value} className="ep-checkbox-list__item">
            <RadioButton
              id={i === 0 ? 'dec-admit' : 'dec-refuse'}
              name="dec-outcome"
              checked={outcome === value}
              onChange={() => {
                setOutcome(value);
              }}
            />
            <label
              htmlFor={i === 0 ? 'dec-admit' : 'dec-refuse'}
              className="utrecht-form-label utrecht-form-label--radio"
            >
              {value === 'admit' ? d.admit : d.refuse}
            </label>
          </div>
        ))}
      </Fieldset>
      {outcome === 'refuse' && (
        <Alert type="warning">
          <Paragraph>{d.refuseWarning}</Paragraph>
        </Alert>
      )}
      <DateField
        id="dec-date"
        label={d.decidedOn}
        value={decidedOn}
        onChange={setDecidedOn}
        error={step.errorFor('dec-date')}
      />
      {roles.map((role) => (
        <Field
          key={role}
          id={`dec-role-${role}`}
          label={d.decider(t.roleName(role))}
          error={step.errorFor(`dec-role-${role}`)}
        >
          {(control) => (
            <Textbox
              {...control}
              autoComplete="off"
              value={names[role] ?? ''}
              onChange={(e) => {
                setNames({ ...names, [role]: e.target.value });
              }}
            />
          )}
        </Field>
      ))}
      <Field
        id="dec-reasoning"
        label={d.reasoning}
        hint={d.reasoningHint}
        error={step.errorFor('dec-reasoning')}
      >
        {(control) => (
          <Textarea
            {...control}
            rows={4}
            value={reasoning}
            onChange={(e) => {
              setReasoning(e.target.value);
            }}
          />
        )}
      </Field>
    </StepFrame>
  );
}

/** Search the accounts that may own the task, then choose one. */
function OwnerPicker({
  id,
  label,
  registrationId,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  registrationId: string;
  value: string;
  onChange: (userId: string) => void;
  error: string | undefined;
}) {
  const i = t.intake;
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const list = useLoad(
    () => findTaskOwnerCandidates(registrationId, searched),
    [registrationId, searched],
  );
  const found = list.value ?? { items: [], total: 0 };
  const search = (q: string) => {
    setSearched(q);
  };
  const optionText = (c: CaseTeamCandidate) =>
    c.organisation ? `${c.displayName} (${c.organisation.name})` : c.displayName;
  return (
    <>
      <Field id={`${id}-search`} label={i.search}>
        {(control) => (
          <Textbox
            {...control}
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                search(query);
              }
            }}
          />
        )}
      </Field>
      <SecondaryActionButton
        type="button"
        onClick={() => {
          search(query);
        }}
      >
        {i.searchButton}
      </SecondaryActionButton>
      <Field id={id} label={label} hint={i.found(found.items.length, found.total)} error={error}>
        {(control) => (
          <Select
            {...control}
            value={value}
            onChange={(e) => {
              onChange(e.target.value);
            }}
          >
            <SelectOption value="">{i.choose}</SelectOption>
            {found.items.map((c) => (
              <SelectOption key={c.userId} value={c.userId}>
                {optionText(c)}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}

/** One planned task: its owner, an optional second owner and the date it is due. */
function TaskFields({
  prefix,
  legend,
  registrationId,
  owners,
  setOwners,
  due,
  setDue,
  errorFor,
}: {
  prefix: string;
  legend: string;
  registrationId: string;
  owners: [string, string];
  setOwners: [(userId: string) => void, (userId: string) => void];
  due: string;
  setDue: (date: string) => void;
  errorFor: (fieldId: string) => string | undefined;
}) {
  const i = t.intake;
  return (
    <Fieldset>
      <FieldsetLegend>{legend}</FieldsetLegend>
      <OwnerPicker
        id={`${prefix}-owner`}
        label={i.owner}
        registrationId={registrationId}
        value={owners[0]}
        onChange={setOwners[0]}
        error={errorFor(`${prefix}-owner`)}
      />
      <OwnerPicker
        id={`${prefix}-owner2`}
        label={i.secondOwner}
        registrationId={registrationId}
        value={owners[1]}
        onChange={setOwners[1]}
        error={undefined}
      />
      <DateField
        id={`${prefix}-due`}
        label={i.due}
        value={due}
        onChange={setDue}
        error={errorFor(`${prefix}-due`)}
      />
    </Fieldset>
  );
}

function IntakeForm(props: Props) {
  const existing = (kind: 'intake' | 'home_visit') =>
    props.registration.tasks.find((x) => x.kind === kind && x.doneOn === null);
  // Two people each, as the seed has it (intake: orthopedagoog and IB; home visit: teacher and care
  // specialist); the second is optional.
  const [intakeOwner, setIntakeOwner] = useState(existing('intake')?.ownerIds[0] ?? '');
  const [intakeOwner2, setIntakeOwner2] = useState(existing('intake')?.ownerIds[1] ?? '');
  const [intakeDue, setIntakeDue] = useState(existing('intake')?.due ?? '');
  const [visitOwner, setVisitOwner] = useState(existing('home_visit')?.ownerIds[0] ?? '');
  const [visitOwner2, setVisitOwner2] = useState(existing('home_visit')?.ownerIds[1] ?? '');
  const [visitDue, setVisitDue] = useState(existing('home_visit')?.due ?? '');
  const owners = (first: string, second: string) =>
    [first, second].filter((o, n, all) => o !== '' && all.indexOf(o) === n);
  const step = useStep(props, 'intake-tasks', {
    'intake.ownerIds': 'int-owner',
    'intake.due': 'int-due',
    'homeVisit.ownerIds': 'hv-owner',
    'homeVisit.due': 'hv-due',
  });
  const i = t.intake;
  function onSubmit() {
    const problems: SummaryItem[] = [];
    if (intakeOwner === '') problems.push({ fieldId: 'int-owner', message: i.ownerRequired });
    if (intakeDue === '') problems.push({ fieldId: 'int-due', message: i.dueRequired });
    if (visitOwner === '') problems.push({ fieldId: 'hv-owner', message: i.ownerRequired });
    if (visitDue === '') problems.push({ fieldId: 'hv-due', message: i.dueRequired });
    else if (intakeDue !== '' && visitDue < intakeDue)
      problems.push({ fieldId: 'hv-due', message: i.homeVisitBeforeIntake });
    step.submit(
      problems,
      {
        intake: { kind: 'intake', ownerIds: owners(intakeOwner, intakeOwner2), due: intakeDue },
        homeVisit: {
          kind: 'home_visit',
          ownerIds: owners(visitOwner, visitOwner2),
          due: visitDue,
        },
      },
      (r) => i.done(pupilName(r.pupil)),
    );
  }
  return (
    <StepFrame
      id="int"
      title={i.title}
      intro={i.intro}
      props={props}
      step={step}
      onSubmit={onSubmit}
      submitLabel={i.submit}
    >
      <TaskFields
        prefix="int"
        legend={i.intakeLegend}
        registrationId={props.registration.id}
        owners={[intakeOwner, intakeOwner2]}
        setOwners={[setIntakeOwner, setIntakeOwner2]}
        due={intakeDue}
        setDue={setIntakeDue}
        errorFor={step.errorFor}
      />
      <TaskFields
        prefix="hv"
        legend={i.homeVisitLegend}
        registrationId={props.registration.id}
        owners={[visitOwner, visitOwner2]}
        setOwners={[setVisitOwner, setVisitOwner2]}
        due={visitDue}
        setDue={setVisitDue}
        errorFor={step.errorFor}
      />
    </StepFrame>
  );
}

function WithdrawForm(props: Props) {
  const [reason, setReason] = useState('');
  const [withdrawnOn, setWithdrawnOn] = useState(todayIso());
  const [confirmed, setConfirmed] = useState(false);
  const step = useStep(props, 'withdrawal', { reason: 'wd-reason', withdrawnOn: 'wd-date' });
  const w = t.withdraw;
  function onSubmit() {
    const problems: SummaryItem[] = [];
    if (reason.trim() === '') problems.push({ fieldId: 'wd-reason', message: w.reasonRequired });
    if (withdrawnOn === '') problems.push({ fieldId: 'wd-date', message: w.withdrawnOnRequired });
    if (!confirmed) problems.push({ fieldId: 'wd-confirm', message: w.confirmRequired });
    step.submit(problems, { reason: reason.trim(), withdrawnOn }, (r) =>
      w.done(pupilName(r.pupil)),
    );
  }
  const confirmError = step.errorFor('wd-confirm');
  return (
    <StepFrame
      id="wd"
      title={w.title}
      intro={w.intro}
      props={props}
      step={step}
      onSubmit={onSubmit}
      submitLabel={w.submit}
    >
      <Field id="wd-reason" label={w.reason} error={step.errorFor('wd-reason')}>
        {(control) => (
          <Textarea
            {...control}
            rows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
        )}
      </Field>
      <DateField
        id="wd-date"
        label={w.withdrawnOn}
        value={withdrawnOn}
        onChange={setWithdrawnOn}
        error={step.errorFor('wd-date')}
      />
      {confirmError !== undefined && (
        <FormFieldErrorMessage id="wd-confirm-error">{confirmError}</FormFieldErrorMessage>
      )}
      <div className="ep-checkbox-list__item">
        <Checkbox
          id="wd-confirm"
          checked={confirmed}
          aria-invalid={confirmError !== undefined ? true : undefined}
          aria-describedby={confirmError !== undefined ? 'wd-confirm-error' : undefined}
          onChange={(e) => {
            setConfirmed(e.currentTarget.checked);
          }}
        />
        <label htmlFor="wd-confirm" className="utrecht-form-label utrecht-form-label--checkbox">
          {w.confirm}
        </label>
      </div>
    </StepFrame>
  );
}
