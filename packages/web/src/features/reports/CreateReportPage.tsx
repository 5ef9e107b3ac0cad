import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { PeriodKind } from '../../gql/graphql';
import { type PlainMessageKey, useT } from '../../i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { currentQuarter } from './figureDefinitions';
import { reportPaths } from './reportPaths';

const CreateProgressReport = graphql(`
  mutation CreateProgressReport($input: CreateProgressReportInput!) {
    createProgressReport(input: $input) {
      report {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const KINDS: PeriodKind[] = ['QUARTER', 'HALF_YEAR', 'YEAR'];
const FIELD_IDS = { period: 'report-index', title: 'report-title' };

/** A coordinator starts a report for a quarter, half-year or year (by default the last quarter). */
export default function CreateReportPage() {
  const t = useT();
  const navigate = useNavigate();
  const now = currentQuarter();
  const last = now.index > 1 ? { year: now.year, index: now.index - 1 } : { year: now.year - 1, index: 4 };
  const [kind, setKind] = useState<PeriodKind>('QUARTER');
  const [year, setYear] = useState(String(last.year));
  const [index, setIndex] = useState(String(last.index));
  const [title, setTitle] = useState('');
  const form = useFormErrors(FIELD_IDS, 'reports');
  const [create, { loading }] = useMutation(CreateProgressReport);
  const years = Array.from({ length: 6 }, (_, i) => String(now.year - i));
  const indexes = kind === 'QUARTER' ? ['1', '2', '3', '4'] : kind === 'HALF_YEAR' ? ['1', '2'] : ['1'];

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const { data } = await create({
        variables: {
          input: { period: { kind, year: Number(year), index: Number(index) }, title: title.trim() || null },
        },
      });
      const payload = data?.createProgressReport;
      if (payload?.report) navigate(reportPaths.edit(payload.report.id));
      else if (payload) form.showUserErrors(payload.userErrors);
    } catch (error) {
      form.showRequestError(error);
    }
  }

  return (
    <Page title={t('reports.form.createTitle')}>
      <p>
        <Link className="kern-link" to={reportPaths.list}>
          {t('reports.back')}
        </Link>
      </p>
      <ErrorSummary {...form.summary} />
      <form onSubmit={submit} noValidate>
        <SelectField
          id="report-kind"
          label={t('reports.form.kind')}
          value={kind}
          onChange={(value) => {
            setKind(value as PeriodKind);
            setIndex('1');
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`reports.periodKind.${k}` as PlainMessageKey)}
            </option>
          ))}
        </SelectField>
        <SelectField id="report-year" label={t('reports.form.year')} value={year} onChange={setYear}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={FIELD_IDS.period}
          label={t('reports.form.index')}
          hint={t('reports.form.indexHint')}
          value={index}
          onChange={(value) => {
            setIndex(value);
            form.fieldChanged('period');
          }}
          error={form.errorOf('period')}
        >
          {indexes.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELD_IDS.title}
          label={t('reports.form.title')}
          hint={t('reports.form.titleHint')}
          value={title}
          onChange={(value) => {
            setTitle(value);
            form.fieldChanged('title');
          }}
          error={form.errorOf('title')}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
          <span className="kern-label">{t('reports.form.submitCreate')}</span>
        </button>
      </form>
    </Page>
  );
}
