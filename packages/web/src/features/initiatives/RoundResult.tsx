import { RATING_CRITERIA } from '@hub/shared';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { RoundResult_RoundFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { ScrollTable } from '../../ui/ScrollTable';
import { CHART_COLOURS, ChartFigure } from '../reports/ChartFigure';
import { initiativePaths } from './initiativePaths';
import { criterionLabel } from './labels';
import '../reports/reports.css';

export const RoundResultFragment = graphql(`
  fragment RoundResult_round on PrioritisationRound {
    id
    title
    method
    status
    result {
      csvPath
      entries {
        rank
        title
        score
        voters
        initiative {
          id
        }
        criteria {
          benefit
          feasibility
          transferability
          urgency
        }
        distribution {
          value
          count
        }
      }
    }
  }
`);

/** The ranked result of a closed round: a table (the accessible form), a chart of it and a CSV export. */
export function RoundResult({ round }: { round: RoundResult_RoundFragment }) {
  const t = useT();
  const { locale } = useLocale();
  const result = round.result;
  if (!result) return <p className="kern-body">{t('initiatives.result.pending')}</p>;
  const dotVoting = round.method === 'DOT_VOTING';
  const number = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 2 });
  const scoreText = (score: number) =>
    dotVoting
      ? t('initiatives.result.pointsValue', { count: score })
      : t('initiatives.result.averageValue', { value: number.format(score) });
  const distributionText = (distribution: { value: number; count: number }[]) =>
    distribution
      .filter((entry) => entry.count > 0)
      .map((entry) =>
        dotVoting
          ? t('initiatives.result.pointsFrom', { value: entry.value, count: entry.count })
          : t('initiatives.result.ratingFrom', { value: entry.value, count: entry.count }),
      )
      .join(', ') || '–';
  const lines = result.entries;
  const leader = lines[0];
  const caption = t('initiatives.result.caption', { title: round.title });
  return (
    <section className="hub-initiative-section" aria-labelledby="round-result">
      <h2 className="kern-heading-medium" id="round-result">
        {t('initiatives.result.heading')}
      </h2>
      <p className="kern-body">
        {t('initiatives.result.intro', { measure: t(`initiatives.result.measure.${round.method}`) })}
      </p>
      <ScrollTable label={caption}>
        <table className="kern-table kern-table--striped hub-round-result">
          <caption className="kern-sr-only">{caption}</caption>
          <thead className="kern-table__header">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                {t('initiatives.result.rank')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('initiatives.result.initiative')}
              </th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                {dotVoting ? t('initiatives.result.points') : t('initiatives.result.average')}
              </th>
              {dotVoting
                ? null
                : RATING_CRITERIA.map((criterion) => (
                    <th
                      key={criterion}
                      scope="col"
                      className="kern-table__header kern-table__header--numeric"
                    >
                      {t(criterionLabel(criterion))}
                    </th>
                  ))}
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                {t('initiatives.result.voters')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('initiatives.result.distribution')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {lines.map((line) => (
              <tr key={line.rank + line.title} className="kern-table__row">
                <td className="kern-table__cell kern-table__cell--numeric">{line.rank}</td>
                <th scope="row" className="kern-table__cell hub-round-title">
                  {line.initiative ? (
                    <Link className="kern-link" to={initiativePaths.detail(line.initiative.id)}>
                      {line.title}
                    </Link>
                  ) : (
                    line.title
                  )}
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">{scoreText(line.score)}</td>
                {dotVoting
                  ? null
                  : RATING_CRITERIA.map((criterion) => (
                      <td key={criterion} className="kern-table__cell kern-table__cell--numeric">
                        {line.criteria ? number.format(line.criteria[criterion]) : '–'}
                      </td>
                    ))}
                <td className="kern-table__cell kern-table__cell--numeric">{line.voters}</td>
                <td className="kern-table__cell hub-round-distribution">
                  {distributionText(line.distribution)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="hub-initiative-actions">
        <a className="kern-link" href={result.csvPath} download>
          {t('initiatives.result.csv')}
        </a>
      </p>
      {leader && leader.score > 0 ? (
        <ChartFigure
          title={t('initiatives.result.chartTitle')}
          summary={t('initiatives.result.chartSummary', {
            title: leader.title,
            value: scoreText(leader.score),
          })}
          labelHeader={t('initiatives.result.rank')}
          // Ranks, not titles: long titles do not fit beside the bars on a phone; the table above names them.
          labels={lines.map((line) => t('initiatives.result.rankLabel', { rank: line.rank }))}
          series={
            dotVoting
              ? [
                  {
                    name: t('initiatives.result.points'),
                    colour: CHART_COLOURS[0],
                    values: lines.map((line) => line.score),
                  },
                ]
              : RATING_CRITERIA.map((criterion, index) => ({
                  name: t(criterionLabel(criterion)),
                  colour: CHART_COLOURS[index],
                  values: lines.map((line) => line.criteria?.[criterion] ?? 0),
                }))
          }
          format={(value) => number.format(value)}
          horizontal
          headingLevel={3}
        />
      ) : (
        <p className="kern-body">{t('initiatives.result.chartEmpty')}</p>
      )}
    </section>
  );
}
