import { useMutation } from '@apollo/client/react';
import { projectLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { type UserError, userErrorMessage } from '../../errors/userErrors';
import { graphql } from '../../gql';
import type { ProjectActions_ProjectFragment, ProjectPhase } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { DateField } from '../../ui/DateField';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { noFormErrors } from '../../ui/formErrors';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
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
  const can = project.viewerCan;
  const run = async (work: () => Promise<readonly UserError[]>, success: string) => {
    setMessage(null);
    setProblem(null);
    try {
      const errors = await work();
      if (errors.length) setProblem(errors.map((e) => userErrorMessage(e, 'projects')(t)).join(' '));
      else setMessage(success);
    } catch (error) {
      setProblem(apiErrorMessage(error, t));
    }
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
      {can.postStatusUpdate ? <StatusUpdateForm projectId={project.id} phase={project.phase} /> : null}
    </section>
  );
}

type StatusField = 'reportedOn' | 'phase' | 'progressPercent' | 'text';
const statusFieldIds: Record<StatusField, string> = {
  reportedOn: 'project-status-date',
  phase: 'project-status-phase',
  progressPercent: 'project-status-progress',
  text: 'project-status-text',
};

/** Reports a status update (Sachstand): date, phase, progress and what happened. */
function StatusUpdateForm({ projectId, phase: currentPhase }: { projectId: string; phase: ProjectPhase }) {
  const t = useT();
  const [postStatus, { loading }] = useMutation(StatusUpdateMutation);
  const form = useFormErrors(statusFieldIds, 'projects');
  const [saved, setSaved] = useState(false);
  const [reportedOn, setReportedOn] = useState(today());
  const [phase, setPhase] = useState<ProjectPhase>(currentPhase);
  const [progress, setProgress] = useState('0');
  const [text, setText] = useState('');
  const change =
    (field: StatusField, setter: (value: string) => void) =>
    (value: string): void => {
      setter(value);
      setSaved(false);
      form.fieldChanged(field);
    };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setSaved(false);
    const found = noFormErrors<StatusField>();
    if (!reportedOn) found.fields.reportedOn = (tr) => tr('projects.status.dateRequired');
    if (!/^\d{1,3}$/.test(progress.trim()) || Number(progress) > 100)
      found.fields.progressPercent = (tr) => tr('projects.status.progressInvalid');
    if (!text.trim()) found.fields.text = (tr) => tr('projects.status.textRequired');
    if (!form.check(found)) return;
    try {
      const { data } = await postStatus({
        variables: {
          input: { projectId, reportedOn, phase, progressPercent: Number(progress), text: text.trim() },
        },
      });
      const userErrors = data?.postProjectStatusUpdate.userErrors ?? [];
      if (userErrors.length) form.showUserErrors(userErrors);
      else {
        setText('');
        setSaved(true);
      }
    } catch (error) {
      form.showRequestError(error);
    }
  };

  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="project-post-status"
    >
      <h2 className="kern-heading-medium" id="project-post-status">
        {t('projects.status.post')}
      </h2>
      {saved ? <Alert variant="success" title={t('projects.status.saved')} role="status" /> : null}
      <ErrorSummary {...form.summary} />
      <DateField
        id={statusFieldIds.reportedOn}
        label={t('projects.status.date')}
        value={reportedOn}
        onChange={change('reportedOn', setReportedOn)}
        error={form.errorOf('reportedOn')}
        required
      />
      <SelectField
        id={statusFieldIds.phase}
        label={t('projects.form.phase')}
        value={phase}
        onChange={change('phase', (value) => setPhase(value as ProjectPhase))}
        error={form.errorOf('phase')}
      >
        {PHASES.map((value) => (
          <option key={value} value={value}>
            {t(phaseLabel(value))}
          </option>
        ))}
      </SelectField>
      <TextField
        id={statusFieldIds.progressPercent}
        label={t('projects.status.progress')}
        value={progress}
        onChange={change('progressPercent', setProgress)}
        error={form.errorOf('progressPercent')}
      />
      <TextAreaField
        id={statusFieldIds.text}
        label={t('projects.status.text')}
        value={text}
        onChange={change('text', setText)}
        maxLength={projectLimits.statusText.maxLength}
        rows={4}
        required
        error={form.errorOf('text')}
      />
      <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
        <span className="kern-label">{t('projects.status.submit')}</span>
      </button>
    </form>
  );
}
