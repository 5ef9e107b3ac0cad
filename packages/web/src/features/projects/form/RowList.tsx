import type { ReactNode } from 'react';

interface RowListProps<T> {
  legend: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  emptyRow: () => T;
  renderRow: (row: T, n: number, update: (patch: Partial<T>) => void) => ReactNode;
  removeLabel: (n: number) => string;
  addLabel: string;
}

/** A fieldset of editable rows (costs, funding, milestones): a remove button per row, add at the end. */
export function RowList<T>({
  legend,
  rows,
  onChange,
  emptyRow,
  renderRow,
  removeLabel,
  addLabel,
}: RowListProps<T>) {
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-label">{legend}</legend>
      <div className="kern-fieldset__body">
        {rows.map((row, index) => {
          const n = index + 1;
          const update = (patch: Partial<T>) =>
            onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved.
            <div className="hub-project-cost-row" key={index}>
              {renderRow(row, n, update)}
              <button
                type="button"
                className="kern-btn kern-btn--tertiary"
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                <span className="kern-label">{removeLabel(n)}</span>
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => onChange([...rows, emptyRow()])}
        >
          <span className="kern-label">{addLabel}</span>
        </button>
      </div>
    </fieldset>
  );
}
