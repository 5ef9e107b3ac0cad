import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { searchPaths } from '../features/search/searchPaths';
import { useT } from '../i18n';

/** Whether a key press happens while typing somewhere (then "/" is a character, not the shortcut). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The search box of the header: "/" focuses it from anywhere; submitting opens the results page. */
export function HeaderSearch() {
  const t = useT();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed) navigate(searchPaths.resultsFor(trimmed));
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet in React's JSX types; the role says the same.
    <form className="hub-header-search" role="search" aria-label={t('search.header.label')} onSubmit={submit}>
      <label className="kern-sr-only" htmlFor="header-search">
        {t('search.header.field')}
      </label>
      <input
        ref={input}
        className="kern-form-input__input hub-header-search__input"
        id="header-search"
        type="search"
        value={text}
        placeholder={t('search.header.placeholder')}
        aria-keyshortcuts="/"
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="kern-btn kern-btn--secondary">
        <span className="kern-label">{t('search.header.submit')}</span>
      </button>
    </form>
  );
}
