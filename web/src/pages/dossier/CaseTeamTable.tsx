// The case team as a table: the regisseur first, marked with a badge.
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { CaseTeamMember } from '../../api/types';
import { nl } from '../../messages/nl';

const t = nl.dossier;

export function CaseTeamTable({
  members,
  caption,
}: {
  members: CaseTeamMember[];
  caption: string;
}) {
  return (
    <div className="ep-table-scroll">
      <Table className="ep-table">
        <TableCaption className="ep-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.caseTeam.name}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.caseTeam.caseRole}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.caseTeam.role}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.caseTeam.organisation}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...members]
            .sort((a, b) => Number(b.isCaseLead) - Number(a.isCaseLead))
            .map((m) => (
              <TableRow key={m.userId} className={m.isCaseLead ? 'ep-case-lead' : undefined}>
                <TableHeaderCell scope="row">
                  {m.displayName}
                  {m.isCaseLead && (
                    <span className="ep-badge ep-badge--lead">{t.caseTeam.lead}</span>
                  )}
                </TableHeaderCell>
                <TableCell>{m.caseRole ? nl.label.caseRole(m.caseRole) : t.none}</TableCell>
                <TableCell>{nl.label.role(m.role)}</TableCell>
                <TableCell>{m.organisation?.name ?? t.none}</TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
    </div>
  );
}
