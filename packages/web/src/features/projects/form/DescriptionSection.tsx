import { projectLimits } from '@hub/shared';
import { useT } from '../../../i18n';
import { TextAreaField } from '../../../ui/TextAreaField';
import type { ProjectFormSectionProps } from './projectFormValues';

/** The project's description (Markdown). */
export function DescriptionSection({ values, set, error }: ProjectFormSectionProps) {
  const t = useT();
  return (
    <TextAreaField
      id="project-description"
      label={t('projects.form.description')}
      hint={t('projects.form.descriptionHint')}
      value={values.description}
      onChange={set('description')}
      maxLength={projectLimits.description.maxLength}
      rows={8}
      error={error('description')}
    />
  );
}
