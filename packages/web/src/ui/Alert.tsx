import type { ReactNode } from 'react';

type AlertVariant = 'info' | 'success' | 'warning' | 'danger';

interface AlertProps {
  variant: AlertVariant;
  title: string;
  children?: ReactNode;
  /** `status` for news announced politely, `alert` for problems; none for static text. */
  role?: 'status' | 'alert';
}

/** A KERN alert box with an icon, a title and optional body text. */
export function Alert({ variant, title, children, role }: AlertProps) {
  return (
    <div className={`kern-alert kern-alert--${variant} hub-alert`} role={role}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${variant}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}
