import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n';

/** What a confirmation says: the object by name, and what happens to it. */
export interface ConfirmRequest {
  /** A question naming the object, e.g. „Mitgliedschaft von Mainz beenden?“ */
  title: string;
  /** The consequence in a sentence or two. */
  consequence: string;
  /** The confirming button says what it does („Mitgliedschaft beenden“), never just „OK“. */
  confirmLabel: string;
}

interface ConfirmDialogProps extends ConfirmRequest {
  onAnswer: (confirmed: boolean) => void;
}

/**
 * A modal confirmation for a destructive or hard-to-undo action: a native `<dialog>` (the browser
 * keeps focus inside and the rest of the page inert), opened with the focus on „Abbrechen“ so that
 * Enter or Escape never destroys anything by accident.
 */
export function ConfirmDialog({ title, consequence, confirmLabel, onAnswer }: ConfirmDialogProps) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const consequenceId = useId();

  const answer = (confirmed: boolean) => {
    // Closed before anything else, so that the page is no longer inert when the focus returns.
    dialogRef.current?.close();
    onAnswer(confirmed);
  };

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="kern-dialog hub-confirm"
      aria-labelledby={titleId}
      aria-describedby={consequenceId}
      // Escape fires `cancel`; the answer, not the browser, closes the dialog.
      onCancel={(event) => {
        event.preventDefault();
        answer(false);
      }}
    >
      <header className="kern-dialog__header">
        <h2 className="kern-title kern-title--medium" id={titleId}>
          {title}
        </h2>
      </header>
      <section className="kern-dialog__body">
        <p className="kern-body" id={consequenceId}>
          {consequence}
        </p>
      </section>
      <footer className="kern-dialog__footer">
        <button
          ref={cancelRef}
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => answer(false)}
        >
          <span className="kern-label">{t('common.cancel')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--primary" onClick={() => answer(true)}>
          <span className="kern-label">{confirmLabel}</span>
        </button>
      </footer>
    </dialog>
  );
}

/**
 * Asks for a confirmation from an event handler: `if (!(await confirm({...}))) return;`. Render
 * `dialog` once in the component. When the dialog closes, the focus goes back to the element that
 * opened it (the trigger), or to `returnFocus` when the trigger is gone by then (a closed menu).
 */
export function useConfirm(): {
  confirm: (request: ConfirmRequest, returnFocus?: HTMLElement | null) => Promise<boolean>;
  dialog: ReactNode;
} {
  const [open, setOpen] = useState<{
    request: ConfirmRequest;
    resolve: (confirmed: boolean) => void;
    trigger: HTMLElement | null;
    returnFocus: HTMLElement | null;
  } | null>(null);

  const confirm = useCallback(
    (request: ConfirmRequest, returnFocus?: HTMLElement | null) =>
      new Promise<boolean>((resolve) => {
        const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setOpen({ request, resolve, trigger: active, returnFocus: returnFocus ?? null });
      }),
    [],
  );

  const dialog = open ? (
    <ConfirmDialog
      {...open.request}
      onAnswer={(confirmed) => {
        setOpen(null);
        const target = open.trigger?.isConnected ? open.trigger : open.returnFocus;
        target?.focus();
        open.resolve(confirmed);
      }}
    />
  ) : null;

  return { confirm, dialog };
}
