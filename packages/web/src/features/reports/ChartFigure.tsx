import { lazy, Suspense, useId } from 'react';
import { useLocale, useT } from '../../i18n';
import { ScrollTable } from '../../ui/ScrollTable';
import type { BarSeries } from './BarChartCanvas';

// chart.js is loaded only when a page shows a chart.
const BarChartCanvas = lazy(() => import('./BarChartCanvas'));

/** Colours with at least 4.5:1 against white, told apart further by the legend and border style. */
export const CHART_COLOURS = [
  '#1a3da5',
  '#8a4b08',
  '#0f6b4f',
  '#6b2c91',
  '#b3261e',
  '#005f73',
  '#4b5563',
  '#7a5c00',
  '#9c1f6e',
  '#2f5d1f',
];

interface ChartFigureProps {
  title: string;
  /** One sentence saying what the chart shows; also the canvas's text alternative. */
  summary: string;
  /** Heading of the label column of the data table. */
  labelHeader: string;
  labels: string[];
  series: BarSeries[];
  format: (value: number) => string;
  stacked?: boolean;
  horizontal?: boolean;
  headingLevel?: 2 | 3;
}

/** A bar chart with its title, a one-sentence summary and the data table as its accessible alternative. */
export function ChartFigure({
  title,
  summary,
  labelHeader,
  labels,
  series,
  format,
  stacked,
  horizontal,
  headingLevel = 3,
}: ChartFigureProps) {
  const t = useT();
  const { locale } = useLocale();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <figure className="hub-chart" aria-labelledby={headingId}>
      <Heading className={headingLevel === 2 ? 'kern-heading-medium' : 'kern-heading-small'} id={headingId}>
        {title}
      </Heading>
      <p className="kern-body">{summary}</p>
      <Suspense fallback={<p className="kern-body hub-chart__loading">{t('figures.chartLoading')}</p>}>
        <BarChartCanvas
          labels={labels}
          series={series}
          stacked={stacked}
          horizontal={horizontal}
          locale={locale === 'de' ? 'de-DE' : 'en-GB'}
          summary={summary}
        />
      </Suspense>
      <details className="hub-chart__data">
        <summary>{t('figures.table')}</summary>
        <ScrollTable label={title}>
          <table className="kern-table kern-table--small">
            <caption className="kern-sr-only">{title}</caption>
            <thead className="kern-table__header">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {labelHeader}
                </th>
                {series.map((s) => (
                  <th key={s.name} scope="col" className="kern-table__header kern-table__header--numeric">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {labels.map((label, row) => (
                <tr key={label} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    {label}
                  </th>
                  {series.map((s) => (
                    <td key={s.name} className="kern-table__cell kern-table__cell--numeric">
                      {format(s.values[row] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </details>
    </figure>
  );
}
