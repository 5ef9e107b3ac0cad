import { useT } from '../i18n';
import { useSignOut } from '../session/useSessionActions';

export function SignOutButton() {
  const t = useT();
  const { signOut, signingOut } = useSignOut();
  return (
    <button
      type="button"
      className="kern-btn kern-btn--secondary hub-header__button"
      onClick={() => void signOut()}
      aria-disabled={signingOut || undefined}
      disabled={signingOut}
    >
      <span className="kern-icon kern-icon--logout" aria-hidden="true" />
      <span className="kern-label">{t('header.signOut')}</span>
    </button>
  );
}
