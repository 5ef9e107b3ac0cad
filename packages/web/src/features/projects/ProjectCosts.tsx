import { graphql } from '../../gql';
import type { ProjectCosts_ProjectFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { ScrollTable } from '../../ui/ScrollTable';
import { costTypeLabel, recurrenceLabel } from './labels';
import { formatEuro } from './money';

export const ProjectCostsFragment = graphql(`
  fragment ProjectCosts_project on Project {
    id
    costs {
      label
      costType
      recurrence
      amountCents
    }
    funding {
      programme
      amountCents
      sharePercent
    }
    costSummary {
      oneOffTotalCents
      yearlyTotalCents
      fundingTotalCents
      hasCostInformation
    }
  }
`);

/** Cost line items and funding with the totals the API sums in SQL. */
export function ProjectCosts({ project }: { project: ProjectCosts_ProjectFragment }) {
  const t = useT();
  const summary = project.costSummary;
  return (
    <section className="hub-project-section" aria-labelledby="project-costs">
      <h2 className="kern-heading-medium" id="project-costs">
        {t('projects.costs.title')}
      </h2>
      {project.costs.length === 0 ? (
        <p className="kern-body">{t('projects.costs.none')}</p>
      ) : (
        <ScrollTable label={t('projects.costs.caption')}>
          <table className="kern-table kern-table--striped">
            <caption className="kern-title">{t('projects.costs.caption')}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('projects.costs.item')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('projects.costs.type')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('projects.costs.recurrence')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('projects.costs.amount')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {project.costs.map((cost, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: line items have no identity of their own; the list is only re-rendered whole.
                <tr className="kern-table__row" key={`${cost.label}-${index}`}>
                  <td className="kern-table__cell">{cost.label}</td>
                  <td className="kern-table__cell">{t(costTypeLabel(cost.costType))}</td>
                  <td className="kern-table__cell">{t(recurrenceLabel(cost.recurrence))}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {formatEuro(cost.amountCents)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="kern-table__row">
                <th scope="row" colSpan={3} className="kern-table__header">
                  {t('projects.costs.totalOneOff')}
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatEuro(summary.oneOffTotalCents)}
                </td>
              </tr>
              <tr className="kern-table__row">
                <th scope="row" colSpan={3} className="kern-table__header">
                  {t('projects.costs.totalYearly')}
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatEuro(summary.yearlyTotalCents)}
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollTable>
      )}
      {project.funding.length ? (
        <ScrollTable label={t('projects.funding.caption')}>
          <table className="kern-table kern-table--striped">
            <caption className="kern-title">{t('projects.funding.caption')}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('projects.funding.programme')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('projects.funding.share')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('projects.costs.amount')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {project.funding.map((funding, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: line items have no identity of their own; the list is only re-rendered whole.
                <tr className="kern-table__row" key={`${funding.programme}-${index}`}>
                  <td className="kern-table__cell">{funding.programme}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {funding.sharePercent === null ? '–' : `${funding.sharePercent} %`}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {formatEuro(funding.amountCents)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="kern-table__row">
                <th scope="row" colSpan={2} className="kern-table__header">
                  {t('projects.funding.total')}
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatEuro(summary.fundingTotalCents)}
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollTable>
      ) : null}
    </section>
  );
}
