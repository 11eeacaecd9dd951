// The coordinator's view of the school's support route: zorgmeldingen waiting for the zorgteam, the
// pupils in the route, and the JES meetings with their agenda (planned here).
import { useRef, useState, type SubmitEvent } from 'react';
import {
  Alert,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../api/client';
import { addSupportMeeting, listSchoolRoutePupils, listSupportMeetings } from '../api/supportRoute';
import { SchoolPicker, useMySchools } from '../components/SchoolPicker';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';
import { RouterLink } from '../components/RouterLink';
import { formatDate } from '../format';
import { nl } from '../messages/nl';
import { useDocumentTitle } from '../useDocumentTitle';
import { useLoad } from '../useLoad';
import { todayIso } from './dossier/SupportRouteSection';

const t = nl.supportRoute;

export function SupportRoutePage() {
  useDocumentTitle(t.school.title);
  const { schools, school, setSchoolId } = useMySchools();

  return (
    <>
      <Heading1>{t.school.title}</Heading1>
      {school === undefined ? (
        <Paragraph>{t.school.noSchool}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.school.intro(school.name)}</Paragraph>
          <SchoolPicker
            id="route-school"
            label={t.school.schoolSelect}
            schools={schools}
            value={school.id}
            onChange={setSchoolId}
          />
          <SchoolRoute key={school.id} schoolId={school.id} />
        </>
      )}
    </>
  );
}

