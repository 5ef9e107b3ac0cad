import { useT } from '../../i18n';
import { SectionPlaceholder } from '../../ui/SectionPlaceholder';

export function ProjectsPage() {
  const t = useT();
  return <SectionPlaceholder title={t('nav.projects')} />;
}
