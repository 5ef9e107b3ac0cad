import type { ChangeEvent, ReactNode } from 'react';
import { FormField } from './FormField';
import type { FormMessage } from './formErrors';

interface DateFieldProps {
  id: string;
  /** Usually a string; a node where the label carries more (e.g. a `kern-label__optional` marker). */
  label: ReactNode;
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: FormMessage;
  /** Off unless asked for (filters and most dates are optional). */
  required?: boolean;
  /** `YYYY-MM-DD` bounds the browser's date picker offers. */
  min?: string;
  max?: string;
}

/** A labelled KERN date input (the browser's own picker, keyboard-usable); hint and error tied to it. */
export function DateField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  required = false,
  min,
  max,
}: DateFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <input
          className={`kern-form-input__input hub-date-input${error ? ' kern-form-input__input--error' : ''}`}
          id={id}
          name={id}
          type="date"
          value={value}
          min={min}
          max={max}
          required={required}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          {...aria}
        />
      )}
    </FormField>
  );
}
