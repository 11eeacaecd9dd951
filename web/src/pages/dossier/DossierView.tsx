import type { ReactNode } from 'react';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { CaseTeam } from '../../api/caseTeam';
import type { Factor, Pupil, SupportNeedCategory } from '../../api/types';
import { formatDate } from '../../format';
import { nl } from '../../messages/nl';
import { CaseTeamSection } from './CaseTeamSection';

const t = nl.dossier;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="ep-section" aria-labelledby={id}>
      <Heading2 id={id}>{title}</Heading2>
      {children}
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** The read-only dossier. Members the server left out (limited scope) are simply not shown. */
export function DossierView({
  pupil,
  categories,
  onCaseTeamSaved,
}: {
  pupil: Pupil;
  categories: SupportNeedCategory[];
  onCaseTeamSaved: (team: CaseTeam) => void;
}) {
  const categoryLabel = (code: string) =>
    categories.find((c) => c.code === code)?.label ?? nl.label.supportNeedCategory(code);

  return (
    <>
      <Section id="sec-personalia" title={t.sections.personalia}>
        <DataList className="ep-data-list">
          <Item label={t.field.name}>
            {pupil.givenName} {pupil.familyName}
          </Item>
          <Item label={t.field.dateOfBirth}>{formatDate(pupil.dateOfBirth)}</Item>
          <Item label={t.field.postcode}>{pupil.postcode || t.none}</Item>
          <Item label={t.field.schoolPupilNumber}>{pupil.schoolPupilNumber}</Item>
          <Item label={t.field.status}>{nl.label.status(pupil.status)}</Item>
          <Item label={t.field.enrolmentSchool}>{pupil.enrolmentSchool.name}</Item>
          <Item label={t.field.homeSchool}>{pupil.homeSchool?.name ?? t.none}</Item>
          <Item label={t.field.municipality}>{pupil.municipality?.name ?? t.none}</Item>
          <Item label={t.field.yearGroup}>
            {typeof pupil.yearGroup !== 'number'
              ? t.none
              : t.yearGroupValue(pupil.yearGroup, pupil.level)}
          </Item>
          <Item label={t.field.level}>{pupil.level || t.none}</Item>
        </DataList>

        <Heading3>{t.sections.guardians}</Heading3>
        {pupil.guardians.length === 0 ? (
          <Paragraph>{t.guardian.none}</Paragraph>
        ) : (
          <div className="ep-table-scroll">
            <Table className="ep-table">
              <TableCaption className="ep-visually-hidden">{t.guardian.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.guardian.name}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.guardian.relationship}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.guardian.phone}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.guardian.email}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {pupil.guardians.map((g) => (
                  <TableRow key={g.id}>
                    <TableHeaderCell scope="row">{g.name}</TableHeaderCell>
                    <TableCell>{nl.label.relationship(g.relationship)}</TableCell>
                    <TableCell>
                      {g.phone ? (
                        <a className="utrecht-link" href={`tel:${g.phone.replace(/\s+/g, '')}`}>
                          {g.phone}
                        </a>
                      ) : (
                        t.none
                      )}
                    </TableCell>
                    <TableCell>{g.email || t.none}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Section>

      <CaseTeamSection pupil={pupil} onSaved={onCaseTeamSaved} />

      {pupil.supportNeeds && (
        <Section id="sec-support-needs" title={t.sections.supportNeeds}>
          {pupil.supportNeeds.length === 0 ? (
            <Paragraph>{t.supportNeedsNone}</Paragraph>
          ) : (
            <ul className="ep-cards">
              {pupil.supportNeeds.map((n) => (
                <li key={n.id} className="ep-card">
                  <Heading3 className="ep-card__title">{categoryLabel(n.category)}</Heading3>
                  <Paragraph className="ep-prewrap">{n.description}</Paragraph>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}

      {pupil.factors && (
        <Section id="sec-factors" title={t.sections.factors}>
          <div className="ep-two-columns">
            <FactorList
              title={t.sections.promoting}
              factors={pupil.factors.filter((f) => f.kind === 'promoting')}
            />
            <FactorList
              title={t.sections.hindering}
              factors={pupil.factors.filter((f) => f.kind === 'hindering')}
            />
          </div>
        </Section>
      )}

      {pupil.loadCapacity !== undefined && (
        <Section id="sec-load-capacity" title={t.sections.loadCapacity}>
          <Paragraph className="ep-prewrap">{pupil.loadCapacity || t.emptyText}</Paragraph>
        </Section>
      )}

      {pupil.careHistory !== undefined && (
        <Section id="sec-care-history" title={t.sections.careHistory}>
          <Paragraph className="ep-prewrap">{pupil.careHistory || t.emptyText}</Paragraph>
        </Section>
      )}
    </>
  );
}

function FactorList({ title, factors }: { title: string; factors: Factor[] }) {
  return (
    <div>
      <Heading3>{title}</Heading3>
      {factors.length === 0 ? (
        <Paragraph>{t.factorsNone}</Paragraph>
      ) : (
        <ul className="ep-plain-list ep-factors">
          {factors.map((f) => (
            <li key={f.id} className="ep-factor">
              <span className="ep-badge">
                <span className="ep-visually-hidden">{t.areaLabel}: </span>
                {nl.label.factorArea(f.area)}
              </span>{' '}
              <span className="ep-prewrap">{f.description}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
