import { useSearchParams } from 'react-router';
import {
  Alert,
  Heading1,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { getAbsenceTrends, type AbsenceTrendRow } from '../../api/homebound';
import { Chart, csvHref, type ChartSeries } from '../../components/Chart';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nl } from '../../messages/nl';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';

const t = nl.absenceTrends;

/** One series per group (level or year group): unauthorised hours per quarter. */
function seriesBy(
  rows: AbsenceTrendRow[],
  quarters: string[],
  key: (r: AbsenceTrendRow) => string,
): ChartSeries[] {
  const groups = [...new Set(rows.map(key))].sort((a, b) =>
    a.localeCompare(b, 'nl', { numeric: true }),
  );
  return groups.map((g) => ({
    name: g,
    values: quarters.map((q) =>
      rows
        .filter((r) => r.quarter === q && key(r) === g)
        .reduce((n, r) => n + r.unauthorisedHours, 0),
    ),
  }));
}

export function AbsenceTrendsPage() {
  useDocumentTitle(t.title);
  const [params, setParams] = useSearchParams();
  const schoolId = params.get('schoolId') ?? '';
  const trends = useLoad(() => getAbsenceTrends(schoolId), [schoolId]);

  if (trends.status === 'error') {
    return (
      <>
        <Heading1>{t.title}</Heading1>
        {trends.error.code === 'forbidden' ? (
          <Alert type="info">
            <Paragraph>{t.noAccess}</Paragraph>
          </Alert>
        ) : (
          <ProblemAlert error={trends.error} />
        )}
      </>
    );
  }
  const data = trends.value;
  if (!data) return <Paragraph>{nl.loading}</Paragraph>;

  const quarters = [...new Set(data.rows.map((r) => r.quarter))].sort();
  const levelOf = (r: AbsenceTrendRow) => r.level || t.unknown;
  const yearOf = (r: AbsenceTrendRow) =>
    r.yearGroup === null ? t.unknown : nl.dossier.yearGroupValue(r.yearGroup, r.level);
  const byLevel = seriesBy(data.rows, quarters, levelOf);
  const byYear = seriesBy(data.rows, quarters, yearOf);
  const detailHeader = [t.level, t.yearGroup, t.enrolled, t.unauthorised, t.sick, t.late, t.other];
  const detailCategories = data.rows.map((r) => `${r.quarter} ${levelOf(r)} ${yearOf(r)}`);
  const detailSeries: ChartSeries[] = [
    { name: t.enrolled, values: data.rows.map((r) => r.enrolledPupils) },
    { name: t.unauthorised, values: data.rows.map((r) => r.unauthorisedHours) },
    { name: t.sick, values: data.rows.map((r) => r.sickHours) },
    { name: t.late, values: data.rows.map((r) => r.late) },
    { name: t.other, values: data.rows.map((r) => r.otherHours) },
  ];

  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      {data.schools.length > 1 && (
        <Field id="trend-school" label={t.school}>
          {(control) => (
            <Select
              {...control}
              value={data.school.id}
              onChange={(e) => {
                setParams({ schoolId: e.target.value });
              }}
            >
              {data.schools.map((s) => (
                <SelectOption key={s.id} value={s.id}>
                  {s.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Heading2>{data.school.name}</Heading2>
      {data.rows.length === 0 ? (
        <Alert type="info">
          <Paragraph>{t.empty}</Paragraph>
        </Alert>
      ) : (
        <>
          <section className="ep-section" aria-labelledby="trend-level">
            <Heading2 id="trend-level">{t.byLevel}</Heading2>
            <Chart
              id="chart-level"
              title={t.byLevel}
              categoryLabel={t.quarter}
              categories={quarters}
              series={byLevel}
              kind="line"
            />
          </section>
          <section className="ep-section" aria-labelledby="trend-year">
            <Heading2 id="trend-year">{t.byYearGroup}</Heading2>
            <Chart
              id="chart-year"
              title={t.byYearGroup}
              categoryLabel={t.quarter}
              categories={quarters}
              series={byYear}
              kind="line"
            />
          </section>
          <section className="ep-section" aria-labelledby="trend-detail">
            <Heading2 id="trend-detail">{t.detail}</Heading2>
            <div className="ep-table-scroll">
              <Table className="ep-table">
                <TableCaption className="ep-visually-hidden">{t.detail}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t.quarter}</TableHeaderCell>
                    {detailHeader.map((h) => (
                      <TableHeaderCell key={h} scope="col">
                        {h}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.rows.map((r) => (
                    <TableRow key={`${r.quarter}:${r.level}:${String(r.yearGroup)}`}>
                      <TableHeaderCell scope="row">{r.quarter}</TableHeaderCell>
                      <TableCell>{levelOf(r)}</TableCell>
                      <TableCell>{yearOf(r)}</TableCell>
                      <TableCell>{r.enrolledPupils}</TableCell>
                      <TableCell>{r.unauthorisedHours}</TableCell>
                      <TableCell>{r.sickHours}</TableCell>
                      <TableCell>{r.late}</TableCell>
                      <TableCell>{r.otherHours}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <Paragraph>
              <a
                className="utrecht-link utrecht-link--html-a"
                href={csvHref(
                  `${t.quarter} / ${t.level} / ${t.yearGroup}`,
                  detailCategories,
                  detailSeries,
                )}
                download="verzuimtrends.csv"
              >
                {t.csv}
              </a>
            </Paragraph>
          </section>
        </>
      )}
    </>
  );
}
