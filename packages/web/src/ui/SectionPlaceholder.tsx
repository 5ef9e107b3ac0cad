import { useT } from '../i18n';
import { Alert } from './Alert';
import { Page } from './Page';

/** Stands in for a section of the hub until its feature is built. */
export function SectionPlaceholder({ title }: { title: string }) {
  const t = useT();
  return (
    <Page title={title}>
      <Alert variant="info" title={t('section.underConstruction')} />
    </Page>
  );
}
