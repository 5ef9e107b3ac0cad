import { graphql } from '../../gql';
import type { ProjectStatusTimeline_ProjectFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { phaseLabel } from './labels';
import { formatDate } from './money';

export const ProjectStatusTimelineFragment = graphql(`
  fragment ProjectStatusTimeline_project on Project {
    id
    statusUpdates {
      id
      reportedOn
      phase
      progressPercent
      text
    }
  }
`);

/** The status history (Sachstand), newest first. */
export function ProjectStatusTimeline({ project }: { project: ProjectStatusTimeline_ProjectFragment }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section className="hub-project-section" aria-labelledby="project-status">
      <h2 className="kern-heading-medium" id="project-status">
        {t('projects.status.title')}
      </h2>
      {project.statusUpdates.length === 0 ? (
        <p className="kern-body">{t('projects.status.none')}</p>
      ) : (
        <ol className="hub-project-timeline">
          {project.statusUpdates.map((update) => (
            <li key={update.id}>
              <p className="kern-title">
                {t('projects.status.entry', {
                  date: formatDate(update.reportedOn, locale),
                  phase: t(phaseLabel(update.phase)),
                  percent: update.progressPercent,
                })}
              </p>
              <p className="kern-body">{update.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
