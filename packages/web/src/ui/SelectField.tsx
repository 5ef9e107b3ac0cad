import type { ChangeEvent, ReactNode } from 'react';
import { useT } from '../i18n';
import type { FormMessage } from './formErrors';
import { Select } from './Select';

interface SelectFieldProps {
  id: string;
  /** Usually a string; a node where the label carries more (e.g. a `kern-label__optional` marker). */
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** The `<option>`s. */
  children: ReactNode;
  hint?: string;
  error?: FormMessage;
  /** Unlike TextField, off unless asked for: most selects always hold a value or are filters. */
  required?: boolean;
  disabled?: boolean;
}

/** A labelled KERN select; its hint and error are tied to it with aria-describedby. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  children,
  hint,
  error,
  required = false,
  disabled,
}: SelectFieldProps) {
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
      <Select
        id={id}
        value={value}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
        required={required || undefined}
        disabled={disabled || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {children}
      </Select>
      {error ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{error(t)}</span>
        </p>
      ) : null}
    </div>
  );
}
