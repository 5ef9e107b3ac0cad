import type { ChangeEvent, HTMLInputAutoCompleteAttribute } from 'react';
import { FormField } from './FormField';
import type { FormMessage } from './formErrors';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'url' | 'search';
  autoComplete?: HTMLInputAutoCompleteAttribute;
  hint?: string;
  error?: FormMessage;
  required?: boolean;
  /** The longest value the API accepts (from @hub/shared); the browser stops typing there. */
  maxLength?: number;
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
  maxLength,
}: TextFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <input
          className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
          id={id}
          name={id}
          type={type}
          value={value}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          autoComplete={autoComplete}
          maxLength={maxLength}
          required={required}
          {...aria}
          spellCheck={type === 'text' || type === 'search' ? undefined : false}
          autoCapitalize={type === 'text' || type === 'search' ? undefined : 'none'}
        />
      )}
    </FormField>
  );
}
