import { useState, type SubmitEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  ButtonGroup,
  Heading1,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import { listOrganisations } from '../../api/eenplan';
import {
  createHomeboundCase,
  dismissHomeboundCandidate,
  listHomeboundCandidates,
  listHomeboundCases,
  type CaseState,
  type ClockStatus,
  type HomeboundCandidate,
  type HomeboundCategory,
} from '../../api/homebound';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterLink } from '../../components/RouterLink';
import { useSession } from '../../auth/session-context';
import { formatDate } from '../../format';
import { nl } from '../../messages/nl';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';
import { categoryLabel, ClockBadge } from './ClockBadge';
import { formText } from './HomeboundCasePage';

const t = nl.homebound;
const CATEGORIES = Object.keys(t.categories) as HomeboundCategory[];
const CLOCK_STATUSES = Object.keys(t.clockStatuses) as ClockStatus[];
const STATES = ['open', 'closed', 'dismissed', 'all'] as const;

function readQuery(params: URLSearchParams) {
  const category = params.get('category') ?? '';
  const clockStatus = params.get('clockStatus') ?? '';
  const state = params.get('state') ?? 'open';
  return {
    category: (CATEGORIES.includes(category as HomeboundCategory) ? category : '') as
      HomeboundCategory | '',
    clockStatus: (CLOCK_STATUSES.includes(clockStatus as ClockStatus) ? clockStatus : '') as
      ClockStatus | '',
    state: ((STATES as readonly string[]).includes(state) ? state : 'open') as CaseState | 'all',
    schoolId: params.get('schoolId') ?? '',
  };
}

