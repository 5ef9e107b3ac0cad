import { projectLimits } from '@hub/shared';
import type { CostRecurrence, CostType } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { COST_TYPES, costTypeLabel, RECURRENCES, recurrenceLabel } from '../labels';
import type { CostRow, ProjectFormRowsProps } from './projectFormValues';
import { RowList } from './RowList';

/** The costs, one row per position: label, type, one-off or recurring, amount in euro. */
export function CostsSection({ rows, onChange, error }: ProjectFormRowsProps<'costs'>) {
  const t = useT();
  return (
    <RowList
      legend={t('projects.form.costs')}
      rows={rows}
      onChange={onChange}
      emptyRow={(): CostRow => ({ label: '', costType: 'SERVICES', recurrence: 'ONE_OFF', euro: '' })}
      removeLabel={(n) => t('projects.form.removeCost', { n })}
      addLabel={t('projects.form.addCost')}
      renderRow={(row, n, update) => (
        <>
          <TextField
            maxLength={projectLimits.shortText.maxLength}
            id={`project-cost-${n}-label`}
            label={t('projects.form.costLabel', { n })}
            value={row.label}
            onChange={(label) => update({ label })}
            error={error(`costs.${n - 1}.label`)}
          />
          <SelectField
            id={`project-cost-${n}-type`}
            label={t('projects.form.costType', { n })}
            value={row.costType}
            onChange={(value) => update({ costType: value as CostType })}
          >
            {COST_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(costTypeLabel(value))}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={`project-cost-${n}-recurrence`}
            label={t('projects.form.costRecurrence', { n })}
            value={row.recurrence}
            onChange={(value) => update({ recurrence: value as CostRecurrence })}
          >
            {RECURRENCES.map((value) => (
              <option key={value} value={value}>
                {t(recurrenceLabel(value))}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`project-cost-${n}-amount`}
            label={t('projects.form.costAmount', { n })}
            value={row.euro}
            onChange={(euro) => update({ euro })}
            error={error(`costs.${n - 1}.amountCents`)}
          />
        </>
      )}
    />
  );
}
