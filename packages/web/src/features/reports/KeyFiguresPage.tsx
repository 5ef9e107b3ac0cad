import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { ScrollTable } from '../../ui/ScrollTable';
import { NetworkFiguresSection } from '../dashboard/NetworkFiguresSection';
import { phaseLabel } from '../projects/labels';
import { CHART_COLOURS, ChartFigure } from './ChartFigure';
import { FIGURES, figureValue } from './figureDefinitions';
import { formatFigure } from './figureFormat';
import { reportPaths } from './reportPaths';
import './reports.css';

export const KeyFiguresPageQuery = graphql(`
  query KeyFiguresPage {
    networkFigureSeries(quarters: 8) {
      ...NetworkFigureValues
    }
  }
`);

/** "Kennzahlen": the network's figures per quarter over two years, as charts with their data tables. */
export default function KeyFiguresPage() {
  const t = useT();
  const { locale } = useLocale();
  const { data, loading, error, refetch } = useQuery(KeyFiguresPageQuery);
  const series = data?.networkFigureSeries ?? [];
  const count = (value: number) => formatFigure(value, 'count', locale);
  const first = series[0];
  const last = series.at(-1);
  const topPhase = last ? [...last.projectsByPhase].sort((a, b) => b.count - a.count)[0] : null;
  const labels = series.map((s) => s.period.label);

  return (
    <Page title={t('figures.title')}>
      <p>
        <Link className="kern-link" to={reportPaths.list}>
          {t('reports.back')}
        </Link>
      </p>
      <p className="kern-body">{t('figures.intro')}</p>
      <NetworkFiguresSection count={FIGURES.length} linkToAll={false} />
      {error && !data ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      ) : null}
      {loading && !data ? <LoadingIndicator /> : null}
      {first && last ? (
        <>
          <div className="hub-report__charts">
            <ChartFigure
              headingLevel={2}
              title={t('figures.membersOverTime')}
              summary={
                first.memberCount === last.memberCount
                  ? t('figures.summary.membersFlat', {
                      from: first.period.label,
                      to: last.period.label,
                      last: count(last.memberCount),
                    })
                  : t('figures.summary.members', {
                      first: count(first.memberCount),
                      from: first.period.label,
                      last: count(last.memberCount),
                      to: last.period.label,
                    })
              }
              labelHeader={t('figures.quarters')}
              labels={labels}
              series={[
                {
                  name: t('figures.members'),
                  colour: CHART_COLOURS[0],
                  values: series.map((s) => s.memberCount),
                },
                {
                  name: t('figures.membersJoined'),
                  colour: CHART_COLOURS[1],
                  values: series.map((s) => s.membersJoined),
                },
              ]}
              format={count}
            />
            <ChartFigure
              headingLevel={2}
              title={t('figures.projectsOverTime')}
              summary={
                last.projectCount && topPhase
                  ? t('figures.summary.projects', {
                      to: last.period.label,
                      total: count(last.projectCount),
                      phase: t(phaseLabel(topPhase.phase)),
                      count: count(topPhase.count),
                    })
                  : t('figures.summary.noProjects', { to: last.period.label })
              }
              labelHeader={t('figures.quarters')}
              labels={labels}
              stacked
              series={last.projectsByPhase.map((p, i) => ({
                name: t(phaseLabel(p.phase)),
                colour: CHART_COLOURS[i % CHART_COLOURS.length],
                values: series.map((s) => s.projectsByPhase[i]?.count ?? 0),
              }))}
              format={count}
            />
          </div>
          <section className="hub-report__section" aria-labelledby="figures-table">
            <h2 className="kern-heading-medium" id="figures-table">
              {t('reports.view.figures')}
            </h2>
            <ScrollTable label={t('reports.view.figures')}>
              <table className="kern-table kern-table--striped kern-table--small">
                <caption className="kern-sr-only">{t('reports.view.figures')}</caption>
                <thead className="kern-table__header">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('reports.view.figure')}
                    </th>
                    {series.map((s) => (
                      <th
                        key={s.period.label}
                        scope="col"
                        className="kern-table__header kern-table__header--numeric"
                      >
                        {s.period.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {FIGURES.map((figure) => (
                    <tr key={figure.key} className="kern-table__row">
                      <th scope="row" className="kern-table__cell">
                        <Link className="kern-link" to={figure.link}>
                          {t(figure.label)}
                        </Link>
                      </th>
                      {series.map((s) => (
                        <td key={s.period.label} className="kern-table__cell kern-table__cell--numeric">
                          {formatFigure(figureValue(s, figure.key), figure.format, locale)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
        </>
      ) : null}
    </Page>
  );
}
