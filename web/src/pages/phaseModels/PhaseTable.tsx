// One phase model's ordered phases as a table: on the Fasenmodellen page, and in a version conflict
// to show the model as someone else saved it.
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { PhaseModel } from '../../api/trajectory';
import { nlPlan } from '../../messages/nl-plan';
import { nlPhaseModels as t } from '../../messages/nl-phase-models';

export const placeLabel = (place: string) => nlPlan.places[place] ?? place;

export function PhaseTable({ model, caption }: { model: PhaseModel; caption: string }) {
  return (
    // A wide table scrolls: keyboard users must be able to reach it to scroll it (WCAG 2.1.1).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="ep-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table className="ep-table ep-phase-table">
        <TableCaption className="ep-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.col.order}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.col.name}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.col.description}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.col.hours}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.col.care}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.col.duration}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.col.places}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {model.phases.map((phase, index) => (
            <TableRow key={phase.code}>
              <TableCell>{index + 1}</TableCell>
              <TableHeaderCell scope="row">{phase.name}</TableHeaderCell>
              <TableCell>{phase.description || t.empty}</TableCell>
              <TableCell>
                {t.hours(phase.typicalHoursMin ?? 0, phase.typicalHoursMax ?? 0)}
              </TableCell>
              <TableCell>
                {phase.careSharePercent == null ? t.empty : t.percent(phase.careSharePercent)}
              </TableCell>
              <TableCell>
                {phase.typicalDurationMonths == null
                  ? t.empty
                  : t.months(phase.typicalDurationMonths)}
              </TableCell>
              <TableCell>{phase.allowedPlaces.map(placeLabel).join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
