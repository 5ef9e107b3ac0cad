import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { userErrorMessage } from '../../errors/userErrors';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { ScrollTable } from '../../ui/ScrollTable';
import { TextAreaField } from '../../ui/TextAreaField';
import { categoryLabel, phaseLabel } from '../projects/labels';
import { projectPaths } from '../projects/projectPaths';
import { CHART_COLOURS, ChartFigure } from './ChartFigure';
import { FIGURES, figureValue } from './figureDefinitions';
import { formatChange, formatFigure } from './figureFormat';
import { statusLabel } from './ReportsPage';
import { reportPaths } from './reportPaths';
import './reports.css';
import { LazyThreadSection } from '../discussions/LazyThreadSection';

export const ReportPageQuery = graphql(`
  query ReportPage($id: ID!) {
    progressReport(id: $id) {
      id
      title
      status
      version
      frozen
      publishedAt
      reviewComment
      reviewedAt
      reviewedBy {
        id
        name
      }
      submittedByViewer
      previousVersionId
      correctedBy {
        id
        version
      }
      period {
        label
        startsOn
        endsOn
      }
      viewerCan {
        edit
        submit
        review
        publish
        correct
      }
      downloads {
        pdf
        xlsx
        figuresCsv
        projectsCsv
      }
      figures {
        current {
          ...NetworkFigureValues
        }
        previous {
          ...NetworkFigureValues
        }
      }
      sections {
        title
        html
      }
      projects {
        projectId
        title
        leadMunicipality
        district
        category
        phase
        progressPercent
        highlight
        statusUpdates {
          reportedOn
          phase
          progressPercent
          text
        }
        milestones {
          title
          dueDate
          done
        }
      }
    }
  }
`);

