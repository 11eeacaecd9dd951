// "Voorzieningen": the provisions the user runs, with capacity, occupied places and waiting list.
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
import { listProvisions } from '../../api/trajectory';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterLink } from '../../components/RouterLink';
import { nl } from '../../messages/nl';
import { nlTrajectory } from '../../messages/nl-trajectory';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';

const t = nlTrajectory.list;

export function ProvisionListPage() {
  useDocumentTitle(t.title);
  const provisions = useLoad(() => listProvisions(), []);
  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      {provisions.status === 'error' && <ProblemAlert error={provisions.error} />}
      {provisions.status === 'loading' && <Paragraph>{nl.loading}</Paragraph>}
      {provisions.value && provisions.value.length === 0 && <Paragraph>{t.empty}</Paragraph>}
      {provisions.value && provisions.value.length > 0 && (
        <Table>
          <TableCaption>{t.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.name}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.school}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.capacity}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.occupied}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.waiting}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {provisions.value.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  <RouterLink to={`/voorzieningen/${p.id}`}>{p.name}</RouterLink>
                </TableCell>
                <TableCell>{p.enrollingSchool.name}</TableCell>
                <TableCell>{p.capacity}</TableCell>
                <TableCell>
                  {p.occupied}
                  {p.freePlaces === 0 && ` (${t.full})`}
                </TableCell>
                <TableCell>{p.waiting}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
