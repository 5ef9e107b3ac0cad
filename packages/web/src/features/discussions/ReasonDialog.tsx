import { discussionLimits } from '@hub/shared';
import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n';

/** What a moderation asks: the action by name, and a reason kept in the audit log. */
export interface ReasonRequest {
  title: string;
  confirmLabel: string;
}

/**
 * A modal that asks a coordinator for the reason of a moderation (hiding a post, locking or
 * pinning a thread): a native `<dialog>`, focus on the reason, Escape cancels.
 */
function ReasonDialog({
  title,
  confirmLabel,
  onAnswer,
}: ReasonRequest & { onAnswer: (reason: string | null) => void }) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const fieldId = useId();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    fieldRef.current?.focus();
    return () => dialog.close();
  }, []);

  const answer = (value: string | null) => {
    dialogRef.current?.close();
    onAnswer(value);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < discussionLimits.reason.minLength) {
      setTooShort(true);
      fieldRef.current?.focus();
      return;
    }
    answer(reason.trim());
  };

  return (
    <dialog
      ref={dialogRef}
      className="kern-dialog hub-confirm"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        answer(null);
      }}
    >
      <form onSubmit={submit}>
        <header className="kern-dialog__header">
          <h2 className="kern-title kern-title--medium" id={titleId}>
            {title}
          </h2>
        </header>
        <section className="kern-dialog__body">
          <div className={`kern-form-input${tooShort ? ' kern-form-input--error' : ''}`}>
            <label className="kern-label" htmlFor={fieldId}>
              {t('discussions.moderation.reason')}
            </label>
            <div className="kern-hint" id={`${fieldId}-hint`}>
              {t('discussions.moderation.reasonHint')}
            </div>
            {tooShort ? (
              <p className="kern-error" id={`${fieldId}-error`}>
                {t('discussions.moderation.reasonTooShort', { min: discussionLimits.reason.minLength })}
              </p>
            ) : null}
            <textarea
              ref={fieldRef}
              className="kern-form-input__input"
              id={fieldId}
              rows={3}
              value={reason}
              maxLength={discussionLimits.reason.maxLength}
              aria-describedby={`${fieldId}-hint${tooShort ? ` ${fieldId}-error` : ''}`}
              aria-invalid={tooShort || undefined}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        </section>
        <footer className="kern-dialog__footer">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => answer(null)}>
            <span className="kern-label">{t('common.cancel')}</span>
          </button>
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{confirmLabel}</span>
          </button>
        </footer>
      </form>
    </dialog>
  );
}

/** Asks for a reason from an event handler: `const reason = await askReason({...}); if (!reason) return;`. */
export function useReason(): {
  askReason: (request: ReasonRequest) => Promise<string | null>;
  dialog: ReactNode;
} {
  const [open, setOpen] = useState<{
    request: ReasonRequest;
    resolve: (reason: string | null) => void;
    trigger: HTMLElement | null;
  } | null>(null);
  const askReason = useCallback(
    (request: ReasonRequest) =>
      new Promise<string | null>((resolve) => {
        const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setOpen({ request, resolve, trigger: active });
      }),
    [],
  );
  const dialog = open ? (
    <ReasonDialog
      {...open.request}
      onAnswer={(reason) => {
        setOpen(null);
        open.trigger?.focus();
        open.resolve(reason);
      }}
    />
  ) : null;
  return { askReason, dialog };
}
