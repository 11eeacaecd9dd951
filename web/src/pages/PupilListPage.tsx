import type { SubmitEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert,
  Heading1,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { listOrganisations, listPupils } from '../api/eenplan';
import type { PupilStatus } from '../api/types';
import { Field } from '../components/Field';
import { Pagination } from '../components/Pagination';
import { ProblemAlert } from '../components/ProblemAlert';
import { RouterLink } from '../components/RouterLink';
import { formatDate } from '../format';
import { nl } from '../messages/nl';
import { useDocumentTitle } from '../useDocumentTitle';
import { useLoad } from '../useLoad';

const PAGE_SIZE = 25;
const STATUSES = new Set<string>(nl.options.statuses.map(([value]) => value));

/** Filters and page live in the URL so back/forward and bookmarks keep them. */
function readQuery(params: URLSearchParams) {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const status = params.get('status') ?? '';
  return {
    q: params.get('q') ?? '',
    schoolId: params.get('schoolId') ?? '',
    status: (STATUSES.has(status) ? status : '') as PupilStatus | '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function PupilListPage() {
  useDocumentTitle(nl.pupils.title);
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const { q, schoolId, status, page } = query;

  const pupils = useLoad(
    () => listPupils({ q, schoolId, status, page, pageSize: PAGE_SIZE }),
    [q, schoolId, status, page],
  );
  const schools = useLoad(() => listOrganisations('school'), []);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['q', 'schoolId', 'status']) {
      const value = form.get(name);
      if (typeof value === 'string' && value.trim() !== '') next.set(name, value.trim());
    }
    setParams(next);
  }

  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    return `?${next.toString()}`;
  };

  const filtered = q !== '' || schoolId !== '' || status !== '';
  const data = pupils.value;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  if (pupils.status === 'error' && pupils.error.code === 'forbidden') {
    return (
      <>
        <Heading1>{nl.pupils.title}</Heading1>
        <Alert type="info">
          <Paragraph>{nl.pupils.adminNoAccess}</Paragraph>
        </Alert>
      </>
    );
  }

  return (
    <>
      <Heading1>{nl.pupils.title}</Heading1>
      <Paragraph>{nl.pupils.intro}</Paragraph>

      {/* key: a back/forward navigation resets the inputs to what the URL says */}
      <form
        key={params.toString()}
        className="ep-filters"
        role="search"
        aria-label={nl.pupils.filters}
        onSubmit={onSubmit}
      >
        <Field id="filter-q" label={nl.pupils.search}>
          {(control) => <Textbox {...control} name="q" type="search" defaultValue={q} />}
        </Field>
        <Field id="filter-school" label={nl.pupils.school}>
          {(control) => (
            <Select {...control} name="schoolId" defaultValue={schoolId}>
              <SelectOption value="">{nl.pupils.allSchools}</SelectOption>
              {(schools.value ?? []).map((school) => (
                <SelectOption key={school.id} value={school.id}>
                  {school.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field id="filter-status" label={nl.pupils.status}>
          {(control) => (
            <Select {...control} name="status" defaultValue={status}>
              <SelectOption value="">{nl.pupils.allStatuses}</SelectOption>
              {nl.options.statuses.map(([value, label]) => (
                <SelectOption key={value} value={value}>
                  {label}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <div className="ep-filters__actions">
          <PrimaryActionButton type="submit">{nl.pupils.apply}</PrimaryActionButton>
          {filtered && <RouterLink to="/leerlingen">{nl.pupils.reset}</RouterLink>}
        </div>
      </form>

      {pupils.status === 'error' && <ProblemAlert error={pupils.error} />}

      <Paragraph className="ep-result-count" aria-live="polite">
        {data ? nl.pupils.total(data.total) : nl.loading}
      </Paragraph>

      {data && data.items.length === 0 && (
        <Alert type="info">
          <Paragraph>{filtered ? nl.pupils.emptyFiltered : nl.pupils.empty}</Paragraph>
        </Alert>
      )}

      {data && data.items.length > 0 && (
        <div className="ep-table-scroll">
          <Table className="ep-table" busy={pupils.status === 'loading'}>
            <TableCaption className="ep-visually-hidden">
              {nl.pupils.captionPage(data.page, pages)}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{nl.pupils.col.name}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.pupils.col.dateOfBirth}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.pupils.col.number}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.pupils.col.school}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.pupils.col.homeSchool}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.pupils.col.status}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((pupil) => (
                <TableRow key={pupil.id}>
                  <TableHeaderCell scope="row">
                    <RouterLink to={`/leerlingen/${pupil.id}`}>
                      {pupil.familyName}, {pupil.givenName}
                    </RouterLink>
                  </TableHeaderCell>
                  <TableCell className="ep-nowrap">{formatDate(pupil.dateOfBirth)}</TableCell>
                  <TableCell>{pupil.schoolPupilNumber}</TableCell>
                  <TableCell>{pupil.enrolmentSchool.name}</TableCell>
                  <TableCell>{pupil.homeSchool?.name ?? nl.pupils.none}</TableCell>
                  <TableCell className="ep-nowrap">{nl.label.status(pupil.status)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {data && <Pagination page={data.page} pages={pages} hrefFor={hrefFor} />}
    </>
  );
}
