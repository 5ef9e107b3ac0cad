import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { MunicipalityRow_MunicipalityFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { kindLabel, statusLabel } from './labels';
import { memberPaths } from './memberPaths';

export const MunicipalityRowFragment = graphql(`
  fragment MunicipalityRow_municipality on Municipality {
    id
    name
    kind
    population
    district {
      id
      name
    }
    membership {
      id
      status
    }
    officerCount
  }
`);

/** One municipality of the directory table. */
export function MunicipalityRow({ municipality }: { municipality: MunicipalityRow_MunicipalityFragment }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <tr className="kern-table__row">
      <th scope="row" className="kern-table__cell">
        <Link className="kern-link" to={memberPaths.municipality(municipality.id)}>
          {municipality.name}
        </Link>
      </th>
      <td className="kern-table__cell">{t(kindLabel[municipality.kind])}</td>
      <td className="kern-table__cell">{municipality.district?.name ?? '–'}</td>
      <td className="kern-table__cell kern-table__cell--numeric">
        {municipality.population === null ? '–' : municipality.population.toLocaleString(locale)}
      </td>
      <td className="kern-table__cell">
        {municipality.membership ? t(statusLabel[municipality.membership.status]) : t('members.status.NONE')}
      </td>
      <td className="kern-table__cell kern-table__cell--numeric">{municipality.officerCount}</td>
    </tr>
  );
}
