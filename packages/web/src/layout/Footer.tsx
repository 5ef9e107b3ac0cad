import { useT } from '../i18n';

const licenceUrl = 'https://www.govdata.de/dl-de/by-2-0';

/** Source attribution the Gemeindeverzeichnis licence (dl-de/by-2-0) requires. */
export function Footer() {
  const t = useT();
  return (
    <footer className="hub-footer">
      <div className="kern-container">
        <p className="kern-body kern-body--small">
          {t('footer.source')}{' '}
          <a className="kern-link kern-link--small" href={licenceUrl} rel="license">
            {t('footer.licence')}
          </a>
        </p>
      </div>
    </footer>
  );
}
