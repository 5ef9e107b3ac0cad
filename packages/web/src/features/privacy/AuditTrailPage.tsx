import { useLazyQuery, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { AuditEventFilter } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { ScrollTable } from '../../ui/ScrollTable';
import { SelectField } from '../../ui/SelectField';
import { type ExportFormat, saveExport } from '../../ui/saveExport';
import { TextField } from '../../ui/TextField';
import './privacy.css';

const PAGE_SIZE = 50;

const AuditTrailPageQuery = graphql(`
  query AuditTrailPage($first: Int, $after: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          occurredAt
          action
          subjectType
          subjectId
          actor {
            id
            name
          }
          changes {
            field
            before
            after
            masked
          }
        }
      }
    }
    auditTrailVocabulary {
      actions
      subjectTypes
    }
  }
`);

const AuditCsvQuery = graphql(`
  query AuditTrailCsv($filter: AuditEventFilter) {
    auditEventsCsv(filter: $filter)
  }
`);
const AuditXlsxQuery = graphql(`
  query AuditTrailXlsx($filter: AuditEventFilter) {
    auditEventsXlsx(filter: $filter)
  }
`);

interface FilterForm {
  action: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
}

const emptyForm: FilterForm = { action: '', subjectType: '', subjectId: '', from: '', to: '' };

/** Berlin calendar days as the API's instants: `from` at the day's start, `to` after the day's end. */
function dayStart(day: string, plusDays = 0): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
}

function filterOf(form: FilterForm, actor: { id: string; name: string } | null): AuditEventFilter {
  return {
    action: form.action.trim() || null,
    subjectType: form.subjectType.trim() || null,
    subjectId: form.subjectId.trim() || null,
    from: dayStart(form.from),
    to: dayStart(form.to, 1),
    actorId: actor?.id ?? null,
  };
}

/** A JSON value from the trail, shown as text (strings without their quotes). */
function shown(value: string | null): string {
  if (value === null) return '–';
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null) return '–';
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value;
  }
}

