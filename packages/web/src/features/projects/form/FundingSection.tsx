import { projectLimits } from '@hub/shared';
import { useT } from '../../../i18n';
import { TextField } from '../../../ui/TextField';
import type { FundingRow, ProjectFormRowsProps } from './projectFormValues';
import { RowList } from './RowList';

/** The funding, one row per programme: name, amount in euro, share of the costs in percent. */
export function FundingSection({ rows, onChange, error }: ProjectFormRowsProps<'funding'>) {
  const t = useT();
  return (
    <RowList
      legend={t('projects.form.funding')}
      rows={rows}
      onChange={onChange}
      emptyRow={(): FundingRow => ({ programme: '', euro: '', share: '' })}
      removeLabel={(n) => t('projects.form.removeFunding', { n })}
      addLabel={t('projects.form.addFunding')}
      renderRow={(row, n, update) => (
        <>
          <TextField
            maxLength={projectLimits.shortText.maxLength}
            id={`project-funding-${n}-programme`}
            label={t('projects.form.fundingProgramme', { n })}
            value={row.programme}
            onChange={(programme) => update({ programme })}
            error={error(`funding.${n - 1}.programme`)}
          />
          <TextField
            id={`project-funding-${n}-amount`}
            label={t('projects.form.fundingAmount', { n })}
            value={row.euro}
            onChange={(euro) => update({ euro })}
            error={error(`funding.${n - 1}.amountCents`)}
          />
          <TextField
            id={`project-funding-${n}-share`}
            label={t('projects.form.fundingShare', { n })}
            value={row.share}
            onChange={(share) => update({ share })}
            required={false}
            error={error(`funding.${n - 1}.sharePercent`)}
          />
        </>
      )}
    />
  );
}
