import { useApolloClient, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { berlinToIso, formatCalendarDate } from './berlinTime';
import { meetingPaths } from './meetingPaths';
import './meetings.css';
import { DateField } from '../../ui/DateField';
import { ScrollTable } from '../../ui/ScrollTable';
import { type ExportFormat, saveExport } from '../../ui/saveExport';

export const ParticipationPageQuery = graphql(`
  query ParticipationPage($from: DateTime!, $to: DateTime!) {
    meetingParticipation(from: $from, to: $to) {
      byMunicipality {
        municipality {
          id
          name
        }
        meetingsInvited
        meetingsAttended
        attendances
      }
      byWorkingGroup {
        workingGroup {
          id
          name
        }
        meetings
        invitations
        attendances
      }
    }
  }
`);

const ParticipationCsvQuery = graphql(`
  query ParticipationCsv($from: DateTime!, $to: DateTime!) {
    meetingParticipationCsv(from: $from, to: $to)
  }
`);

const ParticipationXlsxQuery = graphql(`
  query ParticipationXlsx($from: DateTime!, $to: DateTime!) {
    meetingParticipationXlsx(from: $from, to: $to)
  }
`);

interface Period {
  from: string;
  to: string;
}

/** The current calendar year in Berlin, as dates (YYYY-MM-DD); `to` is inclusive. */
function thisYear(): Period {
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(
    new Date(),
  );
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Attendance per municipality and per working group in a period (coordinators and the ministry). */
export function ParticipationPage() {
  const t = useT();
  const { locale } = useLocale();
  const [period, setPeriod] = useState<Period>(thisYear);
  const [draft, setDraft] = useState<Period>(period);
  const from = berlinToIso(period.from, '00:00');
  const to = berlinToIso(nextDay(period.to), '00:00');
  const { data, error, loading, refetch } = useQuery(ParticipationPageQuery, {
    variables: { from: from ?? '', to: to ?? '' },
    skip: !from || !to,
    fetchPolicy: 'cache-and-network',
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from <= draft.to) setPeriod(draft);
  };
  const invalid = !draft.from || !draft.to || draft.from > draft.to;
  const client = useApolloClient();
  const [exportFailed, setExportFailed] = useState<unknown>(null);
  const download = async (format: ExportFormat) => {
    if (!from || !to) return;
    const options = { variables: { from, to }, fetchPolicy: 'network-only' } as const;
    try {
      setExportFailed(null);
      const content =
        format === 'csv'
          ? (await client.query({ query: ParticipationCsvQuery, ...options })).data?.meetingParticipationCsv
          : (await client.query({ query: ParticipationXlsxQuery, ...options })).data
              ?.meetingParticipationXlsx;
      if (content) saveExport(content, `teilnahme-${period.from}-${period.to}`, format);
    } catch (failure) {
      setExportFailed(failure);
    }
  };
  const report = data?.meetingParticipation;
  return (
    <Page title={t('meetings.participation.title')}>
      <p className="kern-body">{t('meetings.participation.intro')}</p>
      <p>
        <Link className="kern-link" to={meetingPaths.list}>
          {t('meetings.participation.back')}
        </Link>
      </p>
      <form className="hub-form hub-meeting-filter" onSubmit={submit}>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('meetings.participation.period')}</legend>
          <div className="kern-fieldset__body">
            <DateField
              id="participation-from"
              label={t('meetings.participation.from')}
              value={draft.from}
              onChange={(value) => setDraft({ ...draft, from: value })}
            />
            <DateField
              id="participation-to"
              label={t('meetings.participation.to')}
              value={draft.to}
              onChange={(value) => setDraft({ ...draft, to: value })}
            />
          </div>
        </fieldset>
        {invalid ? (
          <Alert variant="danger" title={t('meetings.participation.invalidPeriod')} role="alert" />
        ) : null}
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={invalid}>
            <span className="kern-label">{t('meetings.participation.show')}</span>
          </button>
        </div>
      </form>

      {error && !report ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      ) : null}
      {loading && !report ? <LoadingIndicator /> : null}
      {report ? (
        <>
          <section className="hub-meeting-section" aria-labelledby="participation-municipalities">
            <h2 className="kern-heading-medium" id="participation-municipalities">
              {t('meetings.participation.byMunicipality')}
            </h2>
            {report.byMunicipality.length === 0 ? (
              <p className="kern-body">{t('meetings.participation.empty')}</p>
            ) : (
              <ScrollTable label={t('meetings.participation.byMunicipality')}>
                <table className="hub-meeting-table">
                  <caption className="kern-body">
                    {t('meetings.participation.municipalityCaption', {
                      from: formatCalendarDate(period.from, locale),
                      to: formatCalendarDate(period.to, locale),
                    })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('meetings.participation.municipality')}</th>
                      <th scope="col">{t('meetings.participation.meetingsInvited')}</th>
                      <th scope="col">{t('meetings.participation.meetingsAttended')}</th>
                      <th scope="col">{t('meetings.participation.attendances')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.byMunicipality.map((row) => (
                      <tr key={row.municipality.id}>
                        <th scope="row">{row.municipality.name}</th>
                        <td>{row.meetingsInvited}</td>
                        <td>{row.meetingsAttended}</td>
                        <td>{row.attendances}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            )}
            <p className="hub-export-links">
              <button
                type="button"
                className="kern-btn kern-btn--tertiary"
                onClick={() => void download('csv')}
              >
                <span className="kern-label">{t('meetings.participation.csv')}</span>
              </button>
              <button
                type="button"
                className="kern-btn kern-btn--tertiary"
                onClick={() => void download('xlsx')}
              >
                <span className="kern-label">{t('meetings.participation.xlsx')}</span>
              </button>
            </p>
            {exportFailed ? (
              <Alert variant="danger" title={apiErrorMessage(exportFailed, t)} role="alert" />
            ) : null}
          </section>
          <section className="hub-meeting-section" aria-labelledby="participation-groups">
            <h2 className="kern-heading-medium" id="participation-groups">
              {t('meetings.participation.byGroup')}
            </h2>
            {report.byWorkingGroup.length === 0 ? (
              <p className="kern-body">{t('meetings.participation.empty')}</p>
            ) : (
              <ScrollTable label={t('meetings.participation.byGroup')}>
                <table className="hub-meeting-table">
                  <caption className="kern-body">
                    {t('meetings.participation.groupCaption', {
                      from: formatCalendarDate(period.from, locale),
                      to: formatCalendarDate(period.to, locale),
                    })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('meetings.participation.group')}</th>
                      <th scope="col">{t('meetings.participation.meetings')}</th>
                      <th scope="col">{t('meetings.participation.invitations')}</th>
                      <th scope="col">{t('meetings.participation.attendances')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.byWorkingGroup.map((row) => (
                      <tr key={row.workingGroup.id}>
                        <th scope="row">{row.workingGroup.name}</th>
                        <td>{row.meetings}</td>
                        <td>{row.invitations}</td>
                        <td>{row.attendances}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
