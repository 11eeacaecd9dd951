// Every stored version of the region's thuiszitter settings, newest first: who changed what, when
// and why, so a clock status shown on an earlier day can be explained.
import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { HomeboundSettingsVersion } from '../../api/homebound';
import { formatDateTime } from '../../format';
import { nl } from '../../messages/nl';

const t = nl.homeboundSettings;

export function HomeboundSettingsHistory({ history }: { history: HomeboundSettingsVersion[] }) {
  return (
    <section aria-labelledby="settings-history">
      <Heading2 id="settings-history">{t.historyTitle}</Heading2>
      {history.length === 0 ? (
        <Paragraph>{t.noHistory}</Paragraph>
      ) : (
        // A wide table scrolls: keyboard users must be able to reach it to scroll it (WCAG 2.1.1).
        <div
          className="ep-table-scroll"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label={t.historyCaption}
        >
          <Table className="ep-table">
            <TableCaption>{t.historyCaption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.col.version}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.changed}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.by}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.target}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.atRisk}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.relative}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.threatening}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.hours}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.lag}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.col.reason}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.map((v) => (
                <TableRow key={v.version}>
                  <TableHeaderCell scope="row">{v.version}</TableHeaderCell>
                  <TableCell>{v.changedAt ? formatDateTime(v.changedAt) : t.defaults}</TableCell>
                  <TableCell>{v.changedBy?.displayName ?? ''}</TableCell>
                  <TableCell>{t.weeks(v.targetWeeks)}</TableCell>
                  <TableCell>{t.weeks(v.atRiskWeeks)}</TableCell>
                  <TableCell>{t.weeks(v.relativeThresholdWeeks)}</TableCell>
                  <TableCell>{t.weeks(v.threateningWeeks)}</TableCell>
                  <TableCell>{v.minUnauthorisedHours}</TableCell>
                  <TableCell>{v.dataLagSchoolDays}</TableCell>
                  <TableCell className="ep-prewrap">{v.reason ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
