import { useT } from '../../i18n';
import { SectionPlaceholder } from '../../ui/SectionPlaceholder';

export function MeetingsPage() {
  const t = useT();
  return <SectionPlaceholder title={t('nav.meetings')} />;
}