/** The audit trail for coordinators (and, masked, the ministry): who changed what, when, before and after. */
export default function AuditTrailPage() {
  const t = useT();
  const { locale } = useLocale();
  const [form, setForm] = useState<FilterForm>(emptyForm);
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const [filter, setFilter] = useState<AuditEventFilter>(filterOf(emptyForm, null));
  const { data, loading, error, fetchMore } = useQuery(AuditTrailPageQuery, {
    variables: { first: PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [exportCsv, exportedCsv] = useLazyQuery(AuditCsvQuery, { fetchPolicy: 'network-only' });
  const [exportXlsx, exportedXlsx] = useLazyQuery(AuditXlsxQuery, { fetchPolicy: 'network-only' });
  const exportError = exportedCsv.error ?? exportedXlsx.error;

  const set = (field: keyof FilterForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter(filterOf(form, actor));
  };
  const chooseActor = (chosen: { id: string; name: string } | null) => {
    setActor(chosen);
    setFilter(filterOf(form, chosen));
  };
  const reset = () => {
    setForm(emptyForm);
    setActor(null);
    setFilter(filterOf(emptyForm, null));
  };
  const startExport = async (format: ExportFormat) => {
    const content =
      format === 'csv'
        ? (await exportCsv({ variables: { filter } })).data?.auditEventsCsv
        : (await exportXlsx({ variables: { filter } })).data?.auditEventsXlsx;
    if (content) saveExport(content, `aenderungsprotokoll-${new Date().toISOString().slice(0, 10)}`, format);
  };
  const loadMore = async () => {
    const after = data?.auditEvents.pageInfo.endCursor;
    if (!after || loadingMore) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          auditEvents: {
            ...fetchMoreResult.auditEvents,
            edges: [...previous.auditEvents.edges, ...fetchMoreResult.auditEvents.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  const events = data?.auditEvents;
  const vocabulary = data?.auditTrailVocabulary;
  return (
    <Page title={t('privacy.audit.title')}>
      <p className="kern-body">{t('privacy.audit.intro')}</p>
      <form className="hub-audit-filters" onSubmit={apply} aria-label={t('privacy.audit.filters')}>
        <div className="hub-audit-filters__fields">
          <SelectField
            id="audit-action"
            label={t('privacy.audit.action')}
            value={form.action}
            onChange={set('action')}
          >
            <option value="">{t('privacy.audit.anyAction')}</option>
            {vocabulary?.actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="audit-subject-type"
            label={t('privacy.audit.subjectType')}
            value={form.subjectType}
            onChange={set('subjectType')}
          >
            <option value="">{t('privacy.audit.anySubjectType')}</option>
            {vocabulary?.subjectTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </SelectField>
          <TextField
            id="audit-subject-id"
            label={t('privacy.audit.subjectId')}
            value={form.subjectId}
            onChange={set('subjectId')}
            required={false}
          />
          <TextField
            id="audit-from"
            label={t('privacy.audit.from')}
            type="date"
            value={form.from}
            onChange={set('from')}
            required={false}
          />
          <TextField
            id="audit-to"
            label={t('privacy.audit.to')}
            type="date"
            value={form.to}
            onChange={set('to')}
            required={false}
          />
        </div>
        {actor ? (
          <p className="kern-body">
            {t('privacy.audit.actorFilter', { name: actor.name })}{' '}
            <button
              type="button"
              className="kern-btn kern-btn--tertiary kern-btn--x-small"
              onClick={() => chooseActor(null)}
            >
              <span className="kern-label">{t('privacy.audit.actorFilterRemove')}</span>
            </button>
          </p>
        ) : null}
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('privacy.audit.apply')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={reset}>
            <span className="kern-label">{t('privacy.audit.reset')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => startExport('csv')}>
            <span className="kern-label">{t('privacy.audit.exportCsv')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => startExport('xlsx')}>
            <span className="kern-label">{t('privacy.audit.exportXlsx')}</span>
          </button>
        </div>
      </form>
      {exportError ? <Alert variant="danger" title={apiErrorMessage(exportError, t)} role="alert" /> : null}
      {error ? <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" /> : null}
      {loading && !events ? <LoadingIndicator /> : null}
      {events ? (
        <>
          <p className="kern-body" role="status">
            {t('privacy.audit.count', { count: events.totalCount })}
          </p>
          {events.edges.length ? (
            <ScrollTable label={t('privacy.audit.title')}>
              <table className="kern-table kern-table--striped hub-audit-table">
                <thead className="kern-table__header">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('privacy.audit.when')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('privacy.audit.who')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('privacy.audit.action')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('privacy.audit.subject')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('privacy.audit.changes')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {events.edges.map(({ node }) => (
                    <tr key={node.id} className="kern-table__row">
                      <td className="kern-table__cell">{formatDateTime(node.occurredAt, locale)}</td>
                      <td className="kern-table__cell">
                        {node.actor ? (
                          <button
                            type="button"
                            className="kern-btn kern-btn--tertiary kern-btn--x-small hub-audit-actor"
                            onClick={() =>
                              node.actor && chooseActor({ id: node.actor.id, name: node.actor.name })
                            }
                          >
                            <span className="kern-label">
                              {node.actor.name}
                              <span className="kern-sr-only">: {t('privacy.audit.onlyThisActor')}</span>
                            </span>
                          </button>
                        ) : (
                          t('privacy.audit.system')
                        )}
                      </td>
                      <td className="kern-table__cell">
                        <code>{node.action}</code>
                      </td>
                      <td className="kern-table__cell">
                        {node.subjectType}
                        {node.subjectId ? (
                          <div className="kern-body kern-body--small hub-audit-id">{node.subjectId}</div>
                        ) : null}
                      </td>
                      <td className="kern-table__cell">
                        {node.changes.length ? (
                          <ul className="hub-audit-changes">
                            {node.changes.map((change) => (
                              <li key={change.field}>
                                <strong>{change.field}</strong>
                                {change.masked ? ` (${t('privacy.audit.masked')})` : null}:{' '}
                                {change.before !== null ? (
                                  <>
                                    <del>{shown(change.before)}</del>
                                    {' → '}
                                  </>
                                ) : null}
                                <ins>{shown(change.after)}</ins>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          '–'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          ) : (
            <p className="kern-body">{t('privacy.audit.none')}</p>
          )}
          {events.pageInfo.hasNextPage ? (
            <div className="hub-form__actions">
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                aria-disabled={loadingMore || undefined}
                onClick={loadMore}
              >
                <span className="kern-label">{t('privacy.audit.more')}</span>
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
