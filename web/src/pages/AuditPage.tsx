import { useLocation, useParams, useSearchParams } from 'react-router';
import {
  Heading1,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { listAudit } from '../api/eenplan';
import { Pagination } from '../components/Pagination';
import { ProblemAlert } from '../components/ProblemAlert';
import { RouterLink } from '../components/RouterLink';
import { formatDateTime } from '../format';
import type { AuditDetail } from '../api/types';
import { nl } from '../messages/nl';
import { nlCaseTeam } from '../messages/nl-case-team';
import { useDocumentTitle } from '../useDocumentTitle';
import { useLoad } from '../useLoad';

const PAGE_SIZE = 50;

/**
 * The pupil's name comes along from the dossier link; the page does not fetch the dossier itself,
 * so looking at the audit log does not add an extra "read" of the dossier to that same log.
 */
function pupilNameFrom(state: unknown): string | null {
  const name = (state as { pupilName?: unknown } | null)?.pupilName;
  return typeof name === 'string' && name !== '' ? name : null;
}

export function AuditPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const pupilName = pupilNameFrom(location.state);
  const parsed = Number.parseInt(params.get('page') ?? '1', 10);
  const page = Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
  useDocumentTitle(nl.audit.title);

  const audit = useLoad(() => listAudit(id, page, PAGE_SIZE), [id, page]);
  const data = audit.value;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  if (audit.status === 'error' && audit.error.code === 'not-found') {
    return (
      <>
        <Heading1>{nl.dossier.notFoundTitle}</Heading1>
        <Paragraph>{nl.dossier.notFound}</Paragraph>
      </>
    );
  }

  return (
    <>
      <nav aria-label={nl.dossier.breadcrumb} className="ep-breadcrumb">
        <RouterLink to="/leerlingen">{nl.pupils.title}</RouterLink>
        <span aria-hidden="true"> › </span>
        <RouterLink to={`/leerlingen/${id}`}>{pupilName ?? nl.audit.back}</RouterLink>
        <span aria-hidden="true"> › </span>
        <span>{nl.audit.title}</span>
      </nav>
      <Heading1>{nl.audit.title}</Heading1>
      {pupilName !== null && <Paragraph appearance="lead">{pupilName}</Paragraph>}
      <Paragraph>{nl.audit.intro}</Paragraph>

      {audit.status === 'error' && <ProblemAlert error={audit.error} />}
      {!data && audit.status === 'loading' && <Paragraph>{nl.loading}</Paragraph>}
      {data && data.items.length === 0 && <Paragraph>{nl.audit.empty}</Paragraph>}
      {data && data.items.length > 0 && (
        <>
          <Paragraph aria-live="polite">{nl.audit.total(data.total)}</Paragraph>
          <div className="ep-table-scroll">
            <Table className="ep-table" busy={audit.status === 'loading'}>
              <TableCaption className="ep-visually-hidden">{nl.audit.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{nl.audit.col.at}</TableHeaderCell>
                  <TableHeaderCell scope="col">{nl.audit.col.who}</TableHeaderCell>
                  <TableHeaderCell scope="col">{nl.audit.col.role}</TableHeaderCell>
                  <TableHeaderCell scope="col">{nl.audit.col.organisation}</TableHeaderCell>
                  <TableHeaderCell scope="col">{nl.audit.col.action}</TableHeaderCell>
                  <TableHeaderCell scope="col">{nl.audit.col.resource}</TableHeaderCell>
                  <TableHeaderCell scope="col">{nl.audit.col.purpose}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((event) => (
                  <TableRow key={event.id}>
                    <TableCell className="ep-nowrap">
                      <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                    </TableCell>
                    <TableCell>{event.actor.displayName}</TableCell>
                    <TableCell>{nl.label.role(event.actor.role)}</TableCell>
                    <TableCell>{event.actor.organisation?.name ?? nl.dossier.none}</TableCell>
                    <TableCell>{nl.label.auditAction(event.action)}</TableCell>
                    <TableCell>
                      {nl.label.auditResource(event.resource)}
                      {event.detail && <AuditDetailText detail={event.detail} />}
                    </TableCell>
                    <TableCell>{event.purpose || nl.dossier.none}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Pagination
            page={data.page}
            pages={pages}
            hrefFor={(p) => `?page=${p}`}
            state={location.state as unknown}
          />
        </>
      )}
    </>
  );
}

/** What a case-team change did, in counts (the trail keeps ids only, no names). */
function AuditDetailText({ detail }: { detail: AuditDetail }) {
  const summary = nlCaseTeam.audit.summary(
    detail.added?.length ?? 0,
    detail.removed?.length ?? 0,
    detail.changed?.length ?? 0,
  );
  const newLead = detail.caseLeadAfter !== undefined;
  if (summary === '' && !newLead) return null;
  return (
    <span className="ep-audit-detail">
      {': '}
      {[summary, newLead ? nlCaseTeam.audit.newLead : ''].filter((p) => p !== '').join('; ')}
    </span>
  );
}
