import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
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
 * to the list behind it; for the coordinator's and the ministry's start pages. No charts here, so
 * the start page stays light.
 */
export function NetworkFiguresSection({
  count = 9,
  linkToAll = true,
}: {
  count?: number;
  linkToAll?: boolean;
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
