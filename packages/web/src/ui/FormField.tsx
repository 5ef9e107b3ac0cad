import type { ReactNode } from 'react';
import { useT } from '../i18n';
import type { FormMessage } from './formErrors';

/** What a field's control needs from its frame to be tied to the hint and the error. */
export interface FieldControlProps {
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The KERN frame every labelled field shares: label, hint and error around one control, the
 * hint and error tied to the control with aria-describedby.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  error?: FormMessage;
  /** The control, given the aria attributes that tie it to the hint and the error. */
  children: (control: FieldControlProps) => ReactNode;
}) {
  const t = useT();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {children({ 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{error(t)}</span>
        </p>
      ) : null}
    </div>
  );
}
