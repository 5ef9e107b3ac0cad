import type { ProjectPhase } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { DateField } from '../../../ui/DateField';
import { SelectField } from '../../../ui/SelectField';
import { PHASES, phaseLabel } from '../labels';
import type { ProjectFormSectionProps } from './projectFormValues';

/** Where the project stands (its phase) and when it runs. */
export function PhaseSection({ values, set, error }: ProjectFormSectionProps) {
  const t = useT();
  return (
    <>
      <SelectField
        id="project-phase"
        label={t('projects.form.phase')}
        value={values.phase}
        onChange={(value) => set('phase')(value as ProjectPhase)}
      >
        {PHASES.map((value) => (
          <option key={value} value={value}>
            {t(phaseLabel(value))}
          </option>
        ))}
      </SelectField>
      <DateField
        id="project-startDate"
        label={t('projects.form.startDate')}
        value={values.startDate}
        onChange={set('startDate')}
        error={error('startDate')}
      />
      <DateField
        id="project-endDate"
        label={t('projects.form.endDate')}
        value={values.endDate}
        onChange={set('endDate')}
        min={values.startDate || undefined}
        error={error('endDate')}
      />
    </>
  );
}
