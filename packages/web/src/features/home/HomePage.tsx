import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Page } from '../../ui/Page';

/** The start page: greets the viewer with their role and municipality. */
export function HomePage() {
  const t = useT();
  const { viewer } = useViewer();
  if (!viewer) return null;

  const role = t(`role.${viewer.role}`);
  return (
    <Page title={t('home.title')} heading={t('home.greeting', { name: viewer.name })}>
      <p className="kern-body kern-body--large">
        {viewer.municipality
          ? t('home.roleWithMunicipality', { role, municipality: viewer.municipality.name })
          : t('home.role', { role })}
      </p>
      <p className="kern-body">{t('home.intro')}</p>
    </Page>
  );
}
