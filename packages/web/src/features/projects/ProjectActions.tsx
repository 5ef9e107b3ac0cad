import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { ProjectActions_ProjectFragment, ProjectPhase } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/SelectField';
import { PHASES, phaseLabel } from './labels';
import { projectPaths } from './projectPaths';

export const ProjectActionsFragment = graphql(`
  fragment ProjectActions_project on Project {
    id
    status
    phase
    viewerCan {
      edit
      publish
      adopt
      markInterest
      postStatusUpdate
    }
  }
`);

const PublishMutation = graphql(`
  mutation PublishProject($input: SetProjectStatusInput!) {
    setProjectStatus(input: $input) {
      project {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const InterestMutation = graphql(`
  mutation MarkProjectInterest($input: MarkProjectInterestInput!) {
    markProjectInterest(input: $input) {
      project {
        id
        ...ProjectReuse_project
        viewerCan {
          markInterest
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const StatusUpdateMutation = graphql(`
  mutation PostProjectStatusUpdate($input: PostStatusUpdateInput!) {
    postProjectStatusUpdate(input: $input) {
      project {
        id
        phase
        progressPercent
        ...ProjectStatusTimeline_project
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const today = () => new Date().toISOString().slice(0, 10);

/** What the viewer may do with the project, as the API's viewerCan says: edit, publish, reuse, report. */
export function ProjectActions({ project }: { project: ProjectActions_ProjectFragment }) {
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [publish] = useMutation(PublishMutation);
  const [markInterest] = useMutation(InterestMutation);
  const [postStatus] = useMutation(StatusUpdateMutation);
  const [reportedOn, setReportedOn] = useState(today());
  const [phase, setPhase] = useState<ProjectPhase>(project.phase);
  const [progress, setProgress] = useState('0');
  const [text, setText] = useState('');
  const can = project.viewerCan;
  const run = async (work: () => Promise<readonly { message: string }[]>, success: string) => {
    setMessage(null);
    setProblem(null);
    try {
      const errors = await work();
      if (errors.length) setProblem(errors.map((e) => e.message).join(' '));
      else setMessage(success);
    } catch (error) {
      setProblem(apiErrorMessage(error, t));
    }
  };

  const submitStatus = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      const { data } = await postStatus({
        variables: {
          input: { projectId: project.id, reportedOn, phase, progressPercent: Number(progress), text },
        },
      });
      if (!data?.postProjectStatusUpdate.userErrors.length) setText('');
      return data?.postProjectStatusUpdate.userErrors ?? [];
    }, t('projects.status.saved'));
  };

  if (!can.edit && !can.adopt && !can.markInterest && !can.postStatusUpdate) return null;
  return (
    <section className="hub-project-section" aria-label={t('projects.page.edit')}>
      {message ? <Alert variant="success" title={message} role="status" /> : null}
      {problem ? <Alert variant="danger" title={problem} role="alert" /> : null}
      <p className="hub-project-card__meta">
        {can.edit ? (
          <Link className="kern-btn kern-btn--secondary" to={projectPaths.edit(project.id)}>
            <span className="kern-label">{t('projects.page.edit')}</span>
          </Link>
        ) : null}
        {can.publish && project.status === 'DRAFT' ? (
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            onClick={() =>
              void run(async () => {
                const { data } = await publish({
                  variables: { input: { id: project.id, status: 'PUBLISHED' } },
                });
                return data?.setProjectStatus.userErrors ?? [];
              }, t('projects.page.published'))
            }
          >
            <span className="kern-label">{t('projects.page.publish')}</span>
          </button>
        ) : null}
        {can.markInterest ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() =>
              void run(async () => {
                const { data } = await markInterest({
                  variables: { input: { projectId: project.id, interested: true } },
                });
                return data?.markProjectInterest.userErrors ?? [];
              }, t('projects.reuse.interestSaved'))
            }
          >
            <span className="kern-label">{t('projects.reuse.interest')}</span>
          </button>
        ) : null}
      </p>
      {can.adopt ? (
        <section aria-labelledby="project-adopt">
          <h2 className="kern-heading-medium" id="project-adopt">
            {t('projects.reuse.adopt')}
          </h2>
          <p className="kern-body">{t('projects.reuse.adoptIntro')}</p>
          <Link className="kern-btn kern-btn--primary" to={projectPaths.adopt(project.id)}>
            <span className="kern-label">{t('projects.reuse.adoptStart')}</span>
          </Link>
        </section>
      ) : null}
      {can.postStatusUpdate ? (
        <form className="hub-form" onSubmit={submitStatus} aria-labelledby="project-post-status">
          <h2 className="kern-heading-medium" id="project-post-status">
            {t('projects.status.post')}
          </h2>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="project-status-date">
              {t('projects.status.date')}
            </label>
            <input
              className="kern-form-input__input"
              id="project-status-date"
              type="date"
              value={reportedOn}
              required
              onChange={(event) => setReportedOn(event.target.value)}
            />
          </div>
          <SelectField
            id="project-status-phase"
            label={t('projects.form.phase')}
            value={phase}
            onChange={(value) => setPhase(value as ProjectPhase)}
          >
            {PHASES.map((value) => (
              <option key={value} value={value}>
                {t(phaseLabel(value))}
              </option>
            ))}
          </SelectField>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="project-status-progress">
              {t('projects.status.progress')}
            </label>
            <input
              className="kern-form-input__input"
              id="project-status-progress"
              type="number"
              min={0}
              max={100}
              value={progress}
              required
              onChange={(event) => setProgress(event.target.value)}
            />
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="project-status-text">
              {t('projects.status.text')}
            </label>
            <textarea
              className="kern-form-input__input"
              id="project-status-text"
              rows={4}
              value={text}
              required
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('projects.status.submit')}</span>
          </button>
        </form>
      ) : null}
    </section>
  );
}
