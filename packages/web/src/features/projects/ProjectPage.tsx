import { useQuery } from '@apollo/client/react';
import { useLocation, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { LazyThreadSection } from '../discussions/LazyThreadSection';
import { categoryLabel, phaseLabel } from './labels';
import { formatDate } from './money';
import { ProjectActions } from './ProjectActions';
import { ProjectCosts } from './ProjectCosts';
import { ProjectMilestones } from './ProjectMilestones';
import { ProjectReuse } from './ProjectReuse';
import { ProjectStatusTimeline } from './ProjectStatusTimeline';
import './projects.css';
import { FollowButton } from '../notifications/FollowButton';
import { type AdoptionConfirmation, adoptionConfirmationOf } from './useAdoptProject';

export const ProjectPageQuery = graphql(`
  query ProjectPage($id: ID!) {
    project(id: $id) {
      id
      title
      summary
      descriptionHtml
      category
      phase
      status
      isDemo
      isNetworkProject
      startDate
      endDate
      progressPercent
      implementationNotes
      lessonsLearned
      publiccodeYml
      leadMunicipality {
        id
        name
      }
      solution {
        product
        vendor
        openSource
        licence
        repositoryUrl
      }
      contacts {
        id
        name
        email
      }
      viewerCan {
        readContacts
      }
      ...ProjectCosts_project
      ...ProjectMilestones_project
      ...ProjectStatusTimeline_project
      ...ProjectReuse_project
      ...ProjectActions_project
    }
  }
`);

/** A project: overview, solution, costs and funding, milestones, status history, participants and reuse. */
export function ProjectPage() {
  const t = useT();
  const { locale } = useLocale();
  const { viewer } = useViewer();
  const { projectId = '' } = useParams();
  const adoption = adoptionConfirmationOf(useLocation().state);
  const { data, loading, error } = useQuery(ProjectPageQuery, { variables: { id: projectId } });
  const project = data?.project;

  if (loading && !data) return <LoadingIndicator />;
  if (error) {
    return (
      <Page title={t('projects.page.loadFailed')}>
        <Alert variant="danger" title={t('projects.page.loadFailed')} role="alert">
          <p className="kern-body">{apiErrorMessage(error, t)}</p>
        </Alert>
      </Page>
    );
  }
  if (!project) {
    return (
      <Page title={t('projects.page.notFound')}>
        <p className="kern-body">{t('projects.page.notFound')}</p>
      </Page>
    );
  }
  const yesNo = (value: boolean | null) =>
    value === null ? t('projects.page.unknown') : value ? t('projects.page.yes') : t('projects.page.no');
  const solution = project.solution;
  return (
    <Page title={project.title}>
      <FollowButton subjectId={projectId} />
      {adoption ? <AdoptionDone adoption={adoption} /> : null}
      <p className="kern-body hub-project-card__meta">
        {project.isDemo ? <span className="kern-badge kern-badge--warning">{t('projects.demo')}</span> : null}
        {project.status === 'DRAFT' ? (
          <span className="kern-badge kern-badge--warning">{t('projects.draft')}</span>
        ) : null}
        {project.isNetworkProject ? (
          <span className="kern-badge kern-badge--info">{t('projects.networkProject')}</span>
        ) : null}
      </p>
      {project.summary ? <p className="kern-body kern-body--large">{project.summary}</p> : null}
      <section className="hub-project-section" aria-labelledby="project-overview">
        <h2 className="kern-heading-medium" id="project-overview">
          {t('projects.page.overview')}
        </h2>
        <dl className="hub-project-dl">
          <dt>{t('projects.participants.title')}</dt>
          <dd>{t('projects.lead', { name: project.leadMunicipality.name })}</dd>
          <dt>{t('projects.page.category')}</dt>
          <dd>{t(categoryLabel(project.category))}</dd>
          <dt>{t('projects.page.phase')}</dt>
          <dd>
            {t(phaseLabel(project.phase))}
            {project.progressPercent !== null
              ? ` – ${t('projects.progress', { percent: project.progressPercent })}`
              : ''}
          </dd>
          {project.startDate ? (
            <>
              <dt>{t('projects.page.period')}</dt>
              <dd>
                {t('projects.page.periodValue', {
                  start: formatDate(project.startDate, locale),
                  end: project.endDate ? formatDate(project.endDate, locale) : t('projects.page.open'),
                })}
              </dd>
            </>
          ) : null}
        </dl>
        <div
          className="kern-body hub-project-description"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered from Markdown and sanitised by the API (markdown-it without HTML, then sanitize-html).
          dangerouslySetInnerHTML={{ __html: project.descriptionHtml }}
        />
      </section>

      {/* What the viewer may do comes after what the project is, so readers meet the facts first. */}
      <ProjectActions project={project} />

      <section className="hub-project-section" aria-labelledby="project-solution">
        <h2 className="kern-heading-medium" id="project-solution">
          {t('projects.page.solution')}
        </h2>
        <dl className="hub-project-dl">
          <dt>{t('projects.page.product')}</dt>
          <dd>{solution.product ?? '–'}</dd>
          <dt>{t('projects.page.vendor')}</dt>
          <dd>{solution.vendor ?? '–'}</dd>
          <dt>{t('projects.page.openSource')}</dt>
          <dd>{yesNo(solution.openSource)}</dd>
          <dt>{t('projects.page.licence')}</dt>
          <dd>{solution.licence ?? '–'}</dd>
          <dt>{t('projects.page.repository')}</dt>
          <dd>
            {solution.repositoryUrl ? (
              <a className="kern-link" href={solution.repositoryUrl} rel="noopener noreferrer nofollow">
                {solution.repositoryUrl}
              </a>
            ) : (
              '–'
            )}
          </dd>
        </dl>
        <details>
          <summary className="kern-link">{t('projects.page.publiccode')}</summary>
          <pre className="hub-project-publiccode">{project.publiccodeYml}</pre>
        </details>
        {project.implementationNotes ? (
          <>
            <h3 className="kern-heading-small">{t('projects.page.notes')}</h3>
            <p className="kern-body">{project.implementationNotes}</p>
          </>
        ) : null}
        {project.lessonsLearned ? (
          <>
            <h3 className="kern-heading-small">{t('projects.page.lessons')}</h3>
            <p className="kern-body">{project.lessonsLearned}</p>
          </>
        ) : null}
      </section>

      <ProjectCosts project={project} />
      <ProjectMilestones project={project} />
      <ProjectStatusTimeline project={project} />
      <ProjectReuse project={project} />

      {project.viewerCan.readContacts ? (
        <section className="hub-project-section" aria-labelledby="project-contacts">
          <h2 className="kern-heading-medium" id="project-contacts">
            {t('projects.page.contacts')}
          </h2>
          {project.contacts.length === 0 ? (
            <p className="kern-body">{t('projects.page.noContacts')}</p>
          ) : (
            <ul className="kern-list">
              {project.contacts.map((contact) => (
                <li key={contact.id} className="kern-body">
                  {contact.name}
                  {contact.email ? (
                    <>
                      {' – '}
                      <a className="kern-link" href={`mailto:${contact.email}`}>
                        {contact.email}
                      </a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {viewer ? <LazyThreadSection subjectId={project.id} /> : null}
    </Page>
  );
}

/** Confirms an adoption on the new project's page: what was created, taken over, and who was told. */
function AdoptionDone({ adoption }: { adoption: AdoptionConfirmation }) {
  const t = useT();
  return (
    <Alert variant="success" title={t('projects.adopt.done', { title: adoption.originTitle })} role="status">
      <p className="kern-body">
        {adoption.copiedCosts > 0 ? `${t('projects.adopt.doneCosts', { count: adoption.copiedCosts })} ` : ''}
        {adoption.notifiedPeople === 0
          ? t('projects.adopt.doneNotifiedNobody')
          : adoption.notifiedPeople === 1
            ? t('projects.adopt.doneNotifiedOne', { lead: adoption.originLead })
            : t('projects.adopt.doneNotified', {
                lead: adoption.originLead,
                count: adoption.notifiedPeople,
              })}{' '}
        {t('projects.adopt.doneNext')}
      </p>
    </Alert>
  );
}
