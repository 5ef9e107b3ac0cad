import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { ProjectPhase } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { ScrollTable } from '../../ui/ScrollTable';
import { phaseLabel } from '../projects/labels';
import { catalogueFilterPath } from '../projects/projectPaths';
import { currentQuarter, FIGURES, figureValue } from '../reports/figureDefinitions';
import { formatChange, formatFigure } from '../reports/figureFormat';
import { reportPaths } from '../reports/reportPaths';
import '../reports/reports.css';

export const NetworkFiguresSectionQuery = graphql(`
  query NetworkFiguresSection($period: PeriodInput!) {
    networkFigures(period: $period) {
      current {
        ...NetworkFigureValues
      }
      previous {
        ...NetworkFigureValues
      }
    }
  }
`);

/**
 * The network's figures for this quarter with the change against the previous one, each linking
 * to the list behind it; for the coordinator's and the ministry's start pages (with `phases`,
 * also the published projects per phase with their change). No charts here, so the start page
 * stays light.
 */
export function NetworkFiguresSection({
  count = 10,
  linkToAll = true,
  phases = false,
}: {
  count?: number;
  linkToAll?: boolean;
  phases?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { data, loading, error, refetch } = useQuery(NetworkFiguresSectionQuery, {
    variables: { period: currentQuarter() },
  });
  const figures = data?.networkFigures;
  return (
    <section className="hub-figures" aria-labelledby="network-figures-heading">
      <h2 className="kern-heading-medium" id="network-figures-heading">
        {t('figures.sectionTitle')}
      </h2>
      {error && !figures ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      ) : null}
      {loading && !figures ? <LoadingIndicator /> : null}
      {figures ? (
        <>
          <p className="kern-body">
            {t('figures.sectionIntro', {
              period: figures.current.period.label,
              previous: figures.previous.period.label,
            })}
          </p>
          <ul className="hub-figures__list">
            {FIGURES.slice(0, count).map((figure) => {
              const current = figureValue(figures.current, figure.key);
              const previous = figureValue(figures.previous, figure.key);
              const change = formatChange(current, previous, figure.format, locale);
              return (
                <li key={figure.key} className="hub-figures__item">
                  <Link className="kern-link hub-figures__link" to={figure.link}>
                    <span className="hub-figures__value">{formatFigure(current, figure.format, locale)}</span>
                    <span className="hub-figures__label">{t(figure.label)}</span>
                  </Link>
                  <span className="hub-figures__change">
                    {change
                      ? t('figures.change', { change, period: figures.previous.period.label })
                      : t('figures.noChange', { period: figures.previous.period.label })}
                  </span>
                </li>
              );
            })}
          </ul>
          {phases ? (
            <PhaseComparison
              current={figures.current.projectsByPhase}
              previous={figures.previous.projectsByPhase}
              currentLabel={figures.current.period.label}
              previousLabel={figures.previous.period.label}
            />
          ) : null}
          {linkToAll ? (
            <p>
              <Link className="kern-link" to={reportPaths.keyFigures}>
                {t('figures.allFigures')}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

interface PhaseCount {
  phase: ProjectPhase;
  count: number;
}

/** Published projects per phase at the end of both quarters, with the change; each phase links to the catalogue. */
function PhaseComparison({
  current,
  previous,
  currentLabel,
  previousLabel,
}: {
  current: readonly PhaseCount[];
  previous: readonly PhaseCount[];
  currentLabel: string;
  previousLabel: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const before = new Map(previous.map((row) => [row.phase, row.count]));
  const caption = t('figures.byPhase');
  return (
    <>
      <h3 className="kern-heading-small">{caption}</h3>
      <ScrollTable label={caption}>
        <table className="kern-table kern-table--striped hub-figures__phases">
          <caption className="kern-sr-only">{caption}</caption>
          <thead className="kern-table__header">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('figures.phase')}
              </th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                {currentLabel}
              </th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                {previousLabel}
              </th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                {t('figures.changeHeading')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {current.map((row) => (
              <tr key={row.phase} className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  <Link className="kern-link" to={catalogueFilterPath({ phase: row.phase })}>
                    {t(phaseLabel(row.phase))}
                  </Link>
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatFigure(row.count, 'count', locale)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatFigure(before.get(row.phase) ?? 0, 'count', locale)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatChange(row.count, before.get(row.phase) ?? 0, 'count', locale) ?? '±0'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
