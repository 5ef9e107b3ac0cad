import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useViewerCan } from '../../session/useViewerCan';
import { Alert } from '../../ui/Alert';
import { Page } from '../../ui/Page';
import { InvitePersonForm } from './InvitePersonForm';
import { peoplePaths } from './peoplePaths';

/** Coordinators invite one person (any role); officers of new member municipalities also in the membership administration. */
export function InvitePersonPage() {
  const t = useT();
  const viewerCan = useViewerCan();
  if (viewerCan && !viewerCan.invitePeople) {
    return (
      <Page title={t('people.invite.title')}>
        <Alert variant="warning" title={t('people.invite.forbidden')} />
      </Page>
    );
  }
  return (
    <Page title={t('people.invite.title')}>
      <p>
        <Link className="kern-link" to={peoplePaths.list}>
          {t('people.import.back')}
        </Link>
      </p>
      <p className="kern-body">{t('people.invite.intro')}</p>
      <InvitePersonForm />
    </Page>
  );
}
