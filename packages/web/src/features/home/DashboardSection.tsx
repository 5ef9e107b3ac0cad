import type { ReactNode } from 'react';
import { useId } from 'react';

/** One panel of a dashboard: a titled section; the grid lays the panels out side by side on wide screens. */
export function DashboardSection({
  title,
  children,
  wide = false,
}: {
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const id = useId();
  return (
    <section
      className={`hub-dashboard-panel${wide ? ' hub-dashboard-panel--wide' : ''}`}
      aria-labelledby={id}
    >
      <h2 className="kern-heading-small" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}
