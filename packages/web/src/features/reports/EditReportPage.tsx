import { useMutation, useQuery } from '@apollo/client/react';
import { reportLimits } from '@hub/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { reportPaths } from './reportPaths';
import './reports.css';

export const EditReportPageQuery = graphql(`
  query EditReportPage($id: ID!) {
    progressReport(id: $id) {
      id
      title
      period {
        label
      }
      viewerCan {
        edit
      }
      sections {
        title
        body
      }
      projects {
        projectId
        title
        leadMunicipality
        highlight
      }
    }
  }
`);

const UpdateProgressReport = graphql(`
  mutation UpdateProgressReport($input: UpdateProgressReportInput!) {
    updateProgressReport(input: $input) {
      report {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface SectionDraft {
  key: number;
  title: string;
  body: string;
}

const FIELD_IDS = {
  title: 'report-title',
  sections: 'report-sections',
  highlightProjectIds: 'report-highlights',
};
let nextKey = 1;

/** A coordinator edits a draft: its title, the narrative sections (Markdown) and the highlighted projects. */
export default function EditReportPage() {
  const t = useT();
  const navigate = useNavigate();
  const { reportId = '' } = useParams();
  const { data, loading, error } = useQuery(EditReportPageQuery, { variables: { id: reportId } });
  const report = data?.progressReport;
  const [title, setTitle] = useState('');
  const [sections, setSections] = useState<SectionDraft[]>([]);
  const [highlights, setHighlights] = useState<Set<string>>(new Set());
  const form = useFormErrors(FIELD_IDS, 'reports');
  const [update, { loading: saving }] = useMutation(UpdateProgressReport);

  useEffect(() => {
    if (!report) return;
    setTitle(report.title);
    setSections(report.sections.map((s) => ({ key: nextKey++, title: s.title, body: s.body })));
    setHighlights(new Set(report.projects.filter((p) => p.highlight).map((p) => p.projectId)));
  }, [report]);

  if (error && !report)
    return (
      <Page title={t('reports.title')}>
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />
      </Page>
    );
  if (loading || !report)
    return (
      <Page title={t('reports.title')}>{loading ? <LoadingIndicator /> : <p>{t('notFound.text')}</p>}</Page>
    );

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!report) return;
    try {
      const { data: result } = await update({
        variables: {
          input: {
            id: report.id,
            title,
            sections: sections.map(({ title: heading, body }) => ({ title: heading, body })),
            highlightProjectIds: [...highlights],
          },
        },
      });
      const payload = result?.updateProgressReport;
      if (payload?.report) navigate(reportPaths.detail(payload.report.id));
      else if (payload) form.showUserErrors(payload.userErrors);
    } catch (failure) {
      form.showRequestError(failure);
    }
  }

  const change = (key: number, patch: Partial<SectionDraft>) =>
    setSections((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  return (
    <Page title={t('reports.form.editTitle', { title: report.title })}>
      <p>
        <Link className="kern-link" to={reportPaths.detail(report.id)}>
          {report.title}
        </Link>
      </p>
      <ErrorSummary {...form.summary} />
      <form onSubmit={save} noValidate className="hub-report__sections-form">
        <TextField
          id={FIELD_IDS.title}
          label={t('reports.form.title')}
          value={title}
          onChange={(value) => {
            setTitle(value);
            form.fieldChanged('title');
          }}
          error={form.errorOf('title')}
          required
        />
        <h2 className="kern-heading-medium" id={FIELD_IDS.sections} tabIndex={-1}>
          {t('reports.form.sections')}
        </h2>
        {sections.map((section, i) => (
          <fieldset key={section.key} className="hub-report__fieldset">
            <legend className="kern-label">{`${i + 1}. ${section.title || t('reports.form.sections')}`}</legend>
            <TextField
              id={`section-title-${section.key}`}
              label={t('reports.form.sectionTitle', { number: i + 1 })}
              value={section.title}
              onChange={(value) => change(section.key, { title: value })}
            />
            <TextAreaField
              id={`section-body-${section.key}`}
              label={t('reports.form.sectionBody', { number: i + 1 })}
              value={section.body}
              onChange={(value) => change(section.key, { body: value })}
              maxLength={reportLimits.sectionBody.maxLength}
              rows={6}
            />
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => setSections((list) => list.filter((s) => s.key !== section.key))}
            >
              <span className="kern-label">{t('reports.form.removeSection', { number: i + 1 })}</span>
            </button>
          </fieldset>
        ))}
        {sections.length < reportLimits.sections.max ? (
          <p>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => setSections((list) => [...list, { key: nextKey++, title: '', body: '' }])}
            >
              <span className="kern-label">{t('reports.form.addSection')}</span>
            </button>
          </p>
        ) : null}
        <fieldset className="kern-fieldset" id={FIELD_IDS.highlightProjectIds} tabIndex={-1}>
          <legend className="kern-label">{t('reports.form.highlights')}</legend>
          <p className="kern-hint">{t('reports.form.highlightsHint')}</p>
          {report.projects.length ? (
            <div className="kern-fieldset__body">
              {report.projects.map((project) => (
                <div key={project.projectId} className="kern-form-check">
                  <input
                    className="kern-form-check__input"
                    type="checkbox"
                    id={`highlight-${project.projectId}`}
                    checked={highlights.has(project.projectId)}
                    onChange={(event) =>
                      setHighlights((current) => {
                        const next = new Set(current);
                        if (event.target.checked) next.add(project.projectId);
                        else next.delete(project.projectId);
                        return next;
                      })
                    }
                  />
                  <label className="kern-label" htmlFor={`highlight-${project.projectId}`}>
                    {project.title} ({project.leadMunicipality})
                  </label>
                </div>
              ))}
            </div>
          ) : (
            <p className="kern-body">{t('reports.form.noProjects')}</p>
          )}
        </fieldset>
        <p className="hub-report__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={saving}>
            <span className="kern-label">{t('reports.form.save')}</span>
          </button>
          <Link className="kern-btn kern-btn--secondary" to={reportPaths.detail(report.id)}>
            <span className="kern-label">{t('reports.form.cancel')}</span>
          </Link>
        </p>
      </form>
    </Page>
  );
}
