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
    isDemo
    supporterCount
    proposedByMunicipality {
      id
      name
    }
    proposedBy {
      id
      name
    }
  }
`);

/** One initiative in the list: title (the link), who proposed it, its status and the interest in it. */
export function InitiativeCard({ initiative }: { initiative: InitiativeCard_InitiativeFragment }) {
  const t = useT();
  const proposer = initiative.proposedByMunicipality?.name ?? initiative.proposedBy?.name ?? null;
  return (
    <article className="kern-card hub-initiative-card">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h3 className="kern-title">
            <Link className="kern-link" to={initiativePaths.detail(initiative.id)}>
              {initiative.title}
            </Link>
          </h3>
          {proposer ? <p className="kern-subline">{t('initiatives.proposedBy', { name: proposer })}</p> : null}
        </header>
        <div className="kern-card__body">
          <p className="kern-body hub-initiative-meta">
            <span className={statusBadgeClass(initiative.status)}>{t(statusLabel(initiative.status))}</span>
            {initiative.isDemo ? (
              <span className="kern-badge kern-badge--warning">{t('initiatives.demo')}</span>
            ) : null}
            <span>{t('initiatives.supporters', { count: initiative.supporterCount })}</span>
          </p>
        </div>
      </div>
    </article>
  );
}
