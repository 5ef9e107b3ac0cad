import { localeNames, useLocale } from '../i18n';

/**
 * Switches between German and English. The button names the other language in that language
 * ("English" / "Deutsch"), marked with its `lang` so screen readers pronounce it correctly.
 */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const other = locale === 'de' ? 'en' : 'de';
  return (
    <button
      type="button"
      className="kern-btn kern-btn--tertiary hub-header__button"
      lang={other}
      onClick={() => setLocale(other)}
    >
      <span className="kern-icon kern-icon--language" aria-hidden="true" />
      <span className="kern-label">{localeNames[other]}</span>
    </button>
  );
}
