// One provision: capacity, the waiting list with positions and "plaatsen", the placed pupils with
// their phase, and the registrations with their state and next step. The steps that need a
// person's judgement (observation, joint decision, intake, withdrawal) open a form below the
// registrations; admission and placement are one click.
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import {
  Alert,
  Heading1,
  Heading2,
  Paragraph,
  SecondaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import {
  getProvision,
  listPhaseModels,
  registrationStep,
  type Registration,
  type RegistrationStepPath,
} from '../../api/trajectory';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../format';
import { nl } from '../../messages/nl';
import { nlRegistration } from '../../messages/nl-registration';
import { nlTrajectory } from '../../messages/nl-trajectory';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';
import { RegisterPupilForm } from './RegisterPupilForm';
import { RegistrationStepForm, type StepFormKind } from './RegistrationStepForms';
import { pupilName, RefusalAlert } from './trajectoryUi';

const t = nlTrajectory.provision;
const r_ = nlRegistration;

const OPEN = new Set(['registered', 'in_observation', 'decided', 'on_waiting_list']);

export function ProvisionPage() {
  const { id = '' } = useParams();
  const provision = useLoad(() => getProvision(id), [id]);
  const models = useLoad(() => listPhaseModels(), []);
  useDocumentTitle(provision.value?.name ?? nlTrajectory.list.title);
  const [form, setForm] = useState<{ kind: StepFormKind; registrationId: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  const phaseName = (code: string | null) => {
    if (code === null) return t.noPhase;
    for (const m of models.value ?? []) {
      const phase = m.phases.find((p) => p.code === code);
      if (phase) return phase.name;
    }
    return code;
  };

  function openForm(kind: StepFormKind, r: Registration) {
    setMessage(null);
    setFailure(null);
    setForm({ kind, registrationId: r.id });
  }

  /** Admission and placement: one click, the outcome (place or waiting position) in the message. */
  async function step(r: Registration, path: RegistrationStepPath) {
    setMessage(null);
    setFailure(null);
    setForm(null);
    try {
      const next = await registrationStep(r, path, {});
      const name = pupilName(next.pupil);
      if (next.status === 'placed') setMessage(t.placedMessage(name));
      else if (next.status === 'on_waiting_list')
        setMessage(t.waitingMessage(name, next.waitingPosition ?? 0));
      else setMessage(t.stepDone(name));
    } catch (e) {
      if (isApiError(e)) setFailure(e);
    } finally {
      provision.reload();
      requestAnimationFrame(() => messageRef.current?.focus());
    }
  }

  if (provision.status === 'error') return <ProblemAlert error={provision.error} />;
  const p = provision.value;
  if (!p) return <Paragraph>{nl.loading}</Paragraph>;
  const byId = new Map(p.registrations.map((r) => [r.id, r]));
  const formOf: Record<string, StepFormKind> = { decision: 'decision', intake_tasks: 'intake' };
  const pathOf: Record<string, RegistrationStepPath> = {
    admission: 'admission',
    placement: 'placement',
  };
  const open = form ? byId.get(form.registrationId) : undefined;

  return (
    <>
      <Heading1>{p.name}</Heading1>
      <Paragraph>
        {p.enrollingSchool.name}. {t.capacity(p.capacity, p.occupied, p.freePlaces)}
      </Paragraph>
      <div ref={messageRef} tabIndex={-1} className="ep-focus-target" aria-live="polite">
        {message && (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
        {failure && <RefusalAlert error={failure} />}
      </div>

      <section className="ep-section" aria-labelledby="waiting-title">
        <Heading2 id="waiting-title">{t.waitingTitle}</Heading2>
        {p.waitingList.length === 0 ? (
          <Paragraph>{t.waitingEmpty}</Paragraph>
        ) : (
          <Table aria-labelledby="waiting-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.position}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.pupil}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.since}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.action}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.waitingList.map((w) => {
                const r = w.registrationId ? byId.get(w.registrationId) : undefined;
                return (
                  <TableRow key={w.pupil.id}>
                    <TableCell>{w.position}</TableCell>
                    <TableCell>{pupilName(w.pupil)}</TableCell>
                    <TableCell>{formatDate(w.since)}</TableCell>
                    <TableCell>
                      {r && p.canManage && (
                        <SecondaryActionButton
                          type="button"
                          aria-label={t.place(pupilName(w.pupil))}
                          onClick={() => void step(r, 'placement')}
                        >
                          {t.placeShort}
                        </SecondaryActionButton>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>

      <section className="ep-section" aria-labelledby="placed-title">
        <Heading2 id="placed-title">{t.placedTitle}</Heading2>
        <Table aria-labelledby="placed-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.pupil}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.phase}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.arrangement}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {p.placed.map((x) => (
              <TableRow key={x.pupil.id}>
                <TableCell>
                  <RouterLink to={`/leerlingen/${x.pupil.id}`}>{pupilName(x.pupil)}</RouterLink>
                </TableCell>
                <TableCell>{phaseName(x.currentPhase)}</TableCell>
                <TableCell>
                  {x.arrangementStatus ? nlTrajectory.arrangement.status[x.arrangementStatus] : '–'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className="ep-section" aria-labelledby="registrations-title">
        <Heading2 id="registrations-title">{t.registrationsTitle}</Heading2>
        <Table aria-labelledby="registrations-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.pupil}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.status}</TableHeaderCell>
              <TableHeaderCell scope="col">{r_.actions.header}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {p.registrations.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{pupilName(r.pupil)}</TableCell>
                <TableCell>
                  {t.registrationStatus[r.status]}
                  {r.withdrawal && `: ${r.withdrawal.reason}`}
                  {r.waitingPosition !== null &&
                    ` (${t.position.toLowerCase()} ${r.waitingPosition})`}
                </TableCell>
                <TableCell>
                  {p.canManage && OPEN.has(r.status) ? (
                    <div className="ep-actions">
                      {r.nextStep !== null && (
                        <SecondaryActionButton
                          type="button"
                          aria-label={t.doStep(t.nextStep[r.nextStep], pupilName(r.pupil))}
                          onClick={() => {
                            const next = r.nextStep ?? '';
                            const kind = formOf[next];
                            if (kind) openForm(kind, r);
                            else void step(r, pathOf[next] ?? 'admission');
                          }}
                        >
                          {t.nextStep[r.nextStep]}
                        </SecondaryActionButton>
                      )}
                      {(r.status === 'registered' || r.status === 'in_observation') && (
                        <SecondaryActionButton
                          type="button"
                          aria-label={r_.actions.label(r_.actions.observation, pupilName(r.pupil))}
                          onClick={() => {
                            openForm('observation', r);
                          }}
                        >
                          {r_.actions.observation}
                        </SecondaryActionButton>
                      )}
                      {r.status === 'decided' && r.tasks.length > 0 && (
                        <SecondaryActionButton
                          type="button"
                          aria-label={t.doStep(t.nextStep.intake_tasks, pupilName(r.pupil))}
                          onClick={() => {
                            openForm('intake', r);
                          }}
                        >
                          {t.nextStep.intake_tasks}
                        </SecondaryActionButton>
                      )}
                      <SecondaryActionButton
                        type="button"
                        aria-label={r_.actions.label(r_.actions.withdraw, pupilName(r.pupil))}
                        onClick={() => {
                          openForm('withdraw', r);
                        }}
                      >
                        {r_.actions.withdraw}
                      </SecondaryActionButton>
                    </div>
                  ) : (
                    '–'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      {p.canManage && form && open && (
        <RegistrationStepForm
          key={`${form.kind}:${open.id}`}
          kind={form.kind}
          registration={open}
          provision={p}
          onCancel={() => {
            setForm(null);
          }}
          onDone={(_next, done) => {
            setForm(null);
            setFailure(null);
            setMessage(done);
            provision.reload();
            requestAnimationFrame(() => messageRef.current?.focus());
          }}
        />
      )}

      {p.canManage && (
        <RegisterPupilForm
          provisionId={p.id}
          onRegistered={(r) => {
            setFailure(null);
            setMessage(nlTrajectory.register.done(pupilName(r.pupil)));
            provision.reload();
          }}
        />
      )}
    </>
  );
}
