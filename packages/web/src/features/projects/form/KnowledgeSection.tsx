import { projectLimits } from '@hub/shared';
import { useT } from '../../../i18n';
import { TextAreaField } from '../../../ui/TextAreaField';
import type { ProjectFormSectionProps } from './projectFormValues';

/** What others should know before they reuse it: implementation notes and lessons learned. */
export function KnowledgeSection({ values, set, error }: ProjectFormSectionProps) {
  const t = useT();
  return (
    <>
      <TextAreaField
        id="project-implementation-notes"
        label={t('projects.form.implementationNotes')}
        hint={t('projects.form.implementationNotesHint')}
        value={values.implementationNotes}
        onChange={set('implementationNotes')}
        maxLength={projectLimits.notes.maxLength}
        error={error('implementationNotes')}
      />
      <TextAreaField
        id="project-lessons-learned"
        label={t('projects.form.lessonsLearned')}
        hint={t('projects.form.lessonsLearnedHint')}
        value={values.lessonsLearned}
        onChange={set('lessonsLearned')}
        maxLength={projectLimits.notes.maxLength}
        error={error('lessonsLearned')}
      />
    </>
  );
}
