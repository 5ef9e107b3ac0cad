import type { ChangeEvent } from 'react';
import { useT } from '../i18n';
import type { FormMessage } from './formErrors';

interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  hint?: string;
  error?: FormMessage;
  rows?: number;
  /** Off unless asked for: most long texts are optional. */
  required?: boolean;
}

/** A labelled KERN multi-line input (optional unless `required`); hint and error are tied to it with aria-describedby. */
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  maxLength,
  hint,
  error,
  rows = 5,
  required = false,
}: TextAreaFieldProps) {
  const t = useT();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label} {required ? null : <span className="kern-label__optional">{t('form.optional')}</span>}
      </label>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <textarea
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        maxLength={maxLength}
        required={required}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{error(t)}</span>
        </p>
      ) : null}
    </div>
  );
}
