import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { InitiativeCard_InitiativeFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { initiativePaths } from './initiativePaths';
import { statusBadgeClass, statusLabel } from './labels';

export const InitiativeCardFragment = graphql(`
  fragment InitiativeCard_initiative on Initiative {
    id
    title
    status
    supportCount
    proposedByName
    proposingMunicipality {
      id
      name
    }
  }
`);

/** One initiative in the list: title (the link), who proposed it, its status and the interest in it. */
export function InitiativeCard({ initiative }: { initiative: InitiativeCard_InitiativeFragment }) {
  const t = useT();
  const proposer = initiative.proposingMunicipality?.name ?? initiative.proposedByName ?? null;
  return (
    <article className="kern-card hub-initiative-card">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h3 className="kern-title">
            <Link className="kern-link" to={initiativePaths.detail(initiative.id)}>
              {initiative.title}
            </Link>
          </h3>
          {proposer ? (
            <p className="kern-subline">{t('initiatives.proposedBy', { name: proposer })}</p>
          ) : null}
        </header>
        <div className="kern-card__body">
          <p className="kern-body hub-initiative-meta">
            <span className={statusBadgeClass(initiative.status)}>{t(statusLabel(initiative.status))}</span>
            <span>{t('initiatives.supporters', { count: initiative.supportCount })}</span>
          </p>
        </div>
      </div>
    </article>
  );
}
