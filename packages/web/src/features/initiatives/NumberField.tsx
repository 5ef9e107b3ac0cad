import type { ChangeEvent } from 'react';
import { FormField } from '../../ui/FormField';
import type { FormMessage } from '../../ui/formErrors';

interface NumberFieldProps {
  id: string;
  label: string;
  /** The typed text: checked by the form, so that a half-typed number is not thrown away. */
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  hint?: string;
  error?: FormMessage;
}

/** A labelled whole-number input (points, per cent); the numeric keyboard on phones. */
export function NumberField({ id, label, value, onChange, min, max, hint, error }: NumberFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <input
          className={`kern-form-input__input hub-number-input${error ? ' kern-form-input__input--error' : ''}`}
          id={id}
          name={id}
          type="number"
          inputMode="numeric"
          step={1}
          min={min}
          max={max}
          value={value}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          {...aria}
        />
      )}
    </FormField>
  );
}
