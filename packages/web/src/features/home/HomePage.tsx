import { useT } from '../../i18n';
import { useViewer, viewerAffiliation } from '../../session/useViewer';
import { Page } from '../../ui/Page';

/** The start page: greets the viewer with their role and municipality. */
export function HomePage() {
  const t = useT();
  const { viewer } = useViewer();
  if (!viewer) return null;

  const role = t(`role.${viewer.role}`);
  const affiliation = viewerAffiliation(viewer);
  return (
    <Page title={t('home.title')} heading={t('home.greeting', { name: viewer.name })}>
      <p className="kern-body kern-body--large">
        {affiliation ? t('home.roleWithAffiliation', { role, affiliation }) : t('home.role', { role })}
      </p>
      <p className="kern-body">{t('home.intro')}</p>
    </Page>
  );
}
