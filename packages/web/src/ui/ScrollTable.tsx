import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n';

/**
 * The container of every wide table. When the table is wider than the screen it scrolls sideways
 * inside the container (never the page), says so in a visible hint, shows a shadow on the side with
 * hidden columns, and becomes a labelled, focusable region so that keyboard users can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  const areaRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [hidden, setHidden] = useState({ left: false, right: false });

  const measure = useCallback(() => {
    const area = areaRef.current;
    if (!area) return;
    const left = area.scrollLeft > 1;
    const right = area.scrollLeft + area.clientWidth < area.scrollWidth - 1;
    setHidden((before) => (before.left === left && before.right === right ? before : { left, right }));
  }, []);

  useEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(area);
    if (area.firstElementChild) observer.observe(area.firstElementChild);
    return () => observer.disconnect();
  }, [measure]);

  const scrolls = hidden.left || hidden.right;
  const edges = `${hidden.left ? ' hub-table-scroll__frame--more-left' : ''}${hidden.right ? ' hub-table-scroll__frame--more-right' : ''}`;
  return (
    <div className="hub-table-scroll">
      {scrolls ? (
        <p className="kern-body kern-body--small hub-table-scroll__hint" id={hintId}>
          {t('table.scrollHint')}
        </p>
      ) : null}
      <div className={`hub-table-scroll__frame${edges}`}>
        <div
          ref={areaRef}
          className="hub-table-scroll__area"
          onScroll={measure}
          // Only a region that scrolls is a stop for the Tab key (and must be one: WCAG 2.1.1).
          {...(scrolls
            ? { role: 'region', tabIndex: 0, 'aria-label': label, 'aria-describedby': hintId }
            : undefined)}
        >
          {children}
        </div>
      </div>
    </div>
  );
}