const SubmitReport = graphql(`
  mutation SubmitReport($id: ID!) {
    submitProgressReport(input: { id: $id }) {
      report {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
const ReviewReport = graphql(`
  mutation ReviewReport($input: ReviewProgressReportInput!) {
    reviewProgressReport(input: $input) {
      report {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
const PublishReport = graphql(`
  mutation PublishReport($id: ID!) {
    publishProgressReport(input: { id: $id }) {
      report {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
const CorrectReport = graphql(`
  mutation CorrectReport($id: ID!) {
    correctProgressReport(input: { id: $id }) {
      report {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const isoToLocal = (iso: string, locale: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'UTC' });

/** A report: its state and workflow, downloads, figures with comparison and charts, narrative and projects. */
export default function ReportPage() {
  const t = useT();
  const { locale } = useLocale();
  const { reportId = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(ReportPageQuery, { variables: { id: reportId } });
  const report = data?.progressReport;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [comment, setComment] = useState('');
  const [submit] = useMutation(SubmitReport);
  const [review] = useMutation(ReviewReport);
  const [publish] = useMutation(PublishReport);
  const [correct] = useMutation(CorrectReport);

  async function run(
    work: () => Promise<
      | { report: { id: string; status: string } | null; userErrors: { message: string; code: string }[] }
      | undefined
    >,
  ) {
    setMessage(null);
    try {
      const payload = await work();
      if (payload?.report) {
        setMessage({
          ok: true,
          text: t('reports.action.done', { status: t(statusLabel(payload.report.status)) }),
        });
        setComment('');
        await refetch();
        return payload.report;
      }
      const first = payload?.userErrors[0];
      if (first) setMessage({ ok: false, text: userErrorMessage({ field: null, ...first }, 'reports')(t) });
    } catch (failure) {
      setMessage({ ok: false, text: apiErrorMessage(failure, t) });
    }
    return null;
  }

  if (error && !report)
    return (
      <Page title={t('reports.title')}>
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />
      </Page>
    );
  if (loading && !report)
    return (
      <Page title={t('reports.title')}>
        <LoadingIndicator />
      </Page>
    );
  if (!report)
    return (
      <Page title={t('notFound.title')}>
        <p className="kern-body">{t('notFound.text')}</p>
        <Link className="kern-link" to={reportPaths.list}>
          {t('reports.back')}
        </Link>
      </Page>
    );

  const { current, previous } = report.figures;
  const can = report.viewerCan;
  const phaseSummary = [...current.projectsByPhase].sort((a, b) => b.count - a.count)[0];
  const chartSeries = (rows: { count: number }[], before: { count: number }[]) => [
    { name: current.period.label, colour: CHART_COLOURS[0], values: rows.map((r) => r.count) },
    { name: previous.period.label, colour: CHART_COLOURS[1], values: before.map((r) => r.count) },
  ];
  const count = (value: number) => formatFigure(value, 'count', locale);

  return (
    <Page title={report.title}>
      <p>
        <Link className="kern-link" to={reportPaths.list}>
          {t('reports.back')}
        </Link>
      </p>
      <p className="hub-report__meta kern-body">
        <span>
          {report.period.label}: {isoToLocal(report.period.startsOn, locale)} –{' '}
          {isoToLocal(report.period.endsOn, locale)}
        </span>
        <span>{t(statusLabel(report.status))}</span>
        <span>{t('reports.view.version', { version: report.version })}</span>
        {report.publishedAt ? (
          <span>{t('reports.view.publishedAt', { date: formatDateTime(report.publishedAt, locale) })}</span>
        ) : null}
      </p>
      <Alert variant="info" title={report.frozen ? t('reports.view.frozen') : t('reports.view.draftNote')} />
      {report.correctedBy ? (
        <p className="kern-body">
          {t('reports.view.correctedBy')}{' '}
          <Link className="kern-link" to={reportPaths.detail(report.correctedBy.id)}>
            {t('reports.view.openCorrection', { version: report.correctedBy.version })}
          </Link>
        </p>
      ) : null}
      {report.previousVersionId ? (
        <p className="kern-body">
          {t('reports.view.previousVersion')}{' '}
          <Link className="kern-link" to={reportPaths.detail(report.previousVersionId)}>
            {t('reports.view.openPrevious')}
          </Link>
        </p>
      ) : null}
      {report.reviewedBy && report.reviewedAt ? (
        <p className="kern-body">
          {t(report.status === 'DRAFT' ? 'reports.view.returnedBy' : 'reports.view.approvedBy', {
            name: report.reviewedBy.name,
            date: formatDateTime(report.reviewedAt, locale),
          })}
        </p>
      ) : null}
      {report.reviewComment ? (
        <p className="kern-body">{t('reports.view.reviewComment', { comment: report.reviewComment })}</p>
      ) : null}

      {can.edit || can.submit || can.review || can.publish || can.correct || report.submittedByViewer ? (
        <section aria-labelledby="report-workflow">
          <h2 className="kern-heading-medium" id="report-workflow">
            {t('reports.workflow')}
          </h2>
          {message ? (
            <Alert
              variant={message.ok ? 'success' : 'danger'}
              title={message.text}
              role={message.ok ? 'status' : 'alert'}
            />
          ) : null}
          {report.status === 'IN_REVIEW' && report.submittedByViewer ? (
            <p className="kern-body">{t('reports.action.ownReview')}</p>
          ) : null}
          <ul className="hub-report__actions">
            {can.edit ? (
              <li>
                <Link className="kern-btn kern-btn--secondary" to={reportPaths.edit(report.id)}>
                  <span className="kern-label">{t('reports.action.edit')}</span>
                </Link>
              </li>
            ) : null}
            {can.submit ? (
              <li>
                <button
                  type="button"
                  className="kern-btn kern-btn--primary"
                  onClick={() =>
                    run(
                      async () => (await submit({ variables: { id: report.id } })).data?.submitProgressReport,
                    )
                  }
                >
                  <span className="kern-label">{t('reports.action.submit')}</span>
                </button>
              </li>
            ) : null}
            {can.publish ? (
              <li>
                <button
                  type="button"
                  className="kern-btn kern-btn--primary"
                  onClick={() =>
                    run(
                      async () =>
                        (await publish({ variables: { id: report.id } })).data?.publishProgressReport,
                    )
                  }
                >
                  <span className="kern-label">{t('reports.action.publish')}</span>
                </button>
              </li>
            ) : null}
            {can.correct ? (
              <li>
                <button
                  type="button"
                  className="kern-btn kern-btn--secondary"
                  onClick={async () => {
                    const made = await run(
                      async () =>
                        (await correct({ variables: { id: report.id } })).data?.correctProgressReport,
                    );
                    if (made) navigate(reportPaths.edit(made.id));
                  }}
                >
                  <span className="kern-label">{t('reports.action.correct')}</span>
                </button>
              </li>
            ) : null}
          </ul>
          {can.review ? (
            <form
              onSubmit={(event: FormEvent) => {
                event.preventDefault();
                run(
                  async () =>
                    (await review({ variables: { input: { id: report.id, approve: false, comment } } })).data
                      ?.reviewProgressReport,
                );
              }}
            >
              <p className="kern-body">{t('reports.action.reviewHint')}</p>
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                onClick={() =>
                  run(
                    async () =>
                      (
                        await review({
                          variables: { input: { id: report.id, approve: true, comment: comment || null } },
                        })
                      ).data?.reviewProgressReport,
                  )
                }
              >
                <span className="kern-label">{t('reports.action.approve')}</span>
              </button>
              <TextAreaField
                id="review-comment"
                label={t('reports.action.returnComment')}
                value={comment}
                onChange={setComment}
                maxLength={2000}
                rows={3}
              />
              <button type="submit" className="kern-btn kern-btn--secondary">
                <span className="kern-label">{t('reports.action.return')}</span>
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="report-downloads">
        <h2 className="kern-heading-medium" id="report-downloads">
          {t('reports.view.downloads')}
        </h2>
        <ul className="hub-report__downloads">
          <li>
            <a className="kern-link" href={report.downloads.pdf} download>
              {t('reports.view.pdf')}
            </a>
          </li>
          <li>
            <a className="kern-link" href={report.downloads.xlsx} download>
              {t('reports.view.xlsx')}
            </a>
          </li>
          <li>
            <a className="kern-link" href={report.downloads.figuresCsv} download>
              {t('reports.view.figuresCsv')}
            </a>
          </li>
          <li>
            <a className="kern-link" href={report.downloads.projectsCsv} download>
              {t('reports.view.projectsCsv')}
            </a>
          </li>
        </ul>
      </section>

      <section className="hub-report__section" aria-labelledby="report-figures">
        <h2 className="kern-heading-medium" id="report-figures">
          {t('reports.view.figures')}
        </h2>
        <ScrollTable
          label={t('reports.view.figuresCaption', {
            current: current.period.label,
            previous: previous.period.label,
          })}
        >
          <table className="kern-table kern-table--striped">
            <caption className="kern-sr-only">
              {t('reports.view.figuresCaption', {
                current: current.period.label,
                previous: previous.period.label,
              })}
            </caption>
            <thead className="kern-table__header">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('reports.view.figure')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {current.period.label}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {previous.period.label}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('reports.view.change')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {FIGURES.map((figure) => (
                <tr key={figure.key} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    {t(figure.label)}
                  </th>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {formatFigure(figureValue(current, figure.key), figure.format, locale)}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {formatFigure(figureValue(previous, figure.key), figure.format, locale)}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {formatChange(
                      figureValue(current, figure.key),
                      figureValue(previous, figure.key),
                      figure.format,
                      locale,
                    ) ?? '±0'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>

      <section className="hub-report__section" aria-labelledby="report-charts">
        <h2 className="kern-heading-medium" id="report-charts">
          {t('reports.view.charts')}
        </h2>
        <div className="hub-report__charts">
          <ChartFigure
            title={t('figures.byPhase')}
            summary={
              current.projectCount && phaseSummary
                ? t('figures.summary.projects', {
                    to: current.period.label,
                    total: count(current.projectCount),
                    phase: t(phaseLabel(phaseSummary.phase)),
                    count: count(phaseSummary.count),
                  })
                : t('figures.summary.noProjects', { to: current.period.label })
            }
            labelHeader={t('reports.view.figure')}
            labels={current.projectsByPhase.map((p) => t(phaseLabel(p.phase)))}
            series={chartSeries(current.projectsByPhase, previous.projectsByPhase)}
            format={count}
          />
          <ChartFigure
            title={t('figures.byCategory')}
            summary={t('figures.summary.comparison', {
              label: t('figures.projects'),
              current: count(current.projectCount),
              currentPeriod: current.period.label,
              previous: count(previous.projectCount),
              previousPeriod: previous.period.label,
            })}
            labelHeader={t('reports.view.figure')}
            labels={current.projectsByCategory.map((c) => t(categoryLabel(c.category)))}
            series={chartSeries(current.projectsByCategory, previous.projectsByCategory)}
            format={count}
            horizontal
          />
        </div>
      </section>

      {report.sections.length ? (
        <section className="hub-report__section" aria-labelledby="report-sections">
          <h2 className="kern-heading-medium" id="report-sections">
            {t('reports.view.sections')}
          </h2>
          {report.sections.map((section) => (
            <article key={section.title}>
              <h3 className="kern-heading-small">{section.title}</h3>
              {/* Rendered and sanitised by the API (markdown.ts). */}
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server */}
              <div className="kern-body" dangerouslySetInnerHTML={{ __html: section.html }} />
            </article>
          ))}
        </section>
      ) : null}

      <section className="hub-report__section" aria-labelledby="report-projects">
        <h2 className="kern-heading-medium" id="report-projects">
          {t('reports.view.projects')}
        </h2>
        <p className="kern-body">{t('reports.view.projectsCount', { count: report.projects.length })}</p>
        {report.projects.map((project) => (
          <article key={project.projectId} className="hub-report__project">
            <h3 className="kern-heading-small">
              <Link className="kern-link" to={projectPaths.detail(project.projectId)}>
                {project.title}
              </Link>
              {project.highlight ? ` (${t('reports.view.highlight')})` : ''}
            </h3>
            <p className="kern-body">
              {[
                project.leadMunicipality,
                project.district !== project.leadMunicipality ? project.district : null,
                t(categoryLabel(project.category)),
                t(phaseLabel(project.phase)),
                project.progressPercent !== null
                  ? t('reports.view.progress', { percent: project.progressPercent })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {project.statusUpdates.length ? (
              <>
                <h4 className="kern-body kern-body--bold">{t('reports.view.statusUpdates')}</h4>
                <ul>
                  {project.statusUpdates.map((u) => (
                    <li key={`${u.reportedOn}-${u.text}`}>
                      {isoToLocal(u.reportedOn, locale)} ({t(phaseLabel(u.phase))}, {u.progressPercent} %):{' '}
                      {u.text}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {project.milestones.length ? (
              <>
                <h4 className="kern-body kern-body--bold">{t('reports.view.milestones')}</h4>
                <ul>
                  {project.milestones.map((m) => (
                    <li key={`${m.title}-${m.dueDate}`}>
                      {m.dueDate ? `${isoToLocal(m.dueDate, locale)}: ` : ''}
                      {m.title} – {m.done ? t('reports.view.milestoneDone') : t('reports.view.milestoneOpen')}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </article>
        ))}
      </section>
      {/* The report's discussion: the ministry comments here once it is published. */}
      {report.status === 'PUBLISHED' ? <LazyThreadSection subjectId={report.id} /> : null}
    </Page>
  );
}
