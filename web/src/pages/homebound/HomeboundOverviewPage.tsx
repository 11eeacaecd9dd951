import { useState } from 'react';
import {
  Alert,
  Heading1,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { getHomeboundOverview, homeboundRegistrationUrl } from '../../api/homebound';
import { Chart, csvHref, type ChartSeries } from '../../components/Chart';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nl } from '../../messages/nl';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';

const t = nl.homebound;
const o = t.overview;

/** The last eight quarters, newest first: "2026-Q4", … */
function quarters(today: string): string[] {
  let year = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    out.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

function Download({
  name,
  label,
  categories,
  series,
}: {
  name: string;
  label: string;
  categories: string[];
  series: ChartSeries[];
}) {
  return (
    <Paragraph>
      <a
        className="utrecht-link utrecht-link--html-a"
        href={csvHref(label, categories, series)}
        download={`${name}.csv`}
      >
        {o.csv}
      </a>
    </Paragraph>
  );
}

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const monthLabel = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1] ?? m} ${m.slice(0, 4)}`;

export function HomeboundOverviewPage() {
  useDocumentTitle(o.title);
  const overview = useLoad(() => getHomeboundOverview(), []);
  const [quarter, setQuarter] = useState<string | null>(null);

  if (overview.status === 'error') {
    return (
      <>
        <Heading1>{o.title}</Heading1>
        {overview.error.code === 'forbidden' ? (
          <Alert type="info">
            <Paragraph>{o.noAccess}</Paragraph>
          </Alert>
        ) : (
          <ProblemAlert error={overview.error} />
        )}
      </>
    );
  }
  const data = overview.value;
  if (!data) return <Paragraph>{nl.loading}</Paragraph>;

  const byCategory = {
    categories: data.openByCategory.map((c) => t.categories[c.key] ?? c.key),
    series: [{ name: o.count, values: data.openByCategory.map((c) => c.count) }],
  };
  const byBand = {
    categories: data.openByDurationBand.map((c) => t.bands[c.key] ?? c.key),
    series: [{ name: o.count, values: data.openByDurationBand.map((c) => c.count) }],
  };
  const perMonth = {
    categories: data.months.map((m) => monthLabel(m.month)),
    series: [
      { name: o.started, values: data.months.map((m) => m.started) },
      { name: o.resolved, values: data.months.map((m) => m.resolved) },
    ],
  };
  const options = quarters(data.today);
  const chosen = quarter ?? options[0] ?? '';

  return (
    <>
      <Heading1>{o.title}</Heading1>
      <Paragraph>{o.intro}</Paragraph>
      <Paragraph>{o.withinDeadline(data.resolvedWithinDeadline, data.resolvedTotal)}</Paragraph>

      <section className="ep-section" aria-labelledby="ov-category">
        <Heading2 id="ov-category">{o.byCategory}</Heading2>
        <Chart
          id="chart-category"
          title={o.byCategory}
          categoryLabel={t.category}
          {...byCategory}
        />
        <Download name="thuiszitters-per-categorie" label={t.category} {...byCategory} />
      </section>
      <section className="ep-section" aria-labelledby="ov-band">
        <Heading2 id="ov-band">{o.byBand}</Heading2>
        <Chart id="chart-band" title={o.byBand} categoryLabel={t.col.weeks} {...byBand} />
        <Download name="thuiszitters-naar-duur" label={t.col.weeks} {...byBand} />
      </section>
      <section className="ep-section" aria-labelledby="ov-month">
        <Heading2 id="ov-month">{o.perMonth}</Heading2>
        <Chart
          id="chart-month"
          title={o.perMonth}
          categoryLabel={o.month}
          kind="line"
          {...perMonth}
        />
        <Download name="thuiszitters-per-maand" label={o.month} {...perMonth} />
      </section>

      <section className="ep-section" aria-labelledby="ov-inspection">
        <Heading2 id="ov-inspection">{o.inspection}</Heading2>
        <Paragraph>{o.inspectionIntro}</Paragraph>
        <Field id="ov-quarter" label={o.quarter}>
          {(control) => (
            <Select
              {...control}
              value={chosen}
              onChange={(e) => {
                setQuarter(e.target.value);
              }}
            >
              {options.map((q) => (
                <SelectOption key={q} value={q}>
                  {q}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Paragraph>
          <a
            className="utrecht-link utrecht-link--html-a"
            href={homeboundRegistrationUrl(chosen)}
            download={`thuiszittersregistratie-${chosen}.csv`}
          >
            {o.download(chosen)}
          </a>
        </Paragraph>
      </section>
    </>
  );
}
