import type { ReactNode } from 'react';

interface CheckboxProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** A hint below the box, tied to it with aria-describedby. */
  hint?: ReactNode;
  /** Ids of other elements that describe the box (e.g. a due date shown next to it). */
  describedBy?: string;
  disabled?: boolean;
  /** The change is being saved. */
  busy?: boolean;
}

/** A labelled KERN checkbox (the label is clickable; KERN draws the box and its focus ring). */
export function Checkbox({ id, label, checked, onChange, hint, describedBy, disabled, busy }: CheckboxProps) {
  const hintId = hint ? `${id}-hint` : null;
  const describedByIds = [describedBy, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="kern-form-check">
      <input
        className="kern-form-check__checkbox"
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled || undefined}
        aria-busy={busy || undefined}
        aria-describedby={describedByIds}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint" id={hintId ?? undefined}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
