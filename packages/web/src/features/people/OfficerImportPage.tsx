import { useLazyQuery, useMutation } from '@apollo/client/react';
import type { OfficerImportColumn } from '@hub/shared';
import { officerImport } from '@hub/shared';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { ImportOfficersMutation } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Page } from '../../ui/Page';
import { saveExport } from '../../ui/saveExport';
import '../members/members.css';
import { ScrollTable } from '../../ui/ScrollTable';
import { importErrorMessage } from './importErrors';
import { peoplePaths } from './peoplePaths';

const ImportOfficers = graphql(`
  mutation ImportOfficers($input: ImportOfficersInput!) {
    importOfficers(input: $input) {
      valid
      createdCount
      rows {
        line
        name
        email
        municipalityText
        municipality {
          id
          name
        }
        errors {
          field
          code
          message
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const OfficerImportTemplateQuery = graphql(`
  query OfficerImportTemplate {
    officerImportTemplateCsv
  }
`);

type ImportResult = ImportOfficersMutation['importOfficers'];

/**
 * The CSV import of digital officers: choose or paste the file, check it (a dry run that shows every
 * row with its problems), then import: all rows in one go, or none.
 */
export function OfficerImportPage() {
  const t = useT();
  const [csv, setCsv] = useState('');
  const [fetchTemplate, template] = useLazyQuery(OfficerImportTemplateQuery, { fetchPolicy: 'network-only' });
  const downloadTemplate = async () => {
    const content = (await fetchTemplate()).data?.officerImportTemplateCsv;
    if (content) saveExport(content, 'digitalbeauftragte-vorlage', 'csv');
  };
  const [result, setResult] = useState<{ dryRun: boolean; payload: ImportResult } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [run, { loading }] = useMutation(ImportOfficers);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    // Decoded as UTF-8; a file in another encoding shows replacement characters, which the API names.
    setCsv(await file.text());
    setResult(null);
  };
  const submit = async (dryRun: boolean) => {
    if (loading || !csv.trim()) return;
    setFailure(null);
    try {
      const { data } = await run({ variables: { input: { csv, dryRun } } });
      if (data) setResult({ dryRun, payload: data.importOfficers });
    } catch (error) {
      setFailure(apiErrorMessage(error, t));
    }
  };
  const check = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(true);
  };
  const payload = result?.payload;

  return (
    <Page title={t('people.import.title')}>
      <p>
        <Link className="kern-link" to={peoplePaths.list}>
          {t('people.import.back')}
        </Link>
      </p>
      <p className="kern-body">{t('people.import.intro', { max: officerImport.maxRows })}</p>
      <ImportColumns />
      <p>
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => void downloadTemplate()}>
          <span className="kern-label">{t('people.import.template')}</span>
        </button>
      </p>
      {template.error ? (
        <Alert variant="danger" title={apiErrorMessage(template.error, t)} role="alert" />
      ) : null}
      <form className="hub-form" onSubmit={check}>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="import-file">
            {t('people.import.file')}
          </label>
          <input
            className="kern-form-input__input"
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={readFile}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="import-text">
            {t('people.import.text')}
          </label>
          <textarea
            className="kern-form-input__input"
            id="import-text"
            rows={8}
            value={csv}
            onChange={(event) => {
              setCsv(event.target.value);
              setResult(null);
            }}
          />
        </div>
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--secondary" aria-disabled={loading || undefined}>
            <span className="kern-label">{t('people.import.check')}</span>
          </button>
          {payload?.valid && result?.dryRun ? (
            <button type="button" className="kern-btn kern-btn--primary" onClick={() => submit(false)}>
              <span className="kern-label">{t('people.import.run', { count: payload.rows.length })}</span>
            </button>
          ) : null}
        </div>
      </form>
      {failure ? <Alert variant="danger" title={failure} role="alert" /> : null}
      {payload ? (
        <section className="hub-members-section" aria-labelledby="import-result">
          <h2 className="kern-heading-medium" id="import-result">
            {t('people.import.result')}
          </h2>
          {payload.userErrors.length ? (
            <Alert variant="danger" title={t('people.import.problems')} role="alert">
              <ul>
                {payload.userErrors.map((e) => (
                  <li key={`${e.code}-${e.message}`}>{importErrorMessage(t, e)}</li>
                ))}
              </ul>
            </Alert>
          ) : result?.dryRun ? (
            <Alert
              variant="success"
              title={t('people.import.valid', { count: payload.rows.length })}
              role="status"
            />
          ) : (
            <Alert
              variant="success"
              title={t('people.import.done', { count: payload.createdCount })}
              role="status"
            />
          )}
          {payload.rows.length ? (
            <ScrollTable label={t('people.import.caption')}>
              <table className="kern-table kern-table--striped">
                <caption className="kern-sr-only">{t('people.import.caption')}</caption>
                <thead className="kern-table__header">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('people.import.line')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('people.name')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('field.email')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('people.municipality')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('people.import.errors')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {payload.rows.map((row) => (
                    <tr key={row.line} className="kern-table__row">
                      <th scope="row" className="kern-table__cell">
                        {row.line}
                      </th>
                      <td className="kern-table__cell">{row.name}</td>
                      <td className="kern-table__cell">{row.email}</td>
                      <td className="kern-table__cell">{row.municipality?.name ?? row.municipalityText}</td>
                      <td className="kern-table__cell">
                        {row.errors.length ? (
                          <ul>
                            {row.errors.map((e) => (
                              <li key={`${e.field}-${e.code}`}>{importErrorMessage(t, e)}</li>
                            ))}
                          </ul>
                        ) : (
                          t('people.import.ok')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}

const ACRONYMS = new Set(['ars', 'ags']);

/**
 * The headers of a column as people write them. The importer ignores case and reads "ue" as "ü",
 * so of "gemeindeschluessel" and "gemeindeschlüssel" only the spelling with the umlaut is shown.
 */
function headerLabels(headers: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const header of headers) {
    const key = header.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
    if (byKey.has(key) && !/[äöü]/.test(header)) continue;
    byKey.set(
      key,
      ACRONYMS.has(header)
        ? header.toUpperCase()
        : header.replace(/(^|-)(\p{L})/gu, (_, dash: string, letter: string) => dash + letter.toUpperCase()),
    );
  }
  return [...byKey.values()];
}

/** The columns the importer understands, each with the headers it accepts (from the shared list). */
function ImportColumns() {
  const t = useT();
  const columns = Object.entries(officerImport.columns) as [OfficerImportColumn, readonly string[]][];
  const required = officerImport.required as readonly OfficerImportColumn[];
  return (
    <>
      <h2 className="kern-heading-small">{t('people.import.columns.caption')}</h2>
      <dl className="hub-import-columns">
        {columns.map(([column, headers]) => (
          <div key={column}>
            <dt>
              {t(`people.import.column.${column}`)}
              {required.includes(column) ? ` (${t('people.import.columns.required')})` : ''}
            </dt>
            <dd>
              {t(`people.import.content.${column}`)}.{' '}
              {t('people.import.columns.headers', { headers: headerLabels(headers).join(', ') })}
            </dd>
          </div>
        ))}
      </dl>
      <p className="kern-body">
        {t('people.import.example')}{' '}
        <code className="hub-import-example">Name;E-Mail;Kommune;Funktion;Telefon;Sprache</code>
      </p>
    </>
  );
}
