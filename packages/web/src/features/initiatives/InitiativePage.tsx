import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { LazyThreadSection } from '../discussions/LazyThreadSection';
import { categoryLabel } from '../projects/labels';
import { formatEuro } from '../projects/money';
import { projectPaths } from '../projects/projectPaths';
import { InitiativeDecision } from './InitiativeDecision';
import { InitiativeHistory } from './InitiativeHistory';
import { InitiativeSupport } from './InitiativeSupport';
import { initiativePaths } from './initiativePaths';
import { statusBadgeClass, statusLabel } from './labels';
import { PilotCall } from './PilotCall';
import './initiatives.css';

export const InitiativePageQuery = graphql(`
  query InitiativePage($id: ID!) {
    initiative(id: $id) {
      id
      title
      status
      category
      problem
      goal
      expectedBenefit
      costEstimateCents
      fundingProgrammes
      createdAt
      proposedByName
      proposingMunicipality {
        id
        name
      }
      relatedProjects {
        id
        title
      }
      project {
        id
        title
      }
      rounds {
        id
        title
        status
      }
      ...InitiativeSupport_initiative
      ...InitiativeDecision_initiative
      ...PilotCall_initiative
      ...InitiativeHistory_initiative
    }
  }
`);

/** The notice a page that led here passes along (router state, so a reload does not repeat it). */
function savedNotice(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'proposed' in state;
}

/**
 * An initiative: the proposal, the interest of municipalities, its rounds, the steering decision,
 * the call for pilot cities and the network project it became, its history and its discussion.
 */
export function InitiativePage() {
  const t = useT();
  const { locale } = useLocale();
  const { initiativeId = '' } = useParams();
  const proposed = savedNotice(useLocation().state);
  const { data, loading, error } = useQuery(InitiativePageQuery, { variables: { id: initiativeId } });
  const initiative = data?.initiative;

  if (loading && !data) return <LoadingIndicator />;
  if (error && !initiative) {
    return (
      <Page title={t('initiatives.page.loadFailed')}>
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />
      </Page>
    );
  }
  if (!initiative) {
    return (
      <Page title={t('initiatives.page.notFound')}>
        <p className="kern-body">{t('initiatives.page.notFoundText')}</p>
        <Link className="kern-link" to={initiativePaths.list}>
          {t('initiatives.page.back')}
        </Link>
      </Page>
    );
  }
  const proposer = [initiative.proposedByName, initiative.proposingMunicipality?.name]
    .filter(Boolean)
    .join(', ');
  return (
    <Page title={initiative.title}>
      <p>
        <Link className="kern-link" to={initiativePaths.list}>
          {t('initiatives.page.back')}
        </Link>
      </p>
      {proposed ? <Alert variant="success" title={t('initiatives.form.saved')} role="status" /> : null}
      <p className="kern-body hub-initiative-meta">
        <span className={statusBadgeClass(initiative.status)}>{t(statusLabel(initiative.status))}</span>
        <span className="kern-badge kern-badge--info">{t(categoryLabel(initiative.category))}</span>
        <span>
          {t('initiatives.page.proposedOn', {
            date: formatDateTime(initiative.createdAt, locale),
            name: proposer || '–',
          })}
        </span>
      </p>
      {initiative.project ? (
        <Alert variant="success" title={t('initiatives.project.heading')}>
          <p className="kern-body">
            <Link className="kern-link" to={projectPaths.detail(initiative.project.id)}>
              {t('initiatives.project.link', { title: initiative.project.title })}
            </Link>
          </p>
        </Alert>
      ) : null}

      <section className="hub-initiative-section" aria-labelledby="initiative-proposal">
        <h2 className="kern-heading-medium" id="initiative-proposal">
          {t('initiatives.page.proposal')}
        </h2>
        <dl className="hub-initiative-dl">
          <dt>{t('initiatives.page.problem')}</dt>
          <dd className="kern-body hub-initiative-text">{initiative.problem}</dd>
          <dt>{t('initiatives.page.goal')}</dt>
          <dd className="kern-body hub-initiative-text">{initiative.goal}</dd>
          <dt>{t('initiatives.page.benefit')}</dt>
          <dd className="kern-body hub-initiative-text">{initiative.expectedBenefit || '–'}</dd>
          <dt>{t('initiatives.page.costEstimate')}</dt>
          <dd className="kern-body">
            {initiative.costEstimateCents === null ? '–' : formatEuro(initiative.costEstimateCents)}
          </dd>
          <dt>{t('initiatives.page.funding')}</dt>
          <dd className="kern-body">
            {initiative.fundingProgrammes.length ? initiative.fundingProgrammes.join(', ') : '–'}
          </dd>
          <dt>{t('initiatives.page.relatedProjects')}</dt>
          <dd className="kern-body">
            {initiative.relatedProjects.length
              ? initiative.relatedProjects.map((project, index) => (
                  <span key={project.id}>
                    {index > 0 ? ', ' : ''}
                    <Link className="kern-link" to={projectPaths.detail(project.id)}>
                      {project.title}
                    </Link>
                  </span>
                ))
              : t('initiatives.page.noRelatedProjects')}
          </dd>
        </dl>
      </section>

      <InitiativeSupport initiative={initiative} />

      {initiative.rounds.length ? (
        <section className="hub-initiative-section" aria-labelledby="initiative-rounds">
          <h2 className="kern-heading-medium" id="initiative-rounds">
            {t('initiatives.roundsOf.heading')}
          </h2>
          <ul className="hub-initiative-rounds">
            {initiative.rounds.map((round) => (
              <li key={round.id}>
                <Link className="kern-link" to={initiativePaths.round(round.id)}>
                  {round.title}
                </Link>
                <span className="kern-body kern-body--small">
                  {t(`initiatives.roundStatus.${round.status}`)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <InitiativeDecision initiative={initiative} />
      <PilotCall initiative={initiative} />
      <InitiativeHistory initiative={initiative} />
      <LazyThreadSection subjectId={initiative.id} />
    </Page>
  );
}
