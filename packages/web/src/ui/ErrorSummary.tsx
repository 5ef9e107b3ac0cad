import { type MouseEvent, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n';
import { type FormErrors, hasFormErrors } from './formErrors';

export interface ErrorSummaryProps<Field extends string> {
  errors: FormErrors<Field>;
  /** The input id of each field, so that the summary can link to it. */
  fieldIds: Record<Field, string>;
  /** Changes with every submission; the summary takes the focus again each time. */
  attempt: number;
}

/**
 * Lists a form's problems at its top (role="alert"), each field error linking to its input, and moves
 * the focus there after a failed submission.
 */
export function ErrorSummary<Field extends string>({ errors, fieldIds, attempt }: ErrorSummaryProps<Field>) {
  const t = useT();
  const summary = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const visible = hasFormErrors(errors);

  useEffect(() => {
    if (visible && attempt > 0) summary.current?.focus();
  }, [visible, attempt]);

  if (!visible) return null;

  const focusField = (event: MouseEvent<HTMLAnchorElement>, inputId: string) => {
    const input = document.getElementById(inputId);
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.scrollIntoView({ block: 'center' });
  };

  const formMessages = [...new Set(errors.form.map((message) => message(t)))];
  const fieldEntries = (Object.keys(fieldIds) as Field[]).flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ inputId: fieldIds[field], message }] : [];
  });

  return (
    <div
      ref={summary}
      className="kern-alert kern-alert--danger hub-alert hub-error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
    >
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 className="kern-title" id={titleId}>
          {t('form.errorSummaryTitle')}
        </h2>
      </div>
      <div className="kern-alert__body">
        <ul className="hub-error-summary__list">
          {formMessages.map((message) => (
            <li key={message} className="kern-body">
              {message}
            </li>
          ))}
          {fieldEntries.map(({ inputId, message }) => (
            <li key={inputId} className="kern-body">
              <a className="kern-link" href={`#${inputId}`} onClick={(event) => focusField(event, inputId)}>
                {message(t)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
