import { useT } from '../../i18n';
import { SectionPlaceholder } from '../../ui/SectionPlaceholder';

export function ReportsPage() {
  const t = useT();
  return <SectionPlaceholder title={t('nav.reports')} />;
}
