import { useT } from '../../../i18n';
import { Checkbox } from '../../../ui/Checkbox';
import type { ProjectFormSectionProps } from './projectFormValues';

/** Whether it is a network project (where the viewer may say so) and, for a new one, whether to publish it now. */
export function PublicationSection({
  values,
  set,
  canSetNetworkProject,
  creating,
}: Omit<ProjectFormSectionProps, 'error'> & { canSetNetworkProject: boolean; creating: boolean }) {
  const t = useT();
  return (
    <>
      {canSetNetworkProject ? (
        <Checkbox
          id="project-network"
          label={t('projects.form.networkProject')}
          checked={values.isNetworkProject}
          onChange={set('isNetworkProject')}
        />
      ) : null}
      {creating ? (
        <Checkbox
          id="project-publish"
          label={t('projects.form.publish')}
          checked={values.publish}
          onChange={set('publish')}
        />
      ) : null}
    </>
  );
}