function SchoolRoute({ schoolId }: { schoolId: string }) {
  const pupils = useLoad(() => listSchoolRoutePupils(schoolId), [schoolId]);
  const meetings = useLoad(() => listSupportMeetings(schoolId), [schoolId]);
  const waiting = (pupils.value ?? []).filter((p) => p.openConcernDate !== null);
  const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

  return (
    <>
      <section className="ep-section" aria-labelledby="sec-waiting">
        <Heading2 id="sec-waiting">{t.school.waitingHeading}</Heading2>
        {pupils.status === 'error' && <ProblemAlert error={pupils.error} />}
        {pupils.value !== undefined &&
          (waiting.length === 0 ? (
            <Paragraph>{t.school.waitingNone}</Paragraph>
          ) : (
            <ul className="ep-plain-list ep-route-list">
              {waiting.map((p) => (
                <li key={p.pupil.id}>
                  <RouterLink to={`/leerlingen/${p.pupil.id}`}>{name(p.pupil)}</RouterLink> ·{' '}
                  {t.school.colConcern} {formatDate(p.openConcernDate ?? '')}
                </li>
              ))}
            </ul>
          ))}
      </section>

      <section className="ep-section" aria-labelledby="sec-meetings">
        <Heading2 id="sec-meetings">{t.school.meetingsHeading}</Heading2>
        {meetings.status === 'error' && <ProblemAlert error={meetings.error} />}
        {meetings.value !== undefined && (
          <>
            <Paragraph>
              {t.school.minimum(
                meetings.value.plannedThisSchoolYear,
                meetings.value.minimumPerSchoolYear,
                meetings.value.shortOfMinimum,
              )}
            </Paragraph>
            {meetings.value.items.length === 0 ? (
              <Paragraph>{t.school.noMeetings}</Paragraph>
            ) : (
              <ul className="ep-cards">
                {meetings.value.items.map((m) => (
                  <li key={m.id} className="ep-card">
                    <Heading3 className="ep-card__title">
                      {t.recorded.meeting(formatDate(m.date))}
                    </Heading3>
                    {m.location !== '' && (
                      <Paragraph>
                        {t.school.location}: {m.location}
                      </Paragraph>
                    )}
                    <Paragraph>
                      {t.school.members}: {m.members.join(', ')}
                    </Paragraph>
                    <Paragraph>
                      <strong>{t.school.agenda}</strong>
                    </Paragraph>
                    {m.agenda.length === 0 && m.hiddenCases === 0 ? (
                      <Paragraph>{t.school.agendaEmpty}</Paragraph>
                    ) : (
                      <ol>
                        {m.agenda.map((c) => (
                          <li key={c.referralId}>
                            <RouterLink to={`/leerlingen/${c.pupil.id}`}>
                              {name(c.pupil)}
                            </RouterLink>{' '}
                            – {t.reasons[c.reason] ?? c.reason}
                          </li>
                        ))}
                        {m.hiddenCases > 0 && <li>{t.school.hidden(m.hiddenCases)}</li>}
                      </ol>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <PlanMeetingForm schoolId={schoolId} onPlanned={meetings.reload} />
          </>
        )}
      </section>

      <section className="ep-section" aria-labelledby="sec-route-pupils">
        <Heading2 id="sec-route-pupils">{t.school.pupilsHeading}</Heading2>
        {pupils.value !== undefined &&
          (pupils.value.length === 0 ? (
            <Paragraph>{t.school.pupilsNone}</Paragraph>
          ) : (
            <div className="ep-table-scroll">
              <Table className="ep-table">
                <TableCaption className="ep-visually-hidden">{t.school.pupilsCaption}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t.school.colPupil}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.school.colNumber}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.school.colStage}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.school.colConcern}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.school.colNextJes}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {pupils.value.map((p) => (
                    <TableRow key={p.pupil.id}>
                      <TableHeaderCell scope="row">
                        <RouterLink to={`/leerlingen/${p.pupil.id}`}>{name(p.pupil)}</RouterLink>
                      </TableHeaderCell>
                      <TableCell>{p.pupil.schoolPupilNumber}</TableCell>
                      <TableCell>{t.stages[p.stage] ?? p.stage}</TableCell>
                      <TableCell>
                        {p.openConcernDate === null ? '–' : formatDate(p.openConcernDate)}
                      </TableCell>
                      <TableCell>
                        {p.nextJesMeeting === null ? '–' : formatDate(p.nextJesMeeting.date)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ))}
      </section>
    </>
  );
}

function PlanMeetingForm({ schoolId, onPlanned }: { schoolId: string; onPlanned: () => void }) {
  const [date, setDate] = useState(todayIso());
  const [location, setLocation] = useState('');
  const [members, setMembers] = useState(t.school.defaultMembers.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    setProblem(null);
    const list = members
      .split('\n')
      .map((m) => m.trim())
      .filter((m) => m !== '');
    const next: Record<string, string> = {};
    if (date === '') next['plan-date'] = t.form.required;
    if (list.length === 0) next['plan-members'] = t.form.required;
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first !== undefined) {
      document.getElementById(first)?.focus();
      return;
    }
    try {
      await addSupportMeeting(schoolId, { date, location, members: list });
      setSaved(true);
      onPlanned();
      requestAnimationFrame(() => savedRef.current?.focus());
    } catch (e) {
      if (isApiError(e, 'validation-failed')) {
        const fieldErrors: Record<string, string> = {};
        for (const f of e.errors)
          fieldErrors[`plan-${f.name.replace(/\[\d+\]$/, '')}`] = nl.problem.field(
            f.code,
            f.reason,
          );
        setErrors(fieldErrors);
      } else if (isApiError(e)) setProblem(e);
    }
  }

  return (
    <form className="ep-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <Heading3>{t.school.planHeading}</Heading3>
      <div ref={savedRef} tabIndex={-1} className="ep-focus-target">
        {saved && (
          <Alert type="ok">
            <Paragraph>{t.school.planned}</Paragraph>
          </Alert>
        )}
      </div>
      {problem && <ProblemAlert error={problem} />}
      <Field
        id="plan-date"
        label={t.school.planDate}
        hint={t.form.dateHint}
        error={errors['plan-date']}
      >
        {(control) => (
          <Textbox
            {...control}
            type="date"
            value={date}
            invalid={errors['plan-date'] !== undefined}
            onChange={(e) => {
              setDate(e.target.value);
            }}
          />
        )}
      </Field>
      <Field id="plan-location" label={t.school.planLocation} error={errors['plan-location']}>
        {(control) => (
          <Textbox
            {...control}
            autoComplete="off"
            value={location}
            onChange={(e) => {
              setLocation(e.target.value);
            }}
          />
        )}
      </Field>
      <Field
        id="plan-members"
        label={t.school.planMembers}
        hint={t.school.planMembersHint}
        error={errors['plan-members']}
      >
        {(control) => (
          <Textarea
            {...control}
            rows={6}
            value={members}
            invalid={errors['plan-members'] !== undefined}
            onChange={(e) => {
              setMembers(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="ep-actions">
        <PrimaryActionButton type="submit">{t.school.planSubmit}</PrimaryActionButton>
      </div>
    </form>
  );
}
