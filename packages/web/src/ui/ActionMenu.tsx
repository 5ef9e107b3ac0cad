import { type FocusEvent, type KeyboardEvent, useId, useRef, useState } from 'react';

export interface MenuAction {
  /** Short visible text, e.g. „Nach oben“. */
  label: string;
  /** The full name for screen readers when the visible text needs its context, e.g. „„TOP 1“ nach oben“. */
  accessibleLabel?: string;
  onSelect: (menuButton: HTMLButtonElement | null) => void;
  disabled?: boolean;
  /** Destructive actions are set apart at the end of the menu. */
  destructive?: boolean;
}

/**
 * A disclosure button that shows a short list of actions for one object (the WAI-ARIA disclosure
 * pattern: Tab moves through the actions, Escape closes and returns to the button). It keeps rows
 * calm where each would otherwise show several buttons repeating the object's name.
 */
export function ActionMenu({
  label,
  accessibleLabel,
  actions,
}: {
  label: string;
  /** The button's name for screen readers, naming the object („Aktionen zu „TOP 1““). */
  accessibleLabel: string;
  actions: readonly MenuAction[];
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const listId = useId();

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  // On every button of the menu: Escape closes it, and so does the focus leaving it (not moving within).
  const menuKeys = {
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Escape' && open) {
        event.stopPropagation();
        close(true);
      }
    },
    onBlur: (event: FocusEvent) => {
      if (open && !containerRef.current?.contains(event.relatedTarget)) setOpen(false);
    },
  };

  return (
    <div className="hub-action-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="kern-btn kern-btn--secondary hub-action-menu__toggle"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={accessibleLabel}
        onClick={() => setOpen(!open)}
        {...menuKeys}
      >
        <span className="kern-label">{label}</span>
        <span className="hub-action-menu__chevron" aria-hidden="true" />
      </button>
      <ul className="hub-action-menu__list" id={listId} hidden={!open}>
        {actions.map((action) => (
          <li
            key={action.label}
            className={
              action.destructive
                ? 'hub-action-menu__item hub-action-menu__item--destructive'
                : 'hub-action-menu__item'
            }
          >
            <button
              type="button"
              className="hub-action-menu__action"
              disabled={action.disabled}
              aria-label={action.accessibleLabel}
              {...menuKeys}
              onClick={() => {
                close(true);
                action.onSelect(buttonRef.current);
              }}
            >
              {action.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
