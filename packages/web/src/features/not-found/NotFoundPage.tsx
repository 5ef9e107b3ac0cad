import { Link } from 'react-router';
import { useT } from '../../i18n';
import { paths } from '../../paths';
import { Page } from '../../ui/Page';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <p className="kern-body">{t('notFound.text')}</p>
      <p className="kern-body">
        <Link className="kern-link" to={paths.home}>
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