export function HomeboundRegisterPage() {
  useDocumentTitle(t.title);
  const { state: session } = useSession();
  const user = session.status === 'authenticated' ? session.session.user : null;
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const { category, clockStatus, state, schoolId } = query;
  const register = useLoad(
    () => listHomeboundCases({ category, clockStatus, state, schoolId }),
    [category, clockStatus, state, schoolId],
  );
  const candidates = useLoad(() => listHomeboundCandidates(), []);
  const schools = useLoad(() => listOrganisations('school'), []);
  const [notice, setNotice] = useState<string | null>(null);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['category', 'clockStatus', 'state', 'schoolId']) {
      const value = form.get(name);
      if (typeof value === 'string' && value !== '' && !(name === 'state' && value === 'open'))
        next.set(name, value);
    }
    setParams(next);
  }

  if (register.status === 'error' && register.error.code === 'forbidden') {
    return (
      <>
        <Heading1>{t.title}</Heading1>
        <Alert type="info">
          <Paragraph>{t.noAccess}</Paragraph>
        </Alert>
      </>
    );
  }

  const data = register.value;
  const filtered = category !== '' || clockStatus !== '' || state !== 'open' || schoolId !== '';

  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      <ButtonGroup>
        <RouterLink to="/thuiszitters/nieuw">{t.registerNew}</RouterLink>
        {user?.role === 'swv_consultant' && (
          <RouterLink to="/thuiszitters/overzicht">{t.overviewLink}</RouterLink>
        )}
        <RouterLink to="/thuiszitters/instellingen">{nl.homeboundSettings.link}</RouterLink>
      </ButtonGroup>

      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}

      <section className="ep-section" aria-labelledby="candidates-title">
        <Heading2 id="candidates-title">{t.candidates.title}</Heading2>
        <Paragraph>{t.candidates.intro}</Paragraph>
        {candidates.status === 'error' && <ProblemAlert error={candidates.error} />}
        {candidates.value && candidates.value.length === 0 && (
          <Paragraph>{t.candidates.none}</Paragraph>
        )}
        {candidates.value && candidates.value.length > 0 && (
          <CandidateTable
            items={candidates.value}
            onDone={(message) => {
              setNotice(message);
              candidates.reload();
              register.reload();
            }}
          />
        )}
      </section>

      <section className="ep-section" aria-labelledby="register-title">
        <Heading2 id="register-title">{t.caption}</Heading2>
        <form
          key={params.toString()}
          className="ep-filters"
          role="search"
          aria-label={t.filters}
          onSubmit={onSubmit}
        >
          <Field id="filter-category" label={t.category}>
            {(control) => (
              <Select {...control} name="category" defaultValue={category}>
                <SelectOption value="">{t.allCategories}</SelectOption>
                {CATEGORIES.map((c) => (
                  <SelectOption key={c} value={c}>
                    {t.categories[c]}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field id="filter-clock" label={t.clockStatus}>
            {(control) => (
              <Select {...control} name="clockStatus" defaultValue={clockStatus}>
                <SelectOption value="">{t.allClockStatuses}</SelectOption>
                {CLOCK_STATUSES.map((s) => (
                  <SelectOption key={s} value={s}>
                    {t.clockStatuses[s]}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field id="filter-state" label={t.state}>
            {(control) => (
              <Select {...control} name="state" defaultValue={state}>
                {STATES.map((s) => (
                  <SelectOption key={s} value={s}>
                    {t.states[s]}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field id="filter-school" label={t.school}>
            {(control) => (
              <Select {...control} name="schoolId" defaultValue={schoolId}>
                <SelectOption value="">{t.allSchools}</SelectOption>
                {(schools.value ?? []).map((school) => (
                  <SelectOption key={school.id} value={school.id}>
                    {school.name}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <div className="ep-filters__actions">
            <PrimaryActionButton type="submit">{t.apply}</PrimaryActionButton>
            {filtered && <RouterLink to="/thuiszitters">{t.reset}</RouterLink>}
          </div>
        </form>

        {register.status === 'error' && <ProblemAlert error={register.error} />}
        <Paragraph className="ep-result-count" aria-live="polite">
          {data ? t.total(data.total) : nl.loading}
        </Paragraph>
        {data && data.items.length === 0 && (
          <Alert type="info">
            <Paragraph>{t.empty}</Paragraph>
          </Alert>
        )}
        {data && data.items.length > 0 && (
          <div className="ep-table-scroll">
            <Table className="ep-table" busy={register.status === 'loading'}>
              <TableCaption className="ep-visually-hidden">{t.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.col.pupil}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.col.school}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.col.category}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.col.firstDay}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.col.weeks}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.col.target}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.col.deadline}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.col.status}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((c) => (
                  <TableRow key={c.id}>
                    <TableHeaderCell scope="row">
                      <RouterLink to={`/thuiszitters/${c.id}`}>
                        {c.pupil.familyName}, {c.pupil.givenName}
                      </RouterLink>
                    </TableHeaderCell>
                    <TableCell>{c.pupil.enrolmentSchool.name}</TableCell>
                    <TableCell>{categoryLabel(c)}</TableCell>
                    <TableCell className="ep-nowrap">{formatDate(c.clock.firstDay)}</TableCell>
                    <TableCell className="ep-nowrap">{t.weeks(c.clock.daysElapsed)}</TableCell>
                    <TableCell className="ep-nowrap">{formatDate(c.clock.target)}</TableCell>
                    <TableCell className="ep-nowrap">{formatDate(c.clock.legalDeadline)}</TableCell>
                    <TableCell>
                      <ClockBadge c={c} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}

function CandidateTable({
  items,
  onDone,
}: {
  items: HomeboundCandidate[];
  onDone: (message: string) => void;
}) {
  const navigate = useNavigate();
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const name = (c: HomeboundCandidate) => `${c.pupil.givenName} ${c.pupil.familyName}`;

  async function confirm(c: HomeboundCandidate) {
    setBusy(true);
    setError(null);
    try {
      const created = await createHomeboundCase({
        pupilId: c.pupil.id,
        category: c.suggestedCategory,
        firstDay: c.firstDay,
        source: 'detected',
      });
      onDone(t.candidates.confirmed(name(c)));
      void navigate(`/thuiszitters/${created.id}`);
    } catch (e) {
      setError(isApiError(e) ? e : null);
    } finally {
      setBusy(false);
    }
  }

  async function dismiss(event: SubmitEvent<HTMLFormElement>, c: HomeboundCandidate) {
    event.preventDefault();
    const reason = formText(new FormData(event.currentTarget), 'reason').trim();
    if (reason === '') {
      setReasonError(t.candidates.reasonRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await dismissHomeboundCandidate({ pupilId: c.pupil.id, firstDay: c.firstDay, reason });
      setDismissing(null);
      setReasonError(undefined);
      onDone(t.candidates.dismissed(name(c)));
    } catch (e) {
      setError(isApiError(e) ? e : null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {error && <ProblemAlert error={error} />}
      <div className="ep-table-scroll">
        <Table className="ep-table">
          <TableCaption className="ep-visually-hidden">{t.candidates.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.col.pupil}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.col.school}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.candidates.suggested}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.candidates.since}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.candidates.schoolDays}</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="ep-visually-hidden">{t.col.status}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((c) => (
              <TableRow key={`${c.pupil.id}:${c.firstDay}`}>
                <TableHeaderCell scope="row">
                  <RouterLink to={`/leerlingen/${c.pupil.id}`}>
                    {c.pupil.familyName}, {c.pupil.givenName}
                  </RouterLink>
                </TableHeaderCell>
                <TableCell>{c.pupil.enrolmentSchool.name}</TableCell>
                <TableCell>{t.categories[c.suggestedCategory]}</TableCell>
                <TableCell className="ep-nowrap">{formatDate(c.firstDay)}</TableCell>
                <TableCell>{c.schoolDays}</TableCell>
                <TableCell>
                  {dismissing === c.pupil.id ? (
                    <form className="ep-inline-form" onSubmit={(e) => void dismiss(e, c)}>
                      <Field
                        id={`dismiss-reason-${c.pupil.id}`}
                        label={t.candidates.reason}
                        hint={t.candidates.reasonHint}
                        error={reasonError}
                      >
                        {(control) => <Textarea {...control} name="reason" rows={2} />}
                      </Field>
                      <ButtonGroup>
                        <PrimaryActionButton type="submit" disabled={busy}>
                          {t.candidates.save}
                        </PrimaryActionButton>
                        <SecondaryActionButton
                          type="button"
                          onClick={() => {
                            setDismissing(null);
                          }}
                        >
                          {t.candidates.cancel}
                        </SecondaryActionButton>
                      </ButtonGroup>
                    </form>
                  ) : (
                    <ButtonGroup>
                      <PrimaryActionButton
                        type="button"
                        disabled={busy}
                        aria-label={t.candidates.confirmLabel(name(c))}
                        onClick={() => void confirm(c)}
                      >
                        {t.candidates.confirm}
                      </PrimaryActionButton>
                      <SecondaryActionButton
                        type="button"
                        aria-label={t.candidates.dismissLabel(name(c))}
                        onClick={() => {
                          setReasonError(undefined);
                          setDismissing(c.pupil.id);
                        }}
                      >
                        {t.candidates.dismiss}
                      </SecondaryActionButton>
                    </ButtonGroup>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
