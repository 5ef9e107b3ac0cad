import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { apiErrorMessage } from '../../errors/apiErrors';
import { userErrorMessage } from '../../errors/userErrorMessages';
import { graphql } from '../../gql';
import type { ProjectMilestones_ProjectFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Checkbox } from '../../ui/Checkbox';
import { formatDate } from './money';

export const ProjectMilestonesFragment = graphql(`
  fragment ProjectMilestones_project on Project {
    id
    milestones {
      id
      title
      dueDate
      done
    }
    viewerCan {
      edit
    }
  }
`);

const SetMilestoneDoneMutation = graphql(`
  mutation SetProjectMilestoneDone($input: SetProjectMilestoneDoneInput!) {
    setProjectMilestoneDone(input: $input) {
      project {
        id
        ...ProjectMilestones_project
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Milestone = ProjectMilestones_ProjectFragment['milestones'][number];

/** The milestone plan; whoever may edit the project marks milestones done right here (a checkbox each). */
export function ProjectMilestones({ project }: { project: ProjectMilestones_ProjectFragment }) {
  const t = useT();
  const { locale } = useLocale();
  const [setDone] = useMutation(SetMilestoneDoneMutation);
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState('');
  const canEdit = project.viewerCan.edit;

  const toggle = async (milestone: Milestone, done: boolean) => {
    // A second change while one is saving would race it; the checkbox stays focusable meanwhile.
    if (pending) return;
    setPending(milestone.id);
    setProblem('');
    setSaved('');
    try {
      const { data } = await setDone({ variables: { input: { milestoneId: milestone.id, done } } });
      const errors = data?.setProjectMilestoneDone.userErrors ?? [];
      if (errors.length) setProblem(errors.map((e) => userErrorMessage(e, 'projects')(t)).join(' '));
      else
        setSaved(
          t('projects.milestones.saved', {
            title: milestone.title,
            state: t(done ? 'projects.milestones.done' : 'projects.milestones.open'),
          }),
        );
    } catch (error) {
      setProblem(apiErrorMessage(error, t));
    } finally {
      setPending(null);
    }
  };

  const due = (milestone: Milestone) =>
    milestone.dueDate ? t('projects.milestones.due', { date: formatDate(milestone.dueDate, locale) }) : '';

  return (
    <section className="hub-project-section" aria-labelledby="project-milestones">
      <h2 className="kern-heading-medium" id="project-milestones">
        {t('projects.milestones.title')}
      </h2>
      {problem ? <Alert variant="danger" title={problem} role="alert" /> : null}
      {project.milestones.length === 0 ? (
        <p className="kern-body">{t('projects.milestones.none')}</p>
      ) : (
        <ul className="kern-list hub-project-milestones">
          {project.milestones.map((milestone) =>
            canEdit ? (
              <li key={milestone.id} className="kern-body">
                <Checkbox
                  id={`milestone-${milestone.id}-done`}
                  label={t('projects.milestones.doneToggle', { title: milestone.title })}
                  checked={milestone.done}
                  busy={pending === milestone.id}
                  describedBy={milestone.dueDate ? `milestone-${milestone.id}-due` : undefined}
                  onChange={(checked) => void toggle(milestone, checked)}
                />
                {milestone.dueDate ? (
                  <span className="kern-hint" id={`milestone-${milestone.id}-due`}>
                    {due(milestone)}
                  </span>
                ) : null}
              </li>
            ) : (
              <li key={milestone.id} className="kern-body">
                {milestone.title}
                {milestone.dueDate ? ` – ${due(milestone)}` : ''} (
                {milestone.done ? t('projects.milestones.done') : t('projects.milestones.open')})
              </li>
            ),
          )}
        </ul>
      )}
      <p className="kern-hint" role="status">
        {saved}
      </p>
    </section>
  );
}
