import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { HomePageQuery } from '../../gql/graphql';
import { useT } from '../../i18n';
import { paths } from '../../paths';
import { useViewer, viewerAffiliation } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { MembershipActions } from '../members/MembershipActions';
import { memberPaths } from '../members/memberPaths';
import { peoplePaths } from '../people/peoplePaths';
import { projectPaths } from '../projects/projectPaths';
import './home.css';

const OpenStepsQuery = graphql(`
  query HomePage {
    viewerOpenSteps {
      kind
      municipality {
        id
        name
        ...MembershipActions_municipality
      }
    }
  }
`);

type OpenStep = HomePageQuery['viewerOpenSteps'][number];

// Each role's dashboard is its own chunk: the first page load carries none of them.
const dashboards = {
  OFFICER: lazy(() => import('./OfficerDashboard')),
  COORDINATOR: lazy(() => import('./CoordinatorDashboard')),
  MINISTRY: lazy(() => import('./MinistryDashboard')),
} as const;

/**
 * The start page: greets the viewer, lists the steps still open for her (computed by the API) and
 * shows her role's dashboard.
 */
export function HomePage() {
  const t = useT();
  const { viewer } = useViewer();
  const { data, error } = useQuery(OpenStepsQuery, { fetchPolicy: 'cache-and-network', skip: !viewer });
  const [done, setDone] = useState<string | null>(null);
  if (!viewer) return null;

  const role = t(`role.${viewer.role}`);
  const affiliation = viewerAffiliation(viewer);
  const steps = data?.viewerOpenSteps ?? [];
  const Dashboard = viewer.role in dashboards ? dashboards[viewer.role as keyof typeof dashboards] : null;
  // Officers of a municipality not yet in the network start with the steps alone.
  const showDashboard = Dashboard && (viewer.role !== 'OFFICER' || viewer.municipality);
  return (
    <Page title={t('home.title')} heading={t('home.greeting', { name: viewer.name })}>
      <p className="kern-body kern-body--large">
        {affiliation ? t('home.roleWithAffiliation', { role, affiliation }) : t('home.role', { role })}
      </p>
      {done ? <Alert variant="success" title={done} role="status" /> : null}
      {error ? <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" /> : null}
      {steps.length ? (
        <section className="hub-home-steps" aria-labelledby="home-steps-title">
          <h2 className="kern-heading-medium" id="home-steps-title">
            {t('home.steps.title')}
          </h2>
          <ol className="hub-home-steps__list">
            {steps.map((step) => (
              <li className="hub-home-steps__item" key={step.kind}>
                <StepContent step={step} onAnswered={setDone} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {showDashboard ? (
        <Suspense fallback={<LoadingIndicator />}>
          <Dashboard />
        </Suspense>
      ) : (
        <p className="kern-body">{t('home.intro')}</p>
      )}
    </Page>
  );
}

function StepContent({ step, onAnswered }: { step: OpenStep; onAnswered: (message: string) => void }) {
  const t = useT();
  const municipality = step.municipality;
  switch (step.kind) {
    case 'ANSWER_NETWORK_INVITATION':
      if (!municipality) return null;
      return (
        <>
          <h3 className="kern-heading-small">{t('home.steps.invitation.title')}</h3>
          <p className="kern-body">{t('home.steps.invitation.text', { name: municipality.name })}</p>
          <MembershipActions
            municipality={municipality}
            compact
            onChanged={() => onAnswered(t('members.action.done', { name: municipality.name }))}
          />
          <p>
            <Link className="kern-link" to={memberPaths.municipality(municipality.id)}>
              {t('home.steps.invitation.link', { name: municipality.name })}
            </Link>
          </p>
        </>
      );
    case 'COMPLETE_PROFILE':
      return (
        <>
          <h3 className="kern-heading-small">{t('home.steps.profile.title')}</h3>
          <p className="kern-body">{t('home.steps.profile.text')}</p>
          <Link className="kern-link" to={peoplePaths.profile}>
            {t('home.steps.profile.link')}
          </Link>
        </>
      );
    case 'JOIN_WORKING_GROUP':
      return (
        <>
          <h3 className="kern-heading-small">{t('home.steps.group.title')}</h3>
          <p className="kern-body">{t('home.steps.group.text')}</p>
          <Link className="kern-link" to={paths.workingGroups}>
            {t('home.steps.group.link')}
          </Link>
        </>
      );
    case 'ADD_PROJECT':
      return (
        <>
          <h3 className="kern-heading-small">{t('home.steps.project.title')}</h3>
          <p className="kern-body">{t('home.steps.project.text', { name: municipality?.name ?? '' })}</p>
          <Link className="kern-link" to={projectPaths.create}>
            {t('home.steps.project.link')}
          </Link>
        </>
      );
  }
}
