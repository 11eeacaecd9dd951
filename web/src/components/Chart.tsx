// One reusable chart: Apache ECharts on a canvas (the CSP forbids the inline style attributes an
// SVG chart would need), always with a table of the same numbers next to it, because a canvas says
// nothing to a screen reader. The canvas is hidden from assistive technology; the table is not.
import { useEffect, useRef } from 'react';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface ChartSeries {
  name: string;
  values: number[];
}

interface Props {
  id: string;
  /** Names the figure for assistive technology; show it as the section heading around the chart. */
  title: string;
  /** Header of the first table column (what the categories are: "Maand", "Categorie"). */
  categoryLabel: string;
  categories: string[];
  series: ChartSeries[];
  kind?: 'bar' | 'line';
}

// NL Design System-like, with enough contrast against white.
const COLOURS = ['#01689b', '#ca005d', '#39870c', '#a35b00', '#5c2483'];

export function Chart({ id, title, categoryLabel, categories, series, kind = 'bar' }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    const option: echarts.EChartsCoreOption = {
      color: COLOURS,
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 40, right: 16, top: series.length > 1 ? 32 : 16, bottom: 56 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ name: s.name, type: kind, data: s.values })),
    };
    chart.setOption(option);
    const resize = () => {
      chart.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, kind]);

  return (
    <figure className="ep-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="ep-visually-hidden">
        {title}
      </figcaption>
      <div className="ep-chart__body">
        <div ref={ref} className="ep-chart__canvas" aria-hidden="true" />
        {/* A wide table scrolls: keyboard users must be able to reach it to scroll it (WCAG 2.1.1). */}
        <div
          className="ep-table-scroll ep-chart__table"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label={title}
        >
          <Table className="ep-table">
            <TableCaption className="ep-visually-hidden">{title}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{categoryLabel}</TableHeaderCell>
                {series.map((s) => (
                  <TableHeaderCell key={s.name} scope="col">
                    {s.name}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {categories.map((category, row) => (
                <TableRow key={category}>
                  <TableHeaderCell scope="row">{category}</TableHeaderCell>
                  {series.map((s) => (
                    <TableCell key={s.name}>
                      {(s.values[row] ?? 0).toLocaleString('nl-NL')}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>
    </figure>
  );
}

/** A CSV file (semicolon-separated, as Dutch Excel expects) of the same table, for download. */
export function csvHref(
  categoryLabel: string,
  categories: string[],
  series: ChartSeries[],
): string {
  const quote = (v: string) => (/[";\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [[categoryLabel, ...series.map((s) => s.name)].map(quote).join(';')];
  categories.forEach((c, i) => {
    lines.push([quote(c), ...series.map((s) => String(s.values[i] ?? 0))].join(';'));
  });
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${lines.join('\r\n')}\r\n`)}`;
}
