import { useLazyQuery, useQuery } from '@apollo/client/react';
import { discussionLimits } from '@hub/shared';
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { graphql } from '../../gql';
import type { SearchKind } from '../../gql/graphql';
import { useT } from '../../i18n';
import { FormField } from '../../ui/FormField';
import type { FormMessage } from '../../ui/formErrors';
import { type MentionKind, mentionAt, mentionToken } from './mentions';
import { PostHtml } from './PostHtml';

export const MentionSuggestionsQuery = graphql(`
  query MentionSuggestions($text: String!, $kinds: [SearchKind!]) {
    search(text: $text, kinds: $kinds, first: 4) {
      kind
      hits {
        nodeId
        kind
        title
        detail
      }
    }
  }
`);

export const PostPreviewQuery = graphql(`
  query PostPreview($body: String!) {
    discussionPostPreview(body: $body)
  }
`);

const KINDS = ['PERSON', 'MUNICIPALITY', 'PROJECT'] as SearchKind[];

interface PostEditorProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: FormMessage;
  /** Focus the text when shown (answering, editing). */
  autoFocus?: boolean;
}

/**
 * The Markdown editor of a post, with a preview rendered by the API and an autocomplete for
 * mentions: typing `@` and two letters offers people, municipalities and projects in a listbox
 * (arrow keys move, Enter or Tab takes one, Escape closes). The text area keeps its textbox role
 * and points at the active suggestion with aria-activedescendant; a status line tells screen
 * readers how many suggestions there are.
 */
export function PostEditor({ id, label, value, onChange, error, autoFocus = false }: PostEditorProps) {
  const t = useT();
  const listboxId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [debounced, setDebounced] = useState('');
  const [active, setActive] = useState(0);
  const [previewing, setPreviewing] = useState(false);
  const [loadPreview, preview] = useLazyQuery(PostPreviewQuery, { fetchPolicy: 'network-only' });

  useEffect(() => {
    if (autoFocus) textRef.current?.focus();
  }, [autoFocus]);

  // After a mention is inserted, the caret goes behind it in the same commit (a frame later, a
  // fast typist's next key would land at the end of the text, where setting the value left it).
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const position = pendingCaret.current;
    if (position === null) return;
    pendingCaret.current = null;
    textRef.current?.setSelectionRange(position, position);
  });

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(mention?.query ?? ''), 200);
    return () => clearTimeout(timer);
  }, [mention?.query]);

  const suggestions = useQuery(MentionSuggestionsQuery, {
    variables: { text: debounced, kinds: KINDS },
    skip: debounced.length < 2 || !mention,
  });
  const options = mention ? (suggestions.data?.search ?? []).flatMap((group) => group.hits).slice(0, 8) : [];
  const open = options.length > 0;

  const track = (text: string, caret: number) => {
    const found = mentionAt(text, caret);
    setMention(found);
    if (!found) setActive(0);
  };

  const choose = (index: number) => {
    const option = options[index];
    if (!option || !mention) return;
    const token = mentionToken(option.kind as MentionKind, option.nodeId, option.title);
    const caret = textRef.current?.selectionStart ?? value.length;
    const next = `${value.slice(0, mention.start)}${token} ${value.slice(caret)}`;
    onChange(next);
    setMention(null);
    setActive(0);
    pendingCaret.current = mention.start + token.length + 1;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current) => (current + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => (current - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setMention(null);
    }
  };

  const togglePreview = () => {
    if (!previewing && value.trim()) void loadPreview({ variables: { body: value } });
    setPreviewing(!previewing);
  };

  const optionId = (index: number) => `${listboxId}-option-${index}`;
  return (
    <div className="hub-post-editor">
      <FormField id={id} label={label} hint={t('discussions.editor.hint')} error={error}>
        {(aria) => (
          <textarea
            ref={textRef}
            className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
            id={id}
            name={id}
            rows={6}
            value={value}
            maxLength={discussionLimits.body.maxLength}
            required
            hidden={previewing}
            aria-autocomplete="list"
            aria-controls={open ? listboxId : undefined}
            aria-activedescendant={open ? optionId(active) : undefined}
            onChange={(event) => {
              onChange(event.target.value);
              track(event.target.value, event.target.selectionStart);
            }}
            onKeyDown={onKeyDown}
            onKeyUp={(event) => {
              if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key))
                track(event.currentTarget.value, event.currentTarget.selectionStart);
            }}
            onBlur={() => setMention(null)}
            {...aria}
          />
        )}
      </FormField>
      {open && !previewing ? (
        <div
          className="hub-mention-list"
          id={listboxId}
          role="listbox"
          aria-label={t('discussions.editor.suggestions')}
        >
          {options.map((option, index) => (
            <div
              key={option.nodeId}
              id={optionId(index)}
              role="option"
              // Active through aria-activedescendant; the text area keeps the focus.
              tabIndex={-1}
              aria-selected={index === active}
              className={`hub-mention-list__option${index === active ? ' hub-mention-list__option--active' : ''}`}
              // Chosen on mousedown so that the text area keeps the focus.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
            >
              <span className="hub-mention-list__title">{option.title}</span>{' '}
              <span className="hub-mention-list__kind">{t(`search.kind.${option.kind}`)}</span>
            </div>
          ))}
        </div>
      ) : null}
      <p className="kern-sr-only" role="status">
        {open ? t('discussions.editor.suggestionCount', { count: options.length }) : ''}
      </p>
      {previewing ? (
        <section className="hub-post-preview" aria-label={t('discussions.editor.previewLabel')}>
          {preview.loading ? <p className="kern-body">{t('app.loading')}</p> : null}
          {preview.data ? <PostHtml html={preview.data.discussionPostPreview} /> : null}
          {!value.trim() ? <p className="kern-body">{t('discussions.editor.previewEmpty')}</p> : null}
        </section>
      ) : null}
      <button
        type="button"
        className="kern-btn kern-btn--tertiary"
        aria-pressed={previewing}
        onClick={togglePreview}
      >
        <span className="kern-label">{t('discussions.editor.preview')}</span>
      </button>
    </div>
  );
}
