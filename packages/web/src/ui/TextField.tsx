import type { ChangeEvent, HTMLInputAutoCompleteAttribute } from 'react';
import { useT } from '../i18n';
import type { FormMessage } from './formErrors';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'url';
  autoComplete?: HTMLInputAutoCompleteAttribute;
  hint?: string;
  error?: FormMessage;
  required?: boolean;
}

/** A labelled KERN input; its hint and error are tied to it with aria-describedby. */
export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  autoComplete,
  hint,
  error,
  required = true,
}: TextFieldProps) {
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
      <input
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        autoComplete={autoComplete}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        spellCheck={type === 'text' ? undefined : false}
        autoCapitalize={type === 'text' ? undefined : 'none'}
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
