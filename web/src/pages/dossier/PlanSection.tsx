// The pupil's plan: the OPP (perspective, factors, SMART goals, handelingsdeel with the parents'
// agreement), set and bijstellen with the revision history, and per arrangement the evaluations
// (overdue highlighted, with a form), the phase timeline and the build-up in hours as a chart.
import { useState, type SubmitEvent } from 'react';
import {
  Fieldset,
  FieldsetLegend,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import type { ApiError } from '../../api/client';
import type { CaseTeamMember } from '../../api/types';
import {
  addEvaluation,
  getEvaluations,
  getPhaseHistory,
  getPupilOpp,
  getWeeklySchedule,
  reviseOpp,
  setOpp,
  updateOpp,
  createOpp,
  getPhaseModel,
  type Opp,
  type PlanArrangement,
  type ScheduleEntry,
} from '../../api/plan';
import { useSession } from '../../auth/session-context';
import { Chart } from '../../components/Chart';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../format';
import { nl } from '../../messages/nl';
import { nlPlan as t } from '../../messages/nl-plan';
import { useLoad, type Loaded } from '../../useLoad';
import { ChoiceField } from '../../components/ChoiceField';
import { OppEditor } from './plan/OppEditor';
import { WeekSection } from './plan/WeeklySchedule';
import { todayIso } from './SupportRouteSection';

function label(map: Record<string, string>, key: string | null | undefined): string {
  return key ? (map[key] ?? key) : t.empty;
}

export function PlanSection({
  pupilId,
  arrangements,
  caseTeam = [],
}: {
  pupilId: string;
  /** The pupil's arrangements, loaded once for the whole dossier. */
  arrangements: Pick<Loaded<PlanArrangement[]>, 'value' | 'reload'>;
  /** Who may own a goal (picked in the editor, shown by name). */
  caseTeam?: CaseTeamMember[];
}) {
  const plan = useLoad(() => getPupilOpp(pupilId), [pupilId]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const p = plan.value;

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      plan.reload();
      arrangements.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="ep-section" aria-labelledby="sec-plan" id="plan">
      <Heading2 id="sec-plan">{t.title}</Heading2>
      <Paragraph>{t.intro}</Paragraph>
      {plan.status === 'error' && <ProblemAlert error={plan.error} />}
      {error && <ProblemAlert error={error} />}
      {p === undefined && plan.status === 'loading' && <Paragraph>{nl.loading}</Paragraph>}
      {p !== undefined && !p.oppApplies && <Paragraph>{t.notApplicable}</Paragraph>}
      {p !== undefined && p.oppApplies && p.current === null && (
        <>
          <Paragraph>{t.none}</Paragraph>
          {p.access.canEdit && (
            <PrimaryActionButton
              type="button"
              busy={busy}
              onClick={() => void run(() => createOpp(pupilId, {}))}
            >
              {t.start}
            </PrimaryActionButton>
          )}
        </>
      )}
      {p?.current && (
        <>
          <OppView opp={p.current} team={caseTeam} />
          {p.access.canEdit && p.current.status === 'draft' && (
            <OppEditor
              key={`${p.current.id}-${p.current.revision}`}
              opp={p.current}
              team={caseTeam}
              refusal={error}
              onSaved={() => {
                plan.reload();
              }}
              renderOpp={(o) => <OppView opp={o} team={caseTeam} />}
            />
          )}
          {p.access.canEdit && p.current.status === 'draft' && (
            <AgreementForm
              opp={p.current}
              busy={busy}
              onSave={(body) => run(() => updateOpp(p.current as Opp, body))}
            />
          )}
          {p.access.canEdit && (
            <div className="ep-row-actions">
              {p.current.status === 'draft' ? (
                <PrimaryActionButton
                  type="button"
                  busy={busy}
                  onClick={() => void run(() => setOpp(p.current as Opp))}
                >
                  {t.setButton}
                </PrimaryActionButton>
              ) : (
                <SecondaryActionButton
                  type="button"
                  busy={busy}
                  onClick={() => void run(() => reviseOpp(p.current as Opp))}
                >
                  {t.revise}
                </SecondaryActionButton>
              )}
            </div>
          )}
          <Heading3>{t.revisions}</Heading3>
          <ul className="ep-plain-list">
            {p.revisions.map((r) => (
              <li key={r.revision}>
                {t.revision(r.revision)}: {label(t.status, r.status)}
                {r.setOn && <> ({t.setOn(formatDate(r.setOn))})</>}
              </li>
            ))}
          </ul>
        </>
      )}
      {arrangements.value
        ?.filter((a) => a.status !== 'draft')
        .map((a) => (
          <ArrangementPlan key={a.id} arrangement={a} opp={p?.current ?? null} />
        ))}
    </section>
  );
}

function OppView({ opp, team }: { opp: Opp; team: CaseTeamMember[] }) {
  const owner = (id: string) => team.find((m) => m.userId === id)?.displayName ?? id;
  const agreement = opp.actionPart.agreement;
  return (
    <>
      <Paragraph>
        <span className="ep-badge">{label(t.status, opp.status)}</span> {t.revision(opp.revision)}
        {opp.setOn && <> — {t.setOn(formatDate(opp.setOn))}</>}
      </Paragraph>
      <Heading3>{t.exitPerspective}</Heading3>
      <Paragraph>{label(t.destination, opp.exitPerspective.destination)}</Paragraph>
      <Paragraph className="ep-prewrap">
        <strong>{t.reasoning}:</strong> {opp.exitPerspective.reasoning || t.empty}
      </Paragraph>
      <Paragraph>
        <strong>{t.supportNeeds}:</strong>{' '}
        {opp.supportNeeds.map((c) => nl.label.supportNeedCategory(c)).join(', ') || t.empty}
      </Paragraph>
      {(['promoting', 'hindering'] as const).map((kind) => (
        <div key={kind}>
          <Heading3>{kind === 'promoting' ? t.promoting : t.hindering}</Heading3>
          <ul className="ep-plain-list">
            {opp.factors
              .filter((f) => f.kind === kind)
              .map((f, i) => (
                <li key={i}>{f.description}</li>
              ))}
          </ul>
        </div>
      ))}
      <Paragraph>
        <strong>{t.workAttitude}:</strong> {opp.workAttitude || t.empty}
      </Paragraph>
      <Heading3>{t.goals}</Heading3>
      {/* A wide table scrolls: keyboard users must be able to reach it to scroll it (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="ep-table-scroll" tabIndex={0} role="region" aria-label={t.goals}>
        <Table className="ep-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.goalCol.text}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.goalCol.measure}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.goalCol.target}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.goalCol.owner}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {opp.goals.map((g) => (
              <TableRow key={g.id}>
                <TableHeaderCell scope="row">{g.text}</TableHeaderCell>
                <TableCell>{g.measure}</TableCell>
                <TableCell>{g.targetDate ? formatDate(g.targetDate) : t.empty}</TableCell>
                <TableCell>{owner(g.ownerId)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Heading3>{t.actionPart}</Heading3>
      <Paragraph className="ep-prewrap">{opp.actionPart.supportOffered || t.empty}</Paragraph>
      <Paragraph>
        <strong>{t.agreement}:</strong>{' '}
        {agreement
          ? t.agreementText(
              agreement.givenBy,
              formatDate(agreement.agreedOn),
              label(t.how, agreement.how),
            )
          : t.agreementNone}
      </Paragraph>
    </>
  );
}

function AgreementForm({
  opp,
  busy,
  onSave,
}: {
  opp: Opp;
  busy: boolean;
  onSave: (body: Partial<Opp>) => Promise<void>;
}) {
  const [givenBy, setGivenBy] = useState(opp.actionPart.agreement?.givenBy ?? '');
  const [agreedOn, setAgreedOn] = useState(opp.actionPart.agreement?.agreedOn ?? todayIso());
  const [how, setHow] = useState<string>(opp.actionPart.agreement?.how ?? 'signature');
  function submit(e: SubmitEvent<HTMLFormElement>) {
    e.preventDefault();
    void onSave({
      actionPart: {
        ...opp.actionPart,
        agreement: { givenBy, signatory: 'parent', agreedOn, how: how as 'signature' },
      },
    });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Fieldset>
        <FieldsetLegend>{t.agreementForm}</FieldsetLegend>
        <Field id="plan-agreement-by" label={t.givenBy}>
          {(c) => (
            <Textbox
              {...c}
              value={givenBy}
              onChange={(e) => {
                setGivenBy(e.target.value);
              }}
            />
          )}
        </Field>
        <Field id="plan-agreement-on" label={t.agreedOn}>
          {(c) => (
            <Textbox
              {...c}
              type="date"
              value={agreedOn}
              onChange={(e) => {
                setAgreedOn(e.target.value);
              }}
            />
          )}
        </Field>
        <Field id="plan-agreement-how" label={t.howLabel}>
          {(c) => (
            <Select
              {...c}
              value={how}
              onChange={(e) => {
                setHow(e.target.value);
              }}
            >
              {Object.entries(t.how).map(([value, text]) => (
                <SelectOption key={value} value={value}>
                  {text}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <SecondaryActionButton type="submit" busy={busy}>
          {t.saveAgreement}
        </SecondaryActionButton>
      </Fieldset>
    </form>
  );
}

function ArrangementPlan({ arrangement, opp }: { arrangement: PlanArrangement; opp: Opp | null }) {
  const evaluations = useLoad(() => getEvaluations(arrangement.id), [arrangement.id]);
  const history = useLoad(() => getPhaseHistory(arrangement.id), [arrangement.id]);
  const schedule = useLoad(() => getWeeklySchedule(arrangement.id), [arrangement.id]);
  const ev = evaluations.value;
  const points = schedule.value?.buildUp ?? [];
  const reload = () => {
    evaluations.reload();
    history.reload();
    schedule.reload();
  };
  const headingId = `plan-arr-${arrangement.id}`;
  return (
    <section aria-labelledby={headingId} className="ep-subsection">
      <Heading3 id={headingId}>{t.arrangement(arrangement.templateCode)}</Heading3>
      <Heading3>{t.evaluations}</Heading3>
      {ev?.nextDue && (
        <Paragraph>
          {t.nextDue(formatDate(ev.nextDue))}
          {ev.overdue && (
            <>
              {' '}
              <span className="ep-badge ep-badge--danger">{t.overdue}</span>
            </>
          )}
        </Paragraph>
      )}
      {ev && ev.items.length === 0 && <Paragraph>{t.noEvaluations}</Paragraph>}
      <ul className="ep-plain-list">
        {ev?.items.map((e) => (
          <li key={e.id}>
            {formatDate(e.heldOn)}: {label(t.decision, e.decision)}
            {e.newPhase && <> → {e.newPhase}</>}
            {e.reason && <> — {e.reason}</>}
          </li>
        ))}
      </ul>
      {ev?.access.canRecord && opp && arrangement.status === 'active' && (
        <EvaluationForm arrangement={arrangement} opp={opp} onSaved={reload} />
      )}
      <Heading3>{t.phases}</Heading3>
      {history.value?.length === 0 && <Paragraph>{t.noPhases}</Paragraph>}
      <ol className="ep-plain-list">
        {history.value?.map((s, i) => (
          <li key={i}>
            {formatDate(s.date)}: {label(t.direction, s.direction)} {s.toPhase}
            {s.reason && <> — {s.reason}</>}
          </li>
        ))}
      </ol>
      {points.length > 0 && (
        <>
          <Heading3 id={`${headingId}-hours`}>{t.hoursChart}</Heading3>
          <Chart
            id={`${headingId}-chart`}
            title={t.hoursChart}
            categoryLabel={t.hoursCategory}
            categories={points.map((p) => formatDate(p.from))}
            series={[
              { name: t.education, values: points.map((p) => p.educationMinutes / 60) },
              { name: t.care, values: points.map((p) => p.careMinutes / 60) },
            ]}
          />
        </>
      )}
      {schedule.value && (
        <WeekSection
          arrangement={arrangement}
          view={schedule.value}
          onSaved={(view) => {
            schedule.setValue(view);
            history.reload();
          }}
        />
      )}
    </section>
  );
}

type ParticipantRole = 'school' | 'parent' | 'pupil' | 'care' | 'other';
const participantRoles: ParticipantRole[] = ['school', 'parent', 'pupil', 'care', 'other'];
const participantLabel: Record<ParticipantRole, string> = {
  school: t.schoolName,
  parent: t.parentsName,
  pupil: t.pupilName,
  care: t.careName,
  other: t.otherName,
};

function EvaluationForm({
  arrangement,
  opp,
  onSaved,
}: {
  arrangement: PlanArrangement;
  opp: Opp;
  onSaved: () => void;
}) {
  const [heldOn, setHeldOn] = useState(todayIso());
  const [progress, setProgress] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [decision, setDecision] = useState('continue');
  const [newPhase, setNewPhase] = useState('');
  const phaseModelId = arrangement.phaseModelId;
  const model = useLoad(
    () => (phaseModelId ? getPhaseModel(phaseModelId) : Promise.resolve(null)),
    [phaseModelId],
  );
  const [reason, setReason] = useState('');
  const [nextDate, setNextDate] = useState('');
  const [hours, setHours] = useState('');
  const [careHours, setCareHours] = useState('');
  const [place, setPlace] = useState('');
  const { state } = useSession();
  const [present, setPresent] = useState<Record<ParticipantRole, string>>({
    school: state.status === 'authenticated' ? state.session.user.displayName : '',
    parent: '',
    pupil: '',
    care: '',
    other: '',
  });
  // The week after the evaluation happens in the phase it ends in: only that phase's places.
  const phaseAfter = decision === 'change_phase' && newPhase ? newPhase : arrangement.currentPhase;
  const allowedPlaces =
    model.value?.phases.find((ph) => ph.code === phaseAfter)?.allowedPlaces ??
    (Object.keys(t.places) as ScheduleEntry['place'][]);
  const chosenPlace = allowedPlaces.includes(place as ScheduleEntry['place'])
    ? place
    : (allowedPlaces[0] ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const id = (name: string) => `eval-${arrangement.id}-${name}`;

  async function submit(e: SubmitEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const minutesOf = (text: string) => Math.round(Number(text.replace(',', '.')) * 60);
    const minutes = minutesOf(hours);
    const careMinutes = minutesOf(careHours);
    const place = chosenPlace as ScheduleEntry['place'];
    try {
      await addEvaluation(arrangement.id, {
        heldOn,
        participants: participantRoles
          .filter((role) => present[role].trim())
          .map((role) => ({ role, person: present[role].trim() })),
        goals: opp.goals.map((g) => ({
          goalId: g.id,
          progress: progress[g.id ?? ''] ?? 'progressing',
          note: notes[g.id ?? ''] ?? '',
        })),
        decision,
        newPhase: decision === 'change_phase' ? newPhase : null,
        reason,
        nextDate: decision === 'end' ? null : nextDate,
        schedule:
          hours.trim() && minutes > 0
            ? {
                entries: [
                  { place, kind: 'education', minutesPerWeek: minutes },
                  ...(careHours.trim() && careMinutes > 0
                    ? [{ place, kind: 'care' as const, minutesPerWeek: careMinutes }]
                    : []),
                ],
              }
            : null,
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Fieldset>
        <FieldsetLegend>{t.evaluationForm}</FieldsetLegend>
        {error && <ProblemAlert error={error} />}
        {saved && <Paragraph role="status">{t.saved}</Paragraph>}
        <Field id={id('held')} label={t.heldOn}>
          {(c) => (
            <Textbox
              {...c}
              type="date"
              value={heldOn}
              onChange={(e) => {
                setHeldOn(e.target.value);
              }}
            />
          )}
        </Field>
        {opp.goals.map((g) => (
          <div key={g.id}>
            <Field id={id(`progress-${g.id}`)} label={t.progressFor(g.text)}>
              {(c) => (
                <Select
                  {...c}
                  value={progress[g.id ?? ''] ?? 'progressing'}
                  onChange={(e) => {
                    setProgress({ ...progress, [g.id ?? '']: e.target.value });
                  }}
                >
                  {Object.entries(t.progress).map(([value, text]) => (
                    <SelectOption key={value} value={value}>
                      {text}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
            <Field id={id(`note-${g.id}`)} label={t.noteFor(g.text)}>
              {(c) => (
                <Textbox
                  {...c}
                  value={notes[g.id ?? ''] ?? ''}
                  onChange={(e) => {
                    setNotes({ ...notes, [g.id ?? '']: e.target.value });
                  }}
                />
              )}
            </Field>
          </div>
        ))}
        <Fieldset>
          <FieldsetLegend>{t.participantsLegend}</FieldsetLegend>
          <Paragraph>{t.participantsHint}</Paragraph>
          {participantRoles.map((role) => (
            <Field key={role} id={id(`present-${role}`)} label={participantLabel[role]}>
              {(c) => (
                <Textbox
                  {...c}
                  value={present[role]}
                  onChange={(e) => {
                    setPresent({ ...present, [role]: e.target.value });
                  }}
                />
              )}
            </Field>
          ))}
        </Fieldset>
        <Field id={id('decision')} label={t.decisionLabel}>
          {(c) => (
            <Select
              {...c}
              value={decision}
              onChange={(e) => {
                setDecision(e.target.value);
              }}
            >
              {Object.entries(t.decision).map(([value, text]) => (
                <SelectOption key={value} value={value}>
                  {text}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        {decision === 'change_phase' && (
          <ChoiceField
            id={id('phase')}
            name="newPhase"
            label={t.newPhase}
            placeholder={t.choosePhase}
            options={(model.value?.phases ?? [])
              .filter((ph) => ph.code !== arrangement.currentPhase)
              .map((ph) => [ph.code, ph.name] as const)}
            value={newPhase}
            onChange={setNewPhase}
          />
        )}
        <Field id={id('reason')} label={t.reason}>
          {(c) => (
            <Textbox
              {...c}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
            />
          )}
        </Field>
        {decision !== 'end' && (
          <Field id={id('next')} label={t.nextDate}>
            {(c) => (
              <Textbox
                {...c}
                type="date"
                value={nextDate}
                onChange={(e) => {
                  setNextDate(e.target.value);
                }}
              />
            )}
          </Field>
        )}
        <Field id={id('hours')} label={t.hours}>
          {(c) => (
            <Textbox
              {...c}
              inputMode="decimal"
              value={hours}
              onChange={(e) => {
                setHours(e.target.value);
              }}
            />
          )}
        </Field>
        <Field id={id('care-hours')} label={t.careHours}>
          {(c) => (
            <Textbox
              {...c}
              inputMode="decimal"
              value={careHours}
              onChange={(e) => {
                setCareHours(e.target.value);
              }}
            />
          )}
        </Field>
        <Field id={id('place')} label={t.place} hint={t.placeHint}>
          {(c) => (
            <Select
              {...c}
              value={chosenPlace}
              onChange={(e) => {
                setPlace(e.target.value);
              }}
            >
              {allowedPlaces.map((value) => (
                <SelectOption key={value} value={value}>
                  {t.places[value] ?? value}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <PrimaryActionButton type="submit" busy={busy}>
          {t.saveEvaluation}
        </PrimaryActionButton>
      </Fieldset>
    </form>
  );
}
