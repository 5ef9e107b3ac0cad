import type { ChangeEvent, ReactNode } from 'react';
import { FormField } from './FormField';
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
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <Select
          id={id}
          value={value}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
          required={required || undefined}
          disabled={disabled || undefined}
          {...aria}
        >
          {children}
        </Select>
      )}
    </FormField>
  );
}
