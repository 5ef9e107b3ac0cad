import type { ChangeEvent } from 'react';
import { useT } from '../i18n';
import { FormField } from './FormField';
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
  /** Says "(optional)" after the label of a field that is not required; off where that goes without saying. */
  markOptional?: boolean;
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
  markOptional = true,
}: TextAreaFieldProps) {
  const t = useT();
  const optional =
    required || !markOptional ? null : <span className="kern-label__optional">{t('form.optional')}</span>;
  return (
    <FormField
      id={id}
      label={
        <>
          {label} {optional}
        </>
      }
      hint={hint}
      error={error}
    >
      {(aria) => (
        <textarea
          className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
          id={id}
          name={id}
          rows={rows}
          value={value}
          maxLength={maxLength}
          required={required}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
          {...aria}
        />
      )}
    </FormField>
  );
}
