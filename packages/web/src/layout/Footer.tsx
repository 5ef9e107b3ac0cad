import { Link } from 'react-router';
import { privacyPaths } from '../features/privacy/privacyPaths';
import { useT } from '../i18n';

const licenceUrl = 'https://www.govdata.de/dl-de/by-2-0';
const thesaurusUrl = 'https://www.openthesaurus.de';

/** Source attributions: the Gemeindeverzeichnis (dl-de/by-2-0) and the search's synonyms (OpenThesaurus, LGPL). */
export function Footer() {
  const t = useT();
  return (
    <footer className="hub-footer">
      <div className="kern-container">
        <nav aria-label={t('footer.legal')}>
          <ul className="hub-footer__links">
            <li>
              <Link className="kern-link kern-link--small" to={privacyPaths.privacyNotice}>
                {t('privacy.notice.title')}
              </Link>
            </li>
            <li>
              <Link className="kern-link kern-link--small" to={privacyPaths.imprint}>
                {t('privacy.imprint.title')}
              </Link>
            </li>
          </ul>
        </nav>
        <p className="kern-body kern-body--small">
          {t('footer.source')}{' '}
          <a className="kern-link kern-link--small" href={licenceUrl} rel="license">
            {t('footer.licence')}
          </a>
        </p>
        <p className="kern-body kern-body--small">
          {t('footer.thesaurus')}{' '}
          <a className="kern-link kern-link--small" href={thesaurusUrl}>
            OpenThesaurus
          </a>{' '}
          (LGPL)
        </p>
      </div>
    </footer>
  );
}
