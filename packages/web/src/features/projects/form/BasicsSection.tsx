import { projectLimits } from '@hub/shared';
import type { ProjectCategory } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { MunicipalityPicker } from '../../members/MunicipalityPicker';
import { CATEGORIES, categoryLabel } from '../labels';
import type { ProjectFormSectionProps } from './projectFormValues';

/** Title, summary, category and, where the viewer chooses it, the lead municipality. */
export function BasicsSection({
  values,
  set,
  error,
  choosesLead,
}: ProjectFormSectionProps & {
  /** Coordinators choose who leads a new project; officers lead for their own municipality. */
  choosesLead: boolean;
}) {
  const t = useT();
  return (
    <>
      <TextField
        maxLength={projectLimits.title.maxLength}
        id="project-title"
        label={t('projects.form.title')}
        value={values.title}
        onChange={set('title')}
        error={error('title')}
      />
      <TextField
        maxLength={projectLimits.summary.maxLength}
        id="project-summary"
        label={t('projects.form.summary')}
        value={values.summary}
        onChange={set('summary')}
        required={false}
        error={error('summary')}
      />
      <SelectField
        id="project-category"
        label={t('projects.form.category')}
        value={values.category}
        onChange={(value) => set('category')(value as ProjectCategory)}
        required
        error={error('category')}
      >
        <option value="">–</option>
        {CATEGORIES.map((value) => (
          <option key={value} value={value}>
            {t(categoryLabel(value))}
          </option>
        ))}
      </SelectField>
      {choosesLead ? (
        <MunicipalityPicker
          id="project-lead"
          searchLabel={t('projects.form.leadSearch')}
          label={t('projects.form.lead')}
          value={values.lead}
          onChange={set('lead', 'leadMunicipalityId')}
          error={error('leadMunicipalityId')?.(t)}
        />
      ) : null}
    </>
  );
}
