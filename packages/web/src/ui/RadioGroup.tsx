import type { ReactNode } from 'react';

interface RadioGroupProps<Value extends string> {
  /** The radios' name; each radio's id is `${name}-${value}`. */
  name: string;
  legend: string;
  options: readonly { value: Value; label: string }[];
  /** The chosen value; none is checked while it is null. */
  value: Value | null;
  onChange: (value: Value) => void;
  /** More controls of the same group, after the radios (e.g. a checkbox that narrows the choice). */
  children?: ReactNode;
  className?: string;
  /** While a choice is being saved. */
  disabled?: boolean;
}

/** One choice among a few, as a KERN fieldset of labelled radios (arrow keys move between them). */
export function RadioGroup<Value extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  children,
  className,
  disabled,
}: RadioGroupProps<Value>) {
  return (
    <fieldset className={className ? `kern-fieldset ${className}` : 'kern-fieldset'}>
      <legend className="kern-label">{legend}</legend>
      <div className="kern-fieldset__body">
        {options.map((option) => (
          <div className="kern-form-check" key={option.value}>
            <input
              className="kern-form-check__radio"
              type="radio"
              name={name}
              id={`${name}-${option.value}`}
              checked={value === option.value}
              disabled={disabled || undefined}
              onChange={() => onChange(option.value)}
            />
            <label className="kern-label" htmlFor={`${name}-${option.value}`}>
              {option.label}
            </label>
          </div>
        ))}
        {children}
      </div>
    </fieldset>
  );
}
