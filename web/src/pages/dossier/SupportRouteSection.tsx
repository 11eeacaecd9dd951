// The pupil's school support route (ondersteuningsroute): where the pupil is, what was recorded, and
// a form for the next step. The server decides what is allowed; this page explains its answers.
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import {
  Alert,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import {
  addCareTeamDiscussion,
  addConcern,
  addJesReferral,
  addParentContact,
  addRouteStep,
  getSupportRoute,
  listSupportMeetings,
  setJesOutcome,
  type BasicSupportKind,
  type CareTeamDecision,
  type ContactMethod,
  type JesReason,
  type JesReferral,
  type ParentTopic,
  type SupportRoute,
} from '../../api/supportRoute';
import type { Pupil } from '../../api/types';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { clearDraft, loadDraft, saveDraft } from '../../drafts';
import { formatDate } from '../../format';
import { nl } from '../../messages/nl';
import { useLoad } from '../../useLoad';
import '../../styles/support-route.css';

const t = nl.supportRoute;
const STAGES = ['mentor', 'basic_support', 'concern', 'care_team', 'jes'] as const;
type Choice = 'step' | 'concern' | 'careTeam' | 'parentContact' | 'jes';
type Values = Record<string, string>;

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function label(map: Record<string, string>, key: string): string {
  return map[key] ?? key;
}

function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function SupportRouteSection({
  pupil,
  onRecorded,
}: {
  pupil: Pupil;
  onRecorded: () => void;
}) {
  const route = useLoad(() => getSupportRoute(pupil.id), [pupil.id]);
  const r = route.value;
  return (
    <section className="ep-section" aria-labelledby="sec-support-route">
      <Heading2 id="sec-support-route">{t.heading}</Heading2>
      <Paragraph>{t.intro}</Paragraph>
      {route.status === 'error' && <ProblemAlert error={route.error} />}
      {r === undefined && route.status === 'loading' && <Paragraph>{nl.loading}</Paragraph>}
      {r !== undefined && (
        <>
          <StageList route={r} />
          <Recorded route={r} pupilId={pupil.id} onChanged={route.reload} />
          {(r.access.canRecord || r.access.canDecide) && (
            <NextStepForm
              pupil={pupil}
              route={r}
              onSaved={() => {
                route.reload();
                onRecorded();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function StageList({ route }: { route: SupportRoute }) {
  const current = STAGES.indexOf(route.stage);
  return (
    <>
      <Paragraph>
        <strong>{t.stagesLabel}</strong> {label(t.stageLong, route.stage)}.
      </Paragraph>
      <ol className="ep-route-stages" aria-label={t.stagesLabel}>
        {STAGES.map((stage, i) => (
          <li
            key={stage}
            className={`ep-route-stage${i < current ? ' ep-route-stage--done' : ''}${i === current ? ' ep-route-stage--current' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            {label(t.stages, stage)}
            {i === current && <span className="ep-visually-hidden"> ({t.currentStage})</span>}
          </li>
        ))}
      </ol>
    </>
  );
}

function Recorded({
  route,
  pupilId,
  onChanged,
}: {
  route: SupportRoute;
  pupilId: string;
  onChanged: () => void;
}) {
  const rec = t.recorded;
  return (
    <div className="ep-route-recorded">
      <Heading3>{rec.steps}</Heading3>
      <Paragraph>
        {t.preventiveCount(route.preventiveConversations.used, route.preventiveConversations.max)}
      </Paragraph>
      {route.steps.length === 0 ? (
        <Paragraph>{rec.none}</Paragraph>
      ) : (
        <ul className="ep-plain-list ep-route-list">
          {route.steps.map((s) => (
            <li key={s.id}>
              <strong>{label(t.stepKinds, s.kind)}</strong> · {formatDate(s.date)} · {s.performedBy}
              <div className="ep-prewrap">{s.description}</div>
            </li>
          ))}
        </ul>
      )}

      <Heading3>{rec.concerns}</Heading3>
      {route.concerns.length === 0 ? (
        <Paragraph>{rec.none}</Paragraph>
      ) : (
        <ul className="ep-plain-list ep-route-list">
          {route.concerns.map((c) => (
            <li key={c.id}>
              <strong>{formatDate(c.date)}</strong>{' '}
              <span className="ep-badge">{label(t.concernStatus, c.status)}</span> · {rec.by}{' '}
              {c.reportedBy.displayName}
              <div className="ep-prewrap">
                {rec.question}: {c.question}
              </div>
              <div className="ep-prewrap">
                {rec.tried}: {c.tried}
              </div>
              {c.skipReason !== '' && (
                <div className="ep-prewrap">
                  {rec.skipped}: {c.skipReason}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      <Heading3>{rec.discussions}</Heading3>
      {route.careTeamDiscussions.length === 0 ? (
        <Paragraph>{rec.none}</Paragraph>
      ) : (
        <ul className="ep-plain-list ep-route-list">
          {route.careTeamDiscussions.map((d) => (
            <li key={d.id}>
              <strong>{formatDate(d.date)}</strong> · {label(t.decisions, d.decision)}
              <div>
                {rec.participants}: {d.participants.join(', ')}
              </div>
              <div className="ep-prewrap">{d.outcome}</div>
              {d.actionItems.length > 0 && (
                <>
                  <div>{rec.actions}:</div>
                  <ul>
                    {d.actionItems.map((a) => (
                      <li key={a.id}>
                        {rec.actionLine(a.description, a.owner, formatDate(a.dueOn))}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      <Heading3>{rec.contacts}</Heading3>
      {route.parentContacts.length === 0 ? (
        <Paragraph>{rec.none}</Paragraph>
      ) : (
        <ul className="ep-plain-list ep-route-list">
          {route.parentContacts.map((c) => (
            <li key={c.id}>
              <strong>{formatDate(c.date)}</strong> · {label(t.topics, c.topic)} ·{' '}
              {rec.informedBy(c.informedBy, label(t.methods, c.method))}
              {c.summary !== '' && <div className="ep-prewrap">{c.summary}</div>}
            </li>
          ))}
        </ul>
      )}

      <Heading3>{rec.referrals}</Heading3>
      {route.jesReferrals.length === 0 ? (
        <Paragraph>{rec.none}</Paragraph>
      ) : (
        <ul className="ep-plain-list ep-route-list">
          {route.jesReferrals.map((j) => (
            <li key={j.id}>
              <strong>{rec.meeting(formatDate(j.meetingDate))}</strong>{' '}
              <span className="ep-badge">{label(t.referralStatus, j.status)}</span> ·{' '}
              {label(t.reasons, j.reason)}
              <div className="ep-prewrap">
                {rec.jesQuestion}: {j.question}
              </div>
              {j.outcome !== '' && (
                <div className="ep-prewrap">
                  {rec.outcome}: {j.outcome}
                </div>
              )}
              {route.access.canDecide && j.status === 'planned' && (
                <OutcomeForm pupilId={pupilId} referral={j} onSaved={onChanged} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function OutcomeForm({
  pupilId,
  referral,
  onSaved,
}: {
  pupilId: string;
  referral: JesReferral;
  onSaved: () => void;
}) {
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const id = `jes-outcome-${referral.id}`;
  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setProblem(null);
    if (outcome.trim() === '') {
      setError(t.form.required);
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    try {
      await setJesOutcome(pupilId, referral, outcome);
      onSaved();
    } catch (e) {
      if (isApiError(e, 'version-conflict')) setError(t.form.outcomeConflict);
      else if (isApiError(e)) setProblem(e);
    }
  }
  return (
    <form className="ep-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {problem && <ProblemAlert error={problem} />}
      <Field id={id} label={t.form.outcomeLabel} error={error}>
        {(control) => (
          <Textarea
            {...control}
            rows={3}
            value={outcome}
            invalid={error !== undefined}
            onChange={(e) => {
              setOutcome(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="ep-actions">
        <SecondaryActionButton type="submit">{t.form.outcomeSubmit}</SecondaryActionButton>
      </div>
    </form>
  );
}

/** Which API field a problem's `errors[].name` belongs to → the id of our control. */
function fieldIdFor(name: string): string {
  if (name.startsWith('actionItems')) {
    if (name.endsWith('.owner')) return 'route-actionOwner';
    if (name.endsWith('.dueOn')) return 'route-actionDue';
    return 'route-actionDescription';
  }
  return `route-${name.replace(/\[\d+\]$/, '')}`;
}

/** Free-text fields: typing in any of them is kept as a draft until the step is saved. */
const TYPED = [
  'description',
  'performedBy',
  'question',
  'tried',
  'skipReason',
  'participants',
  'outcome',
  'actionDescription',
  'actionOwner',
  'informedBy',
  'summary',
];

interface RouteDraft {
  choice: Choice;
  values: Values;
}

function asRouteDraft(value: unknown, choices: Choice[]): RouteDraft | null {
  const draft = value as Partial<RouteDraft> | null;
  if (draft === null || typeof draft.values !== 'object') return null;
  const choice = choices.find((c) => c === draft.choice);
  if (choice === undefined) return null;
  const values: Values = {};
  for (const [k, v] of Object.entries(draft.values)) if (typeof v === 'string') values[k] = v;
  return { choice, values };
}

function initialValues(choice: Choice, route: SupportRoute, preset: Values = {}): Values {
  const openConcern = route.concerns.find((c) => c.status === 'open');
  const base: Values = { date: todayIso() };
  if (choice === 'step') base.kind = 'collegial_consultation';
  if (choice === 'careTeam') {
    base.concernId = openConcern?.id ?? '';
    base.decision = 'escalate_to_jes';
  }
  if (choice === 'parentContact') {
    base.topic = 'jes';
    base.method = 'phone';
  }
  if (choice === 'jes') base.reason = 'basic_support_insufficient';
  return { ...base, ...preset };
}

function NextStepForm({
  pupil,
  route,
  onSaved,
}: {
  pupil: Pupil;
  route: SupportRoute;
  onSaved: () => void;
}) {
  const choices: Choice[] = [
    ...(route.access.canRecord ? (['step', 'concern', 'parentContact'] as Choice[]) : []),
    ...(route.access.canDecide ? (['careTeam', 'jes'] as Choice[]) : []),
  ];
  // A draft left by a reload or an expired session reopens the form with the typing in it.
  const [restored] = useState(() => asRouteDraft(loadDraft('support-route', pupil.id), choices));
  const [choice, setChoice] = useState<Choice>(restored?.choice ?? choices[0] ?? 'step');
  const [values, setValues] = useState<Values>(
    () => restored?.values ?? initialValues(choices[0] ?? 'step', route),
  );
  const [showRestored, setShowRestored] = useState(restored !== null);
  useEffect(() => {
    if (TYPED.some((name) => (values[name] ?? '').trim() !== ''))
      saveDraft('support-route', pupil.id, { choice, values } satisfies RouteDraft);
    else clearDraft('support-route', pupil.id);
  }, [choice, values, pupil.id]);
  const [errors, setErrors] = useState<Values>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const openConcern = route.concerns.find((c) => c.status === 'open');
  const schoolId = pupil.enrolmentSchool.id;
  const meetings = useLoad(
    () => (choice === 'jes' ? listSupportMeetings(schoolId) : Promise.resolve(null)),
    [choice, schoolId],
  );

  function switchTo(next: Choice, preset: Values = {}) {
    setChoice(next);
    setValues(initialValues(next, route, preset));
    setErrors({});
    setProblem(null);
  }

  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setSaved(false);
  };
  const v = (name: string) => values[name] ?? '';

  function required(names: string[]): Values {
    const out: Values = {};
    for (const n of names) if (v(n).trim() === '') out[`route-${n}`] = t.form.required;
    return out;
  }

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    setProblem(null);
    const needed: Record<Choice, string[]> = {
      step: ['kind', 'date', 'description', 'performedBy'],
      concern: ['date', 'question', 'tried'],
      careTeam: ['concernId', 'date', 'participants', 'decision', 'outcome'],
      parentContact: ['date', 'topic', 'method', 'informedBy'],
      jes: ['meetingId', 'reason', 'question'],
    };
    const missing = required(needed[choice]);
    const anyAction = v('actionDescription') + v('actionOwner') + v('actionDue');
    if (choice === 'careTeam' && anyAction.trim() !== '') {
      Object.assign(missing, required(['actionDescription', 'actionOwner', 'actionDue']));
    }
    setErrors(missing);
    const first = Object.keys(missing)[0];
    if (first !== undefined) {
      document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    try {
      if (choice === 'step') {
        await addRouteStep(pupil.id, {
          kind: v('kind') as BasicSupportKind,
          date: v('date'),
          description: v('description'),
          performedBy: v('performedBy'),
        });
      } else if (choice === 'concern') {
        await addConcern(pupil.id, {
          date: v('date'),
          question: v('question'),
          tried: v('tried'),
          ...(v('skipReason').trim() !== '' && { skipReason: v('skipReason') }),
        });
      } else if (choice === 'careTeam') {
        await addCareTeamDiscussion(pupil.id, {
          concernId: v('concernId'),
          date: v('date'),
          participants: lines(v('participants')),
          outcome: v('outcome'),
          decision: v('decision') as CareTeamDecision,
          actionItems:
            anyAction.trim() === ''
              ? []
              : [
                  {
                    description: v('actionDescription'),
                    owner: v('actionOwner'),
                    dueOn: v('actionDue'),
                  },
                ],
        });
      } else if (choice === 'parentContact') {
        await addParentContact(pupil.id, {
          date: v('date'),
          topic: v('topic') as ParentTopic,
          method: v('method') as ContactMethod,
          informedBy: v('informedBy'),
          ...(v('summary').trim() !== '' && { summary: v('summary') }),
        });
      } else {
        await addJesReferral(pupil.id, {
          meetingId: v('meetingId'),
          reason: v('reason') as JesReason,
          question: v('question'),
        });
      }
      setValues(initialValues(choice, route));
      clearDraft('support-route', pupil.id);
      setShowRestored(false);
      setErrors({});
      setSaved(true);
      onSaved();
      requestAnimationFrame(() => messageRef.current?.focus());
    } catch (e) {
      if (isApiError(e, 'validation-failed')) {
        const next: Values = {};
        for (const f of e.errors) next[fieldIdFor(f.name)] = nl.problem.field(f.code, f.reason);
        setErrors(next);
        const firstId = Object.keys(next)[0];
        if (firstId !== undefined) document.getElementById(firstId)?.focus();
      } else if (isApiError(e)) {
        setProblem(e);
        requestAnimationFrame(() => messageRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  const text = (name: string, labelText: string, hint?: string) => (
    <Field id={`route-${name}`} label={labelText} hint={hint} error={errors[`route-${name}`]}>
      {(control) => (
        <Textbox
          {...control}
          autoComplete="off"
          value={v(name)}
          invalid={errors[`route-${name}`] !== undefined}
          onChange={(e) => {
            set(name, e.target.value);
          }}
        />
      )}
    </Field>
  );
  const date = (name: string, labelText: string) => (
    <Field
      id={`route-${name}`}
      label={labelText}
      hint={t.form.dateHint}
      error={errors[`route-${name}`]}
    >
      {(control) => (
        <Textbox
          {...control}
          type="date"
          value={v(name)}
          invalid={errors[`route-${name}`] !== undefined}
          onChange={(e) => {
            set(name, e.target.value);
          }}
        />
      )}
    </Field>
  );
  const area = (name: string, labelText: string, hint?: string) => (
    <Field id={`route-${name}`} label={labelText} hint={hint} error={errors[`route-${name}`]}>
      {(control) => (
        <Textarea
          {...control}
          rows={3}
          value={v(name)}
          invalid={errors[`route-${name}`] !== undefined}
          onChange={(e) => {
            set(name, e.target.value);
          }}
        />
      )}
    </Field>
  );
  const select = (name: string, labelText: string, options: [string, string][]) => (
    <Field id={`route-${name}`} label={labelText} error={errors[`route-${name}`]}>
      {(control) => (
        <Select
          {...control}
          value={v(name)}
          invalid={errors[`route-${name}`] !== undefined}
          onChange={(e) => {
            set(name, e.target.value);
          }}
        >
          {options.map(([value, text]) => (
            <SelectOption key={value} value={value}>
              {text}
            </SelectOption>
          ))}
        </Select>
      )}
    </Field>
  );

  const parentsBlocked = problem?.code === 'parents-not-informed';
  const upcoming = meetings.value?.items ?? [];

  return (
    <form className="ep-form ep-route-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <Heading3>{t.form.heading}</Heading3>
      <Field id="route-choice" label={t.form.choose}>
        {(control) => (
          <Select
            {...control}
            value={choice}
            onChange={(e) => {
              switchTo(e.target.value as Choice);
              setSaved(false);
            }}
          >
            {choices.map((c) => (
              <SelectOption key={c} value={c}>
                {label(t.form.choices, c)}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>

      {showRestored && (
        <Alert type="info">
          <Paragraph>{t.form.draftRestored}</Paragraph>
        </Alert>
      )}
      <div ref={messageRef} tabIndex={-1} className="ep-focus-target">
        {saved && (
          <Alert type="ok">
            <Paragraph>{t.form.saved}</Paragraph>
          </Alert>
        )}
        {parentsBlocked && (
          <Alert type="error">
            <Heading3>{t.form.errorTitle}</Heading3>
            <Paragraph>{t.form.parentsBlocked}</Paragraph>
            {route.access.canRecord && (
              <SecondaryActionButton
                type="button"
                onClick={() => {
                  switchTo('parentContact', { topic: 'jes' });
                  requestAnimationFrame(() => document.getElementById('route-date')?.focus());
                }}
              >
                {t.form.recordParentContact}
              </SecondaryActionButton>
            )}
          </Alert>
        )}
        {problem && !parentsBlocked && (
          <Alert type="error">
            <Heading3>{t.form.errorTitle}</Heading3>
            <Paragraph>
              {problem.problem.detail ?? nl.problem.message(problem.code, problem.status)}
            </Paragraph>
          </Alert>
        )}
      </div>

      <Fieldset>
        <FieldsetLegend>{label(t.form.choices, choice)}</FieldsetLegend>
        {choice === 'step' && (
          <>
            {select('kind', t.form.kind, Object.entries(t.stepKinds))}
            {date('date', t.form.date)}
            {area('description', t.form.description)}
            {text('performedBy', t.form.performedBy, t.form.performedByHint)}
          </>
        )}
        {choice === 'concern' && (
          <>
            {date('date', t.form.date)}
            {area('question', t.form.question, t.form.questionHint)}
            {area('tried', t.form.tried)}
            {area('skipReason', t.form.skipReason, t.form.skipReasonHint)}
          </>
        )}
        {choice === 'careTeam' &&
          (openConcern === undefined ? (
            <Paragraph>{t.form.noOpenConcern}</Paragraph>
          ) : (
            <>
              {select('concernId', t.form.concern, [
                [
                  openConcern.id,
                  `${formatDate(openConcern.date)} – ${openConcern.question.slice(0, 80)}`,
                ],
              ])}
              {date('date', t.form.date)}
              {area('participants', t.form.participants)}
              {select('decision', t.form.decision, Object.entries(t.decisions))}
              {area('outcome', t.form.outcome)}
              <Fieldset>
                <FieldsetLegend>{t.form.actionHeading}</FieldsetLegend>
                {text('actionDescription', t.form.actionDescription)}
                {text('actionOwner', t.form.actionOwner)}
                {date('actionDue', t.form.actionDue)}
              </Fieldset>
            </>
          ))}
        {choice === 'parentContact' && (
          <>
            {select('topic', t.form.topic, Object.entries(t.topics))}
            {date('date', t.form.date)}
            {select('method', t.form.method, Object.entries(t.methods))}
            {text('informedBy', t.form.informedBy)}
            {area('summary', t.form.summary)}
          </>
        )}
        {choice === 'jes' && (
          <>
            {meetings.status === 'error' && <Paragraph>{t.form.meetingsUnavailable}</Paragraph>}
            {meetings.status === 'ok' && upcoming.length === 0 && (
              <Paragraph>{t.form.noMeetings}</Paragraph>
            )}
            {upcoming.length > 0 &&
              select('meetingId', t.form.meeting, [
                ['', '–'],
                ...upcoming.map(
                  (m) =>
                    [
                      m.id,
                      t.form.meetingOption(formatDate(m.date), m.agenda.length + m.hiddenCases),
                    ] as [string, string],
                ),
              ])}
            {select('reason', t.form.reason, Object.entries(t.reasons))}
            {area('question', t.form.jesQuestion)}
          </>
        )}
      </Fieldset>
      {!(choice === 'careTeam' && openConcern === undefined) && (
        <div className="ep-actions">
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {busy ? t.form.busy : t.form.submit}
          </PrimaryActionButton>
        </div>
      )}
    </form>
  );
}
