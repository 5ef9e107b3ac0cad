import { projectLimits } from '@hub/shared';
import { useT } from '../../../i18n';
import { Checkbox } from '../../../ui/Checkbox';
import { TextField } from '../../../ui/TextField';
import type { ProjectFormSectionProps } from './projectFormValues';

/** The solution: product, vendor, open source with its licence and repository. */
export function SolutionSection({ values, set, error }: ProjectFormSectionProps) {
  const t = useT();
  return (
    <>
      <TextField
        maxLength={projectLimits.shortText.maxLength}
        id="project-product"
        label={t('projects.form.product')}
        value={values.product}
        onChange={set('product', 'solution.product')}
        required={false}
        error={error('solution.product')}
      />
      <TextField
        maxLength={projectLimits.shortText.maxLength}
        id="project-vendor"
        label={t('projects.form.vendor')}
        value={values.vendor}
        onChange={set('vendor', 'solution.vendor')}
        required={false}
        error={error('solution.vendor')}
      />
      <Checkbox
        id="project-open-source"
        label={t('projects.form.openSource')}
        checked={values.openSource}
        onChange={set('openSource')}
      />
      <TextField
        maxLength={projectLimits.shortText.maxLength}
        id="project-licence"
        label={t('projects.form.licence')}
        value={values.licence}
        onChange={set('licence', 'solution.licence')}
        required={false}
        error={error('solution.licence')}
      />
      <TextField
        maxLength={projectLimits.url.maxLength}
        id="project-repository"
        label={t('projects.form.repositoryUrl')}
        value={values.repositoryUrl}
        onChange={set('repositoryUrl', 'solution.repositoryUrl')}
        required={false}
        error={error('solution.repositoryUrl')}
      />
    </>
  );
}
