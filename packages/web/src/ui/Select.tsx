import type { ComponentProps } from 'react';

/**
 * A native select that looks like one: KERN's wrapper draws the field, the chevron and (with the
 * select's own rule) the focus ring. Every `<select>` of the app is this one; SelectField adds the
 * label, hint and error around it.
 */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return (
    <div className="kern-form-input__select-wrapper">
      <select
        className={className ? `kern-form-input__select ${className}` : 'kern-form-input__select'}
        {...props}
      />
    </div>
  );
}
